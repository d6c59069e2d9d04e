#pragma once
// Fit the Bass diffusion model to yearly sales (series kind "bass").
#include <optional>

#include "core/calibration/data_points.h"
#include "core/calibration/fit_result.h"
#include "core/models/bass.h"

namespace jevons::core {

/// @brief Fit Bass p, q, m to yearly sales S (new adopters per year, in the series' unit).
///
/// The launch year is `launchYear` if given, else the first year with positive sales; years
/// before it must have no sales and are left out. t = year - launch + 1 (1 in the launch year),
/// N_t = sales to date, as bassSeries counts them. Methods (MODELS.md):
///  - Ols: Bass (1969) regression S_t = a + b N_{t-1} + c N_{t-1}^2 (N_0 = 0), then
///    m = (-b - sqrt(b^2 - 4ac)) / (2c), p = a/m, q = -c m. Exact on data from the yearly
///    recursion (BassForm::Discrete). Needs every year from launch. Fitted values are the
///    regression's: each year given the actual sales to the year before.
///  - NlsDifference: NLS on S_t = m [F(t) - F(t-1)] (Srinivasan & Mason 1986); exact on
///    BassForm::ClosedForm data. Gaps allowed.
///  - NlsDensity: NLS on the adoption rate, S_t = m f(t) with `timing` End (the end of year t,
///    as published fits take it; BassForm::DensityEnd) or S_t = m f(t - 1/2) with Mid (mid-year;
///    BassForm::DensityMid). Gaps allowed. The result's `timing` says which; other methods
///    ignore `timing` and leave it empty.
/// (FitMethod::Nls means NlsDifference.)
/// NLS uses Eigen's Levenberg-Marquardt on (ln p, ln q, ln(m - N_T)), so p, q > 0 and m > N_T
/// (N_T = all sales given); it starts from the OLS estimate when there is one and from the best
/// points of a (p, q) grid with m profiled out, and keeps the best converged fit.
/// Needs 3 points. Throws CalibrationError for too few points, negative sales, sales before the
/// given launch, no real root for m, p <= 0, q < 0, m below the sales to date, or no convergence.
[[nodiscard]] FitResult fitBass(const DataPoints& sales, FitMethod method,
                                std::optional<int> launchYear = std::nullopt,
                                BassTiming timing = kDefaultBassTiming);

/// @brief Bass coefficients recovered from a regression.
struct BassCoefficients {
    double p = 0.0;  ///< innovation, per year
    double q = 0.0;  ///< imitation, per year
    double m = 0.0;  ///< market potential, series unit
};

/// @brief Bass (1969): p, q, m from S_t = a + b N_{t-1} + c N_{t-1}^2 (a = pm, b = q - p,
/// c = -q/m): m = (-b - sqrt(b^2 - 4ac)) / (2c), p = a/m, q = -c m. Throws CalibrationError, in
/// words naming `source`, if c >= 0 (sales do not slow down), b^2 - 4ac < 0 (no real root),
/// m < `salesToDate`, p <= 0 or q < 0.
[[nodiscard]] BassCoefficients bassFromRegression(double a, double b, double c, double salesToDate,
                                                  const std::string& source = "the data");

}  // namespace jevons::core
