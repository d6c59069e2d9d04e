// Tests for core/uncertainty/monte_carlo.h: medians against the deterministic curve, byte-identical
// results for a seed whatever the thread count, bands on the default forecast, failing paths.
#include "core/uncertainty/monte_carlo.h"

#include "core/eval/evaluator.h"
#include "core/uncertainty/histogram.h"
#include "core/uncertainty/uncertainty_error.h"
#include "monte_carlo_test_support.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stop_token>
#include <thread>

namespace jevons::core {
namespace {

using testing::assumption;
using testing::everyAssumptionUncertain;
using testing::identical;
using testing::sameGrids;

Scenario cagrScenario() {
    return testing::makeScenario(
        assumption("rate", 0.2, "rate", 0.0, 0.4, R"({"type": "normal", "mean": 0.2, "sd": 0.05})"),
        R"("market": {"label": {"en": "m"}, "unit": "US$B", "kind": "cagr",
                      "start": {"year": 2023, "value": 100},
                      "segments": [{"until": 2030, "rate": "rate"}]})");
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

TEST(MonteCarlo, AStopTokenCancelsTheRunAndAnIdleOneChangesNoNumber) {
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    MonteCarloOptions options;
    options.paths = 10000;
    const MonteCarloResult plain = runMonteCarlo(model, options);
    std::stop_source source;
    options.stop = source.get_token();
    EXPECT_TRUE(identical(plain, runMonteCarlo(model, options)));  // never requested
    source.request_stop();
    EXPECT_THROW((void)runMonteCarlo(model, options), SimulationCancelled);
    // Requested while running (from another thread, as the dashboard's worker is stopped): the
    // run either ends early with SimulationCancelled or, had it finished first, as without one.
    std::stop_source midway;
    options.stop = midway.get_token();
    options.paths = 40000;
    std::jthread stopper([&] { midway.request_stop(); });
    try {
        const MonteCarloResult r = runMonteCarlo(model, options);
        EXPECT_EQ(r.paths, 40000);
    } catch (const SimulationCancelled&) {
    }
}

// The default forecast with every assumption uncertain (as tests/bench/monte_carlo_bench.cpp).
TEST(MonteCarlo, EveryAssumptionUncertainIsByteIdenticalOnOneTwoAndThreeThreads) {
    // Sampling runs by (block, unit), evaluation by chunk and percentiles by column group, each
    // phase split over the threads: none of it may show in the numbers. 9,000 paths: three
    // blocks, the last one partial, and a partial last chunk.
    const Scenario sc = everyAssumptionUncertain();
    const Model model = Model::compile(sc);
    const SamplingPlan plan = SamplingPlan::make(sc);
    EXPECT_EQ(plan.uncertain().size(), sc.assumptions.size());
    MonteCarloOptions options;
    options.paths = 9001;
    options.keep = {{model.seriesIndex("asic_market"), 0}, {model.seriesIndex("compute"), 2}};
    options.threads = 1;
    const MonteCarloResult one = runMonteCarlo(model, plan, options);
    ASSERT_EQ(one.cagr.size(), 5u);
    for (const auto& c : one.cagr) EXPECT_TRUE(c.problem.empty()) << c.series;
    for (const int threads : {2, 3}) {
        options.threads = threads;
        const MonteCarloResult r = runMonteCarlo(model, plan, options);
        EXPECT_TRUE(identical(one, r)) << threads;
        EXPECT_TRUE(sameGrids(one, r)) << threads;
    }
    // The bands are those of the kept raw paths: the type-7 percentiles exactly; the mean to
    // rounding (the run adds chunk by chunk, percentiles() in path order).
    const Grid& g = one.kept[0].second;
    const OutputBands* b = one.bands(options.keep[0]);
    ASSERT_NE(b, nullptr);
    for (Eigen::Index c = 0; c < g.cols(); ++c) {
        const auto col = g.col(c);
        const Percentiles p =
            percentiles(std::span<const double>(col.data(), static_cast<std::size_t>(g.rows())));
        const Percentiles q = b->at(static_cast<std::size_t>(c));
        EXPECT_EQ(p.p10, q.p10) << c;
        EXPECT_EQ(p.p25, q.p25) << c;
        EXPECT_EQ(p.p50, q.p50) << c;
        EXPECT_EQ(p.p75, q.p75) << c;
        EXPECT_EQ(p.p90, q.p90) << c;
        EXPECT_NEAR(p.mean, q.mean, 1e-14 * std::abs(p.mean)) << c;
    }
    // The CAGR range is that of the kept paths too.
    const CagrRange* cagr = one.cagrRange("asic_market", 2023, 2028);
    ASSERT_NE(cagr, nullptr);
    EXPECT_EQ(cagr->cagr, cagrPercentiles(g, one.years, 2023, 2028));
}

TEST(MonteCarlo, SamplingUnitsInAnyOrderGiveTheSampledValues) {
    const Scenario sc = everyAssumptionUncertain();
    const SamplingPlan plan = SamplingPlan::make(sc);
    // Every uncorrelated assumption is a unit, the copula's two members one more.
    EXPECT_EQ(plan.unitCount(), plan.uncertain().size() - 1);
    for (const Eigen::Index first : {Eigen::Index{0}, kBlockPaths + 100}) {
        const Eigen::Index n = 1000;
        AssumptionValues values(sc.assumptions.size(), Paths::Zero(1));
        plan.sample(99, first, n, values);
        std::vector<Paths> columns(plan.uncertain().size(), Paths::Zero(n));
        std::vector<double*> pointers;
        for (auto& c : columns) pointers.push_back(c.data());
        for (std::size_t unit = plan.unitCount(); unit-- > 0;)
            plan.sampleUnit(99, first, n, unit, pointers);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const Paths& v = values[static_cast<std::size_t>(plan.uncertain()[k])];
            ASSERT_EQ(v.size(), n);
            EXPECT_EQ(std::memcmp(v.data(), columns[k].data(), sizeof(double) * n), 0) << k;
        }
    }
}

TEST(MonteCarlo, ReusedWorkingMemoryDoesNotLeakIntoTheNextRun) {
    // A run keeps its working memory for the next one; a smaller run after a larger one works in
    // memory full of the larger run's values and must not see them.
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    MonteCarloOptions options;
    options.paths = 3000;
    options.seed = 5;
    const MonteCarloResult fresh = runMonteCarlo(model, options);
    options.paths = 10000;
    options.seed = 6;
    (void)runMonteCarlo(model, options);
    options.paths = 3000;
    options.seed = 5;
    EXPECT_TRUE(identical(fresh, runMonteCarlo(model, options)));
}

TEST(MonteCarlo, CagrOfPathsThatTurnNegativeIsAProblemNotANumber) {
    // v = s + 10 − 1.5·(years since 2022), s uniform in [−3, 1]: positive in 2023 and 2024,
    // negative by 2030, so the CAGR 2023–2030 is undefined and 2023–2024 is a number.
    const std::string text = R"json({"schema": 1, "meta": {"title": {"en": "test"}},
        "years": {"first": 2023, "last": 2030},
        "assumptions": {)json" +
                             testing::assumption("s", 0.0, "number", -10, 10,
                                                 R"({"type": "uniform", "min": -3, "max": 1})") +
                             R"json(},
        "series": {"v": {"label": {"en": "v"}, "unit": "number", "kind": "formula",
                         "expr": "s + 10 - cumsum(1.5)"}},
        "charts": {"c": {"title": {"en": "c"}, "type": "line", "series": ["v"],
                         "cagr": [{"series": "v", "from": 2023, "to": 2030},
                                  {"series": "v", "from": 2023, "to": 2024}]}}})json";
    const Model model = Model::compile(parseScenario(text, "test.json"));
    MonteCarloOptions options;
    options.paths = 5000;
    for (const int threads : {1, 2}) {
        options.threads = threads;
        const MonteCarloResult r = runMonteCarlo(model, options);
        const CagrRange* late = r.cagrRange("v", 2023, 2030);
        ASSERT_NE(late, nullptr);
        EXPECT_EQ(late->problem,
                  "some paths are not positive in 2023 or 2030, so their CAGR is undefined");
        const CagrRange* early = r.cagrRange("v", 2023, 2024);
        ASSERT_NE(early, nullptr);
        EXPECT_TRUE(early->problem.empty()) << early->problem;
        // The CAGR (s + 7) / (s + 8.5) − 1 rises with s: its median is at s = −1, 6 / 7.5 − 1.
        // Sampling error of the median s: 1.2533 · 1.155 / √5000 = 0.02, moving the CAGR 0.005.
        EXPECT_NEAR(early->cagr.p50, 6.0 / 7.5 - 1, 0.01);
        EXPECT_LT(early->cagr.p10, early->cagr.p50);
    }
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
            if (std::isnan(b.p50[i])) {  // only where the series has no value (capex < 2025)
                EXPECT_FALSE(model.hasValue(b.ref, r.years.first + static_cast<int>(i))) << b.name;
                continue;
            }
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
    std::string first;
    for (const int threads : {1, 2, 3}) {
        MonteCarloOptions options;
        options.threads = threads;
        try {
            (void)runMonteCarlo(Model::compile(sc), options);
            FAIL() << "expected an error";
        } catch (const UncertaintyError& e) {
            const std::string m = e.what();
            EXPECT_NE(m.find("Monte Carlo path "), std::string::npos) << m;
            EXPECT_NE(m.find("ceiling = "), std::string::npos) << m;
            EXPECT_NE(m.find("series.s"), std::string::npos) << m;
            // The first failing path, whatever the threads.
            if (first.empty()) first = m;
            EXPECT_EQ(m, first) << threads;
        }
    }
}

}  // namespace
}  // namespace jevons::core
