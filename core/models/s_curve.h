#pragma once
// Parameters shared by the S-curve kinds (logistic.h, gompertz.h).
#include "core/models/grid.h"

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
