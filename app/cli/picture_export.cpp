#include "app/cli/export_command.h"

#include "app/document/document.h"
#include "app/export/chart_renderer.h"
#include "app/export/deck_export.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/deck/deck_error.h"
#include "core/scenario/scenario_json.h"

#include <QApplication>

#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace jevons::app {

const char* const kExportUsage =
    "  jevons-cli export deck FILE [--scenario ID] [--charts a,b] [--lang en|zh] [--pictures]\n"
    "                             [--uncertainty [--tornado SERIES:YEAR]\n"
    "                             [--histogram SERIES:YEAR]] -o out.pptx\n"
    "  jevons-cli export png|svg|pdf FILE --chart ID [--scenario ID] [--scale 1|2|3]\n"
    "                             [--transparent] [--lang en|zh] [--uncertainty] -o out.png\n";

namespace {

struct ExportUsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Request {
    std::string what;  ///< deck, png, svg, pdf
    std::string file;
    std::string output;
    std::string scenario = "base";
    std::vector<std::string> charts;
    std::string language = "en";
    int scale = 1;
    bool pictures = false;
    bool transparent = false;
    bool uncertainty = false;  ///< deck: fan, tornado and histogram slides; pictures: fan bands
    std::string tornado = "asic_market";
    int tornadoYear = 2030;
    std::string histogram = "asic_market";
    int histogramYear = 2028;
};

// "asic_market:2030" -> ("asic_market", 2030).
std::pair<std::string, int> outputAndYear(const std::string& option, const std::string& s) {
    const auto colon = s.rfind(':');
    if (colon != std::string::npos && colon > 0) {
        try {
            std::size_t used = 0;
            const int year = std::stoi(s.substr(colon + 1), &used);
            if (used == s.size() - colon - 1) return {s.substr(0, colon), year};
        } catch (const std::exception&) {
        }
    }
    throw ExportUsageError(option + " expects SERIES:YEAR (e.g. asic_market:2030), not '" + s +
                           "'");
}

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

Request parse(const std::vector<std::string>& args) {
    if (args.size() < 3) throw ExportUsageError("export needs deck, png, svg or pdf");
    Request r;
    r.what = args[2];
    const bool deck = r.what == "deck";
    PictureFormat format = PictureFormat::Png;
    if (!deck && !pictureFormatFromName(QString::fromStdString(r.what), &format))
        throw ExportUsageError("export makes a deck, png, svg or pdf, not '" + r.what + "'");
    for (std::size_t i = 3; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw ExportUsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "-o" || a == "--output") {
            r.output = value();
        } else if (a == "--scenario") {
            r.scenario = value();
        } else if (a == "--lang") {
            r.language = value();
            if (r.language != "en" && r.language != "zh")
                throw ExportUsageError("--lang is en or zh, not '" + r.language + "'");
        } else if (deck && a == "--charts") {
            r.charts = splitList(value());
        } else if (deck && a == "--pictures") {
            r.pictures = true;
        } else if (a == "--uncertainty") {
            r.uncertainty = true;
        } else if (deck && a == "--tornado") {
            std::tie(r.tornado, r.tornadoYear) = outputAndYear(a, value());
        } else if (deck && a == "--histogram") {
            std::tie(r.histogram, r.histogramYear) = outputAndYear(a, value());
        } else if (!deck && a == "--chart") {
            r.charts = {value()};
        } else if (!deck && a == "--transparent") {
            r.transparent = true;
        } else if (!deck && a == "--scale") {
            const std::string& s = value();
            if (s != "1" && s != "2" && s != "3")
                throw ExportUsageError("--scale is 1, 2 or 3 (times 1280x720), not '" + s + "'");
            if (r.what != "png") throw ExportUsageError("--scale is for png only");
            r.scale = s[0] - '0';
        } else if (a.rfind("-", 0) == 0) {
            throw ExportUsageError("export " + r.what + " has no option " + a);
        } else if (r.file.empty()) {
            r.file = a;
        } else {
            throw ExportUsageError("unexpected argument '" + a + "'");
        }
    }
    if (r.file.empty()) throw ExportUsageError("export " + r.what + " needs a FILE");
    if (r.output.empty()) throw ExportUsageError("export " + r.what + " needs -o OUTPUT");
    if (!deck && r.charts.empty()) throw ExportUsageError("export " + r.what + " needs --chart ID");
    return r;
}

