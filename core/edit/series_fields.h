#pragma once
// A series' own fields as one line of text each (issue 14's series forms): what the model
// editor shows in a field and reads back from it. Each kind's fields are its spec's `fields`
// (core/series/); a field's text is read by the scenario reader itself, so the editor accepts
// exactly what a file may say and its messages are the loader's, naming "series.<id>.<field>".
//
// Texts, by the field's shape (units as stored: shares and rates as fractions, 0.25 = 25%):
//   Param     a number or an assumption id           0.5     asic_share_ceiling
//   Year      a calendar year                        2023
//   Point     YEAR: PARAM                            2025: meta_capex_2025
//   Points    YEAR: PARAM, YEAR: PARAM, ...          2023: 0.16, 2028: asic_share_2028
//   Segments  UNTIL: RATE, ...                       2035: accel_growth_late
//   Flag      true | false
//   Choice    one of seriesFieldChoices(field)       linear
//   Expr      a formula                              accel_market * asic_share
// Chinese punctuation (：，；) reads as its ASCII form. An empty text removes an optional field.
#include "core/scenario/scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::edit {

enum class FieldShape { Param, Year, Point, Points, Segments, Flag, Choice, Expr };

/// @brief The shape of a series field named `field` (any kind's); Param for names it does not
/// know (every other field of a kind is a scalar parameter).
[[nodiscard]] FieldShape seriesFieldShape(std::string_view field);

/// @brief The values a Choice field allows, the first being the default; empty for others.
[[nodiscard]] std::vector<std::string_view> seriesFieldChoices(std::string_view field);

/// @brief Series `series`' field `field` as its one-line text; "" when the file leaves it out.
/// Throws ScenarioError when there is no such series.
[[nodiscard]] std::string seriesFieldText(const Scenario& scenario, std::string_view series,
                                          std::string_view field);

/// @brief `scenario` with series `series`' field `field` set from `text` (empty: removed), read
/// back as the loader reads a file. Setting one of two alternatives removes the other and adds
/// what the chosen one needs: a cagr series' start (with a segment) or through; an S-curve's
/// midpoint and steepness or through. Throws ScenarioError with the field's path ("series.x.
/// through: write points as ...", or the loader's own message) and leaves `scenario` alone.
[[nodiscard]] Scenario withSeriesField(const Scenario& scenario, std::string_view series,
                                       std::string_view field, std::string_view text);

/// @brief `scenario` with series `series` made a `kind` series with that kind's default fields
/// (a start value of 1 and 10% a year, an S-curve to a ceiling of 1, ...); its id, labels and
/// unit stay. Throws ScenarioError like withSeriesField. Same kind: `scenario` unchanged.
[[nodiscard]] Scenario withSeriesKind(const Scenario& scenario, std::string_view series,
                                      SeriesKind kind);

}  // namespace jevons::core::edit
