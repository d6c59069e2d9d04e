#pragma once
// Writing a Deck as a PowerPoint file (.pptx, 16:9) with native, editable charts: each chart
// part caches its numbers and embeds its workbook for "Edit Data". No Qt.
#include "core/deck/deck.h"
#include "core/deck/deck_error.h"
#include "core/io/atomic_file.h"

#include <string>

namespace jevons::core::deck {

/// @brief The .pptx bytes of `deck`. Throws DeckError for a deck without slides, a chart that
/// cannot be drawn (named), or a picture that is not a PNG.
[[nodiscard]] std::string deckBytes(const Deck& deck);

/// @brief Write `deck` to `path` with writeFileAtomically (core/io/atomic_file.h): on any
/// failure DeckError ("cannot write deck.pptx: No space left on device (writing)") and the file
/// at `path` is untouched. `fault` is a test hook that makes writes fail.
void writeDeck(const Deck& deck, const std::string& path, const WriteFault& fault = {});

}  // namespace jevons::core::deck
