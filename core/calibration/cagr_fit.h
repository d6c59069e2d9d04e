#pragma once
// Fit a constant annual growth rate to history (series kind "cagr").
#include "core/calibration/data_points.h"
#include "core/calibration/fit_result.h"

namespace jevons::core {

/// @brief Fit y(t) = start * (1 + rate)^(t - t_first) by ordinary least squares on
/// ln y = a + b (t - t_first): start = e^a, rate = e^b - 1; t_first (launchYear) is the first
/// data year. Parameters "start" (series unit) and "rate" (fraction per year); standard errors
/// from the log-residual Jacobian. Needs 2 points (3 for standard errors). Throws
/// CalibrationError for fewer points or a value <= 0 ("needs positive values: 2019 is 0").
[[nodiscard]] FitResult fitCagr(const DataPoints& data);

}  // namespace jevons::core
