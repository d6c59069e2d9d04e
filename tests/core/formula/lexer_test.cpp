#include "core/formula/lexer.h"

#include <gtest/gtest.h>

#include "core/formula/formula_error.h"

namespace jevons::core::formula {
namespace {

std::vector<TokenKind> kinds(std::string_view text) {
    std::vector<TokenKind> out;
    for (const Token& t : tokenize(text)) out.push_back(t.kind);
    return out;
}

TEST(FormulaLexer, NumbersInAllForms) {
    const std::vector<Token> tokens = tokenize("123 1.5 1e3 .5 2.5E-2 7.");
    ASSERT_EQ(tokens.size(), 7u);
    EXPECT_DOUBLE_EQ(tokens[0].number, 123.0);
    EXPECT_DOUBLE_EQ(tokens[1].number, 1.5);
    EXPECT_DOUBLE_EQ(tokens[2].number, 1000.0);
    EXPECT_DOUBLE_EQ(tokens[3].number, 0.5);
    EXPECT_DOUBLE_EQ(tokens[4].number, 0.025);
    EXPECT_DOUBLE_EQ(tokens[5].number, 7.0);
    EXPECT_EQ(tokens[6].kind, TokenKind::End);
    EXPECT_EQ(tokens[6].column, 25);  // one past the 24 characters
}

TEST(FormulaLexer, DottedNamesAreOneToken) {
    const std::vector<Token> tokens = tokenize("glasses.cumulative+_a1.b.c");
    ASSERT_EQ(tokens.size(), 4u);
    EXPECT_EQ(tokens[0].text, "glasses.cumulative");
    EXPECT_EQ(tokens[1].kind, TokenKind::Plus);
    EXPECT_EQ(tokens[2].text, "_a1.b.c");
    EXPECT_EQ(tokens[2].column, 20);
}

TEST(FormulaLexer, UnicodeOperatorsAndColumnsInCodePoints) {
    EXPECT_EQ(kinds("a × b ÷ c − d"),
              (std::vector<TokenKind>{TokenKind::Name, TokenKind::Star, TokenKind::Name,
                                      TokenKind::Slash, TokenKind::Name, TokenKind::Minus,
                                      TokenKind::Name, TokenKind::End}));
    const std::vector<Token> tokens = tokenize("a×b");
    EXPECT_EQ(tokens[1].text, "×");
    EXPECT_EQ(tokens[2].column, 3);  // × is one column although it is two bytes
}

TEST(FormulaLexer, RejectsStrayCharacterWithColumn) {
    try {
        (void)tokenize("a × $b");
        FAIL() << "expected FormulaError";
    } catch (const FormulaError& e) {
        EXPECT_STREQ(e.what(), "unexpected character '$' at column 5");
        EXPECT_EQ(e.column(), 5);
    }
}

TEST(FormulaLexer, RejectsMalformedNumberAndDanglingDot) {
    try {
        (void)tokenize("2 * 1e+");
        FAIL() << "expected FormulaError";
    } catch (const FormulaError& e) {
        EXPECT_STREQ(e.what(), "malformed number '1e+' at column 5");
        EXPECT_EQ(e.column(), 5);
    }
    try {
        (void)tokenize("glasses. + 1");
        FAIL() << "expected FormulaError";
    } catch (const FormulaError& e) {
        EXPECT_STREQ(e.what(), "expected an output name after '.' at column 9");
        EXPECT_EQ(e.column(), 9);
    }
}

}  // namespace
}  // namespace jevons::core::formula
