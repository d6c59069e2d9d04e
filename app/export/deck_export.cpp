#include "app/export/deck_export.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/export/chart_renderer.h"
#include "core/deck/deck_template.h"
#include "core/deck/deck_writer.h"

#include <memory>

namespace jevons::app {

void exportDeck(const Document& document, const DeckExportRequest& request, const QString& path) {
    core::deck::DeckOptions options;
    for (const QString& id : request.chartIds) options.chartIds.push_back(id.toStdString());
    options.pictures = request.pictures;
    options.language = request.language == QStringLiteral("zh") ? "zh" : "en";
    options.scenarioId = document.activeScenario().toStdString();
    options.units = document.displayPreferences();  // View → Units, as the dashboard shows
    if (request.uncertainty) {
        core::deck::UncertaintySlideOptions u;
        u.tornadoOutput = request.tornadoOutput.toStdString();
        u.tornadoYear = request.tornadoYear;
        u.histogramOutput = request.histogramOutput.toStdString();
        u.histogramYear = request.histogramYear;
        u.distributions = &document.scenario();  // the ranges as edited in the dashboard
        options.uncertainty = u;
    }
    for (const DeckExportRequest::Bridge& b : request.bridges) {
        core::deck::BridgeSlideRequest r;
        r.from = b.from.toStdString();
        r.to = b.to.toStdString();
        r.series = b.output.toStdString();
        r.year = b.year;
        r.fromValues = document.scenarioValues(r.from);
        r.toValues = document.scenarioValues(r.to);
        options.bridges.push_back(std::move(r));
    }
    std::unique_ptr<ChartRenderer> renderer;
    core::deck::ChartPictureRenderer pictures;
    if (request.pictures) {
        renderer =
            std::make_unique<ChartRenderer>(document, request.language, request.pictureBands);
        pictures = deckPictureRenderer(*renderer);
    }
    core::deck::Deck deck = core::deck::buildDeck(document.evaluator(), options, pictures);
    if (!request.templatePath.isEmpty())
        deck.style = std::make_shared<const core::deck::DeckTemplate>(
            core::deck::loadTemplate(request.templatePath.toStdString()));
    core::deck::writeDeck(deck, path.toStdString());
}

core::deck::DeckUpdate updateDeckFile(const Document& document, const QString& path) {
    core::deck::DeckUpdateOptions options;
    options.valuesOf = [&document](const std::string& scenario) {
        return std::optional<std::map<std::string, double>>(document.scenarioValues(scenario));
    };
    return core::deck::updateDeck(document.evaluator().model(), path.toStdString(), options);
}

}  // namespace jevons::app
