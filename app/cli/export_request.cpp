#include "app/cli/export_request.h"

#include <sstream>
#include <tuple>
#include <utility>

namespace jevons::app {

const char* const kExportUsage =
    "  jevons-cli export deck FILE [--scenario ID] [--charts a,b] [--lang en|zh] [--pictures]\n"
    "                             [--uncertainty [--tornado SERIES:YEAR]\n"
    "                             [--histogram SERIES:YEAR]] [--bridge TO[:SERIES:YEAR]]...\n"
    "                             [--template corp.potx|corp.pptx] -o out.pptx\n"
    "  jevons-cli export png|svg|pdf FILE --chart ID [--scenario ID] [--scale 1|2|3]\n"
    "                             [--transparent] [--lang en|zh] [--uncertainty] -o out.png\n";

namespace {

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

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

}  // namespace

ExportRequest parseExportRequest(const std::vector<std::string>& args) {
    if (args.size() < 3) throw ExportUsageError("export needs deck, png, svg or pdf");
    ExportRequest r;
    r.what = args[2];
    const bool deck = r.what == "deck";
    if (!deck && r.what != "png" && r.what != "svg" && r.what != "pdf")
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
        } else if (deck && a == "--template") {
            r.templateFile = value();
        } else if (a == "--uncertainty") {
            r.uncertainty = true;
        } else if (deck && a == "--tornado") {
            std::tie(r.tornado, r.tornadoYear) = outputAndYear(a, value());
        } else if (deck && a == "--bridge") {
            // "bull" (the focus output and year) or "bull:asic_market:2028", from base.
            const std::string& spec = value();
            ExportRequest::BridgeSpec b;
            const auto colon = spec.find(':');
            b.to = spec.substr(0, colon);
            if (colon != std::string::npos)
                std::tie(b.series, b.year) = outputAndYear(a, spec.substr(colon + 1));
            if (b.to.empty())
                throw ExportUsageError("--bridge expects SCENARIO or SCENARIO:SERIES:YEAR, not '" +
                                       spec + "'");
            r.bridges.push_back(std::move(b));
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

void checkExportIds(const ExportRequest& request, const core::Scenario& scenario) {
    if (request.scenario != "base" && !scenario.findScenario(request.scenario)) {
        std::vector<std::string> ids;
        for (const auto& s : scenario.scenarios) ids.push_back(s.id);
        throw ExportUsageError("there is no scenario '" + request.scenario + "' in " +
                               request.file + "; it has: " + joined(ids));
    }
    for (const ExportRequest::BridgeSpec& b : request.bridges) {
        if (b.to == "base" || scenario.findScenario(b.to)) continue;
        std::vector<std::string> ids{"base"};
        for (const auto& s : scenario.scenarios) ids.push_back(s.id);
        throw ExportUsageError("--bridge: there is no scenario '" + b.to + "' in " + request.file +
                               "; it has: " + joined(ids));
    }
    for (const std::string& id : request.charts) {
        if (scenario.findChart(id)) continue;
        std::vector<std::string> ids;
        for (const auto& c : scenario.charts) ids.push_back(c.id);
        throw ExportUsageError("there is no chart '" + id + "' in " + request.file +
                               "; it has: " + joined(ids));
    }
}

UpdateDeckRequest parseUpdateDeckRequest(const std::vector<std::string>& args) {
    UpdateDeckRequest r;
    std::vector<std::string> positional;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--scenario") {
            if (i + 1 >= args.size()) throw ExportUsageError("--scenario needs a scenario id");
            r.scenario = args[++i];
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            throw ExportUsageError("unknown option '" + args[i] + "' for update-deck");
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.size() != 2)
        throw ExportUsageError("update-deck needs a forecast file and a deck (.pptx)");
    r.forecast = positional[0];
    r.deck = positional[1];
    return r;
}

}  // namespace jevons::app
