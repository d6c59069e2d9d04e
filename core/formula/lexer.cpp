#include "core/formula/lexer.h"

#include <charconv>
#include <cstddef>
#include <string>

#include "core/formula/formula_error.h"

namespace jevons::core::formula {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNamePart(char c) { return isNameStart(c) || isDigit(c); }

/// Byte length of the UTF-8 sequence starting at text[i], or 0 if it is not valid UTF-8.
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
    }
    return length;
}

/// Lexer state: byte offset and the matching 1-based code-point column.
class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    std::vector<Token> run() {
        std::vector<Token> tokens;
        while (true) {
            skipSpace();
            if (pos_ >= text_.size()) break;
            tokens.push_back(next());
        }
        tokens.push_back(Token{TokenKind::End, "", 0.0, column_});
        return tokens;
    }

private:
    void advance(std::size_t bytes) {
        pos_ += bytes;
        ++column_;
    }

    void skipSpace() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance(1);
            } else if (text_.substr(pos_, 2) == "\xC2\xA0") {  // U+00A0 no-break space
                advance(2);
            } else {
                return;
            }
        }
    }

    Token next() {
        const char c = text_[pos_];
        if (isDigit(c) || (c == '.' && pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1]))) {
            return number();
        }
        if (isNameStart(c)) return name();
        const int column = column_;
        const auto single = [&](TokenKind kind, std::size_t bytes) {
            Token token{kind, std::string(text_.substr(pos_, bytes)), 0.0, column};
            advance(bytes);
            return token;
        };
        switch (c) {
            case '+':
                return single(TokenKind::Plus, 1);
            case '-':
                return single(TokenKind::Minus, 1);
            case '*':
                return single(TokenKind::Star, 1);
            case '/':
                return single(TokenKind::Slash, 1);
            case '^':
                return single(TokenKind::Caret, 1);
            case '(':
                return single(TokenKind::LeftParen, 1);
            case ')':
                return single(TokenKind::RightParen, 1);
            case ',':
                return single(TokenKind::Comma, 1);
            default:
                break;
        }
        const std::string_view rest = text_.substr(pos_);
        if (rest.starts_with("\xC3\x97")) return single(TokenKind::Star, 2);       // ×
        if (rest.starts_with("\xC3\xB7")) return single(TokenKind::Slash, 2);      // ÷
        if (rest.starts_with("\xE2\x88\x92")) return single(TokenKind::Minus, 3);  // −
        const std::size_t length = utf8Length(text_, pos_);
        if (length == 0) {
            throw FormulaError("invalid UTF-8 at column " + std::to_string(column), column);
        }
        throw FormulaError("unexpected character '" + std::string(text_.substr(pos_, length)) +
                               "' at column " + std::to_string(column),
                           column);
    }

    Token number() {
        const std::size_t start = pos_;
        const int column = column_;
        std::size_t end = pos_;
        while (end < text_.size() && isDigit(text_[end])) ++end;
        if (end < text_.size() && text_[end] == '.') {
            ++end;
            while (end < text_.size() && isDigit(text_[end])) ++end;
        }
        if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
            std::size_t exponent = end + 1;
            if (exponent < text_.size() && (text_[exponent] == '+' || text_[exponent] == '-')) {
                ++exponent;
            }
            if (exponent >= text_.size() || !isDigit(text_[exponent])) {
                const std::string shown(text_.substr(start, exponent - start));
                throw FormulaError(
                    "malformed number '" + shown + "' at column " + std::to_string(column), column);
            }
            end = exponent;
            while (end < text_.size() && isDigit(text_[end])) ++end;
        }
        Token token{TokenKind::Number, std::string(text_.substr(start, end - start)), 0.0, column};
        // from_chars does not accept a trailing '.' ("1."), so parse without it.
        std::string_view digits = token.text;
        if (digits.ends_with('.')) digits.remove_suffix(1);
        const auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), token.number);
        if (ec != std::errc() || ptr != digits.data() + digits.size()) {
            throw FormulaError("number '" + token.text + "' at column " + std::to_string(column) +
                                   " is out of range",
                               column);
        }
        while (pos_ < end) advance(1);  // a number is ASCII: one byte per column
        return token;
    }

    Token name() {
        const std::size_t start = pos_;
        const int column = column_;
        while (true) {
            while (pos_ < text_.size() && isNamePart(text_[pos_])) advance(1);
            if (pos_ >= text_.size() || text_[pos_] != '.') break;
            if (pos_ + 1 >= text_.size() || !isNameStart(text_[pos_ + 1])) {
                throw FormulaError(
                    "expected an output name after '.' at column " + std::to_string(column_ + 1),
                    column_ + 1);
            }
            advance(1);
        }
        return Token{TokenKind::Name, std::string(text_.substr(start, pos_ - start)), 0.0, column};
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    int column_ = 1;
};

}  // namespace

std::string describe(const Token& token) {
    switch (token.kind) {
        case TokenKind::End:
            return "end of formula";
        case TokenKind::Number:
            return "number '" + token.text + "'";
        case TokenKind::Name:
            return "name '" + token.text + "'";
        default:
            return "'" + token.text + "'";
    }
}

std::vector<Token> tokenize(std::string_view text) { return Lexer(text).run(); }

}  // namespace jevons::core::formula
