#include "core/formula/year_ops.h"

#include <gtest/gtest.h>

#include <cmath>

namespace jevons::core::formula {
namespace {

Grid row(std::initializer_list<double> values) {
    Grid g(1, static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double v : values) g(0, i++) = v;
    return g;
}

void expectGrid(const Grid& actual, const Grid& expected) {
    ASSERT_EQ(actual.rows(), expected.rows());
    ASSERT_EQ(actual.cols(), expected.cols());
    for (Eigen::Index r = 0; r < actual.rows(); ++r) {
        for (Eigen::Index c = 0; c < actual.cols(); ++c) {
            EXPECT_DOUBLE_EQ(actual(r, c), expected(r, c)) << "at (" << r << ", " << c << ")";
        }
    }
}

TEST(FormulaYearOps, LagHoldsEarliestValue) {
    const Grid x = row({1, 2, 4, 8});
    expectGrid(lag(x, 0), x);
    expectGrid(lag(x, 1), row({1, 1, 2, 4}));
    expectGrid(lag(x, 2), row({1, 1, 1, 2}));
    expectGrid(lag(x, 9), row({1, 1, 1, 1}));
    expectGrid(lag(row({5}), 3), row({5}));  // a constant lags to itself
}

TEST(FormulaYearOps, CumulativeSumRunsOverYears) {
    expectGrid(cumulativeSum(row({1, 2, 4, 8}), 4), row({1, 3, 7, 15}));
    expectGrid(cumulativeSum(row({2}), 3), row({2, 4, 6}));  // a constant accumulates
}

TEST(FormulaYearOps, GrowthFirstYearTakesSecondYearsGrowth) {
    expectGrid(growth(row({1, 2, 4, 8}), 4), row({1, 1, 1, 1}));
    expectGrid(growth(row({64, 80, 60}), 3), row({0.25, 0.25, -0.25}));
    expectGrid(growth(row({7}), 1), row({0}));  // a single year has no growth
    expectGrid(growth(row({7}), 3), row({0, 0, 0}));
}

TEST(FormulaYearOps, GrowthFromZeroIsNotCaught) {
    const Grid g = growth(row({0, 1, 2}), 3);
    EXPECT_TRUE(std::isinf(g(0, 1)));
    EXPECT_DOUBLE_EQ(g(0, 2), 1.0);
}

TEST(FormulaYearOps, VectorisedOverPaths) {
    Grid x(2, 3);
    x << 1, 2, 3,  //
        10, 20, 40;
    Grid lagged(2, 3);
    lagged << 1, 1, 2,  //
        10, 10, 20;
    Grid summed(2, 3);
    summed << 1, 3, 6,  //
        10, 30, 70;
    Grid grown(2, 3);
    grown << 1, 1, 0.5,  //
        1, 1, 1;
    expectGrid(lag(x, 1), lagged);
    expectGrid(cumulativeSum(x, 3), summed);
    expectGrid(growth(x, 3), grown);
}

}  // namespace
}  // namespace jevons::core::formula
