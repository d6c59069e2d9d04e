#pragma once
// `jevons-cli export`: PowerPoint decks and chart pictures from a forecast file, without a window.
//
//   jevons-cli export deck FILE [--scenario ID] [--charts a,b] [--lang en|zh] [--pictures]
//                               [--uncertainty [--tornado SERIES:YEAR] [--histogram SERIES:YEAR]]
//                               -o out.pptx
//   jevons-cli export png|svg|pdf FILE --chart ID [--scenario ID] [--scale 1|2|3]
//                               [--transparent] [--lang en|zh] -o out.png
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Usage lines of `jevons-cli export` (for the CLI's help text).
extern const char* const kExportUsage;

/// @brief Run `jevons-cli export …`; `args` is the whole command line (args[1] == "export").
/// Pictures (and decks with --pictures) render with Qt: a QApplication is created on the
/// offscreen platform when no display is present. Returns 0 on success, 1 when the file cannot
/// be read or written (message on `err`, nothing left at the output path), 2 for a usage error
/// such as an unknown chart or scenario (named, with the ones the file has).
int runExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app

// jevons-cli's main() dispatches with an unqualified call.
using jevons::app::runExportCommand;
