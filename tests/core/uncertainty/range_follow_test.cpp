// Tests for core/uncertainty/range_follow.h: each shape follows an edited value by the stated
// rule (exact figures), pinned ranges stay, ends clamp to the slider range, and `pinned` survives
// save -> load.
#include "core/uncertainty/range_follow.h"

#include "core/scenario/scenario_json.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>

namespace jevons::core {
namespace {

/// The 2028 ASIC share of default.json: 25%, slider 10–45%, PERT 20/25/35%.
Assumption asicShare() {
    Assumption a;
    a.id = "asic_share_2028";
    a.unit = Unit::Share;
    a.value = 0.25;
    a.min = 0.10;
    a.max = 0.45;
    a.step = 0.005;
    DistributionSpec d;
    d.type = DistributionType::Pert;
    d.min = 0.20;
    d.mode = 0.25;
    d.max = 0.35;
    a.distribution = d;
    return a;
}

TEST(RangeFollow, PertShiftsByTheChange) {
    const auto d = followValue(asicShare(), 0.25, 0.30);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->type, DistributionType::Pert);
    EXPECT_EQ(d->min, 0.25);  // 0.2 + 0.05 rounded to 15 digits: exactly the double 0.25
    EXPECT_EQ(d->mode, 0.30);
    EXPECT_EQ(d->max, 0.40);
    EXPECT_FALSE(d->pinned);
}

TEST(RangeFollow, UpperEndClampsToTheSliderAndTheModeKeepsFollowing) {
    const auto d = followValue(asicShare(), 0.25, 0.40);  // 35/40/50% -> max at the slider's 45%
    ASSERT_TRUE(d);
    EXPECT_EQ(d->min, 0.35);
    EXPECT_EQ(d->mode, 0.40);
    EXPECT_EQ(d->max, 0.45);
}

TEST(RangeFollow, LowerEndClampsToTheSlider) {
    const auto d = followValue(asicShare(), 0.25, 0.12);  // 7/12/22% -> min at the slider's 10%
    ASSERT_TRUE(d);
    EXPECT_EQ(d->min, 0.10);
    EXPECT_EQ(d->mode, 0.12);
    EXPECT_EQ(d->max, 0.22);
}

TEST(RangeFollow, AnEndBeyondTheSliderIsNeitherPulledInNorPushedOut) {
    Assumption a = asicShare();
    a.distribution->min = 0.05;  // the analyst's range reaches below the slider's 10%
    const auto up = followValue(a, 0.25, 0.27);
    ASSERT_TRUE(up);
    EXPECT_EQ(up->min, 0.07);
    EXPECT_EQ(up->mode, 0.27);
    EXPECT_EQ(up->max, 0.37);
    const auto down = followValue(a, 0.25, 0.20);  // min would be 0%: stops where it was, 5%
    ASSERT_TRUE(down);
    EXPECT_EQ(down->min, 0.05);
    EXPECT_EQ(down->mode, 0.20);
    EXPECT_EQ(down->max, 0.30);
}

TEST(RangeFollow, ARangeShiftedWhollyPastTheSliderKeepsItsWidthAgainstTheEnd) {
    Assumption a = asicShare();
    a.distribution = DistributionSpec{.type = DistributionType::Uniform, .min = 0.30, .max = 0.40};
    const auto d = followValue(a, 0.25, 0.45);  // 50–60% lies beyond 45%
    ASSERT_TRUE(d);
    EXPECT_EQ(d->min, 0.35);
    EXPECT_EQ(d->max, 0.45);
    EXPECT_EQ(d->mode, 0.0);  // a uniform has no mode
}

TEST(RangeFollow, UniformAndTriangularShift) {
    Assumption a = asicShare();
    a.distribution = DistributionSpec{.type = DistributionType::Uniform, .min = 0.20, .max = 0.35};
    const auto u = followValue(a, 0.25, 0.30);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->min, 0.25);
    EXPECT_EQ(u->max, 0.40);
    EXPECT_EQ(u->mode, 0.0);

    Assumption e;  // elasticity: triangular 1.0/1.6/2.0, slider 0.5–3
    e.unit = Unit::Multiple;
    e.value = 1.6;
    e.min = 0.5;
    e.max = 3.0;
    e.distribution =
        DistributionSpec{.type = DistributionType::Triangular, .min = 1.0, .mode = 1.6, .max = 2.0};
    const auto t = followValue(e, 1.6, 1.8);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->min, 1.2);
    EXPECT_EQ(t->mode, 1.8);
    EXPECT_EQ(t->max, 2.2);
}

