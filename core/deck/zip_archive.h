#pragma once
// A zip archive built in memory with libzip (entries in the order given).
#include <string>
#include <vector>

namespace jevons::core::deck {

struct ZipEntry {
    std::string name;  ///< path inside the archive, "ppt/slides/slide1.xml"
    std::string data;
};

/// @brief The bytes of a zip archive holding `entries` in order: XML and other text deflated
/// (level 1), embedded workbooks and pictures (.xlsx, .png, .jpeg), already compressed, stored.
/// Throws DeckError with libzip's reason if the archive cannot be built.
[[nodiscard]] std::string zipArchive(const std::vector<ZipEntry>& entries);

}  // namespace jevons::core::deck
