#pragma once
// Numbers as text, independent of the C locale (a Qt app may run under de_DE, where printf
// writes "45,4"): std::to_chars throughout.
#include <string>
#include <string_view>

namespace jevons::core {

/// @brief Shortest text that reads back to the same double ("0.1", "42.9", "1e+21").
/// Throws std::domain_error for NaN and infinities; -0 is written as "0".
[[nodiscard]] std::string shortestNumber(double value);

/// @brief `value` with exactly `decimals` places after '.', e.g. fixedNumber(45.44, 1) == "45.4".
[[nodiscard]] std::string fixedNumber(double value, int decimals);

/// @brief `value` in a message, with `significant` digits (1–17) as printf's %g writes it ("0.25",
/// "42.9", "1e+06", "nan", "inf"), independent of the locale. The one formatter of numbers in
/// the core's error and explanation texts.
[[nodiscard]] std::string num(double value, int significant = 6);

/// @brief `value` as Excel shows it under one of the deck's number format codes:
/// "0", "0.0", "0.00", "#,##0", "0.0%", "0%", "0.0\"x\"", each with an optional literal sign
/// before it ("+0.0", "-#,##0"). Unknown codes fall back to "0.0".
[[nodiscard]] std::string formatAs(double value, std::string_view formatCode);

}  // namespace jevons::core
