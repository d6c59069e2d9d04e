#pragma once
// Series kind "gompertz": an asymmetric S-curve towards a ceiling (slow start, long approach).
#include "core/models/grid.h"
#include "core/models/s_curve.h"

namespace jevons::core {

/// @brief Gompertz parameters through two anchors with the ceiling L fixed (MODELS.md):
/// v_i = ln(-ln(s_i/L)), c = (v_a - v_b)/(t_b - t_a), t0 = t_a + v_a/c.
/// MODELS.md's b (relative to the first anchor year t_a) is exp(c (t0 - t_a)).
///
/// Contract: the anchors may be given in either order; a later anchor with a lower value gives a
/// declining curve (c < 0). Throws ModelError if L <= 0, an anchor value is <= 0 or >= L, the
/// anchors share a year, the anchors have equal values (a flat curve has no inflection), inputs
/// are not finite or Paths sizes are neither 1 nor N. Result Paths have N values.
[[nodiscard]] SCurveParams gompertzThrough(const Paths& ceiling, const SCurveAnchor& a,
                                           const SCurveAnchor& b);

/// @brief s(t) = L * exp(-exp(-c (t - t0))) for each year t of the range (rows = paths).
///
/// Contract: values lie in [0, L]. Any finite c is accepted (c < 0 declines, c = 0 is flat at
/// L/e). Throws ModelError if L <= 0, a parameter is not finite, or Paths sizes are neither 1
/// nor N. An empty range gives 0 columns.
[[nodiscard]] Grid gompertzSeries(const YearRange& range, const SCurveParams& params);
/// @brief As above, into `out` (resized to paths x years; its storage is reused when it already
/// has that shape). Same values bit for bit. On a throw `out` holds unspecified values.
void gompertzSeries(const YearRange& range, const SCurveParams& params, Grid& out);

}  // namespace jevons::core
