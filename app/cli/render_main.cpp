// jevons-render: the painter behind `jevons-cli export png|svg|pdf` and `export deck --pictures`.
// jevons-cli runs it with its own command line; it is not meant to be called by hand, but it
// takes the same arguments: jevons-render export png FILE --chart ID -o out.png
#include "app/cli/picture_export.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv, argv + argc);
    return jevons::app::runPictureExport(args, std::cout, std::cerr);
}
