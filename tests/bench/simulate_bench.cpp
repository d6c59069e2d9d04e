// Monte Carlo on large forecasts (issue 19): the default forecast's assumptions and series
// repeated under new ids (make_large_forecast.py) to 480 and 1,920 series, each copy with its five
// ranged assumptions; 10,000 paths. Targets on a 2-core machine:
// - every band of every output: 480 series <= 0.4 s and <= 150 MB peak; 1,920 <= 1.5 s, 300 MB;
// - `jevons-cli simulate FILE --series X` on the 1,920-series file <= 0.2 s, whole process.
// The in-process runs report the passes the bands took; the whole-process ones the peak
// resident memory (MB) of the process.
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "tests/bench/run_process.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

namespace {

using namespace jevons::core;

std::string largeFile(long series) {
    return std::string(JEVONS_LARGE_DIR) + "/large" + std::to_string(series) + ".json";
}

// A large file loaded, compiled and its sampling plan made, once per benchmark.
struct Large {
    Scenario scenario;
    Model model;
    SamplingPlan plan;
    explicit Large(long series)
        : scenario(loadScenarioFile(largeFile(series))),
          model(Model::compile(scenario)),
          plan(SamplingPlan::make(scenario)) {}
};

// runMonteCarlo of every series.
void BM_SimulateEveryBand(benchmark::State& state) {
    const Large large(state.range(0));
    const auto& [scenario, model, plan] = large;
    MonteCarloOptions options;
    options.paths = 10000;
    int passes = 0;
    for (auto _ : state) {
        const MonteCarloResult r = runMonteCarlo(model, plan, options);
        passes = r.passes;
        benchmark::DoNotOptimize(r.outputs.data());
    }
    state.counters["series"] = static_cast<double>(scenario.series.size());
    state.counters["uncertain"] = static_cast<double>(plan.uncertain().size());
    state.counters["passes"] = passes;
}

// The dashboard's run after a value edit (Meta's 2025 capex in copy 0): only the series it
// reaches (core::seriesAffected), merged into the run before the edit (core::mergeRuns).
void BM_SimulateAfterAnEdit(benchmark::State& state) {
    const Large large(state.range(0));
    const auto& [scenario, model, plan] = large;
    MonteCarloOptions options;
    options.paths = 10000;
    options.values = scenario.assumptionValues("base");
    const MonteCarloResult before = runMonteCarlo(model, plan, options);
    std::map<std::string, double> after = options.values;
    after["meta_capex_2025"] += 1.0;
    options.series = seriesAffected(model, options.values, after);
    options.values = after;
    for (auto _ : state) {
        const MonteCarloResult r = mergeRuns(before, runMonteCarlo(model, plan, options));
        benchmark::DoNotOptimize(r.outputs.data());
    }
    state.counters["series"] = static_cast<double>(options.series.size());
}

// A whole jevons-cli process; `peak_MB` is the largest peak resident memory of the runs.
void runCli(benchmark::State& state, std::vector<std::string> args) {
    long peak = 0;
    for (auto _ : state) {
        long kib = 0;
        const auto t0 = std::chrono::steady_clock::now();
        const int status = jevons::bench::runProcess(args, nullptr, &kib);
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        if (status != 0) {
            state.SkipWithError("jevons-cli failed");
            return;
        }
        peak = std::max(peak, kib);
    }
    state.counters["peak_MB"] = static_cast<double>(peak) / 1024.0;
}

void BM_CliSimulateEveryBand(benchmark::State& state) {
    runCli(state, {JEVONS_CLI, "simulate", largeFile(state.range(0)), "--paths", "10000"});
}

void BM_CliSimulateOneSeries(benchmark::State& state) {
    runCli(state, {JEVONS_CLI, "simulate", largeFile(state.range(0)), "--paths", "10000",
                   "--series", "asic_market", "--year", "2028"});
}

// The whole-process runs first: a child's peak memory counts its parent's at the spawn (the
// resident high-water mark survives exec), so the parent must not have run a large model yet.
BENCHMARK(BM_CliSimulateEveryBand)
    ->Arg(480)
    ->Arg(1920)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();
BENCHMARK(BM_CliSimulateOneSeries)->Arg(1920)->Unit(benchmark::kMillisecond)->UseManualTime();
// Three seconds each: the steady state of repeated runs (the first run of a plan also builds its
// distributions' tables; the whole-process runs above include that and the loading).
BENCHMARK(BM_SimulateEveryBand)
    ->Arg(480)
    ->Arg(1920)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(3.0);
BENCHMARK(BM_SimulateAfterAnEdit)
    ->Arg(480)
    ->Arg(1920)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
