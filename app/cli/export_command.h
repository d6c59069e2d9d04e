#pragma once
// `jevons-cli export`: PowerPoint decks and chart pictures from a forecast file, without a window.
//
//   jevons-cli export deck FILE [--scenario ID] [--charts a,b] [--lang en|zh] [--pictures]
//                               [--uncertainty [--tornado SERIES:YEAR] [--histogram SERIES:YEAR]]
//                               -o out.pptx
//   jevons-cli export png|svg|pdf FILE --chart ID [--scenario ID] [--scale 1|2|3]
//                               [--transparent] [--lang en|zh] -o out.png
//
// jevons-cli checks the request and replaces itself by a helper that takes the same command
// line: jevons-deck (the core's deck writer: libzip, libxlsxwriter) for a deck of native charts,
// jevons-render (Qt's painter) for pictures (png, svg, pdf, and decks with --pictures). So no
// other command loads Qt, libzip or libxlsxwriter, as git keeps libcurl out of its commands by
// running git-remote-https.
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Run `jevons-cli export …`; `args` is the whole command line (args[1] == "export").
/// Returns 2 for a usage error (an unknown option or a missing value), 1 when the helper cannot
/// be started (message on `err`). Otherwise it does not return: the helper's exit status is the
/// process's (0, 1 when the file cannot be read or written, 2 for an unknown chart or scenario).
int runExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// @brief Run `jevons-cli update-deck FILE DECK.pptx [--scenario ID]` by jevons-deck
/// (update_deck.h): returns 2 for a usage error, 1 when the helper cannot be started, and
/// otherwise does not return.
int runUpdateDeckCommand(const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err);

}  // namespace jevons::app

// jevons-cli's main() dispatches with an unqualified call.
using jevons::app::runExportCommand;
using jevons::app::runUpdateDeckCommand;
