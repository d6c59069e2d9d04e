#pragma once
// `jevons-cli templates` and `jevons-cli new`: the forecasts to start from (core/scenario/
// templates.h), found beside the program as the dashboard finds them (core only, no Qt).
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief The forecasts folder: `--dir` if given, else the first that exists of
/// <program dir>/forecasts, <program dir>/../share/jevons/forecasts and the source tree's.
[[nodiscard]] std::string forecastsDir(const std::string& given);

/// @brief `jevons-cli templates [--lang en|zh] [--dir FORECASTS]`: one line per template, "name
/// <tab> title <tab> description" in the language (a broken template file: its problem).
/// Returns 0, or 2 for a usage error (message and usage on `err`).
int runTemplatesCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// @brief `jevons-cli new --template NAME -o FILE [--first-year Y] [--dir FORECASTS]`: writes
/// the forecast the template starts (blank: Y..Y+5, Y this year by default) to FILE, atomically.
/// Returns 0; 1 when it cannot be written or the template does not load (the loader's message);
/// 2 for a usage error or an unknown template (naming the known ones).
int runNewCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app

using jevons::app::runNewCommand;
using jevons::app::runTemplatesCommand;
