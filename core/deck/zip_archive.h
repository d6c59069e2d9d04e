#pragma once
// A zip archive built in memory with libzip (deflated entries, in the order given).
#include <string>
#include <vector>

namespace jevons::core::deck {

struct ZipEntry {
    std::string name;  ///< path inside the archive, "ppt/slides/slide1.xml"
    std::string data;
};

/// @brief The bytes of a zip archive holding `entries` in order, each deflated.
/// Throws DeckError with libzip's reason if the archive cannot be built.
[[nodiscard]] std::string zipArchive(const std::vector<ZipEntry>& entries);

}  // namespace jevons::core::deck
