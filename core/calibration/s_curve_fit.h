#pragma once
// Fit a logistic or Gompertz S-curve to history and/or anchors (series kinds "logistic",
// "gompertz").
#include <optional>

#include "core/calibration/data_points.h"
#include "core/calibration/fit_result.h"

namespace jevons::core {

/// @brief Fit s(t) = L / (1 + exp(-k (t - t0))) (kind Logistic) or s(t) = L exp(-exp(-k (t -
/// t0))) (kind Gompertz) by non-linear least squares on the values (Eigen Levenberg-Marquardt).
///
/// With `ceiling` given, L is fixed: the start comes from the linearised fit (ln(L/s - 1) or
/// ln(-ln(s/L)) = -k (t - t0)) and NLS refines (t0, k); needs 2 points, every value in (0, L).
/// Without, L is estimated as well, kept above the largest value by L = max(s) + e^x; the start
/// is the best linearised fit over a grid of ceilings; needs 3 points, values > 0.
/// Parameters "ceiling" (fixed or estimated), "midpoint" (t0, fractional year) and "steepness"
/// (k, per year), as SCurveParams names them. Throws CalibrationError for a kind other than
/// Logistic/Gompertz, too few points, a value out of range ("the 2028 value 0.55 is at or above
/// the ceiling 0.5"), flat data, no convergence, or a ceiling running away (data that show no
/// sign of levelling off: fix the ceiling).
[[nodiscard]] FitResult fitSCurve(FitKind kind, const DataPoints& data,
                                  std::optional<double> ceiling = std::nullopt);

}  // namespace jevons::core
