// The one axis rule (core/plan/axis_scale.h), checked against hand-worked axes.
#include "core/plan/axis_scale.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace jevons::core {
namespace {

TEST(AxisScale, RoundStepIsOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(roundStep(0.9), 1.0);
    EXPECT_DOUBLE_EQ(roundStep(1.0), 1.0);
    EXPECT_DOUBLE_EQ(roundStep(1.2), 2.0);
    EXPECT_DOUBLE_EQ(roundStep(2.2), 2.5);
    EXPECT_DOUBLE_EQ(roundStep(3.0), 5.0);
    EXPECT_DOUBLE_EQ(roundStep(6.0), 10.0);
    EXPECT_DOUBLE_EQ(roundStep(0.0021), 0.0025);
    EXPECT_DOUBLE_EQ(roundStep(0.0), 1.0);
    EXPECT_DOUBLE_EQ(roundStep(std::numeric_limits<double>::quiet_NaN()), 1.0);
}

TEST(AxisScale, TheAsicMarketAxisRunsFromZeroToFiftyByTen) {
    // The default forecast's ASIC market, 6.6 → 42.9 US$B, with 12% headroom for labels:
    // 42.9 × 1.12 = 48.0; span / 5 = 9.6 → step 10; 0..50, six ticks.
    const AxisScale s = niceScale(6.6, 42.9, {.headroom = 0.12});
    EXPECT_DOUBLE_EQ(s.min, 0.0);
    EXPECT_DOUBLE_EQ(s.max, 50.0);
    EXPECT_DOUBLE_EQ(s.step, 10.0);
    EXPECT_EQ(s.ticks, 6);
    EXPECT_EQ(s.decimals, 0);
}

TEST(AxisScale, DecimalsWriteEveryTickExactly) {
    const AxisScale shares = niceScale(0.0, 0.5);  // step 0.1
    EXPECT_DOUBLE_EQ(shares.step, 0.1);
    EXPECT_EQ(shares.decimals, 1);
    const AxisScale quarter = niceScale(0.0, 1.2);  // 1.2 / 5 = 0.24 → 0.25
    EXPECT_DOUBLE_EQ(quarter.step, 0.25);
    EXPECT_EQ(quarter.decimals, 2);
    EXPECT_DOUBLE_EQ(quarter.max, 1.25);
    EXPECT_EQ(quarter.ticks, 6);
}

TEST(AxisScale, NegativeDataKeepsZeroAndRoundsOutward) {
    const AxisScale s = niceScale(-12.0, 33.0);  // span 45 / 5 = 9 → 10
    EXPECT_DOUBLE_EQ(s.min, -20.0);
    EXPECT_DOUBLE_EQ(s.max, 40.0);
    EXPECT_EQ(s.ticks, 7);
    const AxisScale below = niceScale(-8.0, -3.0);  // all negative: 0 is the top
    EXPECT_DOUBLE_EQ(below.max, 0.0);
    EXPECT_DOUBLE_EQ(below.min, -8.0);
}

TEST(AxisScale, ATornadoAxisNeedNotShowZeroButNeverCrossesItForPositiveData) {
    // Bars between 145.6 and 192.3 around a base of 171.6, a fifth of the span on each side:
    // 136.26..201.64, span 65.4 / 5 = 13.1 → 20; 120..220.
    const AxisScale s = niceScale(145.6, 192.3, {.margin = 0.2, .includeZero = false});
    EXPECT_DOUBLE_EQ(s.step, 20.0);
    EXPECT_DOUBLE_EQ(s.min, 120.0);
    EXPECT_DOUBLE_EQ(s.max, 220.0);
    // Small positive values: the margin would go below zero; the axis stops at zero.
    const AxisScale near = niceScale(0.5, 10.0, {.margin = 0.2, .includeZero = false});
    EXPECT_DOUBLE_EQ(near.min, 0.0);
}

TEST(AxisScale, EmptyOrBrokenRangesStillGiveAnAxis) {
    const AxisScale zero = niceScale(0.0, 0.0);
    EXPECT_DOUBLE_EQ(zero.min, 0.0);
    EXPECT_DOUBLE_EQ(zero.max, 1.0);
    const AxisScale nan = niceScale(std::numeric_limits<double>::quiet_NaN(), 3.0);
    EXPECT_DOUBLE_EQ(nan.min, 0.0);
    EXPECT_DOUBLE_EQ(nan.max, 1.0);
    const AxisScale one = niceScale(50.0, 50.0, {.includeZero = false});
    EXPECT_LT(one.min, 50.0);
    EXPECT_GT(one.max, 50.0);
}

TEST(AxisScale, PercentagesShowTheTicksOfTheirFractions) {
    const AxisScale fractions = niceScale(0.16, 0.31, {.headroom = 0.12});  // 0..0.4 by 0.1
    const AxisScale percent = inPercent(fractions);
    EXPECT_EQ(percent.ticks, fractions.ticks);
    EXPECT_EQ(percent.step, 10.0);  // exactly
    EXPECT_EQ(percent.min, 0.0);
    EXPECT_EQ(percent.max, 40.0);
    EXPECT_EQ(percent.decimals, 0);
    // The same axis computed on percentages directly.
    EXPECT_EQ(percent, niceScale(16.0, 31.0, {.headroom = 0.12}));
}

TEST(AxisScale, YearTicksShowAtMostTheLabelsAsked) {
    EXPECT_EQ(yearTickInterval(2023, 2035, 13), 1);
    EXPECT_EQ(yearTickInterval(2023, 2035, 7), 2);
    EXPECT_EQ(yearTickInterval(2000, 2050, 7), 10);
}

}  // namespace
}  // namespace jevons::core
