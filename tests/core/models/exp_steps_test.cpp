#include "core/models/exp_steps.h"
#include "core/models/cagr.h"
#include "core/models/jevons.h"
#include "core/models/logistic.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace jevons::core {
namespace {

using testing::one;

// The year-by-year products stay within 1e-13 (relative) of the closed forms over 100 years.
TEST(ExpSteps, ProductsMatchClosedForms) {
    const SCurveParams s{one(0.5), one(2031.7), one(0.37)};
    const Grid logistic = logisticSeries({1990, 2090}, s);
    JevonsParams jp{2023, one(80.0), one(2.0), one(0.31), one(1.7)};
    const JevonsOutputs jv = jevonsSeries({1990, 2090}, jp);
    CagrParams cp;
    cp.startYear = 2025;
    cp.startValue = one(70.0);
    cp.segments = {{2030, one(0.23)}, {2040, one(-0.07)}, {2050, one(0.011)}};
    const Grid cagr = cagrSeries({1990, 2090}, cp);
    for (int c = 0; c <= 100; ++c) {
        const double t = 1990.0 + c;
        const double l = 0.5 / (1.0 + std::exp(-0.37 * (t - 2031.7)));
        EXPECT_NEAR(logistic(0, c) / l, 1.0, 1e-13) << t;
        const double cost = 2.0 * std::pow(0.69, t - 2023.0);
        EXPECT_NEAR(jv.unitCost(0, c) / cost, 1.0, 1e-13) << t;
        EXPECT_NEAR(jv.demand(0, c) / (80.0 * std::pow(0.69, -1.7 * (t - 2023.0))), 1.0, 1e-13)
            << t;
        const int y = 1990 + c;
        double v = 70.0;
        if (y < 2025) v *= std::pow(1.23, y - 2025);
        if (y > 2025) v *= std::pow(1.23, std::min(y, 2030) - 2025);
        if (y > 2030) v *= std::pow(0.93, std::min(y, 2040) - 2030);
        if (y > 2040) v *= std::pow(1.011, y - 2040);
        EXPECT_NEAR(cagr(0, c) / v, 1.0, 1e-13) << y;
    }
    EXPECT_EQ(cagr(0, 35), 70.0);  // the start year is the start value exactly
}

// The range test behind the product: every value inside [kStepLow, kStepHigh], in any position
// of an odd-sized vector (vectorised loop and tail), else false.
TEST(ExpSteps, RangeTestRejectsEveryOutsideValue) {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const double bad : {0.0, -1.0, 1e-300, 1e300, inf, -inf, nan, 5e-324}) {
        for (Eigen::Index at = 0; at < 5; ++at) {
            Paths e = Paths::Constant(5, 3.0);
            e(at) = bad;
            EXPECT_FALSE(detail::allWithinSteps(e)) << bad << " at " << at;
        }
    }
    Paths inside(5);
    inside << detail::kStepLow, 1.0, 1e-100, 1e100, detail::kStepHigh;
    EXPECT_TRUE(detail::allWithinSteps(inside));
}

// A product that left the trusted range (0 or inf) comes back through exp: a curve that
// starts underflowed or overflowed still reaches its values later, path by path.
TEST(ExpSteps, RecoversFromZeroAndInfinity) {
    Paths e(3);
    e << 0.0, std::numeric_limits<double>::infinity(), 2.0;
    const Paths factor = Paths::Constant(3, 4.0);
    Paths x(3);
    x << -1.0, 3.0, 5.0;
    detail::stepExp(e, factor, x);
    EXPECT_EQ(e(0), std::exp(-1.0));
    EXPECT_EQ(e(1), std::exp(3.0));
    EXPECT_EQ(e(2), 8.0);  // in range: the product, not exp(5)
    // Logistic with the exp term overflowing for decades before the midpoint: the rows agree
    // with the one-path evaluation (to the ulps of a vectorised exp) whatever the other rows hold.
    Paths k(2);
    k << 9.0, 0.2;
    const Grid both = logisticSeries({1800, 2100}, {one(1.0), Paths::Constant(2, 2000.0), k});
    const Grid alone = logisticSeries({1800, 2100}, {one(1.0), one(2000.0), one(9.0)});
    for (Eigen::Index c = 0; c < both.cols(); ++c) EXPECT_DOUBLE_EQ(both(0, c), alone(0, c)) << c;
    EXPECT_NEAR(both(0, 199), 1.0 / (1.0 + std::exp(9.0)), 1e-17);  // 1999, back in range
    EXPECT_EQ(both(0, 300), 1.0);
}

}  // namespace
}  // namespace jevons::core
