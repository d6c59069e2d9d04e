#pragma once
// Series kind "logistic": a symmetric S-curve towards a ceiling (share, penetration).
#include "core/models/grid.h"
#include "core/models/s_curve.h"

namespace jevons::core {

/// @brief Logistic parameters through two anchors with the ceiling L fixed (MODELS.md):
/// u_i = ln(L/s_i - 1), k = (u_a - u_b)/(t_b - t_a), t0 = t_a + u_a/k.
///
/// Contract: the anchors may be given in either order; a later anchor with a lower value gives a
/// declining curve (k < 0). Throws ModelError if L <= 0, an anchor value is <= 0 or >= L, the
/// anchors share a year, the anchors have equal values (a flat curve has no midpoint), inputs are
/// not finite or Paths sizes are neither 1 nor N. Result Paths have N values.
[[nodiscard]] SCurveParams logisticThrough(const Paths& ceiling, const SCurveAnchor& a,
                                           const SCurveAnchor& b);

/// @brief s(t) = L / (1 + exp(-k (t - t0))) for each year t of the range (rows = paths).
///
/// Contract: values lie in [0, L]. Any finite k is accepted (k < 0 declines, k = 0 is flat at
/// L/2). Throws ModelError if L <= 0, a parameter is not finite, or Paths sizes are neither 1
/// nor N. An empty range gives 0 columns.
[[nodiscard]] Grid logisticSeries(const YearRange& range, const SCurveParams& params);
/// @brief As above, into `out` (resized to paths x years; its storage is reused when it already
/// has that shape). Same values bit for bit. On a throw `out` holds unspecified values.
void logisticSeries(const YearRange& range, const SCurveParams& params, Grid& out);

}  // namespace jevons::core
