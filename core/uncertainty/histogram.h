#pragma once
// Histogram of one output in one year across Monte Carlo paths, with the figures a histogram
// card marks: P10, P50, P90 and the mean (percentiles.h states the percentile definition).
#include "core/uncertainty/percentiles.h"

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace jevons::core {

struct Histogram {
    double lower = 0.0;     ///< left edge of the first bin
    double upper = 0.0;     ///< right edge of the last bin
    double binWidth = 0.0;  ///< (upper − lower) / counts.size()
    /// counts[i] = values in [lower + i·w, lower + (i+1)·w); the last bin also holds `upper`.
    std::vector<long> counts;
    long below = 0;     ///< values < lower (only when an explicit range was given)
    long above = 0;     ///< values > upper (idem)
    long total = 0;     ///< every value: sum(counts) + below + above
    Percentiles stats;  ///< of all values, not only those in range
    /// @brief Left edge of bin i.
    [[nodiscard]] double edge(std::size_t i) const {
        return lower + static_cast<double>(i) * binWidth;
    }
};

/// @brief Histogram of `values`. `bins` = 0 chooses Freedman–Diaconis, clamped to 10–80 bins.
/// `range` = {lo, hi} fixes the binned range (values outside are counted in below/above);
/// empty = [min, max] of the values. All values equal: one bin of width 0. Contract: values
/// finite and non-empty; bins >= 0; lo < hi.
[[nodiscard]] Histogram histogram(std::span<const double> values, int bins = 0,
                                  std::optional<std::pair<double, double>> range = std::nullopt);

}  // namespace jevons::core
