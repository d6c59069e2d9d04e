// The scenario bridge (issue 15): Shapley steps over every subset of the changed assumptions.
// Target: 12 overridden assumptions (4,096 evaluations of the default forecast) <= 50 ms.
// Reports p50/p95 of single bridges beside the mean.
#include "core/bridge/bridge.h"
#include "core/scenario/scenario_json.h"
#include "tests/bench/percentiles.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace jevons::core;

// The default forecast with a scenario "wide" that moves the first `n` assumptions a third of
// the way to their maximum.
Scenario withWideScenario(int n) {
    Scenario s = loadScenarioFile(JEVONS_FORECASTS_DIR "/default.json");
    ScenarioDef wide;
    wide.id = "wide";
    wide.label = {"Wide", "宽"};
    for (int i = 0; i < n && i < static_cast<int>(s.assumptions.size()); ++i) {
        const Assumption& a = s.assumptions[static_cast<std::size_t>(i)];
        wide.overrides[a.id] = a.value + (a.max - a.value) / 3.0;
    }
    s.scenarios.push_back(wide);
    return s;
}

void bridge(benchmark::State& state, const char* to, int overrides) {
    const Model model = Model::compile(withWideScenario(overrides));
    std::vector<double> ms;
    long evaluations = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const Bridge b = computeBridge(model, "base", to, "asic_market", 2028);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                               start)
                         .count());
        evaluations = b.evaluations;
        benchmark::DoNotOptimize(b.steps.data());
    }
    jevons::bench::setPercentiles(state, ms);
    state.counters["evaluations"] = static_cast<double>(evaluations);
}

void BM_BridgeTwelveOverrides(benchmark::State& state) { bridge(state, "wide", 12); }
void BM_BridgeBull(benchmark::State& state) { bridge(state, "bull", 0); }

}  // namespace

BENCHMARK(BM_BridgeTwelveOverrides)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BridgeBull)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
