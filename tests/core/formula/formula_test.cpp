#include "core/formula/formula.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace jevons::core::formula {
namespace {

using Values = std::map<std::string, Grid>;

Grid row(std::initializer_list<double> values) {
    Grid g(1, static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double v : values) g(0, i++) = v;
    return g;
}

Grid column(std::initializer_list<double> values) { return row(values).transpose(); }

void expectGrid(const Grid& actual, const Grid& expected) {
    ASSERT_EQ(actual.rows(), expected.rows());
    ASSERT_EQ(actual.cols(), expected.cols());
    for (Eigen::Index r = 0; r < actual.rows(); ++r) {
        for (Eigen::Index c = 0; c < actual.cols(); ++c) {
            EXPECT_DOUBLE_EQ(actual(r, c), expected(r, c)) << "at (" << r << ", " << c << ")";
        }
    }
}

Grid evaluate(std::string_view text, const Values& values, Eigen::Index nPaths, int nYears) {
    return Formula::parse(text).evaluate([&](const std::string& name) { return values.at(name); },
                                         nPaths, nYears);
}

/// Value of a formula without references, as a single number.
double number(std::string_view text) {
    const Grid g = evaluate(text, {}, 1, 1);
    EXPECT_EQ(g.size(), 1);
    return g(0, 0);
}

TEST(Formula, PrecedenceAndAssociativity) {
    EXPECT_DOUBLE_EQ(number("2+3*4"), 14.0);
    EXPECT_DOUBLE_EQ(number("(2+3)*4"), 20.0);
    EXPECT_DOUBLE_EQ(number("2^3^2"), 512.0);
    EXPECT_DOUBLE_EQ(number("-2^2"), -4.0);
    EXPECT_DOUBLE_EQ(number("(-2)^2"), 4.0);
    EXPECT_DOUBLE_EQ(number("2^-1"), 0.5);
    EXPECT_DOUBLE_EQ(number("10-4-3"), 3.0);
    EXPECT_DOUBLE_EQ(number("12/3/2"), 2.0);
    EXPECT_DOUBLE_EQ(number("2*-3"), -6.0);
    EXPECT_DOUBLE_EQ(number("--3"), 3.0);
    EXPECT_DOUBLE_EQ(number("1e3 * .5 + 1.5"), 501.5);
}

TEST(Formula, UnicodeOperators) {
    EXPECT_DOUBLE_EQ(number("6 × 7"), 42.0);
    EXPECT_DOUBLE_EQ(number("8 ÷ 2"), 4.0);
    EXPECT_DOUBLE_EQ(number("10 − 3"), 7.0);
    EXPECT_DOUBLE_EQ(number("−2^2"), -4.0);
    EXPECT_DOUBLE_EQ(number("2 × 3 − 12 ÷ 4"), 3.0);
}

TEST(Formula, BroadcastsScalarPerPathAgainstSeries) {
    const Values values{{"accel_market", row({100, 200, 300})},
                        {"asic_share", column({0.5, 0.25})}};
    Grid expected(2, 3);
    expected << 50, 100, 150,  //
        25, 50, 75;
    expectGrid(evaluate("accel_market * asic_share", values, 2, 3), expected);
    expectGrid(evaluate("asic_share × accel_market", values, 2, 3), expected);
}

TEST(Formula, BroadcastsConstantsAndFullGrids) {
    Grid noise(2, 3);
    noise << 1, 2, 3,  //
        4, 5, 6;
    const Values values{
        {"market", row({10, 20, 30})}, {"k", Grid::Constant(1, 1, 2)}, {"noise", noise}};
    Grid expected(2, 3);
    expected << 21, 42, 63,  //
        24, 45, 66;
    expectGrid(evaluate("market * k + noise", values, 2, 3), expected);
    // A formula without references, or over constants only, fills the whole grid.
    expectGrid(evaluate("k + 1", values, 2, 3), Grid::Constant(2, 3, 3.0));
    expectGrid(evaluate("7", values, 2, 3), Grid::Constant(2, 3, 7.0));
}

TEST(Formula, YearFunctionsOnKnownSeries) {
    const Values values{{"x", row({1, 2, 4, 8})}};
    expectGrid(evaluate("growth(x)", values, 1, 4), row({1, 1, 1, 1}));
    expectGrid(evaluate("cumsum(x)", values, 1, 4), row({1, 3, 7, 15}));
    expectGrid(evaluate("lag(x, 1)", values, 1, 4), row({1, 1, 2, 4}));
    expectGrid(evaluate("lag(x, 0)", values, 1, 4), row({1, 2, 4, 8}));
    expectGrid(evaluate("lag(x, 2) * 10", values, 1, 4), row({10, 10, 10, 20}));
    expectGrid(evaluate("growth(cumsum(x))", values, 1, 4), row({2, 2, 4.0 / 3.0, 15.0 / 7.0 - 1}));
    expectGrid(evaluate("x - lag(x, 1)", values, 1, 4), row({0, 1, 2, 4}));
    expectGrid(evaluate("growth(x)", Values{{"x", row({5})}}, 1, 1), row({0}));
}

TEST(Formula, YearFunctionsOnConstants) {
    // A constant accumulates, lags to itself and has zero growth.
    expectGrid(evaluate("cumsum(2)", {}, 1, 4), row({2, 4, 6, 8}));
    expectGrid(evaluate("lag(3, 2)", {}, 1, 4), row({3, 3, 3, 3}));
    expectGrid(evaluate("growth(3)", {}, 1, 4), row({0, 0, 0, 0}));
}

TEST(Formula, MinMaxAreNaryAndElementwise) {
    const Values values{{"a", row({1, 5, 3})}, {"b", row({4, 2, 6})}, {"c", row({2, 3, 1})}};
    expectGrid(evaluate("min(a, b)", values, 1, 3), row({1, 2, 3}));
    expectGrid(evaluate("max(a, b)", values, 1, 3), row({4, 5, 6}));
    expectGrid(evaluate("min(a, b, c)", values, 1, 3), row({1, 2, 1}));
    expectGrid(evaluate("max(a, b, c, 5.5)", values, 1, 3), row({5.5, 5.5, 6}));
    expectGrid(evaluate("max(0, min(a, 4))", values, 1, 3), row({1, 4, 3}));
    const Grid withNan = evaluate("min(a / 0 * 0, b)", values, 1, 3);  // 0/0*0 = NaN first
    EXPECT_TRUE(std::isnan(withNan(0, 0))) << "min must not hide a NaN";
}

TEST(Formula, ReferencesKeepOutputPartsAndOrder) {
    const Formula f = Formula::parse("lag(glasses.cumulative, 1) * share + glasses - share");
    EXPECT_EQ(f.text(), "lag(glasses.cumulative, 1) * share + glasses - share");
    EXPECT_EQ(f.references(), (std::vector<std::string>{"glasses.cumulative", "share", "glasses"}));
}

TEST(Formula, MultiPathEvaluationMatchesLoops) {
    constexpr Eigen::Index kPaths = 3;
    constexpr int kYears = 4;
    Grid units(kPaths, kYears);
    units << 1, 2, 3, 4,  //
        2, 4, 8, 16,      //
        5, 5, 5, 5;
    const Grid asp = column({10, 20, 30});  // one price per path
    const Grid share = row({0.1, 0.2, 0.3, 0.4});
    const Values values{{"units", units}, {"price.asp", asp}, {"share", share}};

    const Grid actual = evaluate(
        "lag(units, 1) * price.asp + cumsum(share) - max(units, 3) ^ 2 / growth(units + 1)", values,
        kPaths, kYears);

    ASSERT_EQ(actual.rows(), kPaths);
    ASSERT_EQ(actual.cols(), kYears);
    for (Eigen::Index p = 0; p < kPaths; ++p) {
        double running = 0.0;
        for (int t = 0; t < kYears; ++t) {
            running += share(0, t);
            const double lagged = units(p, t == 0 ? 0 : t - 1);
            const int g = t == 0 ? 1 : t;  // first year takes the second year's growth
            const double growth = (units(p, g) + 1) / (units(p, g - 1) + 1) - 1;
            const double expected =
                lagged * asp(p, 0) + running - std::pow(std::max(units(p, t), 3.0), 2.0) / growth;
            if (std::isinf(expected)) {
                EXPECT_TRUE(std::isinf(actual(p, t)) && actual(p, t) * expected > 0)
                    << "path " << p << " year " << t;
            } else {
                EXPECT_DOUBLE_EQ(actual(p, t), expected) << "path " << p << " year " << t;
            }
        }
    }
}

TEST(Formula, LooksUpEachReferenceOnceAndNeverReparses) {
    const Formula f = Formula::parse("a * a + a / b");
    int calls = 0;
    const auto lookup = [&](const std::string& name) {
        ++calls;
        return name == "a" ? row({2, 4}) : row({1, 2});
    };
    for (int i = 0; i < 3; ++i) expectGrid(f.evaluate(lookup, 1, 2), row({6, 18}));
    EXPECT_EQ(calls, 6);  // two names, three evaluations
}

TEST(Formula, CopiesShareTheTree) {
    const Formula original = Formula::parse("a * 2");
    const Formula copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(&copy.references(), &original.references());
    EXPECT_EQ(&copy.text(), &original.text());
    const Values values{{"a", row({1, 2})}};
    expectGrid(copy.evaluate([&](const std::string& n) { return values.at(n); }, 1, 2),
               row({2, 4}));
}

TEST(Formula, EvaluateDoesNotModifyLookedUpValues) {
    const Grid a = row({1, 2, 3});
    const Formula f = Formula::parse("-a");
    expectGrid(f.evaluate([&](const std::string&) { return a; }, 1, 3), row({-1, -2, -3}));
    expectGrid(Formula::parse("a").evaluate([&](const std::string&) { return a; }, 2, 3),
               a.replicate(2, 1));
}

TEST(Formula, BroadcastsEveryShapePairColumnByColumn) {
    // Per path (column) against per year (row), both orders, and an operand computed into the
    // scratch grid before it meets the other shape: each value checked against its own sum.
    const Grid k = column({1, 2});          // 2 paths x 1
    const Grid market = row({10, 20, 30});  // 1 x 3 years
    Grid full(2, 3);
    full << 1, 2, 3,  //
        4, 5, 6;
    const Values values{{"k", k}, {"market", market}, {"full", full}};
    Grid expected(2, 3);
    for (Eigen::Index p = 0; p < 2; ++p)
        for (Eigen::Index t = 0; t < 3; ++t) expected(p, t) = (k(p, 0) + 1) * market(0, t);
    expectGrid(evaluate("(k + 1) * market", values, 2, 3), expected);
    expectGrid(evaluate("market * (k + 1)", values, 2, 3), expected);
    for (Eigen::Index p = 0; p < 2; ++p)
        for (Eigen::Index t = 0; t < 3; ++t)
            expected(p, t) = market(0, t) / k(p, 0) - full(p, t) + std::pow(k(p, 0), 2.0);
    expectGrid(evaluate("market / k - full + k ^ 2", values, 2, 3), expected);
    for (Eigen::Index p = 0; p < 2; ++p)
        for (Eigen::Index t = 0; t < 3; ++t) expected(p, t) = full(p, t) - k(p, 0) * 3;
    expectGrid(evaluate("full - k * 3", values, 2, 3), expected);
    // A per-path result alone fills every year.
    expectGrid(evaluate("k * 2", values, 2, 3), (k * 2).replicate(1, 3));
}

TEST(Formula, EvaluateIntoReusesTheGridAndMatches) {
    const Formula f = Formula::parse("a * s + 1");
    Grid a(2, 3);
    a << 1, 2, 3,  //
        4, 5, 6;
    const Grid s = column({0.5, 2});
    const std::vector<const Grid*> values{&a, &s};
    Grid out(2, 3);
    const double* storage = out.data();
    f.evaluate(values, 2, 3, out);
    EXPECT_EQ(out.data(), storage);
    Grid expected(2, 3);
    expected << 1.5, 2, 2.5,  //
        9, 11, 13;
    expectGrid(out, expected);
    expectGrid(f.evaluate(values, 2, 3), expected);
    // A per-path result and a constant are broadcast into the same storage.
    Formula::parse("s * 4").evaluate(std::vector<const Grid*>{&s}, 2, 3, out);
    EXPECT_EQ(out.data(), storage);
    expectGrid(out, (Grid(2, 3) << 2, 2, 2, 8, 8, 8).finished());
    Formula::parse("7").evaluate(std::vector<const Grid*>{}, 2, 3, out);
    expectGrid(out, Grid::Constant(2, 3, 7.0));
}

TEST(Formula, NonFiniteResultsAreReturnedNotCaught) {
    const Grid g = evaluate("x / (x - 2)", Values{{"x", row({1, 2, 3})}}, 1, 3);
    EXPECT_DOUBLE_EQ(g(0, 0), -1.0);
    EXPECT_TRUE(std::isinf(g(0, 1)));
    EXPECT_DOUBLE_EQ(g(0, 2), 3.0);
}

TEST(Formula, RejectsLookupWithWrongShape) {
    try {
        (void)evaluate("a + 1", Values{{"a", row({1, 2})}}, 1, 3);
        FAIL() << "expected ModelError";
    } catch (const ModelError& e) {
        EXPECT_STREQ(e.what(),
                     "'a' has 1 x 2 values (paths x years); the formula needs 1 or 1 paths and "
                     "1 or 3 years");
    }
    EXPECT_THROW((void)evaluate("a", Values{{"a", Grid::Zero(2, 3)}}, 3, 3), ModelError);
    EXPECT_THROW((void)evaluate("1", {}, 0, 3), std::invalid_argument);
    EXPECT_THROW((void)evaluate("1", {}, 1, 0), std::invalid_argument);
}

TEST(Formula, ParseErrorsCarryMessageAndColumn) {
    try {
        (void)Formula::parse("accel_market * (asic_share))");
        FAIL() << "expected FormulaError";
    } catch (const FormulaError& e) {
        EXPECT_STREQ(e.what(), "unexpected ')' at column 28");
        EXPECT_EQ(e.column(), 28);
    }
}

TEST(Formula, AChainAtTheHeightLimitEvaluatesWithoutOverflowingTheStack) {
    // 2,500 terms, 2,500 levels (the parser's most), evaluated recursively: fine under ASan
    // (issue 17).
    std::string text = "a";
    for (int i = 1; i < 2500; ++i) text += "+a";
    Grid a(1, 2);
    a << 1.5, -2.0;
    const Grid g = evaluate(text, {{"a", a}}, 1, 2);
    EXPECT_EQ(g(0, 0), 1.5 * 2500);
    EXPECT_EQ(g(0, 1), -2.0 * 2500);
}

}  // namespace
}  // namespace jevons::core::formula
