// The shipped default forecast reproduces the Tianfeng note's figures
// (shared/reference/seed-figures.md).
#include "core/eval/derived.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>

using namespace jevons::core;

namespace {
const std::string kDefault = std::string(JEVONS_SOURCE_DIR) + "/forecasts/default.json";

Evaluator load(std::string_view scenarioId = "base") {
    return Evaluator(Model::compile(loadScenarioFile(kDefault)), scenarioId);
}
}  // namespace

TEST(DefaultForecast, AsicMarketMatchesTheReportsAnchors) {
    const Evaluator e = load();
    EXPECT_NEAR(e.value("asic_market", 2023), 6.6, 6.6 * 0.001);    // F1, within 0.1%
    EXPECT_NEAR(e.value("asic_market", 2028), 42.9, 42.9 * 0.001);  // F4
    EXPECT_NEAR(cagrOver(e.values("asic_market"), e.years(), 2023, 2028) * 100.0, 45.41,
                0.01);  // F5
}

TEST(DefaultForecast, AsicShareFollowsTheLogisticToTheBroadcomCeiling) {
    const Evaluator e = load();
    EXPECT_NEAR(e.value("asic_share", 2023), 0.16, 1e-9);    // F2
    EXPECT_NEAR(e.value("asic_share", 2028), 0.25, 1e-9);    // F3
    EXPECT_NEAR(e.value("asic_share", 2035), 0.3709, 5e-5);  // MODELS.md worked example
    EXPECT_LT(e.value("asic_share", 2035), 0.5);             // F7 ceiling
}

TEST(DefaultForecast, SmartGlassesPassThroughWellsennFigures) {
    const Evaluator e = load();
    EXPECT_NEAR(e.value("glasses_sales", 2029), 55.0, 1e-6);    // F12
    EXPECT_NEAR(e.value("glasses_sales", 2035), 1400.0, 1e-6);  // F13
    EXPECT_NEAR(cagrOver(e.values("glasses_sales"), e.years(), 2029, 2035) * 100.0, 71.5, 0.05);
}

TEST(DefaultForecast, CapexStartsAtTheReportedFigures) {
    const Evaluator e = load();
    EXPECT_NEAR(e.value("meta_capex", 2025), 62.5, 1e-9);  // F8 midpoint of 60–65
    EXPECT_NEAR(e.value("msft_capex", 2025), 80.0, 1e-9);  // F9
    EXPECT_NEAR(e.value("hyperscaler_capex", 2026), (62.5 + 80.0) * 1.12, 1e-9);
}

TEST(DefaultForecast, JevonsSpendRisesBecauseElasticityExceedsOne) {
    const Evaluator e = load();
    EXPECT_NEAR(e.value("compute.spend", 2023), 41.25, 1e-9);
    // Cost falls 35% a year, ε = 1.6: spend grows by (1/0.65)^0.6 − 1 ≈ 29.50% a year.
    EXPECT_NEAR(cagrOver(e.values("compute.spend"), e.years(), 2023, 2028),
                std::pow(1.0 / 0.65, 0.6) - 1.0, 1e-9);
    // DeepSeek's 93.3% KV-cache cut is a 14.9x efficiency gain: spend ×14.9^0.6.
    EXPECT_NEAR(e.value("efficiency_multiplier", 2025), std::pow(1.0 / 0.067, 0.6), 1e-9);
}

TEST(DefaultForecast, BullAboveBaseAboveBear) {
    const Evaluator base = load("base");
    const Evaluator bull = load("bull");
    const Evaluator bear = load("bear");
    for (const char* id : {"asic_market", "glasses_sales", "hyperscaler_capex", "compute.spend"}) {
        EXPECT_GT(bull.value(id, 2030), base.value(id, 2030)) << id;
        EXPECT_LT(bear.value(id, 2030), base.value(id, 2030)) << id;
    }
}
