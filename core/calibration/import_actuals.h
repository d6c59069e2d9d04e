#pragma once
// Put parsed actuals (a CSV file, pasted cells) into a scenario's "actuals" section, and read a
// series' actuals back as points to fit.
#include <string>
#include <vector>

#include "core/calibration/actuals.h"
#include "core/calibration/data_points.h"
#include "core/scenario/scenario.h"

namespace jevons::core {

/// @brief Where one column of an Actuals table goes.
struct ActualsMapping {
    std::string column;  ///< a name of Actuals::names
    std::string series;  ///< the series id it becomes the actuals of
    /// A new series: a points series through the actuals (flat after the last), in `unit`,
    /// labelled with the column name, with a line chart of its own.
    bool create = false;
    Unit unit = Unit::Number;  ///< new series only
    bool operator==(const ActualsMapping&) const = default;
};

/// @brief Store the mapped columns of `actuals` as the actuals of their series in `scenario`,
/// with `source` (required; a Source id of the scenario or text) and the parser's note. Years
/// already there for a series are replaced, its other years kept. Missing cells are skipped.
/// The result is checked as the loader checks a file (year range, domain of the unit, ids), so
/// a mapping the file format cannot hold is refused. Throws CalibrationError (in words, with
/// the loader's "actuals.id.values.2021: ..." message) and then leaves `scenario` unchanged.
void importActuals(Scenario& scenario, const Actuals& actuals,
                   const std::vector<ActualsMapping>& mapping, const std::string& source);

/// @brief A series id made from a column name: lower case, runs of other characters as '_',
/// a leading digit prefixed with 's_'; "AI glasses (M)" -> "ai_glasses_m". Never empty.
[[nodiscard]] std::string seriesIdFor(const std::string& columnName);

/// @brief The actuals of series `seriesId` as points to fit (stored units), source
/// "'<id>' actuals (<source>)". Throws CalibrationError if the series has none.
[[nodiscard]] DataPoints actualPoints(const Scenario& scenario, const std::string& seriesId);

}  // namespace jevons::core
