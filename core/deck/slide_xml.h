#pragma once
// The slide parts (p:sld) of a deck: a chart slide (title, native chart, CAGR arrows, anchors,
// source line, scenario name), a picture slide, and an "Assumptions & sources" table slide.
// Geometry in EMU on a 16:9 slide (12192000 x 6858000).
#include "core/deck/assumptions_slide.h"
#include "core/deck/deck.h"
#include "core/plan/chart_plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jevons::core::deck {

inline constexpr std::int64_t kEmuPerInch = 914400;
inline constexpr std::int64_t kSlideWidth = 12192000;
inline constexpr std::int64_t kSlideHeight = 6858000;

/// @brief A rectangle on the slide in EMU.
struct EmuRect {
    std::int64_t x = 0;
    std::int64_t y = 0;
    std::int64_t w = 0;
    std::int64_t h = 0;
};

/// @brief Where the chart's graphic frame sits: below the title and one band per CAGR arrow.
[[nodiscard]] EmuRect chartFrame(const ChartPlan& chart);

/// @brief Width and height in pixels from a PNG's header; std::nullopt when `png` is not a PNG.
[[nodiscard]] std::optional<std::pair<std::uint32_t, std::uint32_t>> pngSize(std::string_view png);

/// @brief The slide of a native chart; `chartRelId` names the chart part in the slide's rels.
[[nodiscard]] std::string chartSlideXml(const ChartPlan& chart, std::string_view chartRelId);

/// @brief The slide of a chart picture; `imageRelId` names the PNG in the slide's rels.
/// Contract: pngSize(slide.png) has a value.
[[nodiscard]] std::string pictureSlideXml(const PictureSlide& slide, std::string_view imageRelId);

/// @brief One page of the assumptions table.
[[nodiscard]] std::string assumptionsSlideXml(const AssumptionsSlide& slide);

}  // namespace jevons::core::deck
