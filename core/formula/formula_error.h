#pragma once
// Error raised when a formula's text cannot be parsed.
#include <stdexcept>
#include <string>
#include <utility>

namespace jevons::core::formula {

/// @brief A formula that cannot be parsed. what() is a complete, plain-words message that already
/// names the position ("unexpected ')' at column 14"); column() repeats that position (1-based,
/// counted in Unicode code points of the formula text) so an editor can put the caret there.
class FormulaError : public std::runtime_error {
public:
    /// @brief `message` is shown as is; `column` is 1-based (one past the last character for
    /// errors at the end of the text).
    FormulaError(std::string message, int column)
        : std::runtime_error(std::move(message)), column_(column) {}

    /// @brief 1-based column (in code points) the message refers to.
    [[nodiscard]] int column() const { return column_; }

private:
    int column_;
};

}  // namespace jevons::core::formula
