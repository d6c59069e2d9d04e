#include "core/plan/axis_scale.h"

#include <algorithm>
#include <cmath>

namespace jevons::core {

double roundStep(double rough) {
    if (!(rough > 0) || !std::isfinite(rough)) return 1.0;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double m : {1.0, 2.0, 2.5, 5.0})
        if (m * power >= rough * (1.0 - 1e-12)) return m * power;
    return 10.0 * power;
}

AxisScale niceScale(double lo, double hi, const AxisRule& rule) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0.0, hi = 1.0;
    if (lo > hi) std::swap(lo, hi);
    // Data of one sign keeps its axis on that side of zero, whatever the margins add.
    const bool nonNegative = lo >= 0.0;
    const bool nonPositive = hi <= 0.0;
    if (rule.includeZero) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    if (hi - lo < 1e-12) {  // one value: 0..1 when zero is shown (the value is 0), else ±5%
        const double room = rule.includeZero ? 1.0 : std::max(std::abs(hi), 1e-9) * 0.1;
        if (rule.includeZero)
            hi += room;
        else
            lo -= room / 2, hi += room / 2;
    }
    const double span = hi - lo;
    hi += span * (rule.headroom + rule.margin);
    lo -= span * rule.margin;
    if (nonNegative) lo = std::max(lo, 0.0);
    if (nonPositive && !nonNegative) hi = std::min(hi, 0.0);

    AxisScale s;
    s.step = roundStep((hi - lo) / std::max(1, rule.steps));
    s.min = std::floor(lo / s.step + 1e-9) * s.step;
    s.max = std::ceil(hi / s.step - 1e-9) * s.step;
    if (s.min == 0.0) s.min = 0.0;  // no "-0"
    if (s.max == 0.0) s.max = 0.0;
    s.ticks = static_cast<int>(std::lround((s.max - s.min) / s.step)) + 1;
    s.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(s.step) + 1e-9)));
    const double scaled = s.step * std::pow(10.0, s.decimals);
    if (std::abs(scaled - std::round(scaled)) > 1e-6) ++s.decimals;  // 2.5, 0.25
    return s;
}

AxisScale inPercent(const AxisScale& fractions) {
    AxisScale s = fractions;
    s.step = roundStep(fractions.step * 100.0);  // exactly 10, not 10.000000000000002
    s.min = std::round(fractions.min / fractions.step) * s.step;
    s.max = s.min + (s.ticks - 1) * s.step;
    s.decimals = std::max(0, fractions.decimals - 2);
    return s;
}

int yearTickInterval(int firstYear, int lastYear, int maxLabels) {
    const int span = std::max(1, lastYear - firstYear);
    for (const int interval : {1, 2, 5, 10, 20, 50})
        if (span / interval + 1 <= maxLabels) return interval;
    return 100;
}

}  // namespace jevons::core
