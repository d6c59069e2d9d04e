#include "app/cli/update_deck.h"

#include "app/cli/export_request.h"
#include "core/deck/deck_update.h"
#include "core/scenario/scenario_json.h"

#include <ostream>

namespace jevons::app {

int runUpdateDeck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        const UpdateDeckRequest r = parseUpdateDeckRequest(args);
        const core::Model model = core::Model::compile(core::loadScenarioFile(r.forecast));
        if (!r.scenario.empty() && r.scenario != "base" &&
            !model.scenario().findScenario(r.scenario))
            throw ExportUsageError(r.forecast + " has no scenario '" + r.scenario + "'");
        core::deck::DeckUpdateOptions options;
        if (!r.scenario.empty()) options.scenario = r.scenario;
        const core::deck::DeckUpdate update = core::deck::updateDeck(model, r.deck, options);
        for (const core::deck::ChartUpdate& chart : update.charts)
            out << core::deck::updateLine(chart) << "\n";
        for (const std::size_t slide : update.tables)
            out << "slide " << slide << ": assumptions & sources: updated\n";
        out << (update.changed ? "updated " + r.deck : r.deck + " is up to date") << "\n";
        return 0;
    } catch (const ExportUsageError& e) {
        err << "jevons-cli: " << e.what() << "\nusage:\n" << kUpdateDeckUsage;
        return 2;
    } catch (const std::exception& e) {
        err << "jevons-cli: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace jevons::app
