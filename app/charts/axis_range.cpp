#include "app/charts/axis_range.h"

#include <algorithm>
#include <cmath>

namespace jevons::app {

AxisRange niceRange(double lo, double hi, double headroom) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0.0, hi = 1.0;
    lo = std::min(lo, 0.0);
    if (hi < 0.0) hi = 0.0;
    hi += (hi - lo) * headroom;
    if (hi - lo < 1e-12) hi = lo + 1.0;
    const double raw = (hi - lo) / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    AxisRange r;
    r.step = step;
    r.min = std::floor(lo / step + 1e-9) * step;
    r.max = std::ceil(hi / step - 1e-9) * step;
    r.tickCount = static_cast<int>(std::lround((r.max - r.min) / step)) + 1;
    r.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    if (std::abs(step * std::pow(10.0, r.decimals) -
                 std::round(step * std::pow(10.0, r.decimals))) > 1e-6)
        ++r.decimals;  // 2.5, 0.25
    return r;
}

int yearTickInterval(int firstYear, int lastYear, int maxLabels) {
    const int span = std::max(1, lastYear - firstYear);
    for (int interval : {1, 2, 5, 10, 20, 50})
        if (span / interval + 1 <= maxLabels) return interval;
    return 100;
}

}  // namespace jevons::app
