#pragma once
// The scenario bridge as a chart plan (ChartKind::Waterfall), drawn like every other chart: on
// screen (app/scenarios/bridge_view), as a picture and as a native deck chart.
#include "core/bridge/bridge.h"
#include "core/plan/chart_plan.h"

#include <string>
#include <string_view>

namespace jevons::core {

/// Series of a waterfall plan, in this order: stacked columns whose first series is drawn
/// without fill (the offset the visible bar stands on), as think-cell builds one.
enum WaterfallSeries : std::size_t {
    kWaterfallOffset = 0,  ///< invisible: the lower end of each step's bar
    kWaterfallRise = 1,    ///< a step that raises the output (its size, labelled "+7.8")
    kWaterfallFall = 2,    ///< a step that lowers it (its size, positive, labelled "-6.2")
    kWaterfallTotal = 3,   ///< the two scenarios' values, at both ends
};

/// @brief The plan of `bridge` (made on `model`) from `fromName` to `toName` ("Base", "Bull"):
/// categories are the first total, one per step that moves the output (steps of exactly zero
/// are named in the note instead), and the second total. Values in display units (`units`,
/// stepped up to 万亿 like a chart axis); labels signed. Title "Datacenter ASIC market, 2028:
/// Base → Bull (US$B)"; the source line names both scenarios and the method. Throws
/// ChartPlanError when a running total falls below zero (a waterfall of stacked columns
/// cannot draw it; the text and CSV of the bridge can).
[[nodiscard]] ChartPlan bridgePlan(const Model& model, const Bridge& bridge,
                                   const std::string& fromName, const std::string& toName,
                                   std::string_view language, const DisplayChoice& units = {});

}  // namespace jevons::core
