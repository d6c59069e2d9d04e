#pragma once
// Forecasts to start from (File → New, `jevons-cli templates` and `new`): Blank, the shipped
// templates in forecasts/templates/ (ordinary forecast files with a meta.description), and the
// default forecast.
#include "core/scenario/scenario.h"

#include <string>
#include <vector>

namespace jevons::core {

struct TemplateInfo {
    std::string name;   ///< "blank", a template file's stem ("market_share"), or "default"
    Label title;        ///< the file's meta.title ("Blank forecast" for blank)
    Label description;  ///< its meta.description: one line on what it models
    std::string path;   ///< the file; empty for blank
    /// Why the file cannot be used (the loader's message, naming file, field and line); empty
    /// when it loads. A gallery shows it and does not offer the template.
    std::string problem{};
};

/// @brief Blank first, then every `*.json` in `templatesDir` by name (loaded, so a broken file
/// is listed with its problem rather than offered), then "default" for `defaultForecast` when
/// that file exists. A missing directory lists none of its files.
[[nodiscard]] std::vector<TemplateInfo> listTemplates(const std::string& templatesDir,
                                                      const std::string& defaultForecast);

/// @brief A forecast with no assumptions, series or charts over `firstYear`..`firstYear` + 5,
/// titled "Untitled forecast" / "未命名预测", with the implicit base scenario.
[[nodiscard]] Scenario blankForecast(int firstYear);

/// @brief The forecast template `name` of `templates` starts: blank, or its file loaded. Throws
/// ScenarioError naming the known names when there is no such template, or the loader's error.
[[nodiscard]] Scenario newForecast(const std::vector<TemplateInfo>& templates,
                                   const std::string& name, int firstYear);

}  // namespace jevons::core
