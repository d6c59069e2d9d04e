#pragma once
// jevons-deck: `jevons-cli export deck` of native charts, written by the core's deck writer
// (core/deck/, libzip and libxlsxwriter). jevons-cli runs it for deck requests only, so the other
// commands start without loading those libraries and the libcrypto they pull in.
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Run `export deck …` without --pictures; `args` is the whole command line as
/// jevons-cli got it (args[1] == "export"). Returns 0 on success ("wrote FILE" on `out`), 1 when
/// the forecast cannot be read or the deck not written (message on `err`, the old deck at the
/// output path untouched), 2 for a usage error, including a request that needs a painter.
int runNativeDeckExport(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err);

}  // namespace jevons::app
