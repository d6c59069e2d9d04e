// Tests for core/bridge/bridge.h: the Shapley steps of a scenario bridge.
#include "core/bridge/bridge.h"

#include "../uncertainty/test_scenarios.h"

#include <gtest/gtest.h>

#include <cmath>

namespace jevons::core {
namespace {

using testing::assumption;

double sumOfSteps(const Bridge& b) {
    double sum = 0.0;
    for (const auto& s : b.steps) sum += s.delta;
    return sum;
}

const BridgeStep& step(const Bridge& b, const std::string& id) {
    for (const auto& s : b.steps)
        if (s.assumption == id) return s;
    throw std::runtime_error("no step " + id);
}

// y = a·b + c: a and b interact. From a=2, b=3, c=1 to a=4, b=5, c=2, by hand:
// v(∅) = 7, a alone +6 (12 − 6), b alone +4 (10 − 6), both +14 (20 − 6), c +1 everywhere.
// φa = ½(6 + (20 − 10)) = 8, φb = ½(4 + (20 − 12)) = 6, φc = 1; 8 + 6 + 1 = 22 − 7.
Scenario interaction(const std::string& order = "abc") {
    std::string assumptions;
    for (const char id : order) {
        const double value = id == 'a' ? 2 : id == 'b' ? 3 : 1;
        assumptions += (assumptions.empty() ? "" : ",") +
                       assumption(std::string(1, id), value, "number", -100, 100);
    }
    return testing::makeScenario(
        assumptions,
        R"("y": {"label": {"en": "y"}, "unit": "number", "kind": "formula", "expr": "a * b + c"})");
}

const std::map<std::string, double> kTo{{"a", 4.0}, {"b", 5.0}, {"c", 2.0}};

TEST(Bridge, ShapleyValuesOfAnInteractionMatchTheHandComputation) {
    const Model model = Model::compile(interaction());
    const Bridge b = computeBridge(model, {}, kTo, *model.resolve("y"), 2028);
    EXPECT_TRUE(b.exact);
    EXPECT_EQ(b.evaluations, 8);
    EXPECT_DOUBLE_EQ(b.fromValue, 7.0);
    EXPECT_DOUBLE_EQ(b.toValue, 22.0);
    ASSERT_EQ(b.steps.size(), 3u);
    EXPECT_NEAR(step(b, "a").delta, 8.0, 1e-12);
    EXPECT_NEAR(step(b, "b").delta, 6.0, 1e-12);
    EXPECT_NEAR(step(b, "c").delta, 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(step(b, "a").from, 2.0);
    EXPECT_DOUBLE_EQ(step(b, "a").to, 4.0);
}

TEST(Bridge, TheOrderOfTheAssumptionsChangesNoStep) {
    const Model abc = Model::compile(interaction("abc"));
    const Model cba = Model::compile(interaction("cba"));
    const Model bca = Model::compile(interaction("bca"));
    const Bridge first = computeBridge(abc, {}, kTo, *abc.resolve("y"), 2028);
    for (const Model* m : {&cba, &bca}) {
        const Bridge other = computeBridge(*m, {}, kTo, *m->resolve("y"), 2028);
        for (const char* id : {"a", "b", "c"})
            EXPECT_NEAR(step(other, id).delta, step(first, id).delta, 1e-12) << id;
        EXPECT_EQ(other.steps.front().assumption, m == &cba ? "c" : "b");  // file order
    }
}

TEST(Bridge, DefaultForecastBaseToBullSumsToTheDifference) {
    const Scenario sc = loadScenarioFile(testing::forecast("default.json"));
    const Model model = Model::compile(sc);
    const Bridge b = computeBridge(model, "base", "bull", "asic_market", 2028);
    EXPECT_NEAR(b.fromValue, 42.9, 1e-9);  // the report's 2028 figure
    EXPECT_GT(b.toValue, b.fromValue);
    EXPECT_NEAR(sumOfSteps(b), b.toValue - b.fromValue, 1e-9 * b.toValue);
    EXPECT_EQ(b.steps.size(), sc.findScenario("bull")->overrides.size());
    EXPECT_EQ(b.evaluations, 1 << b.steps.size());
    // The market is accelerators × ASIC share: both move it, the elasticity and glasses do not.
    EXPECT_GT(step(b, "accel_2028").delta, 0.0);
    EXPECT_GT(step(b, "asic_share_2028").delta, 0.0);
    EXPECT_EQ(step(b, "elasticity").delta, 0.0);
    EXPECT_EQ(step(b, "glasses_2035").delta, 0.0);
    // Bear: the market falls, and still the steps add up.
    const Bridge bear = computeBridge(model, "base", "bear", "asic_market", 2028);
    EXPECT_LT(bear.toValue, bear.fromValue);
    EXPECT_NEAR(sumOfSteps(bear), bear.toValue - bear.fromValue, 1e-9 * bear.fromValue);
    // Bull to bear: the assumptions both set, with values from one and the other.
    const Bridge across = computeBridge(model, "bull", "bear", "asic_market", 2028);
    EXPECT_NEAR(across.fromValue, b.toValue, 1e-9);
    EXPECT_NEAR(across.toValue, bear.toValue, 1e-9);
    EXPECT_NEAR(sumOfSteps(across), across.toValue - across.fromValue, 1e-9 * b.toValue);
}

// y = Σ x_i + x0·x1·x2 over 14 changed assumptions: exact (16,384 subsets) against sampled
// orders. The sum stays exact when sampled; each step is within a few hundredths.
TEST(Bridge, SampledBeyondTheExactLimitAndStillSumsExactly) {
    std::string assumptions, expr, to;
    std::map<std::string, double> target;
    for (int i = 0; i < 14; ++i) {
        const std::string id = "x" + std::to_string(i);
        assumptions += (i ? "," : "") + assumption(id, 1.0, "number", -100, 100);
        expr += (i ? " + " : "") + id;
        target[id] = 2.0 + i * 0.25;
    }
    const Scenario sc = testing::makeScenario(
        assumptions,
        R"("y": {"label": {"en": "y"}, "unit": "number", "kind": "formula", "expr": ")" + expr +
            R"( + x0 * x1 * x2"})");
    const Model model = Model::compile(sc);
    const OutputRef y = *model.resolve("y");
    const Bridge exact = computeBridge(model, {}, target, y, 2028, {.maxExact = 14});
    const Bridge sampled = computeBridge(model, {}, target, y, 2028);
    ASSERT_TRUE(exact.exact);
    ASSERT_FALSE(sampled.exact);
    EXPECT_EQ(sampled.evaluations, 2 * 512 * 15);
    EXPECT_NEAR(sumOfSteps(sampled), sampled.toValue - sampled.fromValue, 1e-9);
    EXPECT_NEAR(sumOfSteps(exact), exact.toValue - exact.fromValue, 1e-9);
    for (std::size_t i = 0; i < exact.steps.size(); ++i)
        EXPECT_NEAR(sampled.steps[i].delta, exact.steps[i].delta, 0.05)
            << exact.steps[i].assumption;
    // Additive assumptions have one marginal in every order: sampled is exact for them.
    EXPECT_NEAR(step(sampled, "x9").delta, 1.0 + 9 * 0.25, 1e-12);
    // The same seed gives the same estimate.
    const Bridge again = computeBridge(model, {}, target, y, 2028);
    for (std::size_t i = 0; i < again.steps.size(); ++i)
        EXPECT_EQ(again.steps[i].delta, sampled.steps[i].delta);
}

TEST(Bridge, NoDifferenceNoSteps) {
    const Model model = Model::compile(interaction());
    const Bridge b = computeBridge(model, {{"a", 2.0}}, {}, *model.resolve("y"), 2028);
    EXPECT_TRUE(b.steps.empty());
    EXPECT_DOUBLE_EQ(b.fromValue, 7.0);
    EXPECT_DOUBLE_EQ(b.toValue, 7.0);
}

TEST(Bridge, RefusesWhatItCannotBridgeWithAMessage) {
    const Scenario sc = loadScenarioFile(testing::forecast("default.json"));
    const Model model = Model::compile(sc);
    const auto message = [&](std::string_view to, std::string_view series, int year) {
        try {
            (void)computeBridge(model, "base", to, series, year);
        } catch (const BridgeError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("moon", "asic_market", 2028),
              "there is no scenario 'moon'; the forecast has: base, bull, bear");
    EXPECT_EQ(message("bull", "asic", 2028), "'asic' is not a series output");
    EXPECT_EQ(message("bull", "asic_market", 2050),
              "2050 is outside the forecast's years (2023–2035)");
}

}  // namespace
}  // namespace jevons::core
