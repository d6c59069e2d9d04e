#pragma once
// A deck as plain data: the slides in order, each a native chart, a picture of a chart, or an
// "Assumptions & sources" page. buildDeck makes one from an evaluated forecast; writeDeck
// (deck_writer.h) writes it as a .pptx.
#include "core/deck/assumptions_slide.h"
#include "core/deck/uncertainty_slides.h"
#include "core/eval/evaluator.h"
#include "core/plan/chart_plan.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace jevons::core::deck {

struct DeckTemplate;  // deck_template.h

/// @brief A chart drawn as an image (for what a native chart can't show).
struct PictureSlide {
    std::string title;
    std::string png;  ///< the PNG file's bytes
    std::string sourceLine;
    std::string scenarioName;
    std::string language = "en";
};

using Slide = std::variant<ChartPlan, PictureSlide, AssumptionsSlide>;

struct Deck {
    std::string title;   ///< docProps title
    std::string author;  ///< docProps creator
    std::string language = "en";
    std::vector<Slide> slides;
    /// The firm's template the slides are placed into (deck_template.h); null = Jevons' own
    /// 16:9 master and theme.
    std::shared_ptr<const DeckTemplate> style{};
};

/// @brief A scenario bridge slide (core/bridge/): what moved `series` in `year` from scenario
/// `from` to `to`, as a native waterfall chart.
struct BridgeSlideRequest {
    std::string from = "base";
    std::string to;
    std::string series{};  ///< "id" or "id.output"; empty = the forecast's focus (Scenario::focus)
    int year = 0;          ///< 0 = the focus' CAGR end year
    /// The scenarios' values when they differ from the file's (the dashboard's edited
    /// scenarios); empty = Scenario::assumptionValues of `from` and `to`.
    std::optional<std::map<std::string, double>> fromValues{};
    std::optional<std::map<std::string, double>> toValues{};
};

/// @brief What to put in a deck.
struct DeckOptions {
    std::vector<std::string> chartIds;  ///< in this order; empty = every chart of the forecast
    bool pictures = false;              ///< charts as PNG pictures instead of native charts
    std::string language = "en";        ///< "en" or "zh"
    std::string scenarioId = "base";    ///< names the scenario on every slide
    DisplayChoice units;                ///< money/volume units and % decimals of native charts
    /// Set: after the charts, native fan slides (line charts with bands), a tornado and a
    /// histogram (uncertainty_slides.h); nothing when no assumption has a distribution.
    std::optional<UncertaintySlideOptions> uncertainty;
    /// After the charts (and uncertainty slides): one waterfall slide per request, in order.
    std::vector<BridgeSlideRequest> bridges{};
};

/// @brief Renders one chart as PNG bytes (the dashboard supplies it; core has no painter).
using ChartPictureRenderer = std::function<std::string(const ChartDef&, const ChartPlan&)>;

/// @brief The deck of the evaluator's current values: one slide per chart, then the assumptions.
/// `options.scenarioId` names the scenario; when the current values differ from that scenario's
/// the name says "(edited)". Throws DeckError for an unknown chart or scenario id, a chart that
/// cannot be drawn, or pictures requested without a renderer.
[[nodiscard]] Deck buildDeck(const Evaluator& evaluator, const DeckOptions& options,
                             const ChartPictureRenderer& renderer = {});

/// @brief The deck of a named scenario of `model` (evaluates `options.scenarioId` first).
[[nodiscard]] Deck buildDeck(const Model& model, const DeckOptions& options,
                             const ChartPictureRenderer& renderer = {});

}  // namespace jevons::core::deck
