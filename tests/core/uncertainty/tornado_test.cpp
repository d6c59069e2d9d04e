// Tests for core/uncertainty/tornado.h.
#include "core/uncertainty/tornado.h"

#include "test_scenarios.h"

#include <gtest/gtest.h>

namespace jevons::core {
namespace {

using testing::assumption;

TEST(Tornado, BarsSortedBySwingOnAConstructedCase) {
    // y = a + 3b − 2c with a, b, c uniform on [−1, 1]: swings 1.6, 4.8, 3.2 (P10 −0.8, P90 0.8).
    const std::string u = R"({"type": "uniform", "min": -1, "max": 1})";
    const Scenario sc = testing::makeScenario(
        assumption("a", 0, "number", -1, 1, u) + "," + assumption("b", 0, "number", -1, 1, u) +
            "," + assumption("c", 0, "number", -1, 1, u) + "," +
            assumption("d", 5, "number", 0, 10),
        R"("y": {"label": {"en": "y"}, "unit": "number", "kind": "formula", "expr": "a + 3*b - 2*c + d"})");
    const Model model = Model::compile(sc);
    const Tornado t = tornado(model, SamplingPlan::make(sc), "y", 2028);
    EXPECT_DOUBLE_EQ(t.base, 5.0);
    ASSERT_EQ(t.bars.size(), 3u);
    EXPECT_EQ(t.bars[0].id, "b");
    EXPECT_EQ(t.bars[1].id, "c");
    EXPECT_EQ(t.bars[2].id, "a");
    EXPECT_NEAR(t.bars[0].swing(), 4.8, 1e-12);
    EXPECT_NEAR(t.bars[1].swing(), 3.2, 1e-12);
    EXPECT_NEAR(t.bars[2].swing(), 1.6, 1e-12);
    EXPECT_NEAR(t.bars[1].lowInput, -0.8, 1e-12);
    EXPECT_NEAR(t.bars[1].lowOutput, 6.6, 1e-12);  // c low raises y
    EXPECT_NEAR(t.bars[1].highOutput, 3.4, 1e-12);
    // Other base values move the centre line, not the swings.
    const Tornado moved = tornado(model, SamplingPlan::make(sc), "y", 2028, {{"d", 7.0}});
    EXPECT_DOUBLE_EQ(moved.base, 7.0);
    EXPECT_NEAR(moved.bars[0].swing(), 4.8, 1e-12);
}

TEST(Tornado, DefaultForecast) {
    const Scenario sc = loadScenarioFile(testing::forecast("default.json"));
    const Model model = Model::compile(sc);
    const Tornado t = tornado(model, SamplingPlan::make(sc), "asic_market", 2028);
    EXPECT_NEAR(t.base, 42.9, 1e-9);
    ASSERT_EQ(t.bars.size(), 5u);
    for (std::size_t i = 1; i < t.bars.size(); ++i)
        EXPECT_GE(t.bars[i - 1].swing(), t.bars[i].swing());
    EXPECT_EQ(t.bars[0].id, "asic_share_2028");
    EXPECT_EQ(t.bars.back().swing(), 0.0);  // e.g. elasticity does not reach the ASIC market
}

}  // namespace
}  // namespace jevons::core
