#include "core/models/gompertz.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jevons::core {
namespace {

using testing::errorOf;
using testing::one;

TEST(Gompertz, AsicShareWorkedExample) {
    // MODELS.md: L = 0.5 through 16% (2023) and 25% (2028): b = 1.139434, c = 0.099409.
    const SCurveParams s = gompertzThrough(one(0.5), {2023, one(0.16)}, {2028, one(0.25)});
    EXPECT_NEAR(s.steepness(0), 0.099409, 5e-7);  // 0.0994089634
    // b relative to the first anchor year: b = exp(c (t0 - 2023)); t0 = 2024.313080.
    const double b = std::exp(s.steepness(0) * (s.midpoint(0) - 2023.0));
    EXPECT_NEAR(b, 1.139434, 5e-7);  // -ln(0.32) = 1.1394343
    EXPECT_NEAR(s.midpoint(0), 2024.313080, 1e-6);

    const Grid g = gompertzSeries({2023, 2040}, s);
    EXPECT_NEAR(g(0, 0), 0.16, 1e-12);
    EXPECT_NEAR(g(0, 5), 0.25, 1e-12);
    EXPECT_NEAR(g(0, 12) * 100.0, 35.39, 0.005);  // 2035: 35.3886%
}

TEST(Gompertz, MatchesModelsMdBcForm) {
    // s(t) = L exp(-b e^{-c (t - t1)}) with the b, c above, t1 = 2023.
    const SCurveParams s = gompertzThrough(one(0.5), {2023, one(0.16)}, {2028, one(0.25)});
    const Grid g = gompertzSeries({2020, 2050}, s);
    const double b = 1.1394342832, c = 0.0994089634;
    for (int c0 = 0; c0 < g.cols(); ++c0) {
        const double t = 2020 + c0;
        EXPECT_NEAR(g(0, c0), 0.5 * std::exp(-b * std::exp(-c * (t - 2023.0))), 1e-9) << t;
    }
}

TEST(Gompertz, InflectionValueIsCeilingOverE) {
    const SCurveParams s{one(2.0), one(2030.0), one(0.3)};
    const Grid g = gompertzSeries({2030, 2030}, s);
    EXPECT_NEAR(g(0, 0), 2.0 / std::exp(1.0), 1e-12);
}

TEST(Gompertz, DecliningCurveHasNegativeSteepness) {
    const SCurveParams s = gompertzThrough(one(1.0), {2020, one(0.6)}, {2030, one(0.2)});
    EXPECT_LT(s.steepness(0), 0.0);
    const Grid g = gompertzSeries({2020, 2030}, s);
    EXPECT_NEAR(g(0, 0), 0.6, 1e-12);
    EXPECT_NEAR(g(0, 10), 0.2, 1e-12);
    EXPECT_TRUE((g.col(10) < g.col(5)).all());
}

TEST(Gompertz, VectorisedOverAnchors) {
    Paths later(3);
    later << 0.25, 0.3, 0.4;
    const SCurveParams s = gompertzThrough(one(0.5), {2023, one(0.16)}, {2028, later});
    const Grid g = gompertzSeries({2023, 2200}, s);
    ASSERT_EQ(g.rows(), 3);
    for (Eigen::Index r = 0; r < 3; ++r) {
        EXPECT_NEAR(g(r, 0), 0.16, 1e-12) << r;
        EXPECT_NEAR(g(r, 5), later(r), 1e-12) << r;
        EXPECT_NEAR(g(r, g.cols() - 1), 0.5, 1e-6) << r;
    }
    EXPECT_NEAR(s.steepness(0), 0.0994089634, 1e-9);
    // Path 3: c = (ln(-ln 0.32) - ln(-ln 0.8))/5.
    EXPECT_NEAR(s.steepness(2), (std::log(-std::log(0.32)) - std::log(-std::log(0.8))) / 5.0,
                1e-12);
    EXPECT_TRUE(g.isFinite().all());
}

TEST(GompertzErrors, AnchorAtOrAboveCeiling) {
    const std::string msg = errorOf([] {
        (void)gompertzThrough(one(0.5), {2023, one(0.5)}, {2028, one(0.25)});
    });
    EXPECT_NE(msg.find("the 2023 anchor 0.5 is at or above the ceiling 0.5"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find("a Gompertz curve cannot pass through it"), std::string::npos) << msg;
}

TEST(GompertzErrors, AnchorNotAboveZero) {
    const std::string msg = errorOf([] {
        (void)gompertzThrough(one(0.5), {2023, one(0.16)}, {2028, one(-0.1)});
    });
    EXPECT_NE(msg.find("the 2028 anchor -0.1 must be above zero"), std::string::npos) << msg;
}

TEST(GompertzErrors, SameYear) {
    const std::string msg = errorOf([] {
        (void)gompertzThrough(one(0.5), {2028, one(0.1)}, {2028, one(0.2)});
    });
    EXPECT_NE(msg.find("both in 2028"), std::string::npos) << msg;
}

TEST(GompertzErrors, EqualValues) {
    const std::string msg = errorOf([] {
        (void)gompertzThrough(one(0.5), {2023, one(0.3)}, {2028, one(0.3)});
    });
    EXPECT_NE(msg.find("flat line has no inflection point"), std::string::npos) << msg;
}

TEST(GompertzErrors, CeilingNotAboveZero) {
    const std::string msg = errorOf([] {
        (void)gompertzSeries({2020, 2021}, {one(0.0), one(2020), one(0.1)});
    });
    EXPECT_NE(msg.find("the ceiling 0 must be above zero for a Gompertz curve"), std::string::npos)
        << msg;
}

}  // namespace
}  // namespace jevons::core
