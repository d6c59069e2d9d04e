#include "core/models/jevons.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jevons::core {
namespace {

using testing::errorOf;
using testing::one;

TEST(JevonsSeries, UnitCostDemandAndSpendFormulas) {
    // LLMflation-like: $60 per unit falling 90% a year (10x), elasticity 1.5, demand 1.
    const JevonsParams params{2021, one(1.0), one(60.0), one(0.9), one(1.5)};
    const JevonsOutputs out = jevonsSeries({2020, 2024}, params);
    const double cost[] = {600.0, 60.0, 6.0, 0.6, 0.06};  // 2020..2024
    const double demand[] = {std::pow(10.0, -1.5), 1.0, std::pow(10.0, 1.5), 1000.0,
                             std::pow(10.0, 4.5)};  // (cost/60)^-1.5
    for (int c = 0; c < 5; ++c) {
        EXPECT_NEAR(out.unitCost(0, c) / cost[c], 1.0, 1e-12) << 2020 + c;
        EXPECT_NEAR(out.demand(0, c) / demand[c], 1.0, 1e-12) << 2020 + c;
        EXPECT_NEAR(out.spend(0, c) / (cost[c] * demand[c]), 1.0, 1e-12) << 2020 + c;
    }
    // Spend multiplies by 10^0.5 = 3.1623 a year.
    EXPECT_NEAR(out.spend(0, 3) / out.spend(0, 2), std::sqrt(10.0), 1e-10);
}

TEST(JevonsSeries, SpendRisesIffElasticityAboveOneVectorised) {
    Paths eps(5);
    eps << 0.0, 0.5, 1.0, 1.5, 2.0;
    Paths demand0(5);
    demand0 << 10.0, 10.0, 10.0, 10.0, 20.0;
    const JevonsParams params{2025, demand0, one(2.0), one(0.3), eps};
    const JevonsOutputs out = jevonsSeries({2025, 2035}, params);
    ASSERT_EQ(out.spend.rows(), 5);
    ASSERT_EQ(out.spend.cols(), 11);
    for (Eigen::Index c = 1; c < out.spend.cols(); ++c) {
        EXPECT_LT(out.spend(0, c), out.spend(0, c - 1)) << "eps 0 falls";
        EXPECT_LT(out.spend(1, c), out.spend(1, c - 1)) << "eps 0.5 falls";
        EXPECT_NEAR(out.spend(2, c), out.spend(2, c - 1), 1e-12) << "eps 1 flat";
        EXPECT_GT(out.spend(3, c), out.spend(3, c - 1)) << "eps 1.5 rises";
        EXPECT_GT(out.spend(4, c), out.spend(4, c - 1)) << "eps 2 rises";
    }
    // After 10 years the cost is 0.7^10 = 0.0282475 of base; spend = 20 * 0.7^(10 (1 - eps)).
    for (Eigen::Index r = 0; r < 5; ++r) {
        const double expected = 2.0 * demand0(r) * std::pow(0.7, 10.0 * (1.0 - eps(r)));
        EXPECT_NEAR(out.spend(r, 10) / expected, 1.0, 1e-12) << r;
        EXPECT_NEAR(out.unitCost(r, 10), 2.0 * 0.0282475249, 1e-10) << r;
    }
    EXPECT_NEAR(out.spend(1, 10), 20.0 * std::pow(0.7, 5.0), 1e-10);  // 3.36140
}

TEST(JevonsSeries, OneYearStepMatchesMultiplier) {
    // A 30% cost fall is an efficiency gain g = 1/0.7.
    const JevonsOutputs out =
        jevonsSeries({2025, 2026}, {2025, one(5.0), one(1.0), one(0.3), one(1.7)});
    EXPECT_NEAR(out.spend(0, 1) / out.spend(0, 0), jevonsSpendMultiplier(1.0 / 0.7, 1.7), 1e-12);
}

TEST(JevonsSpendMultiplier, DeepSeekKvCache) {
    // KV cache cut 93.3%: g = 1/(1 - 0.933) = 1/0.067 = 14.925373; epsilon 1.5 -> g^0.5.
    const double g = 1.0 / (1.0 - 0.933);
    EXPECT_NEAR(g, 14.9253731, 1e-7);
    EXPECT_NEAR(jevonsSpendMultiplier(g, 1.5), 3.8633370, 1e-7);
    EXPECT_NEAR(jevonsSpendMultiplier(g, 1.0), 1.0, 1e-15);
    EXPECT_NEAR(jevonsSpendMultiplier(g, 0.5), 1.0 / 3.8633370, 1e-7);
}

TEST(JevonsErrors, FullCostDeclineMeansFreeCompute) {
    const std::string msg = errorOf([] {
        (void)jevonsSeries({2025, 2030}, {2025, one(1.0), one(1.0), one(1.0), one(1.5)});
    });
    EXPECT_NE(msg.find("decline of 100%"), std::string::npos) << msg;
    EXPECT_NE(msg.find("free"), std::string::npos) << msg;
}

TEST(JevonsErrors, CostMoreThanDoublingIsOutOfRange) {
    const std::string msg = errorOf([] {
        (void)jevonsSeries({2025, 2030}, {2025, one(1.0), one(1.0), one(-1.5), one(1.5)});
    });
    EXPECT_NE(msg.find("decline of -150%"), std::string::npos) << msg;
    EXPECT_NE(msg.find("more than doubles"), std::string::npos) << msg;
}

TEST(JevonsErrors, NegativeBaseDemand) {
    const std::string msg = errorOf([] {
        (void)jevonsSeries({2025, 2030}, {2025, one(-3.0), one(1.0), one(0.3), one(1.5)});
    });
    EXPECT_NE(msg.find("base demand -3 must not be negative"), std::string::npos) << msg;
}

TEST(JevonsErrors, BaseCostNotAboveZero) {
    const std::string msg = errorOf([] {
        (void)jevonsSeries({2025, 2030}, {2025, one(1.0), one(0.0), one(0.3), one(1.5)});
    });
    EXPECT_NE(msg.find("base unit cost 0 must be above zero"), std::string::npos) << msg;
}

TEST(JevonsErrors, NegativeElasticityFirstPath) {
    Paths eps(4);
    eps << 1.0, 1.2, -0.5, -1.0;
    const std::string msg = errorOf([&] {
        (void)jevonsSeries({2025, 2030}, {2025, one(1.0), one(1.0), one(0.3), eps});
    });
    EXPECT_NE(msg.find("elasticity -0.5 must not be negative"), std::string::npos) << msg;
    EXPECT_NE(msg.find("path 3 of 4"), std::string::npos) << msg;
}

TEST(JevonsErrors, MultiplierInputs) {
    std::string msg = errorOf([] { (void)jevonsSpendMultiplier(0.0, 1.5); });
    EXPECT_NE(msg.find("efficiency gain 0 must be above zero"), std::string::npos) << msg;
    msg = errorOf([] { (void)jevonsSpendMultiplier(2.0, -1.0); });
    EXPECT_NE(msg.find("must not be negative"), std::string::npos) << msg;
}

TEST(JevonsErrors, OverflowIsReported) {
    const std::string msg = errorOf([] {
        (void)jevonsSeries({2025, 2500}, {2025, one(1.0), one(1.0), one(0.9), one(2.0)});
    });
    EXPECT_NE(msg.find("too large to represent"), std::string::npos) << msg;
}

}  // namespace
}  // namespace jevons::core
