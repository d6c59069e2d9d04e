// Tests for core/uncertainty/streaming_bands.h and the streamed Monte Carlo run (issue 19): the
// percentiles are exactly those of every value kept (type 7), on smooth, heavy-tailed, tied,
// constant and far-off columns, in two and in three passes, whatever the workers and the order
// of the groups; a streamed run equals a kept one; a run of some series equals the full run.
#include "core/uncertainty/streaming_bands.h"

#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/uncertainty_error.h"
#include "monte_carlo_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stop_token>

namespace jevons::core {
namespace {

// Streams `columns` (each n values) through StreamingBands in groups of `chunk` values added in
// the order `groupOrder` by `workers` workers (worker = group % workers), pilot = the first
// `pilot` values, and returns each column's bands and mean, with the passes taken.
struct Streamed {
    std::vector<BandPercentiles> bands;
    std::vector<double> mean;
    int passes = 0;
};

Streamed stream(const std::vector<std::vector<double>>& columns, std::size_t chunk, int workers,
                std::size_t pilot, bool reverse = false) {
    const std::size_t n = columns.front().size();
    const std::size_t groups = (n + chunk - 1) / chunk;
    StreamingBands bands(columns.size(), n, groups, workers);
    for (std::size_t c = 0; c < columns.size(); ++c)
        bands.setRange(c, std::span<const double>(columns[c].data(), std::min(pilot, n)));
    Streamed out;
    for (int pass = 1; pass <= 3; ++pass) {
        bands.beginPass();
        if (!bands.anyActive()) break;
        out.passes = pass;
        for (std::size_t c = columns.size(); c-- > 0;) bands.prepare(c);
        for (std::size_t i = 0; i < groups; ++i) {
            const std::size_t g = reverse ? groups - 1 - i : i;
            const std::size_t first = g * chunk;
            const std::size_t count = std::min(chunk, n - first);
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (bands.active(c))
                    bands.add(static_cast<int>(g % static_cast<std::size_t>(workers)), g, c,
                              columns[c].data() + first, count);
        }
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (bands.active(c)) bands.endPass(c);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out.bands.push_back(bands.bands(c));
        out.mean.push_back(bands.mean(c));
    }
    return out;
}

void expectExact(const std::vector<std::vector<double>>& columns, const Streamed& s) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Percentiles p = percentiles(columns[c]);
        EXPECT_EQ(s.bands[c].p10, p.p10) << "column " << c;
        EXPECT_EQ(s.bands[c].p25, p.p25) << "column " << c;
        EXPECT_EQ(s.bands[c].p50, p.p50) << "column " << c;
        EXPECT_EQ(s.bands[c].p75, p.p75) << "column " << c;
        EXPECT_EQ(s.bands[c].p90, p.p90) << "column " << c;
        EXPECT_NEAR(s.mean[c], p.mean, 1e-12 * std::max(1.0, std::abs(p.mean))) << "column " << c;
    }
}

TEST(StreamingBands, ExactOnSmoothHeavyTailedTiedConstantAndFarOffColumns) {
    const std::size_t n = 10007;  // a partial last group
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(45.0, 6.0);
    std::lognormal_distribution<double> wide(0.0, 2.5);  // P90/P10 ~ 600: a wide interval
    std::uniform_int_distribution<int> die(1, 6);
    std::vector<std::vector<double>> columns(6, std::vector<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        columns[0][i] = normal(rng);
        columns[1][i] = wide(rng);
        columns[2][i] = die(rng);  // thousands of ties on every percentile
        columns[3][i] = 42.5;      // constant
        // Far off its pilot: the first 256 values are near 0, the rest near 1,000.
        columns[4][i] = i < 256 ? 1e-3 * normal(rng) : 1000.0 + normal(rng);
        columns[5][i] = -wide(rng);  // negative, long left tail
    }
    const Streamed s = stream(columns, 256, 2, 256);
    expectExact(columns, s);
    EXPECT_GE(s.passes, 2);
    // A constant column is known after one pass: a run of constant columns alone takes one.
    EXPECT_EQ(stream({columns[3]}, 256, 2, 256).passes, 1);
}

TEST(StreamingBands, ThreePassesWhenTheWantedBucketsHoldTooManyValues) {
    // 200,000 values: the wanted buckets of a smooth column hold more than kCollect values, so
    // pass 2 counts the buckets' keys and pass 3 collects one key's values.
    const std::size_t n = 200000;
    std::mt19937_64 rng(11);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<std::vector<double>> columns(2, std::vector<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        columns[0][i] = normal(rng);
        columns[1][i] = std::exp(3.0 * normal(rng));  // extremely skewed
    }
    const Streamed s = stream(columns, 256, 3, 256);
    EXPECT_EQ(s.passes, 3);
    expectExact(columns, s);
}

TEST(StreamingBands, WorkersAndGroupOrderDoNotShowInTheNumbers) {
    const std::size_t n = 30001;
    std::mt19937_64 rng(3);
    std::gamma_distribution<double> gamma(0.7, 2.0);
    std::vector<std::vector<double>> columns(3, std::vector<double>(n));
    for (auto& c : columns)
        for (double& x : c) x = gamma(rng);
    const Streamed one = stream(columns, 512, 1, 256);
    for (const int workers : {2, 5})
        for (const bool reverse : {false, true}) {
            const Streamed other = stream(columns, 512, workers, 256, reverse);
            for (std::size_t c = 0; c < columns.size(); ++c) {
                EXPECT_EQ(one.bands[c], other.bands[c]) << workers << reverse;
                EXPECT_EQ(one.mean[c], other.mean[c]) << workers << reverse;
            }
        }
}

