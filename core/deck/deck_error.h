#pragma once
// The one error a deck export reports: what could not be written, and why, in plain words.
#include <stdexcept>
#include <string>

namespace jevons::core::deck {

/// @brief A deck could not be built or written, e.g. "cannot write deck.pptx: No space left on
/// device" or "chart 'capex' has no data: no series". Nothing is left at the target path.
class DeckError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace jevons::core::deck
