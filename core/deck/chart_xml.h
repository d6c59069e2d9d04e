#pragma once
// The chart part (c:chartSpace) of a slide's native chart: line, clustered or stacked column,
// stacked area, or columns with a line on a secondary axis. Written in schema order with every
// value cached, so PowerPoint and LibreOffice draw it without opening the workbook.
#include "core/plan/chart_plan.h"

#include <string>
#include <string_view>

namespace jevons::core::deck {

/// @brief Series colours (6 hex digits), primary-axis series first.
[[nodiscard]] std::string seriesColour(const ChartPlan& chart, std::size_t series);

/// @brief The number format of an axis showing series in `seriesFormat`: "0.0%" -> "0%",
/// "0.0" -> "General", others unchanged.
[[nodiscard]] std::string axisFormat(std::string_view seriesFormat);

/// @brief The chart part XML. `workbookRelId` is the relationship id of the embedded workbook
/// in the chart's .rels. Contract: chartProblem(chart) is empty.
[[nodiscard]] std::string chartXml(const ChartPlan& chart, std::string_view workbookRelId = "rId1");

}  // namespace jevons::core::deck
