#pragma once
// Text laid out in columns for a terminal: CJK characters take two columns.
#include <cstddef>
#include <string>

namespace jevons::core {

/// @brief Columns `s` (UTF-8) takes in a terminal: 2 for a three-byte character (the CJK range
/// and full-width punctuation), 1 for any other.
[[nodiscard]] std::size_t displayWidth(const std::string& s);

/// @brief `s` padded with spaces to `width` columns, on the left when `right` (numbers) else on
/// the right; unchanged when it is as wide or wider.
[[nodiscard]] std::string padToWidth(const std::string& s, std::size_t width, bool right);

/// @brief `s` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a
/// quote or a line break; as it is otherwise.
[[nodiscard]] std::string csvField(const std::string& s);

}  // namespace jevons::core
