#pragma once
// Turn a fit into a scenario's assumptions and point a series at them.
#include <string>
#include <string_view>

#include "core/calibration/fit_result.h"
#include "core/scenario/scenario.h"

namespace jevons::core {

/// @brief Write the fitted parameters into `scenario` as assumptions and (re)define series
/// `seriesId` to use them; today's date (UTC) goes into the provenance.
///
/// Assumptions are named `<seriesId>_<parameter>` (`glasses_p`, `glasses_q`, `glasses_m`,
/// `share_ceiling`, `share_midpoint`, `share_steepness`, `asic_start`, `asic_rate`); existing
/// ones are updated in place (label and group kept). Units: m, ceiling and start in the series'
/// unit, midpoint in years, rate as a rate, p, q and steepness as numbers per year. min/max
/// span the larger of +-50% (+-5 years for the midpoint, +-10 points for a rate) and +-3
/// standard errors, staying inside the parameter's bounds (p, q > 0, m and a fitted ceiling at
/// least the data's total / largest value); step is a round 1/2/5 about 1% of that span.
/// Provenance: `source` is `sourceNote` if that is a Source id of the scenario, else empty;
/// `figure` says what was fitted ("fitted to 'glasses' in sales.csv, 2019-2024, 6 points");
/// `note` gives method, date, R^2 and `sourceNote`.
/// The series is created if absent (unit "number"); its kind becomes the fit's, its other
/// kind-specific fields are cleared; a bass series gets `launch` and the form whose yearly
/// values are the fitted ones: "discrete" (OLS), "closed" (NLS on differences), "density-end" or
/// "density-mid" (NLS on the density, by the fit's timing); a cagr series starts at the fit's first
/// year with one segment up to the scenario's last year. A fixed ceiling keeps the series' own
/// ceiling parameter if it has the same value. Throws CalibrationError if an assumption id would
/// clash with a series id.
void acceptFit(Scenario& scenario, const FitResult& fit, const std::string& seriesId,
               const std::string& sourceNote);

/// @brief acceptFit with the fit date given (ISO "2025-06-01"), for reproducible files and tests.
void acceptFit(Scenario& scenario, const FitResult& fit, const std::string& seriesId,
               const std::string& sourceNote, std::string_view date);

}  // namespace jevons::core
