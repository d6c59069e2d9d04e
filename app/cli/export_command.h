#pragma once
// `jevons-cli export`: PowerPoint decks and chart pictures from a forecast file, without a window.
//
//   jevons-cli export deck FILE [--scenario ID] [--charts a,b] [--lang en|zh] [--pictures]
//                               [--uncertainty [--tornado SERIES:YEAR] [--histogram SERIES:YEAR]]
//                               -o out.pptx
//   jevons-cli export png|svg|pdf FILE --chart ID [--scenario ID] [--scale 1|2|3]
//                               [--transparent] [--lang en|zh] -o out.png
//
// A deck of native charts is built and written by the core alone. Pictures (png, svg, pdf, and
// decks with --pictures) need a painter: jevons-cli replaces itself by jevons-render (Qt), which
// takes the same command line, so no other command loads Qt.
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Run `jevons-cli export …`; `args` is the whole command line (args[1] == "export").
/// Returns 0 on success, 1 when the file cannot be read or written, or jevons-render cannot be
/// started (message on `err`, nothing left at the output path), 2 for a usage error such as an
/// unknown chart or scenario (named, with the ones the file has). A picture request does not
/// return when jevons-render starts: its exit status is the process's.
int runExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app

// jevons-cli's main() dispatches with an unqualified call.
using jevons::app::runExportCommand;
