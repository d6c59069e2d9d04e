#pragma once
// Where a value sits in JSON source text, by JSON path: nlohmann's parser does not keep positions,
// so a small tokenizer re-reads the text and records the line and column of every value.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jevons::core {

/// @brief A place in a text: 1-based line and column. Columns count Unicode characters (code
/// points), so "资料来源" advances the column by 4; a tab counts as one column.
struct TextPosition {
    int line = 1;
    int column = 1;
    bool operator==(const TextPosition&) const = default;
};

/// @brief Line and column of byte `offset` of `text`; an offset past the end gives the position
/// just after the last character. Invalid UTF-8 bytes count one column each.
[[nodiscard]] TextPosition positionAt(std::string_view text, std::size_t offset);

/// @brief Byte offset of the first byte of `text` that is not part of well-formed UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or npos.
[[nodiscard]] std::size_t firstInvalidUtf8(std::string_view text);

/// @brief Byte offset of the first number literal in JSON `text` (outside strings) whose
/// magnitude overflows a double, such as 1e999, or npos. nlohmann refuses such numbers without a
/// position; this finds it.
[[nodiscard]] std::size_t firstOverflowingNumber(std::string_view text);

/// @brief Byte offset of the first '[' or '{' of JSON `text` (outside strings) that opens a value
/// nested deeper than `maxDepth`, or npos: found in one pass before nlohmann builds the values
/// (16 MiB of '[' would otherwise become millions of nested arrays, over a GiB).
[[nodiscard]] std::size_t firstTooDeep(std::string_view text, std::size_t maxDepth);

/// @brief Positions of the values of one JSON text, by path.
///
/// Paths are dotted: object members append ".key" (no dot at the root), array elements "[i]",
/// e.g. "series.asic_share.through[1]"; "" is the whole document. Keys are matched after JSON
/// unescaping, as nlohmann decodes them. The text is expected to be JSON that nlohmann accepted;
/// on malformed text the locator keeps what it read up to the first error and stops there. It
/// also stops at a nesting depth of kMaxDepth (far deeper than any scenario file), so that a
/// pathological text cannot make it store paths of quadratic total length.
class JsonLocator {
public:
    static constexpr std::size_t kMaxDepth = 256;

    /// @brief A key that appears more than once in one object (nlohmann keeps the last silently).
    struct DuplicateKey {
        std::string path;       ///< path of the member, e.g. "assumptions.asic_share_2028"
        TextPosition position;  ///< where the repeated key (its opening quote) starts
    };

    /// @brief Tokenize `text`. The locator does not keep a reference to it. Without `positions`
    /// it only finds duplicate keys and pathAtEnd() (locate() then gives line 1, column 1): a
    /// file that loads needs no more, and a map of every value's path is a third of a large
    /// file's load.
    explicit JsonLocator(std::string_view text, bool positions = true);
    /// @brief Tokenize `text` only as far as the value at `path`, recording the positions of
    /// `path` and of its enclosing values alone: locate(path) is as with the full locator, at the
    /// cost of one pass over the text before it and without a map of every value (a 16 MiB file
    /// of small values holds millions). For an error message.
    JsonLocator(std::string_view text, std::string_view path);

    /// @brief Position of the first character of the value at `path`. If no value has that path
    /// (e.g. a missing field), the position of its nearest enclosing value that exists; for an
    /// empty or unreadable text, line 1 column 1.
    [[nodiscard]] TextPosition locate(std::string_view path) const;
    /// @brief Whether a value with exactly this path exists in the text.
    [[nodiscard]] bool contains(std::string_view path) const;
    /// @brief Repeated keys in text order (the second and later occurrences).
    [[nodiscard]] const std::vector<DuplicateKey>& duplicateKeys() const { return m_duplicates; }
    /// @brief Path of the innermost value the text ends inside (a value begun but not finished,
    /// or else the innermost open object or list; "" at the top level). For a text cut off just
    /// after an error, that is where the error lies.
    [[nodiscard]] const std::string& pathAtEnd() const { return m_lastPath; }

private:
    /// `positions`: record them; `only` (with positions): just this path and its ancestors,
    /// stopping at it; nullptr = every path.
    void read(std::string_view text, bool positions, const std::string_view* only);

    std::unordered_map<std::string, TextPosition> m_positions;
    std::vector<DuplicateKey> m_duplicates;
    std::string m_lastPath;
    TextPosition m_start;
};

}  // namespace jevons::core
