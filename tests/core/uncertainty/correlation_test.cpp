// Tests for core/uncertainty/correlation.h: the Gaussian copula.
#include "core/uncertainty/correlation.h"

#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/uncertainty_error.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>

namespace jevons::core {
namespace {

TEST(Copula, SpearmanToPearson) {
    EXPECT_DOUBLE_EQ(pearsonFromSpearman(0.0), 0.0);
    EXPECT_NEAR(pearsonFromSpearman(0.5), 0.5176380902050415, 1e-15);
    EXPECT_NEAR(pearsonFromSpearman(1.0), 1.0, 1e-15);
}

TEST(Copula, InvalidMatrixNamesTheContradictingTriple) {
    const std::vector<RankCorrelation> pairs{{"a", "b", 0.9}, {"b", "c", 0.9}, {"a", "c", -0.9}};
    try {
        (void)Copula::make({"a", "b", "c", "d"}, pairs);
        FAIL() << "expected an error";
    } catch (const UncertaintyError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("'a', 'b' and 'c' cannot hold together"), std::string::npos) << m;
        EXPECT_NE(m.find("not positive definite"), std::string::npos) << m;
    }
    EXPECT_THROW((void)Copula::make({"a", "b"}, {{"a", "b", 1.0}}), UncertaintyError);
    EXPECT_THROW((void)Copula::make({"a", "b"}, {{"a", "x", 0.2}}), UncertaintyError);
}

TEST(Copula, SampledInputsHaveTheRequestedRankCorrelation) {
    using testing::assumption;
    const Scenario sc = testing::makeScenario(
        assumption("share", 0.25, "share", 0.1, 0.5,
                   R"({"type": "pert", "min": 0.2, "mode": 0.25, "max": 0.35})") +
            "," +
            assumption("market", 170, "US$B", 100, 300,
                       R"({"type": "lognormal", "p5": 140, "p95": 200})") +
            "," +
            assumption("growth", 0.1, "rate", -0.5, 0.5,
                       R"({"type": "uniform", "min": 0, "max": 0.2})"),
        R"("y": {"label": {"en": "y"}, "unit": "US$B", "kind": "formula", "expr": "share * market"})",
        R"("correlations": [{"a": "share", "b": "market", "rank": 0.5},
                            {"a": "market", "b": "growth", "rank": -0.3}])");
    const auto plan = SamplingPlan::make(sc);
    constexpr Eigen::Index n = 100000;
    Eigen::ArrayXXd x(n, 3);
    for (Eigen::Index first = 0; first < n; first += kBlockPaths) {
        const Eigen::Index m = std::min(kBlockPaths, n - first);
        AssumptionValues v(3);
        plan.sample(1, first, m, v);
        for (int a = 0; a < 3; ++a) x.col(a).segment(first, m) = v[static_cast<std::size_t>(a)];
    }
    // Assumption order in the file: share, market, growth. Standard error of ρ_s ≈ 1/√n = 0.003.
    EXPECT_NEAR(spearman(x.col(0), x.col(1)), 0.5, 0.015);
    EXPECT_NEAR(spearman(x.col(1), x.col(2)), -0.3, 0.015);
    EXPECT_NEAR(spearman(x.col(0), x.col(2)), 0.0, 0.015);
}

}  // namespace
}  // namespace jevons::core
