// Model::evaluateAll on a chunk of Monte Carlo paths (issue 5, speed): the default forecast with
// every assumption uncertain, as in monte_carlo_bench.cpp, sampled once; each iteration evaluates
// every series on `rows` paths. Reports ns per output value (rows × outputs × years per call).
// JEVONS_BENCH_FORECAST=file.json benchmarks another forecast the same way.
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "tests/bench/every_assumption_uncertain.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>

namespace {

using namespace jevons::core;

using jevons::bench::everyAssumptionUncertain;

// Output values one call produces: rows × (outputs summed over series) × years.
double outputValues(const SeriesResults& r) {
    double values = 0;
    for (const auto& series : r)
        for (const Grid& g : series) values += static_cast<double>(g.size());
    return values;
}

struct Chunk {
    Model model;
    AssumptionValues inputs;
};

Chunk sampledChunk(Eigen::Index rows) {
    const Scenario scenario = everyAssumptionUncertain();
    Chunk c{Model::compile(scenario), {}};
    const SamplingPlan plan = SamplingPlan::make(scenario);
    c.inputs = c.model.assumptionValues();
    plan.sample(20250209, 0, rows, c.inputs);
    return c;
}

void setCounters(benchmark::State& state, double valuesPerCall) {
    state.counters["values"] = valuesPerCall;
    state.counters["ns_per_value"] =
        benchmark::Counter(valuesPerCall * static_cast<double>(state.iterations()) * 1e-9,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Model::evaluateAll returning its results, assigned over the previous call's as
// monte_carlo.cpp does (the old grids are freed only once the new ones exist, so the heap does
// not shrink and page-fault back on every call).
void BM_EvaluateChunk(benchmark::State& state) {
    const Eigen::Index rows = state.range(0);
    const Chunk c = sampledChunk(rows);
    SeriesResults r;
    for (auto _ : state) {
        r = c.model.evaluateAll(c.inputs, rows);
        benchmark::DoNotOptimize(r.data());
    }
    setCounters(state, outputValues(r));
}

// Model::evaluateAll into the caller's SeriesResults, reused from call to call.
void BM_EvaluateChunkInto(benchmark::State& state) {
    const Eigen::Index rows = state.range(0);
    const Chunk c = sampledChunk(rows);
    SeriesResults r;
    for (auto _ : state) {
        c.model.evaluateAll(c.inputs, rows, r);
        benchmark::DoNotOptimize(r.data());
    }
    setCounters(state, outputValues(r));
}

}  // namespace

BENCHMARK(BM_EvaluateChunk)->Arg(64)->Arg(256)->Arg(1024)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EvaluateChunkInto)->Arg(64)->Arg(256)->Arg(1024)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
