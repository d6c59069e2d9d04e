// jevons-cli: the forecast core without a window, for scripts, tests and batch jobs.
//
//   jevons-cli show FILE [--scenario ID] [--series a,b.output] [--years 2023:2030]
//                        [--cagr 2023:2028] [--format text|csv|json] [--decimals N] [--lang en|zh]
//                        [--ids]
//   jevons-cli check FILE [--lang en|zh]   validate a scenario file (exit 1 with the message)
//   jevons-cli scenarios FILE [--lang en|zh] [--ids]   the scenarios and what they override
#include "app/cli/export_command.h"
#include "app/cli/fit_command.h"
#include "app/cli/templates_command.h"
#include "app/cli/uncertainty_commands.h"
#include "core/eval/evaluator.h"
#include "core/report/series_table.h"
#include "core/scenario/scenario_json.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace jevons::core;

constexpr const char* kUsage =
    "usage:\n"
    "  jevons-cli show FILE [--scenario ID] [--series a,b.output] [--years FROM:TO]\n"
    "                       [--cagr FROM:TO] [--format text|csv|json] [--decimals N] [--lang "
    "en|zh]\n"
    "                       [--ids]   (rows by series id, not by label)\n"
    "  jevons-cli check FILE [--lang en|zh]\n"
    "  jevons-cli simulate FILE [--paths N] [--seed S] [--series X] [--year T] [--scenario ID]\n"
    "                           [--lang en|zh] [--ids] [--memory-budget MIB]\n"
    "  jevons-cli goal-seek FILE --set ASSUMPTION --target SERIES --year T --value V\n"
    "                            [--scenario ID]\n"
    "  jevons-cli scenarios FILE [--lang en|zh] [--ids]\n"
    "  jevons-cli bridge FILE --to SCENARIO [--from SCENARIO] [--series X] [--year T]\n"
    "                         [--format text|csv|json] [--decimals N] [--lang en|zh] [--ids]\n"
    "  jevons-cli export deck FILE [--scenario ID] [--charts a,b] [--lang en|zh] [--pictures]\n"
    "                             -o out.pptx\n"
    "  jevons-cli export png|svg|pdf FILE --chart ID [--scenario ID] [--scale 1|2|3]\n"
    "                             [--transparent] [--lang en|zh] -o out.png\n"
    "  jevons-cli update-deck FILE DECK.pptx [--scenario ID]   the deck's linked charts, in place\n"
    "  jevons-cli templates [--lang en|zh]   the forecasts to start from\n"
    "  jevons-cli new --template NAME -o FILE [--first-year YEAR]\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::vector<std::string> splitList(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);)
        if (!part.empty()) out.push_back(part);
    return out;
}

int parseInt(const std::string& s, const std::string& option) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " expects a whole number, not '" + s + "'");
}

std::pair<int, int> parseYears(const std::string& s, const std::string& option) {
    const auto parts = splitList(s, ':');
    if (parts.size() != 2) throw UsageError(option + " expects FROM:TO, e.g. 2023:2028");
    return {parseInt(parts[0], option), parseInt(parts[1], option)};
}

// Options after the file: "--name value" pairs, and flags without a value (set to "1").
std::map<std::string, std::string> parseOptions(const std::vector<std::string>& args,
                                                std::size_t first) {
    static const std::set<std::string> kFlags{"--ids"};
    static const std::string kSet = "1";
    std::map<std::string, std::string> options;
    for (std::size_t i = first; i < args.size(); ++i) {
        if (args[i].rfind("--", 0) != 0) throw UsageError("unexpected argument '" + args[i] + "'");
        if (kFlags.count(args[i])) {
            options.insert_or_assign(args[i], kSet);
            continue;
        }
        if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
        options[args[i]] = args[i + 1];
        ++i;
    }
    return options;
}

/// @brief --lang's value among `options` ("en" when absent); UsageError for another language.
std::string languageOption(std::map<std::string, std::string>& options) {
    const std::string language = options.count("--lang") ? options["--lang"] : "en";
    if (language != "en" && language != "zh") {
        std::string message = "--lang is en or zh, not '";  // appended: GCC 12 -Wrestrict
        message += language;
        message += '\'';
        throw UsageError(message);
    }
    return language;
}

