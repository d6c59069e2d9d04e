#include "core/deck/deck.h"

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
            deck.slides.emplace_back(std::move(chart));
        }
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
