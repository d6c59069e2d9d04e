#pragma once
// The (year, value) points one fit uses: a series of actuals, a scenario's anchors, or both.
#include <string>
#include <string_view>
#include <vector>

#include "core/calibration/actuals.h"
#include "core/scenario/scenario.h"

namespace jevons::core {

/// @brief Points to fit, years strictly ascending, values finite (missing years are absent).
struct DataPoints {
    std::vector<int> years;
    std::vector<double> values;
    std::string source;  ///< what they are, e.g. "'glasses' in sales.csv"

    [[nodiscard]] std::size_t size() const { return years.size(); }
};

/// @brief The non-missing values of series `name` in `actuals`. Throws CalibrationError if there
/// is no such series.
[[nodiscard]] DataPoints seriesPoints(const Actuals& actuals, std::string_view name);

/// @brief The anchors a scenario has for `seriesId` (exact id, no ".output").
[[nodiscard]] DataPoints anchorPoints(const Scenario& scenario, std::string_view seriesId);

/// @brief Actuals and anchors together. Throws CalibrationError if both give the same year with
/// different values ("2024 is 5.1 in sales.csv but 5.3 in the anchors: remove one").
[[nodiscard]] DataPoints combine(const DataPoints& first, const DataPoints& second);

/// @brief Throws CalibrationError unless `data` has at least `needed` points: "a Bass fit needs
/// at least 3 years of data; 'glasses' in sales.csv has 2". `what` names the fit ("a Bass fit").
void requirePoints(const DataPoints& data, std::size_t needed, const std::string& what);

}  // namespace jevons::core
