#pragma once
// The workbook embedded with each chart, read by PowerPoint's "Edit Data": sheet "Sheet1",
// categories in A2:A(n+1), series names in B1, C1, …, values beneath, in the chart's formats.
// The chart part's formulas (c:f) point into it.
#include "core/plan/chart_plan.h"

#include <cstddef>
#include <string>

namespace jevons::core::deck {

inline constexpr std::string_view kSheetName = "Sheet1";

/// @brief Spreadsheet column letters of a 0-based column: 0 -> "A", 25 -> "Z", 26 -> "AA".
[[nodiscard]] std::string columnLetters(std::size_t column);

/// @brief "Sheet1!$A$2:$A$9" for eight categories.
[[nodiscard]] std::string categoriesFormula(const ChartPlan& chart);
/// @brief "Sheet1!$B$1" for series 0.
[[nodiscard]] std::string seriesNameFormula(std::size_t series);
/// @brief "Sheet1!$B$2:$B$9" for series 0 of eight categories.
[[nodiscard]] std::string seriesValuesFormula(const ChartPlan& chart, std::size_t series);

/// @brief The .xlsx bytes of `chart`'s data (missing values are empty cells). libxlsxwriter
/// writes only to files, so this goes through a temporary file that is always removed.
/// Throws DeckError naming the chart if the workbook cannot be written.
[[nodiscard]] std::string workbookBytes(const ChartPlan& chart);

}  // namespace jevons::core::deck
