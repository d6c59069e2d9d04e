#pragma once
// jevons-render: what `jevons-cli export` draws with Qt's painter (png, svg, pdf, and decks of
// chart pictures), with the dashboard's chart cards on the offscreen platform. jevons-cli runs
// it for those requests only, so every other command starts without loading Qt.
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Run `export png|svg|pdf …` or `export deck --pictures …`; `args` is the whole
/// command line as jevons-cli got it (args[1] == "export"). A QApplication is created on the
/// offscreen platform when no display is present. Returns 0 on success, 1 when the file cannot
/// be read or written (message on `err`, nothing left at the output path), 2 for a usage error
/// such as an unknown chart or scenario (named, with the ones the file has).
int runPictureExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app
