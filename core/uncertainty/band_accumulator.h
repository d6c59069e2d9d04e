#pragma once
// Percentile bands of many columns whose values arrive chunk by chunk: a Monte Carlo run has one
// column per (output, year) and evaluates its paths a chunk at a time.
//
// While a chunk's values are still in cache, add() copies them to the run buffer and records for
// each value a 15-bit position code: where it lies in the column's range, cut into kBuckets
// buckets of kFine codes each. It counts the buckets (a histogram per column) and keeps the
// chunk's sum. finish() then finds from the histogram the buckets holding the
// order statistics the five band levels need, scans the column's codes (2 bytes a value, 8 at a
// time) for those buckets, narrows each rank to one code, and selects among the handful of values
// with that code: the doubles themselves are hardly read again, and nothing is sorted.
//
// Exact whatever the range: the code is a non-decreasing function of the value, so values of a
// lower code are never larger. The range comes from a pilot (the first chunk's values, padded by
// 5%); values outside it get the end codes, and a wanted bucket holding too many values falls back
// to an exact selection over the whole column.
//
// Deterministic: counts are integers, a chunk's sum is added in a fixed order inside the chunk and
// the chunks' sums in chunk order, whichever thread added which chunk. The mean can therefore
// differ in the last bits from a sum taken in path order.
#include "core/uncertainty/percentiles.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace jevons::core {

class BandAccumulator {
public:
    /// @brief Histogram buckets per column (per worker: columns × kBuckets counts of 4 bytes).
    static constexpr std::size_t kBuckets = 512;
    /// @brief Position codes per bucket: codes run from 0 to kBuckets · kFine − 1 (< 2^15).
    static constexpr std::size_t kFine = 64;

    /// @brief `columns` columns of `chunks` chunks each, added by up to `workers` threads.
    BandAccumulator(std::size_t columns, std::size_t chunks, int workers);

    /// @brief The range of `column`'s codes, from a pilot of its values, and its counts zeroed.
    /// Call once for every column before any add() of it. Contract: pilot finite; an empty pilot
    /// gives every value one code (exact, only slower).
    void setRange(std::size_t column, std::span<const double> pilot);

    /// @brief Chunk `chunk` of `column`: copies the n values to `run` and their codes to `codes`
    /// (when `run` is 16-byte aligned and n even, by streaming stores: call storeFence() before
    /// another thread reads them) and counts them. Each (column, chunk) is added once; concurrent
    /// calls must pass different workers. Contract: n > 0, values finite.
    void add(int worker, std::size_t chunk, std::size_t column, const double* values, std::size_t n,
             double* run, std::uint16_t* codes);

    /// @brief Type-7 P10, P25, P50, P75, P90 and the mean of `column`, given all its values and
    /// codes as add() wrote them (`data` may be reordered). Call once every chunk of the column
    /// has been added. Columns may be finished concurrently.
    [[nodiscard]] Percentiles finish(std::size_t column, std::span<double> data,
                                     std::span<const std::uint16_t> codes) const;

    /// @brief Makes the streaming stores of add() visible to other threads.
    static void storeFence();

private:
    [[nodiscard]] std::uint16_t codeOf(std::size_t column, double x) const;

    std::size_t m_columns = 0;
    std::size_t m_chunks = 0;
    int m_workers = 1;
    std::vector<double> m_lo;     // per column: the low end of code 0
    std::vector<double> m_scale;  // per column: codes per unit (0: every value code 0)
    // Not initialised here (a run's serial start): add() writes every chunk's sum, setRange()
    // zeroes a column's counts (in the pilot, beside the sampling).
    std::unique_ptr<double[]> m_sums;           // [chunk][column]: a chunk's sums lie together
    std::unique_ptr<std::uint32_t[]> m_counts;  // [worker][column][bucket]
};

}  // namespace jevons::core