/// A QApplication for painting; offscreen when there is no display to talk to.
std::unique_ptr<QApplication> makeApplication() {
    if (QApplication::instance()) return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "jevons-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

std::string known(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

int run(const Request& r, std::ostream& out) {
    core::Scenario scenario = core::loadScenarioFile(r.file);
    if (r.scenario != "base" && !scenario.findScenario(r.scenario)) {
        std::vector<std::string> ids;
        for (const auto& s : scenario.scenarios) ids.push_back(s.id);
        throw ExportUsageError("there is no scenario '" + r.scenario + "' in " + r.file +
                               "; it has: " + known(ids));
    }
    for (const std::string& id : r.charts) {
        if (scenario.findChart(id)) continue;
        std::vector<std::string> ids;
        for (const auto& c : scenario.charts) ids.push_back(c.id);
        throw ExportUsageError("there is no chart '" + id + "' in " + r.file +
                               "; it has: " + known(ids));
    }
    const bool needsQt = r.what != "deck" || r.pictures;
    const std::unique_ptr<QApplication> application = needsQt ? makeApplication() : nullptr;

    Document document;
    document.load(std::move(scenario), QString::fromStdString(r.file));
    if (r.scenario != "base") document.applyScenario(r.scenario);
    document.setLanguage(QString::fromStdString(r.language));
    const QString output = QString::fromStdString(r.output);
    // Pictures with --uncertainty: the fan bands and CAGR ranges of the file's ranges, as the
    // dashboard shows them (none when no assumption has a range).
    UncertaintyResult bands;
    if (r.uncertainty && needsQt) {
        const core::SamplingPlan plan = core::SamplingPlan::make(document.scenario());
        if (!plan.empty()) bands = simulateCurrentValues(document, plan);
    }

    if (r.what == "deck") {
        DeckExportRequest request;
        for (const auto& id : r.charts) request.chartIds << QString::fromStdString(id);
        request.language = document.language();
        request.pictures = r.pictures;
        request.uncertainty = r.uncertainty;
        request.tornadoOutput = QString::fromStdString(r.tornado);
        request.tornadoYear = r.tornadoYear;
        request.histogramOutput = QString::fromStdString(r.histogram);
        request.histogramYear = r.histogramYear;
        request.pictureBands = bands;
        exportDeck(document, request, output);
        out << "wrote " << r.output << "\n";
        return 0;
    }
    PictureFormat format = PictureFormat::Png;
    pictureFormatFromName(QString::fromStdString(r.what), &format);
    const ChartRenderer renderer(document, {}, bands);
    ChartPictureOptions options;
    options.scale = r.scale;
    options.transparent = r.transparent;
    const core::ChartDef* chart = renderer.chart(QString::fromStdString(r.charts.front()));
    QString error;
    if (!writeFileAtomically(output, renderer.bytes(*chart, format, options), &error))
        throw core::deck::DeckError(error.toStdString());
    out << "wrote " << r.output;
    if (format == PictureFormat::Png)
        out << " (" << kSlidePictureSize.width() * r.scale << "x"
            << kSlidePictureSize.height() * r.scale << ")";
    out << "\n";
    return 0;
}

}  // namespace

int runExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        return run(parse(args), out);
    } catch (const ExportUsageError& e) {
        err << "jevons-cli: " << e.what() << "\nusage:\n" << kExportUsage;
        return 2;
    } catch (const std::exception& e) {  // ScenarioError, DeckError
        err << "jevons-cli: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace jevons::app
