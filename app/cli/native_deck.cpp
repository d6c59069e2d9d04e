#include "app/cli/native_deck.h"

#include "app/cli/export_request.h"
#include "core/deck/deck.h"
#include "core/deck/deck_template.h"
#include "core/deck/deck_writer.h"
#include "core/scenario/scenario_json.h"

#include <memory>
#include <ostream>

namespace jevons::app {

int runNativeDeckExport(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
    return reportExportErrors(err, [&] {
        const ExportRequest r = parseExportRequest(args);
        if (r.needsPainter())
            throw ExportUsageError(
                "jevons-deck writes decks of native charts; pictures are "
                "drawn by jevons-render");
        const core::Scenario scenario = core::loadScenarioFile(r.file);
        checkExportIds(r, scenario);
        core::deck::DeckOptions options;
        options.chartIds = r.charts;
        options.language = r.language;
        options.scenarioId = r.scenario;
        if (r.uncertainty) {
            core::deck::UncertaintySlideOptions u;
            u.tornadoOutput = r.tornado;
            u.tornadoYear = r.tornadoYear;
            u.histogramOutput = r.histogram;
            u.histogramYear = r.histogramYear;
            options.uncertainty = u;
        }
        for (const ExportRequest::BridgeSpec& b : r.bridges)
            options.bridges.push_back({"base", b.to, b.series, b.year});
        core::deck::Deck deck = core::deck::buildDeck(core::Model::compile(scenario), options);
        if (!r.templateFile.empty())
            deck.style = std::make_shared<const core::deck::DeckTemplate>(
                core::deck::loadTemplate(r.templateFile));
        core::deck::writeDeck(deck, r.output);
        out << "wrote " << r.output << "\n";
        return 0;
    });
}

}  // namespace jevons::app
