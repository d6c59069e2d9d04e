#include "core/models/points.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jevons::core {
namespace {

using testing::errorOf;
using testing::one;

TEST(PointsSeries, LinearInterpolatesAndHoldsFlatOutside) {
    const PointsParams params{{2024, 2026, 2030}, {one(10.0), one(20.0), one(0.0)}};
    const Grid g = pointsSeries({2022, 2032}, params);
    ASSERT_EQ(g.rows(), 1);
    ASSERT_EQ(g.cols(), 11);
    const double expected[] = {10, 10, 10, 15, 20, 15, 10, 5, 0, 0, 0};  // 2022..2032
    for (int c = 0; c < 11; ++c) {
        EXPECT_NEAR(g(0, c), expected[c], 1e-12) << "year " << 2022 + c;
    }
}

TEST(PointsSeries, LogLinearIsGeometric) {
    // 6.6 (2023) -> 42.9 (2028): every year multiplies by (42.9/6.6)^(1/5) = 1.4540611511.
    const PointsParams params{{2023, 2028}, {one(6.6), one(42.9)}, Interpolation::LogLinear};
    const Grid g = pointsSeries({2023, 2028}, params);
    const double factor = std::pow(42.9 / 6.6, 0.2);
    EXPECT_NEAR(factor, 1.4540611511, 1e-9);
    for (int c = 0; c < 6; ++c) {
        EXPECT_NEAR(g(0, c), 6.6 * std::pow(factor, c), 1e-10) << "year " << 2023 + c;
    }
    EXPECT_NEAR(g(0, 5), 42.9, 1e-12);
}

TEST(PointsSeries, SinglePointIsFlat) {
    const Grid g = pointsSeries({2020, 2024}, PointsParams{{2030}, {one(7.5)}});
    EXPECT_EQ(g.cols(), 5);
    EXPECT_TRUE((g == 7.5).all());
}

TEST(PointsSeries, VectorisedOverPathsWithBroadcast) {
    Paths start(3);
    start << 0.0, 10.0, 100.0;
    // Second point is one value for every path; first differs per path.
    const PointsParams params{{2020, 2030}, {start, one(50.0)}};
    const Grid g = pointsSeries({2020, 2030}, params);
    ASSERT_EQ(g.rows(), 3);
    ASSERT_EQ(g.cols(), 11);
    EXPECT_NEAR(g(0, 5), 25.0, 1e-12);  // halfway 0 -> 50
    EXPECT_NEAR(g(1, 5), 30.0, 1e-12);  // halfway 10 -> 50
    EXPECT_NEAR(g(2, 5), 75.0, 1e-12);  // halfway 100 -> 50
    EXPECT_NEAR(g(2, 10), 50.0, 1e-12);
}

TEST(PointsSeries, LogLinearVectorised) {
    Paths end(2);
    end << 4.0, 0.25;
    const PointsParams params{{2020, 2022}, {one(1.0), end}, Interpolation::LogLinear};
    const Grid g = pointsSeries({2021, 2021}, params);
    EXPECT_NEAR(g(0, 0), 2.0, 1e-12);  // sqrt(1 * 4)
    EXPECT_NEAR(g(1, 0), 0.5, 1e-12);  // sqrt(1 * 0.25)
}

TEST(PointsSeries, EmptyRangeGivesNoColumns) {
    const Grid g = pointsSeries({2030, 2029}, PointsParams{{2030}, {one(1.0)}});
    EXPECT_EQ(g.cols(), 0);
}

TEST(PointsSeriesErrors, NoPoints) {
    const std::string msg = errorOf([] { (void)pointsSeries({2020, 2025}, PointsParams{}); });
    EXPECT_NE(msg.find("at least one"), std::string::npos) << msg;
}

TEST(PointsSeriesErrors, YearsNotIncreasing) {
    const std::string msg = errorOf([] {
        (void)pointsSeries({2020, 2025}, PointsParams{{2025, 2023}, {one(1.0), one(2.0)}});
    });
    EXPECT_NE(msg.find("strictly increasing"), std::string::npos) << msg;
    EXPECT_NE(msg.find("2023 comes after 2025"), std::string::npos) << msg;
}

TEST(PointsSeriesErrors, RepeatedYear) {
    const std::string msg = errorOf([] {
        (void)pointsSeries({2020, 2025}, PointsParams{{2023, 2023}, {one(1.0), one(2.0)}});
    });
    EXPECT_NE(msg.find("strictly increasing"), std::string::npos) << msg;
}

TEST(PointsSeriesErrors, CountMismatch) {
    const std::string msg = errorOf([] {
        (void)pointsSeries({2020, 2025}, PointsParams{{2023, 2024}, {one(1.0)}});
    });
    EXPECT_NE(msg.find("2 years but 1 values"), std::string::npos) << msg;
}

TEST(PointsSeriesErrors, LogLinearNeedsPositiveValuesNamesYearAndPath) {
    Paths v(3);
    v << 1.0, 0.0, -1.0;
    const std::string msg = errorOf([&] {
        (void)pointsSeries({2020, 2025},
                           PointsParams{{2020, 2024}, {one(1.0), v}, Interpolation::LogLinear});
    });
    EXPECT_NE(msg.find("the 2024 value 0 must be above zero"), std::string::npos) << msg;
    EXPECT_NE(msg.find("log-linear"), std::string::npos) << msg;
    EXPECT_NE(msg.find("path 2 of 3"), std::string::npos) << msg;
}

TEST(PointsSeriesErrors, NonFiniteValue) {
    const std::string msg = errorOf([] {
        (void)pointsSeries({2020, 2025}, PointsParams{{2020}, {one(std::nan(""))}});
    });
    EXPECT_NE(msg.find("not a number"), std::string::npos) << msg;
}

TEST(PointsSeriesErrors, PathSizeMismatch) {
    const std::string msg = errorOf([] {
        (void)pointsSeries({2020, 2025},
                           PointsParams{{2020, 2021}, {Paths::Zero(2), Paths::Zero(3)}});
    });
    EXPECT_NE(msg.find("one value or one per path"), std::string::npos) << msg;
}

}  // namespace
}  // namespace jevons::core
