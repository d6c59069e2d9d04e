#include "core/models/cagr.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jevons::core {
namespace {

using testing::errorOf;
using testing::one;

TEST(CagrBetween, MarvellCustomAsicFigure) {
    // MODELS.md: 6.6 -> 42.9 (US$B, 2023 -> 2028) is 45.41% a year; exact 0.4540611511.
    EXPECT_NEAR(cagrBetween(6.6, 42.9, 5), 0.4540611511, 1e-9);
    EXPECT_NEAR(cagrBetween(6.6, 42.9, 5) * 100.0, 45.41, 0.01);
}

TEST(CagrBetween, VectorisedWithBroadcast) {
    Paths end(3);
    end << 6.6, 13.2, 42.9;
    const Paths r = cagrBetween(one(6.6), end, 5);
    ASSERT_EQ(r.size(), 3);
    EXPECT_NEAR(r(0), 0.0, 1e-15);
    EXPECT_NEAR(r(1), std::pow(2.0, 0.2) - 1.0, 1e-12);  // 0.148698...
    EXPECT_NEAR(r(2), 0.4540611511, 1e-9);
}

TEST(CagrBetweenErrors, NonPositiveValuesAndYears) {
    std::string msg = errorOf([] { (void)cagrBetween(0.0, 1.0, 5); });
    EXPECT_NE(msg.find("start value 0 must be above zero"), std::string::npos) << msg;
    msg = errorOf([] { (void)cagrBetween(1.0, -2.0, 5); });
    EXPECT_NE(msg.find("end value -2 must be above zero"), std::string::npos) << msg;
    msg = errorOf([] { (void)cagrBetween(1.0, 2.0, 0); });
    EXPECT_NE(msg.find("at least one year"), std::string::npos) << msg;
}

TEST(CagrSeries, SingleSegmentCompoundsAndBackCasts) {
    const CagrParams params{2023, one(6.6), {{2028, one(0.4540611511)}}};
    const Grid g = cagrSeries({2021, 2030}, params);
    ASSERT_EQ(g.cols(), 10);
    const double r = 1.4540611511;
    for (int c = 0; c < 10; ++c) {
        const int year = 2021 + c;
        EXPECT_NEAR(g(0, c), 6.6 * std::pow(r, year - 2023), 1e-9) << year;
    }
    EXPECT_NEAR(g(0, 2), 6.6, 1e-12);            // 2023 = start value exactly
    EXPECT_NEAR(g(0, 7), 42.9, 1e-7);            // 2028
    EXPECT_NEAR(g(0, 0), 6.6 / (r * r), 1e-10);  // 2021, back-cast at the first rate
}

TEST(CagrSeries, SegmentsAreContinuousAndLastRateContinues) {
    // +100% in 2021..2022, -50% in 2023..2024, then -50% continues.
    const CagrParams params{2020, one(1.0), {{2022, one(1.0)}, {2024, one(-0.5)}}};
    const Grid g = cagrSeries({2019, 2026}, params);
    const double expected[] = {0.5, 1, 2, 4, 2, 1, 0.5, 0.25};  // 2019..2026
    for (int c = 0; c < 8; ++c) {
        EXPECT_NEAR(g(0, c), expected[c], 1e-12) << 2019 + c;
    }
}

TEST(CagrSeries, VectorisedRatesPerPath) {
    Paths rate(3);
    rate << 0.0, 0.1, 0.5;
    Paths start(3);
    start << 1.0, 2.0, 4.0;
    const CagrParams params{2020, start, {{2030, rate}}};
    const Grid g = cagrSeries({2020, 2022}, params);
    ASSERT_EQ(g.rows(), 3);
    EXPECT_NEAR(g(0, 2), 1.0, 1e-12);
    EXPECT_NEAR(g(1, 2), 2.0 * 1.21, 1e-12);
    EXPECT_NEAR(g(2, 2), 4.0 * 2.25, 1e-12);
}

TEST(CagrSeriesErrors, RateOfMinus100Percent) {
    Paths rate(3);
    rate << 0.1, -1.0, -2.0;
    const std::string msg = errorOf([&] {
        (void)cagrSeries({2020, 2025}, CagrParams{2020, one(1.0), {{2025, rate}}});
    });
    EXPECT_NE(msg.find("-100% or less"), std::string::npos) << msg;
    EXPECT_NE(msg.find("up to 2025 is -100%"), std::string::npos) << msg;
    EXPECT_NE(msg.find("path 2 of 3"), std::string::npos) << msg;  // first offender
}

TEST(CagrSeriesErrors, NoSegments) {
    const std::string msg = errorOf([] {
        (void)cagrSeries({2020, 2025}, CagrParams{2020, one(1.0), {}});
    });
    EXPECT_NE(msg.find("at least one segment"), std::string::npos) << msg;
}

TEST(CagrSeriesErrors, UntilNotAfterStartYear) {
    const std::string msg = errorOf([] {
        (void)cagrSeries({2020, 2025}, CagrParams{2023, one(1.0), {{2023, one(0.1)}}});
    });
    EXPECT_NE(msg.find("ending in 2023 must end after 2023 (the start year)"), std::string::npos)
        << msg;
}

TEST(CagrSeriesErrors, UntilsNotIncreasing) {
    const std::string msg = errorOf([] {
        (void)cagrSeries({2020, 2025},
                         CagrParams{2020, one(1.0), {{2025, one(0.1)}, {2024, one(0.2)}}});
    });
    EXPECT_NE(msg.find("ending in 2024 must end after 2025 (the previous segment's end)"),
              std::string::npos)
        << msg;
}

TEST(CagrSeriesErrors, OverflowIsReported) {
    const std::string msg = errorOf([] {
        (void)cagrSeries({2000, 3000}, CagrParams{2000, one(1.0), {{2001, one(10.0)}}});
    });
    EXPECT_NE(msg.find("too large to represent"), std::string::npos) << msg;
}

}  // namespace
}  // namespace jevons::core
