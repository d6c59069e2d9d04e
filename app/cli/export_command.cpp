#include "app/cli/export_command.h"

#include "app/cli/export_request.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#ifndef JEVONS_HELPERS_FROM_BINDIR
#define JEVONS_HELPERS_FROM_BINDIR "../libexec/jevons"
#endif

namespace jevons::app {

namespace {

namespace fs = std::filesystem;

/// The helper `name` beside this executable (the build tree), or where `cmake --install` and the
/// Debian package put it relative to the bin folder; empty when neither exists.
fs::path helperPath(const char* name) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    for (const fs::path& candidate :
         {self.parent_path() / name, self.parent_path() / JEVONS_HELPERS_FROM_BINDIR / name}) {
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.lexically_normal();
    }
    return {};
}

/// Replace this process by the helper `name` with the same arguments; returns only on failure.
int execHelper(const char* name, const char* what, const std::vector<std::string>& args,
               std::ostream& out, std::ostream& err) {
    const fs::path helper = helperPath(name);
    if (helper.empty()) {
        err << "jevons-cli: " << what << " by " << name
            << ", which is not installed beside jevons-cli (nor in " JEVONS_HELPERS_FROM_BINDIR
               ")\n";
        return 1;
    }
    std::vector<std::string> copy = args;
    copy[0] = helper.string();
    std::vector<char*> argv;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    out.flush();
    err.flush();
    ::execv(helper.c_str(), argv.data());
    err << "jevons-cli: cannot start " << helper.string() << ": " << std::strerror(errno) << "\n";
    return 1;
}

}  // namespace

int runExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return reportExportErrors(err, [&] {
        // Parsed here too, so that a usage mistake is reported without starting a helper.
        const ExportRequest request = parseExportRequest(args);
        if (request.needsPainter())
            return execHelper("jevons-render", "pictures are drawn", args, out, err);
        return execHelper("jevons-deck", "decks are written", args, out, err);
    });
}

int runUpdateDeckCommand(const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err) {
    try {
        (void)parseUpdateDeckRequest(args);  // a usage mistake is reported here
    } catch (const ExportUsageError& e) {
        err << "jevons-cli: " << e.what() << "\nusage:\n" << kUpdateDeckUsage;
        return 2;
    }
    return execHelper("jevons-deck", "decks are updated", args, out, err);
}

}  // namespace jevons::app
