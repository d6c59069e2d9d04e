#pragma once
// Exact type-7 band percentiles of many columns of n values each, without keeping the values: a
// Monte Carlo run on a large model cannot hold paths × outputs × years doubles, but it can
// evaluate its paths again (their draws are reproducible from the seed), so the values come in
// passes and each pass narrows down where every column's wanted order statistics lie.
//
// Each value x of a column has a key, its position in the column's range (set by a pilot), cut
// into kBuckets · kSub keys. The key never decreases as x grows (values outside the range take
// the end keys), so the values of a lower key are never larger. Pass 1 counts each column's
// values by bucket (kSub keys), sums them and finds their minimum and maximum. For each order
// statistic type 7 needs (bandRanks) the bucket holding it is then known, and how many values lie
// below. When the wanted buckets hold at most kCollect values, pass 2 collects them and the order
// statistics are selected among them: two passes. Otherwise pass 2 counts the wanted buckets' keys
// and pass 3 collects the values of the wanted keys: three passes. A constant column (minimum =
// maximum) is done after pass 1.
//
// Memory: per column, kBuckets counts (2 bytes, 4 above 65,535 values) per worker during pass 1,
// kSub per wanted bucket and worker during a counting pass 2, then the collected values: at most
// kCollect after pass 1; after pass 2 the values of up to ten single keys, a handful unless the
// column is extremely concentrated within its pilot range (then up to n). Never n values per column
// otherwise.
//
// Deterministic whatever the number of workers: counts are integers, collected values are a
// multiset (selection does not depend on their order), and sums are added within a group of
// values (add()'s `group`: one worker adds a whole group, in order) and then in group order.
#include "core/uncertainty/percentiles.h"
#include "core/uncertainty/run_memory.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace jevons::core {

class StreamingBands {
public:
    /// @brief Buckets of a column's range in pass 1.
    static constexpr std::size_t kBuckets = 256;
    /// @brief Keys per bucket: the resolution of a counting pass 2.
    static constexpr std::size_t kSub = 256;
    /// @brief The most values a column collects after pass 1 (more: a counting pass first).
    static constexpr std::size_t kCollect = 4096;
    /// @brief The most runs of keys a column can want: two order statistics for each of the
    /// five levels.
    static constexpr std::size_t kMaxWants = 10;

    /// @brief `columns` columns of n values each (n > 0), added in `groups` groups by up to
    /// `workers` threads. The arrays of a pass may take up to `budget` bytes (firstPassBytes()
    /// for pass 1; what later passes collect depends on the values, and beginPass() refuses one
    /// over the budget); `reserved` is what the rest of the run holds, for the refusal's message.
    StreamingBands(std::size_t columns, std::size_t n, std::size_t groups, int workers,
                   std::size_t budget = std::numeric_limits<std::size_t>::max(),
                   std::size_t reserved = 0);

    /// @brief Bytes of pass 1's arrays and the columns' bookkeeping for such a run.
    [[nodiscard]] static std::size_t firstPassBytes(std::size_t columns, std::size_t n,
                                                    std::size_t groups, int workers);
    StreamingBands(const StreamingBands&) = delete;
    StreamingBands& operator=(const StreamingBands&) = delete;
    ~StreamingBands();

    /// @brief The key range of `column` from a pilot of its values (padded by 5% each side).
    /// Call for every column that has values before pass 1. An empty pilot gives every value one
    /// key (exact, but a column that is not constant then needs all three passes).
    void setRange(std::size_t column, std::span<const double> pilot);

    /// @brief Starts a pass (serially, between passes): sizes its counts or collection, left
    /// uninitialised for prepare(). Throws SimulationTooLarge, before allocating, when the pass
    /// would hold more than the budget (values concentrated in a sliver of their pilot range
    /// can leave up to n of a column to collect).
    void beginPass();
    /// @brief Readies `column` for the pass begun (zeroes its counts, builds its lookup table).
    /// Call for every column after beginPass() and before any add(); columns may be prepared
    /// concurrently, so the pages of a large run are touched by every worker, not in a serial step.
    void prepare(std::size_t column);
    /// @brief Whether `column` takes part in the current pass.
    [[nodiscard]] bool active(std::size_t column) const;
    /// @brief Whether any column takes part in the current pass (else the pass can be skipped).
    [[nodiscard]] bool anyActive() const { return m_activeColumns > 0; }
    /// @brief `count` values of an active `column`, part of group `group` (the groups cut the n
    /// values in a fixed way, each added by one worker in order). Concurrent calls must pass
    /// different workers. Contract: values finite; every value of every active column is added
    /// once per pass.
    void add(int worker, std::size_t group, std::size_t column, const double* values,
             std::size_t count);
    /// @brief Ends the pass for `column` (columns may be ended concurrently, once all adds of the
    /// pass are done). Returns whether the column needs another pass.
    bool endPass(std::size_t column);