TEST(RangeFollow, NormalIsRecentredWithTheSameRelativeSpread) {
    Assumption a;  // a cost decline: 12% a year, normal 12% ± 5%
    a.unit = Unit::Rate;
    a.value = 0.12;
    a.min = 0.0;
    a.max = 0.30;
    a.distribution = DistributionSpec{.type = DistributionType::Normal, .mean = 0.12, .sd = 0.05};
    const auto d = followValue(a, 0.12, 0.15);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->mean, 0.15);
    EXPECT_EQ(d->sd, 0.0625);  // 0.05 · 15 / 12: sd / mean stays 5/12

    // Around zero a relative spread means nothing: the sd stays.
    a.value = 0.0;
    a.min = -0.1;
    a.distribution = DistributionSpec{.type = DistributionType::Normal, .mean = 0.0, .sd = 0.02};
    const auto z = followValue(a, 0.0, 0.03);
    ASSERT_TRUE(z);
    EXPECT_EQ(z->mean, 0.03);
    EXPECT_EQ(z->sd, 0.02);
}

TEST(RangeFollow, LognormalScalesWithTheValue) {
    Assumption a;  // accelerator market 2028: US$171.6B, 90% between 140 and 200
    a.unit = Unit::UsdBillion;
    a.value = 171.6;
    a.min = 100.0;
    a.max = 400.0;
    a.distribution = DistributionSpec{.type = DistributionType::Lognormal, .p5 = 140, .p95 = 200};
    const auto d = followValue(a, 171.6, 200.0);
    ASSERT_TRUE(d);
    EXPECT_NEAR(d->p5, 163.170163170163, 1e-9);  // 140 · 200 / 171.6
    EXPECT_NEAR(d->p95, 233.100233100233, 1e-9);
    EXPECT_NEAR(d->p95 / d->p5, 200.0 / 140.0, 1e-12);
    // Not clamped to the slider: p5 and p95 are percentiles, not bounds.
    const auto high = followValue(a, 171.6, 390.0);
    ASSERT_TRUE(high);
    EXPECT_NEAR(high->p95, 454.545454545455, 1e-9);
}

TEST(RangeFollow, PinnedNoneAndNoChangeStay) {
    Assumption a = asicShare();
    a.distribution->pinned = true;
    EXPECT_EQ(followValue(a, 0.25, 0.30), a.distribution);
    EXPECT_EQ(followValue(asicShare(), 0.25, 0.25), asicShare().distribution);
    Assumption none = asicShare();
    none.distribution.reset();
    EXPECT_EQ(followValue(none, 0.25, 0.30), std::nullopt);
}

TEST(RangeFollow, ARangeTheSamplerWouldRefuseStays) {
    Assumption a;  // a share with a lognormal: scaled up, its p95 would pass 100%
    a.unit = Unit::Share;
    a.value = 0.5;
    a.min = 0.0;
    a.max = 1.0;
    a.distribution = DistributionSpec{.type = DistributionType::Lognormal, .p5 = 0.4, .p95 = 0.7};
    EXPECT_EQ(followValue(a, 0.5, 0.9), a.distribution);  // p95 would be 1.26
}

TEST(RangeFollow, PinnedRoundTripsThroughTheFile) {
    const std::string pinned =
        R"({"type": "pert", "min": 0.2, "mode": 0.25, "max": 0.35, "pinned": true})";
    const Scenario s = testing::makeScenario(
        testing::assumption("share", 0.25, "share", 0.1, 0.45, pinned) + ", " +
            testing::assumption("free", 0.25, "share", 0.1, 0.45,
                                R"({"type": "uniform", "min": 0.2, "max": 0.35})"),
        R"("x": {"label": {"en": "x"}, "unit": "share", "kind": "formula", "expr": "share + free"})");
    ASSERT_TRUE(s.findAssumption("share")->distribution->pinned);
    EXPECT_FALSE(s.findAssumption("free")->distribution->pinned);
    const std::string text = serializeScenario(s);
    EXPECT_NE(text.find("\"pinned\": true"), std::string::npos);
    EXPECT_EQ(text.find("\"pinned\": false"), std::string::npos);  // unpinned: no key
    const Scenario back = parseScenario(text, "back.json");
    EXPECT_TRUE(back.findAssumption("share")->distribution->pinned);
    EXPECT_FALSE(back.findAssumption("free")->distribution->pinned);
    EXPECT_EQ(serializeScenario(back), text);
}

TEST(RangeFollow, PinnedMustBeABoolean) {
    try {
        (void)testing::makeScenario(
            testing::assumption("share", 0.25, "share", 0.1, 0.45,
                                R"({"type": "uniform", "min": 0.2, "max": 0.35, "pinned": 1})"),
            R"("x": {"label": {"en": "x"}, "unit": "share", "kind": "formula", "expr": "share"})");
        FAIL() << "a number as pinned was accepted";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("assumptions.share.distribution.pinned"),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace jevons::core