int show(const std::vector<std::string>& args) {
    if (args.size() < 3) throw UsageError("show needs a FILE");
    auto options = parseOptions(args, 3);
    const Scenario scenario = loadScenarioFile(args[2]);
    const std::string scenarioId = options.count("--scenario") ? options["--scenario"] : "base";
    if (scenarioId != "base" && !scenario.findScenario(scenarioId)) {
        std::string known;
        for (const auto& s : scenario.scenarios) known += (known.empty() ? "" : ", ") + s.id;
        throw UsageError("there is no scenario '" + scenarioId + "' in " + args[2] +
                         "; it has: " + known);
    }
    const Evaluator evaluator(Model::compile(scenario), scenarioId);
    TableRequest request;
    if (options.count("--series")) request.series = splitList(options["--series"], ',');
    if (options.count("--years"))
        std::tie(request.fromYear, request.toYear) = parseYears(options["--years"], "--years");
    if (options.count("--cagr")) request.cagr = parseYears(options["--cagr"], "--cagr");
    if (options.count("--decimals"))
        request.decimals = parseInt(options["--decimals"], "--decimals");
    request.language = languageOption(options);
    request.ids = options.count("--ids") > 0;
    const auto format = tableFormatNamed(options.count("--format") ? options["--format"] : "text");
    if (!format)
        throw UsageError("--format is text, csv or json, not '" + options["--format"] + "'");
    std::cout << renderTable(buildTable(evaluator, request), *format, request.decimals);
    return 0;
}

int check(const std::vector<std::string>& args) {
    if (args.size() < 3) throw UsageError("check needs a FILE");
    auto options = parseOptions(args, 3);
    const bool zh = languageOption(options) == "zh";
    const Scenario scenario = loadScenarioFile(args[2]);
    if (zh)
        std::cout << args[2] << "：有效（" << scenario.assumptions.size() << "个假设，"
                  << scenario.series.size() << "个序列，" << scenario.charts.size() << "张图表，"
                  << scenario.scenarios.size() << "个情景）\n";
    else
        std::cout << args[2] << ": valid (" << scenario.assumptions.size() << " assumptions, "
                  << scenario.series.size() << " series, " << scenario.charts.size() << " charts, "
                  << scenario.scenarios.size() << " scenarios)\n";
    return 0;
}

// Each scenario: id, label and note in the language, then its overrides (assumption label in the
// language, or id with --ids, = the stored value).
int scenarios(const std::vector<std::string>& args) {
    if (args.size() < 3) throw UsageError("scenarios needs a FILE");
    auto options = parseOptions(args, 3);
    const std::string language = languageOption(options);
    const bool ids = options.count("--ids") > 0;
    const Scenario scenario = loadScenarioFile(args[2]);
    for (const auto& s : scenario.scenarios) {
        std::cout << s.id << "\t" << s.label.in(language) << "\t" << s.note.in(language) << "\n";
        for (const auto& [id, v] : s.overrides) {
            const Assumption* a = scenario.findAssumption(id);
            const std::string& name = ids || !a || a->label.empty() ? id : a->label.in(language);
            std::cout << "\t" << name << " = " << v << "\n";
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv, argv + argc);
    try {
        if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
            std::cout << kUsage;
            return args.size() < 2 ? 2 : 0;
        }
        if (args[1] == "show") return show(args);
        if (args[1] == "check") return check(args);
        if (args[1] == "scenarios") return scenarios(args);
        if (args[1] == "fit") return runFitCommand(args, std::cout, std::cerr);
        if (args[1] == "simulate") return runSimulateCommand(args, std::cout, std::cerr);
        if (args[1] == "bridge") return runBridgeCommand(args, std::cout, std::cerr);
        if (args[1] == "goal-seek") return runGoalSeekCommand(args, std::cout, std::cerr);
        if (args[1] == "export") return runExportCommand(args, std::cout, std::cerr);
        if (args[1] == "update-deck") return runUpdateDeckCommand(args, std::cout, std::cerr);
        if (args[1] == "templates") return runTemplatesCommand(args, std::cout, std::cerr);
        if (args[1] == "new") return runNewCommand(args, std::cout, std::cerr);
        throw UsageError("unknown command '" + args[1] + "'");
    } catch (const UsageError& e) {
        std::cerr << "jevons-cli: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const ScenarioError& e) {
        std::cerr << "jevons-cli: " << e.what() << "\n";
        return 1;
    }
}
