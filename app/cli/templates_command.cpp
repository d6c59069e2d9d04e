#include "app/cli/templates_command.h"

#include "core/scenario/scenario_json.h"
#include "core/scenario/templates.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <ostream>
#include <stdexcept>

namespace jevons::app {
namespace {

namespace fs = std::filesystem;
using namespace jevons::core;

constexpr const char* kUsage =
    "usage:\n"
    "  jevons-cli templates [--lang en|zh] [--dir FORECASTS]\n"
    "  jevons-cli new --template NAME -o FILE [--first-year YEAR] [--dir FORECASTS]\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::map<std::string, std::string> options(const std::vector<std::string>& args) {
    std::map<std::string, std::string> out;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i].rfind("-", 0) != 0) throw UsageError("unexpected argument '" + args[i] + "'");
        if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
        out[args[i]] = args[i + 1];
        ++i;
    }
    return out;
}

void allow(const std::map<std::string, std::string>& given,
           std::initializer_list<const char*> known) {
    for (const auto& [name, value] : given)
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; }))
            throw UsageError("unknown option " + name);
}

std::vector<TemplateInfo> templatesIn(const std::string& dir) {
    return listTemplates((fs::path(dir) / "templates").string(),
                         (fs::path(dir) / "default.json").string());
}

int thisYear() {
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return static_cast<int>(today.year());
}

}  // namespace

std::string forecastsDir(const std::string& given) {
    if (!given.empty()) return given;
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    std::vector<fs::path> candidates;
    if (!error) {
        candidates.push_back(exe.parent_path() / "forecasts");
        candidates.push_back(exe.parent_path() / ".." / "share" / "jevons" / "forecasts");
    }
    candidates.emplace_back(JEVONS_FORECASTS_DIR);
    for (const fs::path& dir : candidates)
        if (fs::is_directory(dir, error)) return fs::weakly_canonical(dir, error).string();
    return candidates.back().string();
}

int runTemplatesCommand(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
    try {
        auto given = options(args);
        allow(given, {"--lang", "--dir"});
        const std::string language = given.count("--lang") ? given["--lang"] : "en";
        if (language != "en" && language != "zh") {
            std::string message = "--lang is en or zh, not '";  // appended: GCC 12 -Wrestrict
            message += language;
            message += "'";
            throw UsageError(message);
        }
        for (const TemplateInfo& t : templatesIn(forecastsDir(given["--dir"]))) {
            out << t.name << "\t" << t.title.in(language) << "\t"
                << (t.problem.empty()
                        ? t.description.in(language)
                        : (language == "zh" ? "无法使用：" : "cannot be used: ") + t.problem)
                << "\n";
        }
        return 0;
    } catch (const UsageError& e) {
        err << "jevons-cli templates: " << e.what() << "\n" << kUsage;
        return 2;
    }
}

int runNewCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        auto given = options(args);
        allow(given, {"--template", "-o", "--first-year", "--dir"});
        if (!given.count("--template")) throw UsageError("new needs --template NAME");
        if (!given.count("-o")) throw UsageError("new needs -o FILE");
        int firstYear = thisYear();
        if (given.count("--first-year")) {
            try {
                std::size_t used = 0;
                firstYear = std::stoi(given["--first-year"], &used);
                if (used != given["--first-year"].size()) throw std::invalid_argument("year");
            } catch (const std::exception&) {
                throw UsageError("--first-year expects a year, not '" + given["--first-year"] +
                                 "'");
            }
        }
        const auto templates = templatesIn(forecastsDir(given["--dir"]));
        const std::string& name = given["--template"];
        if (std::none_of(templates.begin(), templates.end(),
                         [&](const TemplateInfo& t) { return t.name == name; })) {
            std::string known;
            for (const TemplateInfo& t : templates) known += (known.empty() ? "" : ", ") + t.name;
            throw UsageError("there is no template '" + name + "'; known: " + known);
        }
        saveScenarioFile(newForecast(templates, name, firstYear), given["-o"]);
        out << "wrote " << given["-o"] << " from the template " << name << "\n";
        return 0;
    } catch (const UsageError& e) {
        err << "jevons-cli new: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {  // ScenarioError (load), a file that cannot be written
        err << "jevons-cli new: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace jevons::app
