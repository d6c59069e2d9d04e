// jevons-deck: the deck writer behind `jevons-cli export deck` (native charts). jevons-cli runs
// it with its own command line; it is not meant to be called by hand, but it takes the same
// arguments: jevons-deck export deck FILE -o out.pptx, jevons-deck update-deck FILE deck.pptx
#include "app/cli/native_deck.h"
#include "app/cli/update_deck.h"

#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    // A short-lived process: keep freed heap instead of handing it back to the kernel after
    // every large free. Writing a deck allocates and frees a deflate state per zip entry; with
    // glibc's defaults each cycle moved the heap top by brk, ~100 us a call, 90 ms of a deck's
    // 120 ms of system time (cli_bench).
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
    const std::vector<std::string> args(argv, argv + argc);
    if (args.size() > 1 && args[1] == "update-deck")
        return jevons::app::runUpdateDeck(args, std::cout, std::cerr);
    return jevons::app::runNativeDeckExport(args, std::cout, std::cerr);
}
