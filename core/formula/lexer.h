#pragma once
// Lexer: splits a formula's text into tokens.
//
// Accepted: numbers (123, 1.5, 1., .5, 1e3, 2.5E-2), names [A-Za-z_][A-Za-z0-9_]* with any number
// of `.part` suffixes (`glasses.cumulative`), the operators + - * / ^ ( ) , and the Unicode
// operators × ÷ − (U+00D7, U+00F7, U+2212) as * / -. Spaces, tabs, newlines and no-break spaces
// (U+00A0) separate tokens. Columns are 1-based and counted in Unicode code points.
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::formula {

/// @brief What a token is.
enum class TokenKind {
    Number,
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    Comma,
    End,  ///< always the last token; its column is one past the last character
};

/// @brief One token of a formula.
struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;     ///< the characters as written (e.g. "×" for a Star); empty for End
    double number = 0.0;  ///< value of a Number token
    int column = 1;       ///< 1-based column (code points) of the token's first character
};

/// @brief How a token is named in error messages: "')'", "'×'", "number '3'", "name 'x'",
/// "end of formula".
[[nodiscard]] std::string describe(const Token& token);

/// @brief Tokens of `text`, ending with one End token. Throws FormulaError on a character that
/// is not part of the grammar, a malformed number ("1e"), a '.' not followed by a name part, or
/// invalid UTF-8.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

}  // namespace jevons::core::formula
