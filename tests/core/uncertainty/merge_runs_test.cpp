// Tests for seriesAffected and mergeRuns (issue 19, item 2): after a value edit only the series
// downstream of the edited assumptions are simulated again, and the merged result is the full
// run of the new values bit for bit, whether the paths were kept or the bands streamed.
#include "core/uncertainty/monte_carlo.h"
#include "monte_carlo_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace jevons::core {
namespace {

std::vector<int> indices(const Model& model, std::initializer_list<const char*> ids) {
    std::vector<int> out;
    for (const char* id : ids) out.push_back(model.seriesIndex(id));
    std::sort(out.begin(), out.end());
    return out;
}

TEST(SeriesAffected, OnlyWhatReadsAChangedValue) {
    const Scenario sc = loadScenarioFile(testing::forecast("default.json"));
    const Model model = Model::compile(sc);
    const std::map<std::string, double> before = sc.assumptionValues("base");
    EXPECT_TRUE(seriesAffected(model, before, before).empty());

    std::map<std::string, double> after = before;
    after["glasses_2029"] *= 1.1;
    EXPECT_EQ(seriesAffected(model, before, after),
              indices(model, {"glasses_sales", "glasses_penetration", "glasses_installed"}));
    // Through other series: Meta's capex feeds the hyperscalers' total, and what reads it.
    after = before;
    after["meta_capex_2025"] += 1.0;
    const std::vector<int> capex = seriesAffected(model, before, after);
    std::vector<int> readers = model.dependentsOf(model.assumptionIndex("meta_capex_2025"));
    std::sort(readers.begin(), readers.end());
    EXPECT_EQ(capex, readers);
    EXPECT_TRUE(std::binary_search(capex.begin(), capex.end(), model.seriesIndex("meta_capex")));
    EXPECT_TRUE(
        std::binary_search(capex.begin(), capex.end(), model.seriesIndex("hyperscaler_capex")));
    EXPECT_FALSE(std::binary_search(capex.begin(), capex.end(), model.seriesIndex("asic_market")));
    // A value in one map only counts as changed; an id the model does not know is ignored.
    after = before;
    after.erase("glasses_2029");
    after["not_an_assumption"] = 1.0;
    EXPECT_EQ(seriesAffected(model, before, after),
              indices(model, {"glasses_sales", "glasses_penetration", "glasses_installed"}));
}

TEST(SeriesCharted, WhatTheChartsDrawAndAnnotate) {
    const Scenario sc = loadScenarioFile(testing::forecast("default.json"));
    const Model model = Model::compile(sc);
    // Ten of the twelve: the efficiency multiplier and the installed base of glasses are read
    // by charted series but drawn by no chart.
    EXPECT_EQ(seriesCharted(model),
              indices(model, {"accel_market", "asic_share", "asic_market", "gpu_market",
                              "meta_capex", "msft_capex", "hyperscaler_capex", "compute",
                              "glasses_sales", "glasses_penetration"}));
    // A CAGR annotation's series counts, a ref that does not resolve does not.
    Scenario one = sc;
    one.charts.resize(1);
    one.charts[0].series = {"no_such_series"};
    one.charts[0].secondary.clear();
    one.charts[0].cagr = {CagrAnnotation{"glasses_installed", 2029, 2035}};
    EXPECT_EQ(seriesCharted(Model::compile(one)), indices(model, {"glasses_installed"}));
}

TEST(MergeRuns, TheAffectedSeriesMergedIntoTheOldRunAreTheNewRun) {
    const Scenario sc = loadScenarioFile(testing::forecast("default.json"));
    const Model model = Model::compile(sc);
    const SamplingPlan plan = SamplingPlan::make(sc);
    const std::map<std::string, double> before = sc.assumptionValues("base");
    for (const std::size_t stored : {kStoredRunBytes, std::size_t{0}})
        for (const char* id : {"glasses_2029", "meta_capex_2025", "asic_share_2023"}) {
            SCOPED_TRACE(std::string(id) + (stored ? " kept" : " streamed"));
            MonteCarloOptions options;
            options.paths = 10000;
            options.maxStoredBytes = stored;
            options.values = before;
            const MonteCarloResult old = runMonteCarlo(model, plan, options);
            std::map<std::string, double> after = before;
            after[id] *= 1.07;
            options.values = after;
            const MonteCarloResult full = runMonteCarlo(model, plan, options);
            options.series = seriesAffected(model, before, after);
            ASSERT_FALSE(options.series.empty());
            ASSERT_LT(options.series.size(), sc.series.size());
            const MonteCarloResult part = runMonteCarlo(model, plan, options);
            EXPECT_LT(part.outputs.size(), full.outputs.size());
            const MonteCarloResult merged = mergeRuns(old, part);
            EXPECT_TRUE(testing::identical(merged, full));
            // The edit did move the bands it reaches: the old run is not the new one.
            EXPECT_FALSE(testing::identical(old, full));
        }
}

}  // namespace
}  // namespace jevons::core
