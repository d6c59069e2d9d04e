#pragma once
// Starting the dashboard: command line, where the default forecast lives, screenshot mode.
#include <QString>

namespace jevons::app {

/// @brief The shipped default forecast: beside the executable (forecasts/), in the installed
/// share directory (../share/jevons/forecasts/), else in the source tree (JEVONS_FORECASTS_DIR).
/// Empty when none exists.
[[nodiscard]] QString findDefaultForecast();

/// @brief `jevons [--screenshot out.png] [--language en|zh] [file.json]`: creates the
/// application, opens the file (default: findDefaultForecast()) and runs. With --screenshot,
/// renders the window at 1600x1000 offscreen-ready, saves the PNG and returns 0 (2 when the
/// forecast could not be opened, 3 when the PNG could not be written).
int runDashboard(int argc, char** argv);

}  // namespace jevons::app
