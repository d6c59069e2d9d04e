#include "core/deck/deck.h"

#include "core/bridge/bridge_plan.h"
#include "core/deck/chart_link.h"
#include "core/deck/deck_error.h"

namespace jevons::core::deck {
namespace {

std::string scenarioLabel(const Evaluator& evaluator, const DeckOptions& options) {
    const Scenario& scenario = evaluator.model().scenario();
    const ScenarioDef* def = scenario.findScenario(options.scenarioId);
    const bool isBase = options.scenarioId.empty() || options.scenarioId == "base";
    if (!def && !isBase) throw DeckError("unknown scenario '" + options.scenarioId + "'");
    std::string label = def ? def->label.in(options.language) : "";
    if (label.empty()) label = isBase ? (options.language == "zh" ? "基准" : "Base") : def->id;
    if (evaluator.assumptionValues() != scenario.assumptionValues(options.scenarioId))
        label += options.language == "zh" ? "（已调整）" : " (edited)";
    return label;
}

std::string scenarioName(const Scenario& scenario, const std::string& id,
                         std::string_view language) {
    const ScenarioDef* def = scenario.findScenario(id);
    if (def && !def->label.in(language).empty()) return def->label.in(language);
    if (id == "base") return language == "zh" ? "基准" : "Base";
    return id;
}

int bridgeYear(const Model& model, const BridgeSlideRequest& request) {
    return request.year ? request.year : model.scenario().focus().cagrEnd;
}

ChartPlan bridgeSlide(const Model& model, const BridgeSlideRequest& request,
                      const DeckOptions& options) {
    const Scenario& scenario = model.scenario();
    for (const std::string& id : {request.from, request.to})
        if (id != "base" && !scenario.findScenario(id))
            throw DeckError("bridge: unknown scenario '" + id + "'");
    const Scenario::Focus focus = scenario.focus();
    const std::string series = request.series.empty() ? focus.ref : request.series;
    const auto ref = model.resolve(series);
    if (!ref) throw DeckError("bridge: '" + series + "' is not a series output");
    try {
        const Bridge bridge = computeBridge(
            model, request.fromValues.value_or(scenario.assumptionValues(request.from)),
            request.toValues.value_or(scenario.assumptionValues(request.to)), *ref,
            bridgeYear(model, request));
        return bridgePlan(model, bridge, scenarioName(scenario, request.from, options.language),
                          scenarioName(scenario, request.to, options.language), options.language,
                          options.units);
    } catch (const BridgeError& e) {
        throw DeckError("bridge to '" + request.to + "': " + e.what());
    } catch (const ChartPlanError& e) {
        throw DeckError(e.what());
    }
}

}  // namespace

Deck buildDeck(const Evaluator& evaluator, const DeckOptions& options,
               const ChartPictureRenderer& renderer) {
    const Scenario& scenario = evaluator.model().scenario();
    if (options.pictures && !renderer)
        throw DeckError("picture slides need a chart renderer (the dashboard supplies one)");
    const std::string label = scenarioLabel(evaluator, options);

    std::vector<const ChartDef*> charts;
    if (options.chartIds.empty()) {
        for (const ChartDef& c : scenario.charts) charts.push_back(&c);
    } else {
        for (const std::string& id : options.chartIds) {
            const ChartDef* c = scenario.findChart(id);
            if (!c) throw DeckError("unknown chart '" + id + "'");
            charts.push_back(c);
        }
    }

    Deck deck;
    deck.title = scenario.title.in(options.language);
    deck.author = scenario.author;
    deck.language = options.language;
    for (const ChartDef* c : charts) {
        ChartPlan chart;
        try {
            chart = buildChartPlan(evaluator, *c, options.language, label, options.units);
        } catch (const ChartPlanError& e) {
            throw DeckError(e.what());
        }
        if (const std::string problem = chartProblem(chart); !problem.empty())
            throw DeckError("chart '" + c->id + "' cannot be drawn: " + problem);
        chart.link = linkName({c->id, options.scenarioId, options.language, options.units});
        if (options.pictures) {
            deck.slides.emplace_back(PictureSlide{chart.title, renderer(*c, chart),
                                                  chart.sourceLine, label, options.language});
        } else {
            deck.slides.emplace_back(std::move(chart));
        }
    }
    if (options.uncertainty) {
        for (ChartPlan& chart :
             uncertaintySlides(evaluator, charts, *options.uncertainty, options.scenarioId,
                               options.language, label, options.units)) {
            if (const std::string problem = chartProblem(chart); !problem.empty())
                throw DeckError("chart '" + chart.id + "' cannot be drawn: " + problem);
            chart.link = linkName({chart.id, options.scenarioId, options.language, options.units});
            deck.slides.emplace_back(std::move(chart));
        }
    }
    for (const BridgeSlideRequest& request : options.bridges) {
        ChartPlan bridge = bridgeSlide(evaluator.model(), request, options);
        bridge.link = linkName({"bridge:" + request.from + ":" + request.to + ":" +
                                    bridge.series[kWaterfallTotal].ref + ":" +
                                    std::to_string(bridgeYear(evaluator.model(), request)),
                                options.scenarioId, options.language, options.units});
        deck.slides.emplace_back(std::move(bridge));
    }
    for (AssumptionsSlide& s : paginateAssumptions(
             assumptionRows(evaluator, options.language, options.units), options.language, label))
        deck.slides.emplace_back(std::move(s));
    return deck;
}

Deck buildDeck(const Model& model, const DeckOptions& options,
               const ChartPictureRenderer& renderer) {
    if (!options.scenarioId.empty() && options.scenarioId != "base" &&
        !model.scenario().findScenario(options.scenarioId))
        throw DeckError("unknown scenario '" + options.scenarioId + "'");
    return buildDeck(Evaluator(model, options.scenarioId), options, renderer);
}

}  // namespace jevons::core::deck
