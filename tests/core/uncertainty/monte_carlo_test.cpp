// Tests for core/uncertainty/monte_carlo.h: medians against the deterministic curve, byte-identical
// results for a seed whatever the thread count, bands on the default forecast, failing paths.
#include "core/uncertainty/monte_carlo.h"

#include "core/eval/evaluator.h"
#include "core/uncertainty/histogram.h"
#include "core/uncertainty/uncertainty_error.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

namespace jevons::core {
namespace {

using testing::assumption;

Scenario cagrScenario() {
    return testing::makeScenario(
        assumption("rate", 0.2, "rate", 0.0, 0.4, R"({"type": "normal", "mean": 0.2, "sd": 0.05})"),
        R"("market": {"label": {"en": "m"}, "unit": "US$B", "kind": "cagr",
                      "start": {"year": 2023, "value": 100},
                      "segments": [{"until": 2030, "rate": "rate"}]})");
}

bool sameBytes(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

bool identical(const MonteCarloResult& a, const MonteCarloResult& b) {
    if (a.outputs.size() != b.outputs.size() || a.cagr.size() != b.cagr.size()) return false;
    for (std::size_t k = 0; k < a.outputs.size(); ++k) {
        const auto& x = a.outputs[k];
        const auto& y = b.outputs[k];
        if (!sameBytes(x.p10, y.p10) || !sameBytes(x.p25, y.p25) || !sameBytes(x.p50, y.p50) ||
            !sameBytes(x.p75, y.p75) || !sameBytes(x.p90, y.p90) || !sameBytes(x.mean, y.mean))
            return false;
    }
    for (std::size_t k = 0; k < a.cagr.size(); ++k)
        if (std::memcmp(&a.cagr[k].cagr, &b.cagr[k].cagr, sizeof(Percentiles)) != 0) return false;
    return true;
}

TEST(MonteCarlo, MedianOfCagrCurveWithSymmetricRateMatchesDeterministic) {
    const Model model = Model::compile(cagrScenario());
    const Evaluator deterministic(model);
    MonteCarloOptions options;
    options.paths = 20000;
    options.seed = 42;
    const MonteCarloResult r = runMonteCarlo(model, options);
    const OutputBands* b = r.bands({0, 0});
    ASSERT_NE(b, nullptr);
    // The value is monotone in the rate, so its median is the curve at the median rate, 20%.
    // Sampling error of a median rate: 1.2533·σ/√n = 4.4e-4; allow 4 of them.
    const double rateError = 4 * 1.2533 * 0.05 / std::sqrt(20000.0);
    for (int year = 2024; year <= 2030; ++year) {
        const int t = year - 2023;
        const double base = deterministic.value("market", year);
        EXPECT_NEAR(base, 100 * std::pow(1.2, t), 1e-9);
        const double tolerance = 100 * std::pow(1.2 + rateError, t) - base;
        EXPECT_NEAR(b->p50[static_cast<std::size_t>(t)], base, tolerance) << year;
        EXPECT_LT(b->p10[static_cast<std::size_t>(t)], b->p50[static_cast<std::size_t>(t)]);
        EXPECT_GT(b->p90[static_cast<std::size_t>(t)], b->p50[static_cast<std::size_t>(t)]);
    }
    EXPECT_DOUBLE_EQ(b->p50[0], 100.0);  // the start is certain
}

TEST(MonteCarlo, SameSeedGivesByteIdenticalOutputOnAnyThreadCount) {
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    MonteCarloOptions options;
    options.paths = 10000;
    options.threads = 1;
    const MonteCarloResult one = runMonteCarlo(model, options);
    options.threads = 2;
    const MonteCarloResult two = runMonteCarlo(model, options);
    const MonteCarloResult again = runMonteCarlo(model, options);
    EXPECT_EQ(one.seed, 20250209u);  // the file's seed
    EXPECT_TRUE(identical(one, two));
    EXPECT_TRUE(identical(two, again));
    options.seed = 1;
    EXPECT_FALSE(identical(one, runMonteCarlo(model, options)));
}

TEST(MonteCarlo, PathsDoNotDependOnTheirNumber) {
    const Model model = Model::compile(cagrScenario());
    MonteCarloOptions options;
    options.keep = {{0, 0}};
    options.paths = 5000;
    const MonteCarloResult small = runMonteCarlo(model, options);
    options.paths = 12000;
    const MonteCarloResult large = runMonteCarlo(model, options);
    ASSERT_NE(small.grid({0, 0}), nullptr);
    EXPECT_TRUE((large.grid({0, 0})->topRows(5000) == *small.grid({0, 0})).all());
}

TEST(MonteCarlo, DefaultForecastBandsAreOrderedAndCagrRangesExist) {
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    MonteCarloOptions options;
    const int asicMarket = model.seriesIndex("asic_market");
    options.keep = {{asicMarket, 0}};
    const MonteCarloResult r = runMonteCarlo(model, options);
    EXPECT_EQ(r.paths, 10000);
    for (const auto& b : r.outputs)
        for (std::size_t i = 0; i < b.p50.size(); ++i) {
            EXPECT_LE(b.p10[i], b.p25[i]) << b.name;
            EXPECT_LE(b.p25[i], b.p50[i]) << b.name;
            EXPECT_LE(b.p50[i], b.p75[i]) << b.name;
            EXPECT_LE(b.p75[i], b.p90[i]) << b.name;
        }
    const CagrRange* c = r.cagrRange("asic_market", 2023, 2028);
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->problem.empty());
    EXPECT_LT(c->cagr.p10, 0.4541);
    EXPECT_GT(c->cagr.p90, 0.4541);
    // A histogram of the kept paths in 2028 holds every path.
    const Grid* g = r.grid({asicMarket, 0});
    ASSERT_NE(g, nullptr);
    const auto col = g->col(r.years.column(2028));
    const Histogram h =
        histogram(std::span<const double>(col.data(), static_cast<std::size_t>(col.size())));
    EXPECT_EQ(h.total, 10000);
    EXPECT_DOUBLE_EQ(h.stats.p50, r.bands({asicMarket, 0})->p50[5]);
}

TEST(MonteCarlo, PathTheModelRejectsIsNamed) {
    // A share anchor can exceed the logistic ceiling on some paths.
    const Scenario sc = testing::makeScenario(
        assumption("s2028", 0.25, "share", 0.1, 0.5,
                   R"({"type": "uniform", "min": 0.2, "max": 0.45})") +
            "," +
            assumption("ceiling", 0.5, "share", 0.3, 0.8,
                       R"({"type": "uniform", "min": 0.3, "max": 0.6})"),
        R"("s": {"label": {"en": "s"}, "unit": "share", "kind": "logistic", "ceiling": "ceiling",
                 "through": [{"year": 2023, "value": 0.1}, {"year": 2028, "value": "s2028"}]})");
    try {
        (void)runMonteCarlo(Model::compile(sc));
        FAIL() << "expected an error";
    } catch (const UncertaintyError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("Monte Carlo path "), std::string::npos) << m;
        EXPECT_NE(m.find("ceiling = "), std::string::npos) << m;
        EXPECT_NE(m.find("series.s"), std::string::npos) << m;
    }
}

}  // namespace
}  // namespace jevons::core