    /// @brief Once no column is active: the band percentiles of g(x) over the column's values,
    /// for a non-decreasing g (identity when empty), and the mean. Contract: column had a
    /// range set.
    [[nodiscard]] BandPercentiles bands(std::size_t column,
                                        const std::function<double(double)>& g = {});
    [[nodiscard]] double mean(std::size_t column) const;

    /// @brief The passes so far (1 after the first).
    [[nodiscard]] int passes() const { return m_pass; }
    /// @brief The passes the run will take: 2 until pass 2 has begun, then 2 or 3.
    [[nodiscard]] int plannedPasses() const { return m_planned; }

private:
    enum class Stage : std::uint8_t { None, Count, Refine, Collect, Done };
    // A run of keys [first, last) holding some wanted order statistics, with the number of the
    // column's values below `first`, the values in it, and where its collected values go.
    struct Want {
        std::uint32_t first = 0;
        std::uint32_t last = 0;
        std::size_t below = 0;
        std::size_t count = 0;
        std::size_t offset = 0;  // in m_subCounts' slots (Refine)
    };
    struct Column {
        double lo = 0.0;
        double scale = 0.0;  // keys per unit of value: 0 = every value key 0
        Stage stage = Stage::None;
        double min = 0.0, max = 0.0, mean = 0.0;
        std::vector<Want> wants;
        std::vector<std::uint16_t> buckets;  // passes 2, 3: the buckets its wants lie in
        std::size_t cursor = 0;              // collecting: its cursor in m_cursors
        std::size_t offset = 0;              // collecting: where its values start in m_collected
        std::size_t collected = 0;           // collecting: its values (the wants' counts)
    };

    // Wants from a histogram of `bins` bins of `width` keys starting at key `first` with `below`
    // values below it, for the ranks in [fromRank, toRank) of m_ranks.
    void wantsFrom(std::span<const std::uint32_t> counts, std::uint32_t first, std::uint32_t width,
                   std::size_t below, std::vector<Want>& out) const;

    std::size_t m_columns = 0;
    std::size_t m_n = 0;
    std::size_t m_groups = 0;
    int m_workers = 1;
    std::size_t m_budget = 0;
    std::size_t m_reserved = 0;
    int m_pass = 0;
    int m_planned = 2;
    std::size_t m_activeColumns = 0;
    std::vector<std::size_t> m_ranks;  // bandRanks(n)
    std::vector<Column> m_column;
    template <typename Count>
    void countBuckets(const Column& c, const double* values, std::size_t count,
                      Count* counts) const;

    // A pass's arrays, carved out of one RunMemory buffer (kept for the next pass or run, in
    // huge pages when large: a fresh page's fault costs more than filling it) and left
    // uninitialised: prepare() sets each column's part, on the workers.
    std::unique_ptr<RunMemory> m_memory;
    std::size_t m_memoryBytes = 0;         // m_memory's size
    std::uint32_t* m_counts = nullptr;     // pass 1: [worker][column][bucket], n > 65,535
    std::uint16_t* m_counts16 = nullptr;   // the same when n <= 65,535
    double* m_sums = nullptr;              // pass 1: [group][column]
    double* m_minMax = nullptr;            // pass 1: [worker][column][2]
    std::uint32_t* m_subCounts = nullptr;  // refining: [worker][slot][kSub]
    std::size_t m_slots = 0;
    double* m_collected = nullptr;  // collecting: every want's values
    std::size_t m_collectedSize = 0;
    std::int8_t* m_bucketWant = nullptr;  // passes 2, 3: [column][bucket] -> first want or -1
    std::unique_ptr<std::atomic<std::size_t>[]> m_cursors;  // collecting: one per column
};

}  // namespace jevons::core
