#pragma once
// `jevons-cli update-deck FILE DECK.pptx [--scenario ID]`: the linked charts of a deck Jevons
// exported, brought up to date with the forecast FILE in place (core/deck/deck_update.h). Run by
// jevons-deck, as decks are written there.
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Runs update-deck: one line per linked chart on `out` ("slide 3: asic_market (base):
/// updated"), then "updated DECK" or "DECK is up to date". Returns 0 when it ran (charts the
/// forecast no longer has are reported and left as they were), 1 when the forecast or the deck
/// cannot be read or written (the deck untouched), 2 for a usage error.
int runUpdateDeck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app
