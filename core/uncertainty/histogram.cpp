#include "core/uncertainty/histogram.h"

#include <algorithm>
#include <cmath>

namespace jevons::core {

Histogram histogram(std::span<const double> values, int bins,
                    std::optional<std::pair<double, double>> range) {
    Histogram h;
    h.total = static_cast<long>(values.size());
    std::vector<double> copy(values.begin(), values.end());
    h.stats = percentilesInPlace(copy);  // reorders copy; min and max remain in it
    const auto [minIt, maxIt] = std::minmax_element(copy.begin(), copy.end());
    h.lower = range ? range->first : *minIt;
    h.upper = range ? range->second : *maxIt;
    if (!(h.upper > h.lower)) {
        h.binWidth = 0.0;
        h.counts.assign(1, h.total);
        return h;
    }
    if (bins <= 0) {
        // Freedman–Diaconis: width 2·IQR·n^(-1/3).
        const std::array<double, 2> levels{0.25, 0.75};
        std::array<double, 2> q{};
        percentilesInPlace(copy, levels, q);
        const double width =
            2.0 * (q[1] - q[0]) * std::cbrt(1.0 / static_cast<double>(copy.size()));
        const double wanted = width > 0.0 ? std::ceil((h.upper - h.lower) / width) : 10.0;
        bins = static_cast<int>(std::clamp(wanted, 10.0, 80.0));
    }
    h.counts.assign(static_cast<std::size_t>(bins), 0);
    h.binWidth = (h.upper - h.lower) / bins;
    const double scale = bins / (h.upper - h.lower);
    for (const double x : values) {
        if (x < h.lower)
            ++h.below;
        else if (x > h.upper)
            ++h.above;
        else {
            const auto b = std::min(static_cast<std::size_t>((x - h.lower) * scale),
                                    static_cast<std::size_t>(bins) - 1);
            ++h.counts[b];
        }
    }
    return h;
}

}  // namespace jevons::core
