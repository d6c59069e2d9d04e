// Tests for core/bridge/bridge_plan.h: the waterfall a bridge is drawn from.
#include "core/bridge/bridge_plan.h"

#include "../uncertainty/test_scenarios.h"
#include "core/text/number_text.h"

#include <gtest/gtest.h>

#include <cmath>

namespace jevons::core {
namespace {

struct Fixture {
    Scenario scenario = loadScenarioFile(testing::forecast("default.json"));
    Model model = Model::compile(scenario);
};

TEST(BridgePlan, BaseToBullFloatsEachStepOnTheRunningTotal) {
    const Fixture f;
    const Bridge b = computeBridge(f.model, "base", "bull", "asic_market", 2028);
    const ChartPlan plan = bridgePlan(f.model, b, "Base", "Bull", "en");
    EXPECT_EQ(plan.kind, ChartKind::Waterfall);
    EXPECT_EQ(chartProblem(plan), "");
    EXPECT_EQ(plan.title, "Datacenter ASIC market, 2028: Base → Bull (US$B)");
    // The two steps that reach the ASIC market; the four that do not are named in the note.
    ASSERT_EQ(plan.categories.size(), 4u);
    EXPECT_EQ(plan.categories.front(), "Base");
    EXPECT_EQ(plan.categories[1], "Accelerated-compute market, 2028");
    EXPECT_EQ(plan.categories[2], "ASIC share of accelerators, 2028");
    EXPECT_EQ(plan.categories.back(), "Bull");
    EXPECT_EQ(plan.note,
              "No effect on this output: Long-run ceiling of the ASIC share, Hyperscaler capex "
              "growth after 2025, Demand elasticity of AI compute (ε), AI-glasses sales, 2035");
    const auto& offset = plan.series[kWaterfallOffset].values;
    const auto& rise = plan.series[kWaterfallRise].values;
    const auto& total = plan.series[kWaterfallTotal].values;
    EXPECT_NEAR(total[0], 42.9, 1e-9);
    EXPECT_NEAR(total[3], 60.0, 1e-9);
    EXPECT_TRUE(std::isnan(offset[0]) && std::isnan(rise[0]));
    // Step 1 stands on the base total, step 2 on the top of step 1; the last ends at bull.
    EXPECT_NEAR(offset[1], 42.9, 1e-9);
    EXPECT_NEAR(offset[2], 42.9 + rise[1], 1e-9);
    EXPECT_NEAR(offset[2] + rise[2], 60.0, 1e-9);
    EXPECT_NEAR(rise[1], b.steps[0].delta, 1e-9);
    EXPECT_EQ(formatAs(rise[1], plan.series[kWaterfallRise].numberFormat), "+7.8");
    EXPECT_EQ(formatAs(rise[2], plan.series[kWaterfallRise].numberFormat), "+9.3");
    // The axis covers the tallest stack.
    EXPECT_GE(plan.primaryScale.max, 60.0);
    EXPECT_EQ(plan.primaryScale.min, 0.0);
    EXPECT_NE(plan.sourceLine.find("Base → Bull"), std::string::npos);
}

TEST(BridgePlan, BearFallsAreSizesLabelledWithAMinus) {
    const Fixture f;
    const Bridge b = computeBridge(f.model, "base", "bear", "asic_market", 2028);
    const ChartPlan plan = bridgePlan(f.model, b, "基准", "悲观", "zh");
    EXPECT_EQ(plan.title, "数据中心ASIC市场，2028年：基准 → 悲观（十亿美元）");
    const auto& offset = plan.series[kWaterfallOffset].values;
    const auto& fall = plan.series[kWaterfallFall].values;
    const auto& total = plan.series[kWaterfallTotal].values;
    ASSERT_EQ(plan.categories.size(), 4u);
    double bottom = total[0];
    for (std::size_t k = 1; k + 1 < plan.categories.size(); ++k) {
        ASSERT_GT(fall[k], 0.0) << plan.categories[k];
        bottom -= fall[k];
        EXPECT_NEAR(offset[k], bottom, 1e-9);  // a fall hangs from the previous total
        EXPECT_EQ(formatAs(fall[k], plan.series[kWaterfallFall].numberFormat).front(), '-');
    }
    EXPECT_NEAR(bottom, total.back(), 1e-9);
    EXPECT_NE(plan.note.find("不影响该指标的假设："), std::string::npos);
}

TEST(BridgePlan, UnitsFollowTheReadersChoice) {
    const Fixture f;
    const Bridge b = computeBridge(f.model, "base", "bull", "asic_market", 2028);
    DisplayChoice units;
    units.money = DisplayUnit::UsdHundredMillion;
    const ChartPlan plan = bridgePlan(f.model, b, "基准", "乐观", "zh", units);
    EXPECT_EQ(plan.primaryAxisTitle, "亿美元");
    EXPECT_NEAR(plan.series[kWaterfallTotal].values.front(), 429.0, 1e-9);
    EXPECT_EQ(plan.title, "数据中心ASIC市场，2028年：基准 → 乐观（亿美元）");
}

TEST(BridgePlan, ARunningTotalBelowZeroIsRefusedWithAMessage) {
    // y = a − b from (a 1, b 0) to (a 0, b 2): −2 at the end, which columns cannot draw.
    const Scenario sc = testing::makeScenario(
        testing::assumption("a", 1, "number", -10, 10) + "," +
            testing::assumption("b", 0, "number", -10, 10),
        R"("y": {"label": {"en": "y"}, "unit": "number", "kind": "formula", "expr": "a - b"})");
    const Model model = Model::compile(sc);
    const Bridge b = computeBridge(model, {}, {{"a", 0.0}, {"b", 2.0}}, *model.resolve("y"), 2028);
    EXPECT_THROW((void)bridgePlan(model, b, "Base", "Low", "en"), ChartPlanError);
}

}  // namespace
}  // namespace jevons::core
