#pragma once
// What ties a chart in a deck back to the forecast it was drawn from (issue 15, "update in
// place"): the chart, the scenario, the language and the units, written as the chart frame's
// shape name. Of the places a slide can hold such a note, the shape name is the one LibreOffice
// Impress keeps when it saves a .pptx (its alt-text description and title are dropped, and so is
// the chart's embedded workbook: DeckLibreOffice.LinksSurviveImpress checks the name) and the
// one PowerPoint keeps (the Selection Pane shows and edits it).
#include "core/units/display_choice.h"

#include <optional>
#include <string>
#include <string_view>

namespace jevons::core::deck {

struct ChartLink {
    /// The chart's id in the forecast ("asic_market"), or what the deck made of it:
    /// "fan_asic_market", "tornado_asic_market", "histogram_asic_market",
    /// "bridge:base:bull:asic_market:2028" (from base to bull, that output and year).
    std::string chart;
    std::string scenario = "base";  ///< the scenario the slide was drawn for
    std::string language = "en";
    DisplayChoice units{};
    bool operator==(const ChartLink&) const = default;
};

/// @brief The shape name carrying `link`: "Jevons chart asic_market | scenario=base | lang=en |
/// money=US$B | volume=M units | percent=1 | cny=7.2" (units by their English suffix).
[[nodiscard]] std::string linkName(const ChartLink& link);

/// @brief The link a shape name carries; std::nullopt for any other name (a shape the user
/// added, a chart of another tool) or a damaged one (an unknown unit, a missing field).
[[nodiscard]] std::optional<ChartLink> parseLinkName(std::string_view name);

}  // namespace jevons::core::deck