// The default forecast, every assumption uncertain, and one made heavy-tailed: a lognormal with
// a wide interval on the accelerated-compute market of 2028.
Scenario heavyTailed() {
    Scenario s = testing::everyAssumptionUncertain();
    for (auto& a : s.assumptions)
        if (a.id == "accel_2028") {
            DistributionSpec d;
            d.type = DistributionType::Lognormal;
            d.p5 = 60.0;
            d.p95 = 600.0;
            a.distribution = d;
        }
    return s;
}

TEST(MonteCarloStreamed, EqualsTheRunThatKeepsEveryPath) {
    const Scenario sc = heavyTailed();
    const Model model = Model::compile(sc);
    const SamplingPlan plan = SamplingPlan::make(sc);
    for (const int paths : {10000, 60000}) {
        MonteCarloOptions options;
        options.paths = paths;
        options.threads = 2;
        options.keep = {{model.seriesIndex("asic_market"), 0}};
        const MonteCarloResult kept = runMonteCarlo(model, plan, options);
        EXPECT_EQ(kept.passes, 1);
        options.maxStoredBytes = 0;  // stream whatever the size
        const MonteCarloResult streamed = runMonteCarlo(model, plan, options);
        EXPECT_GE(streamed.passes, 2) << paths;
        ASSERT_EQ(kept.outputs.size(), streamed.outputs.size());
        for (std::size_t k = 0; k < kept.outputs.size(); ++k) {
            const auto& a = kept.outputs[k];
            const auto& b = streamed.outputs[k];
            for (std::size_t y = 0; y < a.p50.size(); ++y) {
                if (std::isnan(a.p50[y])) {
                    EXPECT_TRUE(std::isnan(b.p50[y])) << a.name << " " << y;
                    continue;
                }
                EXPECT_EQ(a.at(y).p10, b.at(y).p10) << a.name << " " << y;
                EXPECT_EQ(a.at(y).p25, b.at(y).p25) << a.name << " " << y;
                EXPECT_EQ(a.at(y).p50, b.at(y).p50) << a.name << " " << y;
                EXPECT_EQ(a.at(y).p75, b.at(y).p75) << a.name << " " << y;
                EXPECT_EQ(a.at(y).p90, b.at(y).p90) << a.name << " " << y;
                EXPECT_NEAR(a.mean[y], b.mean[y], 1e-12 * std::abs(a.mean[y])) << a.name;
            }
        }
        ASSERT_EQ(kept.cagr.size(), streamed.cagr.size());
        for (std::size_t i = 0; i < kept.cagr.size(); ++i) {
            EXPECT_EQ(kept.cagr[i].cagr, streamed.cagr[i].cagr) << kept.cagr[i].series;
            EXPECT_EQ(kept.cagr[i].problem, streamed.cagr[i].problem);
        }
        EXPECT_TRUE(testing::sameGrids(kept, streamed));
    }
}

TEST(MonteCarloStreamed, SameNumbersOnOneTwoThreeAndFiveThreads) {
    const Scenario sc = heavyTailed();
    const Model model = Model::compile(sc);
    const SamplingPlan plan = SamplingPlan::make(sc);
    MonteCarloOptions options;
    options.paths = 20001;
    options.maxStoredBytes = 0;
    options.threads = 1;
    const MonteCarloResult one = runMonteCarlo(model, plan, options);
    for (const int threads : {2, 3, 5}) {
        options.threads = threads;
        EXPECT_TRUE(testing::identical(one, runMonteCarlo(model, plan, options))) << threads;
    }
}

TEST(MonteCarloStreamed, ASeriesAskedAloneHasTheBandsOfTheFullRun) {
    const Scenario sc = heavyTailed();
    const Model model = Model::compile(sc);
    for (const std::size_t stored : {kStoredRunBytes, std::size_t{0}}) {
        MonteCarloOptions options;
        options.paths = 10000;
        options.maxStoredBytes = stored;
        const MonteCarloResult all = runMonteCarlo(model, options);
        options.series = {model.seriesIndex("asic_market")};
        const MonteCarloResult one = runMonteCarlo(model, options);
        ASSERT_EQ(one.outputs.size(), 1u);
        const OutputBands* full = all.bands(one.outputs[0].ref);
        ASSERT_NE(full, nullptr);
        EXPECT_EQ(full->p10, one.outputs[0].p10);
        EXPECT_EQ(full->p50, one.outputs[0].p50);
        EXPECT_EQ(full->p90, one.outputs[0].p90);
        // Its chart CAGR too, and none of a series not asked for.
        const CagrRange* c = one.cagrRange("asic_market", 2023, 2028);
        ASSERT_NE(c, nullptr);
        EXPECT_EQ(c->cagr, all.cagrRange("asic_market", 2023, 2028)->cagr);
        EXPECT_EQ(one.cagrRange("glasses_sales", 2029, 2035), nullptr);
    }
}

TEST(MonteCarloStreamed, ProgressRisesToOneAndACancelledRunStops) {
    const Scenario sc = heavyTailed();
    const Model model = Model::compile(sc);
    MonteCarloOptions options;
    options.paths = 20000;
    options.maxStoredBytes = 0;
    options.threads = 1;
    std::vector<double> seen;
    options.progress = [&](double f) { seen.push_back(f); };
    (void)runMonteCarlo(model, options);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    EXPECT_GT(seen.front(), 0.0);
    // Cancelled at a third: no result, and no more progress after the stop.
    std::stop_source stop;
    options.stop = stop.get_token();
    seen.clear();
    options.progress = [&](double f) {
        seen.push_back(f);
        if (f > 0.33) stop.request_stop();
    };
    EXPECT_THROW((void)runMonteCarlo(model, options), SimulationCancelled);
    EXPECT_LT(seen.back(), 0.5);
}

}  // namespace
}  // namespace jevons::core
