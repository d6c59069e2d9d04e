#pragma once
// The dashboard's command line (`jevons [options] [file.json]`) and where the default forecast
// lives. main.cpp builds the window from a DashboardOptions; the parsing lives here so that its
// translated help text is in the library Qt Linguist scans.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace jevons::app {

/// @brief What `jevons` was asked to do. Empty strings mean "not given".
struct DashboardOptions {
    QString file;               ///< forecast to open; empty = findDefaultForecast()
    QString screenshot;         ///< --screenshot out.png|out.bmp: render the window and exit
    QString presentScreenshot;  ///< --present-screenshot out.png: render a slide and exit
    int slide = 0;              ///< --slide N, 0-based here (the option is 1-based)
    QString theme;              ///< --theme light|dark (presentation)
    bool whatIf = false;        ///< --whatif: raise the what-if sliders (presentation)
    QString language;           ///< en or zh: --language, else the saved choice, else the locale
    QString recovery;           ///< --recovery ask|recover|discard, else JEVONS_RECOVERY
    QStringList testEdits;      ///< hidden --test-edit id=value (crash_recovery_test)
    QString dumpAssumption;     ///< hidden --dump-assumption id
    /// --editor assumption:ID|series:ID|chart:ID: open the model editor on that item (also for
    /// --screenshot: README's editor picture).
    QString editor;
    /// --compare SCENARIO: compare mode with SCENARIO active, the scenario bridge shown (also
    /// for --screenshot: README's bridge picture).
    QString compare;
    bool modelMap = false;       ///< --model-map: show the model map's dock
    bool exitAfterLoad = false;  ///< hidden --exit-after-load
    /// hidden --first-frame-time FILE (with --screenshot; dashboard_bench's cold start): the
    /// CLOCK_MONOTONIC time in ns, as text, at which the shown window had painted the first
    /// simulation's bands, before the picture is taken and the process exits
    QString firstFrameTime;
    /// @brief A screenshot run: offscreen-ready, ignores saved choices and crash recovery.
    [[nodiscard]] bool shooting() const {
        return !screenshot.isEmpty() || !presentScreenshot.isEmpty();
    }
};

/// @brief Parses `app`'s arguments (exits on --help, --version or an unknown option, as
/// QCommandLineParser::process does). Screenshots use --language or English, never the saved
/// language, so that they come out the same everywhere.
[[nodiscard]] DashboardOptions parseDashboardCommandLine(const QCoreApplication& app);

/// @brief The shipped default forecast: beside the executable (forecasts/), in the installed
/// share directory (../share/jevons/forecasts/), else in the source tree (JEVONS_FORECASTS_DIR).
/// Empty when none exists.
[[nodiscard]] QString findDefaultForecast();

}  // namespace jevons::app
