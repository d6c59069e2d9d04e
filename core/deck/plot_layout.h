#pragma once
// Where a chart's plot area sits inside its frame. The chart part pins it (c:manualLayout, inner)
// so that shapes drawn on the slide, such as CAGR arrows, line up with the categories.
#include "core/plan/chart_plan.h"

#include <cstddef>

namespace jevons::core::deck {

/// @brief The inner plot area (without tick labels) as fractions of the chart frame.
struct PlotRect {
    double x = 0.0;
    double y = 0.0;
    double w = 1.0;
    double h = 1.0;
};

/// @brief Room for the value-axis labels on the left (and right, for a combo) and for the
/// category labels and legend below.
[[nodiscard]] PlotRect plotRect(const ChartPlan& chart);

/// @brief Horizontal centre of category `index` as a fraction of the frame width: the middle of
/// its slot for columns and lines, on the slot boundary grid for stacked areas (midCat).
[[nodiscard]] double categoryCentre(const ChartPlan& chart, std::size_t index);

/// @brief Whether the chart shows a legend (more than one series).
[[nodiscard]] bool hasLegend(const ChartPlan& chart);

}  // namespace jevons::core::deck
