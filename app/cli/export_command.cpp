#include "app/cli/export_command.h"

#include "app/cli/export_request.h"
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/scenario/scenario_json.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#ifndef JEVONS_RENDER_FROM_BINDIR
#define JEVONS_RENDER_FROM_BINDIR "../libexec/jevons/jevons-render"
#endif

namespace jevons::app {

namespace {

namespace fs = std::filesystem;

/// jevons-render beside this executable (the build tree), or where `cmake --install` and the
/// Debian package put it relative to the bin folder; empty when neither exists.
fs::path rendererPath() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    for (const fs::path& candidate :
         {self.parent_path() / "jevons-render", self.parent_path() / JEVONS_RENDER_FROM_BINDIR}) {
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.lexically_normal();
    }
    return {};
}

/// Replace this process by jevons-render with the same arguments; returns only on failure.
int execRenderer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const fs::path renderer = rendererPath();
    if (renderer.empty()) {
        err << "jevons-cli: pictures are drawn by jevons-render, which is not installed beside "
               "jevons-cli (nor in "
            << JEVONS_RENDER_FROM_BINDIR << ")\n";
        return 1;
    }
    std::vector<std::string> copy = args;
    copy[0] = renderer.string();
    std::vector<char*> argv;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    out.flush();
    err.flush();
    ::execv(renderer.c_str(), argv.data());
    err << "jevons-cli: cannot start " << renderer.string() << ": " << std::strerror(errno) << "\n";
    return 1;
}

void writeNativeDeck(const ExportRequest& r) {
    const core::Scenario scenario = core::loadScenarioFile(r.file);
    checkExportIds(r, scenario);
    core::deck::DeckOptions options;
    options.chartIds = r.charts;
    options.language = r.language;
    options.scenarioId = r.scenario;
    if (r.uncertainty) {
        core::deck::UncertaintySlideOptions u;
        u.tornadoOutput = r.tornado;
        u.tornadoYear = r.tornadoYear;
        u.histogramOutput = r.histogram;
        u.histogramYear = r.histogramYear;
        options.uncertainty = u;
    }
    core::deck::writeDeck(core::deck::buildDeck(core::Model::compile(scenario), options), r.output);
}

}  // namespace

int runExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return reportExportErrors(err, [&] {
        const ExportRequest request = parseExportRequest(args);
        if (request.needsPainter()) return execRenderer(args, out, err);
        writeNativeDeck(request);
        out << "wrote " << request.output << "\n";
        return 0;
    });
}

}  // namespace jevons::app
