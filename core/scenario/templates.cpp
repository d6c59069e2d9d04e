#include "core/scenario/templates.h"

#include "core/scenario/scenario_json.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace jevons::core {
namespace {

namespace fs = std::filesystem;

const std::string kBlank = "blank";

TemplateInfo describe(const std::string& name, const fs::path& file) {
    TemplateInfo info{name, {name, {}}, {{}, {}}, file.string()};
    try {
        const Scenario s = loadScenarioFile(file.string());
        info.title = s.title;
        info.description = s.description;
    } catch (const ScenarioError& e) {
        info.problem = e.what();
    }
    return info;
}

}  // namespace

Scenario blankForecast(int firstYear) {
    const std::string text =
        "{\"schema\": 1, \"meta\": {\"title\": {\"en\": \"Untitled forecast\", "
        "\"zh\": \"未命名预测\"}}, \"years\": {\"first\": " +
        std::to_string(firstYear) + ", \"last\": " + std::to_string(firstYear + 5) +
        "}, \"series\": {}}";
    return parseScenario(text, "blank");
}

std::vector<TemplateInfo> listTemplates(const std::string& templatesDir,
                                        const std::string& defaultForecast) {
    std::vector<TemplateInfo> out;
    out.push_back(
        {kBlank,
         {"Blank forecast", "空白预测"},
         {"No assumptions, series or charts: build your own", "不含假设、序列和图表，从零搭建"},
         {}});
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(templatesDir, error), end; !error && it != end;
         it.increment(error))
        if (it->is_regular_file(error) && it->path().extension() == ".json")
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) out.push_back(describe(file.stem().string(), file));
    if (!defaultForecast.empty() && fs::is_regular_file(defaultForecast, error))
        out.push_back(describe("default", defaultForecast));
    return out;
}

Scenario newForecast(const std::vector<TemplateInfo>& templates, const std::string& name,
                     int firstYear) {
    const auto it = std::find_if(templates.begin(), templates.end(),
                                 [&](const TemplateInfo& t) { return t.name == name; });
    if (it == templates.end()) {
        std::string known;
        for (const TemplateInfo& t : templates) known += (known.empty() ? "" : ", ") + t.name;
        throw ScenarioError("template",
                            "there is no template '" + name + "' (known: " + known + ")");
    }
    if (it->name == kBlank) return blankForecast(firstYear);
    return loadScenarioFile(it->path);
}

}  // namespace jevons::core
