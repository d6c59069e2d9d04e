#include "core/eval/evaluator.h"

#include "tests/core/eval/test_scenarios.h"

#include <gtest/gtest.h>

using namespace jevons::core;
using jevons::core::testing::asicScenario;

TEST(Evaluator, FirstEvaluationRunsEverySeriesOnce) {
    const Evaluator e(Model::compile(asicScenario()));
    EXPECT_EQ(e.evaluationCount(), 5);
}

TEST(Evaluator, AnEditReevaluatesOnlyItsDependents) {
    Evaluator e(Model::compile(asicScenario()));
    const long before = e.evaluationCount();
    const auto recomputed = e.setAssumption("share_2028", 0.30);
    EXPECT_EQ(recomputed.size(), 3u);  // asic_share, asic_market, gpu_market
    EXPECT_EQ(e.evaluationCount() - before, 3);
    EXPECT_NEAR(e.value("asic_market", 2028), 171.6 * 0.30, 1e-9);

    const long mid = e.evaluationCount();
    e.setAssumption("glasses_2035", 1500);
    EXPECT_EQ(e.evaluationCount() - mid, 1);  // the glasses series only

    const long last = e.evaluationCount();
    e.setAssumption("glasses_2035", 1500);  // unchanged value: nothing to do
    EXPECT_EQ(e.evaluationCount(), last);
}

TEST(Evaluator, IncrementalResultEqualsAFreshEvaluation) {
    Evaluator e(Model::compile(asicScenario()));
    e.setAssumption("share_2028", 0.31);
    e.setAssumption("accel_2028", 200);
    Scenario s = asicScenario();
    s.findAssumption("share_2028")->value = 0.31;
    s.findAssumption("accel_2028")->value = 200;
    const Evaluator fresh(Model::compile(s));
    for (const char* id : {"accel_market", "asic_share", "asic_market", "gpu_market", "glasses"})
        EXPECT_TRUE((e.values(id) == fresh.values(id)).all()) << id;
}

TEST(Evaluator, ScenarioSwitchAppliesOverrides) {
    Evaluator e(Model::compile(asicScenario()), "bull");
    EXPECT_DOUBLE_EQ(e.assumption("share_2028"), 0.30);
    EXPECT_NEAR(e.value("asic_market", 2028), 171.6 * 0.30, 1e-9);
    e.setAssumptions(e.model().scenario().assumptionValues("base"));
    EXPECT_NEAR(e.value("asic_market", 2028), 42.9, 1e-9);
}

TEST(Evaluator, RejectedEditChangesNothing) {
    Evaluator e(Model::compile(asicScenario()));
    const auto before = e.values("asic_market");
    const long count = e.evaluationCount();
    EXPECT_THROW(e.setAssumption("share_2028", 0.6), ScenarioError);  // above the 0.5 ceiling
    EXPECT_DOUBLE_EQ(e.assumption("share_2028"), 0.25);
    EXPECT_TRUE((e.values("asic_market") == before).all());
    EXPECT_GE(e.evaluationCount(), count);
    EXPECT_THROW(e.setAssumption("no_such_thing", 1.0), ScenarioError);
}

// The domain check is the model's (checkDomain), the same at load and on every edit: a share
// formula pushed above 100% is refused with the series, the year and the value, and the refused
// edit changes nothing.
TEST(Evaluator, AnEditThatLeavesTheDomainIsRefusedWithTheYear) {
    Scenario s = asicScenario();
    SeriesDef doubled;
    doubled.id = "doubled_share";
    doubled.unit = Unit::Share;
    doubled.kind = SeriesKind::Formula;
    doubled.expr = "asic_share * 2.5";
    s.series.push_back(doubled);
    Evaluator e(Model::compile(s));
    EXPECT_NEAR(e.value("doubled_share", 2028), 0.25 * 2.5, 1e-12);
    try {
        e.setAssumption("share_2028", 0.45);  // 2028: 0.45 * 2.5 = 1.125
        FAIL() << "an edit taking a share above 1 was accepted";
    } catch (const ScenarioError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("series.doubled_share"), std::string::npos) << message;
        EXPECT_NE(message.find("is above 1, impossible for a share series"), std::string::npos)
            << message;
    }
    EXPECT_DOUBLE_EQ(e.assumption("share_2028"), 0.25);
    EXPECT_NEAR(e.value("doubled_share", 2028), 0.25 * 2.5, 1e-12);
}

TEST(Evaluator, TheDomainToleranceAcceptsRoundingAndNothingMore) {
    // A share a hair above 1 (rounding) is accepted; one past the tolerance is refused.
    auto withConstantShare = [](const std::string& expr) {
        Scenario s = asicScenario();
        SeriesDef constant;
        constant.id = "constant_share";
        constant.unit = Unit::Share;
        constant.kind = SeriesKind::Formula;
        constant.expr = expr;
        s.series.push_back(constant);
        validateModel(s);
    };
    EXPECT_NO_THROW(withConstantShare("1.0000000002"));  // 2e-10 < kDomainTolerance
    EXPECT_THROW(withConstantShare("1.00000001"), ScenarioError);  // 1e-8 > kDomainTolerance
    EXPECT_DOUBLE_EQ(kDomainTolerance, 1e-9);
}
