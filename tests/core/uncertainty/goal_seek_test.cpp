// Tests for core/uncertainty/goal_seek.h.
#include "core/uncertainty/goal_seek.h"

#include "core/eval/evaluator.h"
#include "core/uncertainty/uncertainty_error.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>

#include <cmath>

namespace jevons::core {
namespace {

TEST(GoalSeek, BrentFindsAKnownRoot) {
    const auto f = [](double x) { return std::cos(x) - x; };
    const BrentResult r = brentRoot(f, 0.0, 1.0, f(0.0), f(1.0), 1e-15, 0.0);
    EXPECT_TRUE(r.converged);
    EXPECT_NEAR(r.x, 0.7390851332151607, 1e-14);
    EXPECT_LT(r.evaluations, 20);
}

TEST(GoalSeek, HitsItsTargetToOneMillionth) {
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    GoalSeekRequest q;
    q.assumption = "asic_share_2028";
    q.target = "asic_market";
    q.year = 2030;
    q.value = 60.0;
    const GoalSeekResult r = goalSeek(model, q);
    ASSERT_TRUE(r.found) << r.message;
    EXPECT_GT(r.value, 0.1);
    EXPECT_LT(r.value, 0.45);
    Evaluator check(model);
    check.setAssumption("asic_share_2028", r.value);
    EXPECT_LE(std::abs(check.value("asic_market", 2030) - 60.0) / 60.0, 1e-6);
    EXPECT_NE(r.message.find("asic_share_2028 = "), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("makes asic_market reach 60 US$B in 2030"), std::string::npos)
        << r.message;

    // Another scenario's values for the other assumptions give another answer.
    q.scenario = "bull";
    const GoalSeekResult bull = goalSeek(model, q);
    ASSERT_TRUE(bull.found);
    EXPECT_LT(bull.value, r.value);
}

TEST(GoalSeek, NoSolutionInRangeIsSaidPlainly) {
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    GoalSeekRequest q{"asic_share_2028", "asic_market", 2030, 1000.0, {}, "base", 1e-9};
    const GoalSeekResult r = goalSeek(model, q);
    EXPECT_FALSE(r.found);
    EXPECT_NE(r.message.find("no value of asic_share_2028 between 10.00% and 45.00% makes "
                             "asic_market reach 1000 US$B in 2030: asic_market ranges from "),
              std::string::npos)
        << r.message;
    EXPECT_LT(r.lowest, r.highest);
    EXPECT_THROW((void)goalSeek(model, {"nope", "asic_market", 2030, 1.0, {}, "base", 1e-9}),
                 UncertaintyError);
}

}  // namespace
}  // namespace jevons::core
