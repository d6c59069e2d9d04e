#pragma once
// Year-by-year exponentials without an exp per value (internal to core/models). A series of the
// form exp(a + b·t) over consecutive years is a product: each column is the previous one times
// exp(b). One multiply replaces an exp for every path and year but the first; the result differs
// from exp(a + b·t) by a few ulps (one rounding per year).
#include "core/models/grid.h"

#include <cmath>

namespace jevons::core::detail {

/// Where a previous column is trusted as the base of a product: a normal number well inside the
/// range of double. Outside it (0, inf, NaN, subnormal, or near either end) the product could
/// lose precision or never come back, so the value is computed from its exponent instead.
inline constexpr double kStepLow = 1e-290;
inline constexpr double kStepHigh = 1e290;

/// @brief Whether every value of `e` lies in [kStepLow, kStepHigh] (false for NaN, ±inf, 0).
/// One vectorised pass without a branch per value: clamping leaves an inside value exactly as
/// it is, so (clamp(e) − e) sums to 0 only when all are inside (an outside value gives a
/// positive |difference|, a NaN or infinite one gives NaN or inf).
[[nodiscard]] inline bool allWithinSteps(const Paths& e) {
    return (e.max(kStepLow).min(kStepHigh) - e).abs().sum() == 0.0;
}

/// @brief e ← e · factor per path: moves exp(x_prev) to exp(x) where factor = exp(x − x_prev).
/// Paths whose e is outside [kStepLow, kStepHigh] get std::exp(x(r)) instead. Per path: a path's
/// value does not depend on the other paths (same result for 1 or 256 rows at a time).
/// `x` is any array expression with e.size() coefficients (evaluated only where needed).
template <typename Exponent>
void stepExp(Paths& e, const Paths& factor, const Exponent& x) {
    if (allWithinSteps(e)) {
        e *= factor;
        return;
    }
    for (Eigen::Index r = 0; r < e.size(); ++r) {
        const double p = e(r);
        e(r) = p >= kStepLow && p <= kStepHigh ? p * factor(r) : std::exp(x(r));
    }
}

}  // namespace jevons::core::detail
