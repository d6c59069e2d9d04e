#pragma once
// Parameters shared by the S-curve kinds (logistic.h, gompertz.h).
#include "core/models/grid.h"

#include <string_view>

namespace jevons::core {

/// @brief An S-curve rising (or, with negative steepness, falling) towards a ceiling.
///
/// Logistic: s(t) = L / (1 + exp(-k (t - t0))), s(t0) = L/2.
/// Gompertz: s(t) = L * exp(-exp(-c (t - t0))), s(t0) = L/e.
/// Steepness > 0 rises towards L as t grows; < 0 falls towards 0 (a declining curve); 0 is flat.
struct SCurveParams {
    Paths ceiling;    ///< L, the saturation level (> 0), in output units (e.g. share 0.5 = 50%)
    Paths midpoint;   ///< t0, the inflection year (fractional calendar year, e.g. 2031.96)
    Paths steepness;  ///< k (logistic) or c (Gompertz), per year
};

/// @brief A point the curve must pass through: `value` in calendar year `year`.
struct SCurveAnchor {
    int year = 0;  ///< calendar year of the anchor
    Paths value;   ///< value in that year, 0 < value < ceiling, per path
};

}  // namespace jevons::core

namespace jevons::core::detail {

/// @brief Throws ModelError unless `ceiling` has 1 or `n` finite values (checkPaths, "the
/// ceiling"), all above zero: "the ceiling <L> must be above zero for a <curveName> curve<path>".
/// `curveName` is "logistic" or "Gompertz" (s_curve.cpp; internal to core/models).
void checkSCurveCeiling(const Paths& ceiling, Eigen::Index n, std::string_view curveName);

/// @brief Throws ModelError unless each anchor has 1 or `n` finite values (checkPaths, "the
/// <year> anchor") and 0 < value < ceiling on every path, checking path by path, anchor `a` before
/// `b` (first offending path reported): "the <year> anchor <s> must be above zero: a <curveName>
/// curve never reaches zero<path>" or "the <year> anchor <s> is at or above the ceiling <L>: a
/// <curveName> curve cannot pass through it<path>". `ceiling` must already be checked.
void checkSCurveAnchors(const Paths& ceiling, const SCurveAnchor& a, const SCurveAnchor& b,
                        Eigen::Index n, std::string_view curveName);

}  // namespace jevons::core::detail
