#include "core/formula/parser.h"

#include <gtest/gtest.h>

#include <string>

#include "core/formula/formula_error.h"

namespace jevons::core::formula {
namespace {

/// Parses `text`, which must fail, and checks the exact message and column.
void expectError(std::string_view text, const std::string& message, int column) {
    try {
        (void)parse(text);
        ADD_FAILURE() << "'" << text << "' parsed but should fail with: " << message;
    } catch (const FormulaError& e) {
        EXPECT_EQ(std::string(e.what()), message) << "formula: " << text;
        EXPECT_EQ(e.column(), column) << "formula: " << text;
    }
}

TEST(FormulaParser, TreeFollowsPrecedence) {
    // 2 + 3 * 4 is Add(2, Multiply(3, 4)).
    const Node root = parse("2 + 3 * 4").root;
    ASSERT_EQ(root.kind, NodeKind::Add);
    EXPECT_EQ(root.column, 3);
    ASSERT_EQ(root.args.size(), 2u);
    EXPECT_EQ(root.args[0].kind, NodeKind::Number);
    EXPECT_EQ(root.args[1].kind, NodeKind::Multiply);
    // -2^2 is Negate(Power(2, 2)); 2^3^2 is Power(2, Power(3, 2)).
    EXPECT_EQ(parse("-2^2").root.args[0].kind, NodeKind::Power);
    EXPECT_EQ(parse("2^3^2").root.args[1].kind, NodeKind::Power);
}

TEST(FormulaParser, LagCountIsALiteral) {
    const Node root = parse("lag(x, 3)").root;
    ASSERT_EQ(root.kind, NodeKind::Lag);
    EXPECT_EQ(root.lag, 3);
    ASSERT_EQ(root.args.size(), 1u);
    EXPECT_EQ(root.args[0].kind, NodeKind::Reference);
}

TEST(FormulaParser, ReferencesAreUniqueInOrderOfFirstAppearance) {
    const ParsedFormula parsed =
        parse("b * a + glasses.cumulative - b / a + min(c, a, glasses.cumulative)");
    EXPECT_EQ(parsed.references, (std::vector<std::string>{"b", "a", "glasses.cumulative", "c"}));
    // The same name maps to the same index.
    EXPECT_EQ(parsed.root.args[0].args[0].args[0].reference, 0u);  // first b
}

TEST(FormulaParser, FunctionNamesAreNotReferences) {
    EXPECT_EQ(parse("lag(cumsum(x), 1) + growth(y) + max(x, 0)").references,
              (std::vector<std::string>{"x", "y"}));
    // Without '(' a function's name is an ordinary reference.
    EXPECT_EQ(parse("growth * 2").references, (std::vector<std::string>{"growth"}));
}

TEST(FormulaParser, ErrorTrailingGarbage) {
    expectError("(a + b) * c)", "unexpected ')' at column 12", 12);
    expectError("a b", "unexpected name 'b' at column 3", 3);
    expectError("2 3", "unexpected number '3' at column 3", 3);
    expectError("a × (b − c) )", "unexpected ')' at column 13", 13);
}

TEST(FormulaParser, ErrorUnknownFunction) {
    expectError("sqrtx(a)",
                "unknown function 'sqrtx' at column 1; known: min, max, lag, cumsum, growth", 1);
    expectError("2 * glasses.total(a)",
                "unknown function 'glasses.total' at column 5; known: min, max, lag, cumsum, "
                "growth",
                5);
}

TEST(FormulaParser, ErrorWrongArity) {
    expectError("lag(x)", "lag takes 2 arguments (x, n), got 1 at column 1", 1);
    expectError("lag(x, 1, 2)", "lag takes 2 arguments (x, n), got 3 at column 1", 1);
    expectError("1 + min(a)", "min takes at least 2 arguments, got 1 at column 5", 5);
    expectError("max()", "max takes at least 2 arguments, got 0 at column 1", 1);
    expectError("cumsum(a, b)", "cumsum takes 1 argument, got 2 at column 1", 1);
    expectError("growth()", "growth takes 1 argument, got 0 at column 1", 1);
}

TEST(FormulaParser, ErrorLagCountNotAWholeLiteral) {
    const std::string need =
        "lag needs a whole number of years from 0 to 1000 as its second argument, e.g. "
        "lag(x, 1); got ";
    expectError("lag(x, 1.5)", need + "number '1.5' at column 8", 8);
    expectError("lag(x, -1)", need + "'-' at column 8", 8);
    expectError("lag(x, n)", need + "name 'n' at column 8", 8);
    expectError("lag(x, 1 + 1)", "unexpected '+' at column 10", 10);
}

TEST(FormulaParser, ErrorEmptyFormula) {
    expectError("", "empty formula at column 1", 1);
    expectError("   ", "empty formula at column 1", 1);
}

TEST(FormulaParser, ErrorUnbalancedParentheses) {
    expectError("(a + b", "unbalanced parentheses: '(' at column 1 is never closed", 1);
    expectError("min(a, (b + c)", "unbalanced parentheses: '(' at column 4 is never closed", 4);
    expectError("()", "unexpected ')' at column 2", 2);
    expectError("a)", "unexpected ')' at column 2", 2);
}

TEST(FormulaParser, ErrorMissingOperand) {
    expectError("2 +", "unexpected end of formula at column 4", 4);
    expectError("a * * b", "unexpected '*' at column 5", 5);
    expectError("min(a,)", "unexpected ')' at column 7", 7);
    expectError("a ÷ ÷ b", "unexpected '÷' at column 5", 5);
}

TEST(FormulaParser, ErrorNestingTooDeep) {
    EXPECT_EQ(parse(std::string(150, '(') + "1" + std::string(150, ')')).root.kind,
              NodeKind::Number);
    expectError(std::string(300, '(') + "1" + std::string(300, ')'),
                "formula nests too deeply at column 201", 201);
    expectError(std::string(300, '-') + "1", "formula nests too deeply at column 201", 201);
}

// A chain of operators reads flat but builds one tree level per operator, and evaluation recurses
// per level (issue 17, item 4): up to 2,500 levels parse, more are refused with a message, so a
// 10,000-character chain never overflows the stack (this suite runs under ASan in ./dev asan;
// formula_test evaluates a 2,500-level chain).
std::string chain(std::string_view op, int terms) {
    std::string text = "a";
    for (int i = 1; i < terms; ++i) text += std::string(op) + "a";
    return text;
}

TEST(FormulaParser, LongChainsParseUpToTheHeightLimitAndAreRefusedBeyond) {
    EXPECT_EQ(parse(chain("+", 2500)).root.height, 2500);  // 2,499 additions above a leaf
    EXPECT_EQ(parse(chain("*", 2500)).root.kind, NodeKind::Multiply);
    for (const char* op : {"+", "-", "*", "/"}) {
        const std::string text = chain(op, 5000);  // 9,999 characters
        ASSERT_LE(text.size(), 10000u);
        // The 2,500th operator, at column 2 · 2,500, makes the 2,501st level.
        expectError(text,
                    "formula is too deep to evaluate: over 2500 operators chained at column "
                    "5000; split it across series",
                    5000);
    }
    // A chain on top of a parenthesised one adds to its levels: (1,500-term chain) × (…) is
    // 1,501 levels, and the 1,000th '+' after it (column 6,004 + 2 · 999) makes the 2,501st.
    expectError("(" + chain("+", 1500) + ")*(" + chain("+", 1500) + ")+" + chain("+", 1200),
                "formula is too deep to evaluate: over 2500 operators chained at column 8002; "
                "split it across series",
                8002);
}

}  // namespace
}  // namespace jevons::core::formula
