#pragma once
// `jevons-cli export …` as plain data: the request parsed from the command line and checked
// against the forecast, shared by jevons-cli (native decks, core only) and jevons-render (the
// pictures, which need Qt's painter).
#include "core/scenario/scenario.h"

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Usage lines of `jevons-cli export` (for the help texts).
extern const char* const kExportUsage;

/// @brief A usage mistake (exit status 2): an unknown option, a missing value, an unknown chart.
struct ExportUsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ExportRequest {
    std::string what;  ///< deck, png, svg, pdf
    std::string file;
    std::string output;
    std::string scenario = "base";
    std::vector<std::string> charts;  ///< deck: slide order (empty = all); pictures: the one chart
    std::string language = "en";
    int scale = 1;  ///< png: 1, 2 or 3 times 1280x720
    bool pictures = false;
    std::string templateFile{};  ///< deck: `--template corp.potx`, the firm's template
    bool transparent = false;
    bool uncertainty = false;  ///< deck: fan, tornado and histogram slides; pictures: fan bands
    std::string tornado{};     ///< empty, year 0: the forecast's focus (Scenario::focus)
    int tornadoYear = 0;
    std::string histogram{};
    int histogramYear = 0;
    /// deck: `--bridge TO[:SERIES:YEAR]`, a waterfall from base to TO (empty series, year 0:
    /// the focus), one slide each, in order.
    struct BridgeSpec {
        std::string to;
        std::string series{};
        int year = 0;
    };
    std::vector<BridgeSpec> bridges{};

    /// @brief True when a painter draws the output: png, svg, pdf, or a deck of pictures.
    [[nodiscard]] bool needsPainter() const { return what != "deck" || pictures; }
};

inline constexpr const char* kUpdateDeckUsage =
    "  jevons-cli update-deck FILE DECK.pptx [--scenario ID]\n";

/// @brief The arguments of update-deck (args[1] == "update-deck"). Throws ExportUsageError.
struct UpdateDeckRequest {
    std::string forecast;
    std::string deck;
    std::string scenario{};  ///< empty = each chart's own scenario
};
[[nodiscard]] UpdateDeckRequest parseUpdateDeckRequest(const std::vector<std::string>& args);

/// @brief Parse `args` (the whole command line, args[1] == "export"). Throws ExportUsageError.
[[nodiscard]] ExportRequest parseExportRequest(const std::vector<std::string>& args);

/// @brief Throws ExportUsageError naming `request`'s scenario or a chart that `scenario` lacks,
/// with the ids it has.
void checkExportIds(const ExportRequest& request, const core::Scenario& scenario);

/// @brief Run `export` and turn its failures into jevons-cli's exit statuses: 2 with the usage
/// for an ExportUsageError, 1 for any other exception (ScenarioError, DeckError), the message
/// on `err` either way. The one place both jevons-cli and jevons-render report errors.
template <typename Export>
int reportExportErrors(std::ostream& err, Export&& run) {
    try {
        return run();
    } catch (const ExportUsageError& e) {
        err << "jevons-cli: " << e.what() << "\nusage:\n" << kExportUsage;
        return 2;
    } catch (const std::exception& e) {
        err << "jevons-cli: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace jevons::app
