// Monte Carlo on the default forecast (issue 5, item 9): every assumption uncertain, every series
// output and year, percentile bands included. Targets: 10,000 paths < 5 ms, 100,000 < 50 ms on a
// 2-core machine. Reports path-years per second (paths × years simulated per second of wall time).
// JEVONS_BENCH_FORECAST=file.json benchmarks another forecast the same way.
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "tests/bench/every_assumption_uncertain.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace {

using namespace jevons::core;

using jevons::bench::everyAssumptionUncertain;

void monteCarlo(benchmark::State& state, int threads,
                std::size_t maxStoredBytes = kStoredRunBytes) {
    const Scenario scenario = everyAssumptionUncertain();
    const Model model = Model::compile(scenario);
    const SamplingPlan plan = SamplingPlan::make(scenario);
    MonteCarloOptions options;
    options.paths = static_cast<int>(state.range(0));
    options.threads = threads;
    options.maxStoredBytes = maxStoredBytes;
    for (auto _ : state) {
        MonteCarloResult r = runMonteCarlo(model, plan, options);
        benchmark::DoNotOptimize(r.outputs.data());
    }
    const double pathYears = static_cast<double>(options.paths) * model.years().count();
    state.counters["path_years_per_s"] = benchmark::Counter(
        pathYears * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["uncertain"] = static_cast<double>(plan.uncertain().size());
}

void BM_MonteCarloDefaultForecast(benchmark::State& state) { monteCarlo(state, 0); }
void BM_MonteCarloDefaultForecastOneThread(benchmark::State& state) { monteCarlo(state, 1); }
// The same run with its bands streamed (paths evaluated twice, none kept).
void BM_MonteCarloDefaultForecastStreamed(benchmark::State& state) { monteCarlo(state, 0, 0); }

// Only sampling the inputs (no model, no percentiles): the share of the time the draws take.
void BM_SampleEveryAssumption(benchmark::State& state) {
    const Scenario scenario = everyAssumptionUncertain();
    const SamplingPlan plan = SamplingPlan::make(scenario);
    const Eigen::Index n = state.range(0);
    AssumptionValues values(scenario.assumptions.size(), Paths::Zero(1));
    for (auto _ : state)
        for (Eigen::Index first = 0; first < n; first += kBlockPaths) {
            plan.sample(1, first, std::min(kBlockPaths, n - first), values);
            benchmark::DoNotOptimize(values.front().data());
        }
    state.counters["paths_per_s"] =
        benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}

// Ten repetitions, reported as median (and mean, stddev) plus the 10th and 90th percentiles of
// the repetitions' times: other processes on a 2-core machine make single runs noisy.
double repetitionPercentile(const std::vector<double>& v, double p) {
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(h);
    return lo + 1 < sorted.size() ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo])
                                  : sorted[lo];
}

void monteCarloArgs(benchmark::internal::Benchmark* b) {
    b->Arg(10000)
        ->Arg(100000)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(10)
        ->ReportAggregatesOnly(true)
        ->ComputeStatistics(
            "p10", [](const std::vector<double>& v) { return repetitionPercentile(v, 0.1); })
        ->ComputeStatistics(
            "p90", [](const std::vector<double>& v) { return repetitionPercentile(v, 0.9); });
}

}  // namespace

// 2 threads (the default on this machine) and 1, in one run so they share the machine's load.
BENCHMARK(BM_MonteCarloDefaultForecast)->Apply(monteCarloArgs);
BENCHMARK(BM_MonteCarloDefaultForecastOneThread)->Apply(monteCarloArgs);
BENCHMARK(BM_MonteCarloDefaultForecastStreamed)->Apply(monteCarloArgs);
BENCHMARK(BM_SampleEveryAssumption)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
