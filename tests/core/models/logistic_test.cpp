#include "core/models/logistic.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jevons::core {
namespace {

using testing::errorOf;
using testing::one;

TEST(Logistic, AsicShareWorkedExample) {
    // MODELS.md: L = 0.5 through 16% (2023) and 25% (2028).
    const SCurveParams s = logisticThrough(one(0.5), {2023, one(0.16)}, {2028, one(0.25)});
    EXPECT_NEAR(s.steepness(0), 0.150754, 5e-7);  // ln(2.125)/5 = 0.1507543605
    EXPECT_NEAR(s.midpoint(0), 2028.000, 1e-9);   // the 2028 anchor is exactly L/2
    EXPECT_NEAR(s.ceiling(0), 0.5, 0.0);

    const Grid g = logisticSeries({2023, 2040}, s);
    ASSERT_EQ(g.cols(), 18);
    EXPECT_NEAR(g(0, 0), 0.16, 1e-12);  // passes through the anchors
    EXPECT_NEAR(g(0, 5), 0.25, 1e-12);
    EXPECT_NEAR(g(0, 7) * 100.0, 28.74, 0.005);   // 2030: 28.7406%
    EXPECT_NEAR(g(0, 12) * 100.0, 37.09, 0.005);  // 2035: 37.0894%
    EXPECT_NEAR(g(0, 17) * 100.0, 42.96, 0.005);  // 2040: 42.9624%
}

TEST(Logistic, SmartGlassesExamples) {
    // MODELS.md: 55M (2029) -> 1400M (2035), ceiling 1450M or 2300M (M units).
    const SCurveParams low = logisticThrough(one(1450.0), {2029, one(55.0)}, {2035, one(1400.0)});
    EXPECT_NEAR(low.steepness(0), 1.0943, 5e-5);  // 1.0942535
    EXPECT_NEAR(low.midpoint(0), 2031.96, 0.01);  // 2031.9548
    const SCurveParams high = logisticThrough(one(2300.0), {2029, one(55.0)}, {2035, one(1400.0)});
    EXPECT_NEAR(high.steepness(0), 0.6918, 5e-5);  // 0.6918267
    EXPECT_NEAR(high.midpoint(0), 2034.36, 0.01);  // 2034.3614
    const Grid g = logisticSeries({2029, 2035}, high);
    EXPECT_NEAR(g(0, 0), 55.0, 1e-9);
    EXPECT_NEAR(g(0, 6), 1400.0, 1e-9);
}

TEST(Logistic, AnchorOrderDoesNotMatter) {
    const SCurveParams ab = logisticThrough(one(0.5), {2023, one(0.16)}, {2028, one(0.25)});
    const SCurveParams ba = logisticThrough(one(0.5), {2028, one(0.25)}, {2023, one(0.16)});
    EXPECT_NEAR(ab.steepness(0), ba.steepness(0), 1e-12);
    EXPECT_NEAR(ab.midpoint(0), ba.midpoint(0), 1e-9);
}

TEST(Logistic, DecliningCurveHasNegativeSteepness) {
    // Share falling from 40% (2020) to 10% (2030) under a ceiling of 50%.
    const SCurveParams s = logisticThrough(one(0.5), {2020, one(0.4)}, {2030, one(0.1)});
    EXPECT_LT(s.steepness(0), 0.0);
    EXPECT_NEAR(s.steepness(0), -std::log(16.0) / 10.0, 1e-12);  // (ln(1/4) - ln 4)/10
    EXPECT_NEAR(s.midpoint(0), 2025.0, 1e-9);                    // symmetric anchors
    const Grid g = logisticSeries({2020, 2030}, s);
    EXPECT_NEAR(g(0, 5), 0.25, 1e-12);
    EXPECT_NEAR(g(0, 10), 0.1, 1e-12);
}

TEST(Logistic, VectorisedOverCeilings) {
    Paths ceiling(3);
    ceiling << 0.5, 0.6, 1.0;
    const SCurveParams s = logisticThrough(ceiling, {2023, one(0.16)}, {2028, one(0.25)});
    ASSERT_EQ(s.steepness.size(), 3);
    ASSERT_EQ(s.midpoint.size(), 3);
    const Grid g = logisticSeries({2023, 2100}, s);
    ASSERT_EQ(g.rows(), 3);
    for (Eigen::Index r = 0; r < 3; ++r) {
        EXPECT_NEAR(g(r, 0), 0.16, 1e-12) << r;
        EXPECT_NEAR(g(r, 5), 0.25, 1e-12) << r;
        EXPECT_NEAR(g(r, g.cols() - 1), ceiling(r), 1e-3) << r;  // saturates by 2100
    }
    EXPECT_NEAR(s.steepness(0), 0.1507543605, 1e-9);
    // Path 3, L = 1: u = ln(1/0.16 - 1) = ln 5.25, ln 3; k = ln(5.25/3)/5 = 0.1119232;
    EXPECT_NEAR(s.steepness(2), std::log(5.25 / 3.0) / 5.0, 1e-12);
    EXPECT_NEAR(s.midpoint(2), 2023.0 + std::log(5.25) / (std::log(5.25 / 3.0) / 5.0), 1e-9);
}

TEST(Logistic, FarFromMidpointStaysFinite) {
    const SCurveParams s{one(1.0), one(2000.0), one(50.0)};
    const Grid g = logisticSeries({1900, 2100}, s);
    EXPECT_TRUE(g.isFinite().all());
    EXPECT_EQ(g(0, 0), 0.0);
    EXPECT_EQ(g(0, 200), 1.0);
}

TEST(LogisticErrors, AnchorAtOrAboveCeiling) {
    const std::string msg = errorOf([] {
        (void)logisticThrough(one(0.5), {2023, one(0.16)}, {2028, one(0.55)});
    });
    EXPECT_NE(msg.find("the 2028 anchor 0.55 is at or above the ceiling 0.5"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find("cannot pass through it"), std::string::npos) << msg;
}

TEST(LogisticErrors, FirstOffendingPathIsReported) {
    Paths ceiling(4);
    ceiling << 0.5, 0.3, 0.2, 0.1;  // path 3 is the first with ceiling <= 0.25
    const std::string msg = errorOf([&] {
        (void)logisticThrough(ceiling, {2023, one(0.16)}, {2028, one(0.25)});
    });
    EXPECT_NE(msg.find("the 2028 anchor 0.25 is at or above the ceiling 0.2"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find("path 3 of 4"), std::string::npos) << msg;
}

TEST(LogisticErrors, AnchorNotAboveZero) {
    const std::string msg = errorOf([] {
        (void)logisticThrough(one(0.5), {2023, one(0.0)}, {2028, one(0.25)});
    });
    EXPECT_NE(msg.find("the 2023 anchor 0 must be above zero"), std::string::npos) << msg;
}

TEST(LogisticErrors, SameYear) {
    const std::string msg = errorOf([] {
        (void)logisticThrough(one(0.5), {2023, one(0.1)}, {2023, one(0.2)});
    });
    EXPECT_NE(msg.find("both in 2023"), std::string::npos) << msg;
}

TEST(LogisticErrors, EqualValuesGiveNoMidpoint) {
    const std::string msg = errorOf([] {
        (void)logisticThrough(one(0.5), {2023, one(0.2)}, {2028, one(0.2)});
    });
    EXPECT_NE(msg.find("flat line has no midpoint"), std::string::npos) << msg;
}

TEST(LogisticErrors, CeilingNotAboveZero) {
    std::string msg = errorOf([] {
        (void)logisticThrough(one(0.0), {2023, one(0.1)}, {2028, one(0.2)});
    });
    EXPECT_NE(msg.find("the ceiling 0 must be above zero"), std::string::npos) << msg;
    msg = errorOf([] { (void)logisticSeries({2020, 2021}, {one(-1.0), one(2020), one(0.1)}); });
    EXPECT_NE(msg.find("the ceiling -1 must be above zero"), std::string::npos) << msg;
}

TEST(LogisticErrors, NonFiniteSteepness) {
    const std::string msg = errorOf([] {
        (void)logisticSeries({2020, 2021}, {one(1.0), one(2020), one(INFINITY)});
    });
    EXPECT_NE(msg.find("steepness inf is not a number"), std::string::npos) << msg;
}

}  // namespace
}  // namespace jevons::core
