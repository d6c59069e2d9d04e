#pragma once
// Percentiles of Monte Carlo samples.
//
// Definition: Hyndman & Fan type 7 (R's default, NumPy's "linear", Excel's PERCENTILE.INC). For n
// values sorted x_0 <= … <= x_{n-1}, h = (n − 1)·p and Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
// Convention: P10 is the 10th percentile — a 90% chance that the outcome exceeds it (the reverse
// of the oil-and-gas habit where "P90" means 90% chance of exceeding). Charts state this.
#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace jevons::core {

/// @brief The five band levels a fan chart draws: P10, P25, P50, P75, P90.
inline constexpr std::array<double, 5> kBandLevels{0.10, 0.25, 0.50, 0.75, 0.90};

/// @brief Summary of one sample: the five band percentiles and the mean.
struct Percentiles {
    double p10 = 0.0;
    double p25 = 0.0;
    double p50 = 0.0;
    double p75 = 0.0;
    double p90 = 0.0;
    double mean = 0.0;
    bool operator==(const Percentiles&) const = default;
};

/// @brief The five band percentiles alone, without a mean: e.g. of a per-path CAGR, whose
/// percentiles are taken from the order statistics of the end/start ratios.
struct BandPercentiles {
    double p10 = 0.0;
    double p25 = 0.0;
    double p50 = 0.0;
    double p75 = 0.0;
    double p90 = 0.0;
    bool operator==(const BandPercentiles&) const = default;
};

/// @brief The 0-based order statistics (ascending, distinct) that type 7 needs for the five band
/// levels over n values: ⌊h⌋ and ⌊h⌋ + 1 of each. Contract: n > 0.
[[nodiscard]] std::vector<std::size_t> bandRanks(std::size_t n);
/// @brief The five type-7 band percentiles of n values from their order statistics `at` (at[i]
/// is the value of rank bandRanks(n)[i]).
[[nodiscard]] BandPercentiles bandsFromRanks(std::size_t n, std::span<const double> at);

/// @brief Type-7 percentiles of `values` at `levels` (each in [0, 1]) into `out`. Reorders
/// `values` (a partial selection, O(n): bucket selection, then std::nth_element inside the few
/// buckets that hold the wanted ranks). Contract: values non-empty and finite, out.size() ==
/// levels.size().
void percentilesInPlace(std::span<double> values, std::span<const double> levels,
                        std::span<double> out);

/// @brief One type-7 percentile of a copy of `values`. Contract: non-empty, finite.
[[nodiscard]] double percentile(std::span<const double> values, double level);

/// @brief P10, P25, P50, P75, P90 and the mean of a copy of `values`. Contract: non-empty, finite.
[[nodiscard]] Percentiles percentiles(std::span<const double> values);
/// @brief As percentiles(), reordering `values` instead of copying them.
[[nodiscard]] Percentiles percentilesInPlace(std::span<double> values);
/// @brief As percentilesInPlace(values), given what an earlier pass over them found (e.g. one
/// pass over several columns at once): `sum` added in order from the first value (so the mean is
/// bit for bit the one above), `min` and `max`. Same results, one pass fewer.
[[nodiscard]] Percentiles percentilesInPlace(std::span<double> values, double sum, double min,
                                             double max);

/// @brief Type-7 P10…P90 of g(x) over `values`, for a non-decreasing g, calling g only at the
/// order statistics needed: the order statistics of g(values) are g of those of values, so the
/// result equals percentilesInPlace() of every g(x) whenever g is non-decreasing as computed.
/// Reorders `values`. Contract: non-empty, finite.
[[nodiscard]] BandPercentiles percentilesOfIncreasing(std::span<double> values,
                                                      const std::function<double(double)>& g);

}  // namespace jevons::core
