// jevons-cli as a script runs it (issue 18): the whole process, from exec to exit, of `check`,
// `show` and `export deck` on the default forecast. The CLI links no Qt, so this is the core's
// start-up, loading and evaluation (and the deck's zip). Targets (medians): check and show
// <= 10 ms, export deck <= 60 ms. Each iteration is one process; p50/p95 over all iterations.
#include <benchmark/benchmark.h>

#include "percentiles.h"
#include "run_process.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace {

using jevons::bench::percentile;
using jevons::bench::setPercentiles;

const std::string kCli = JEVONS_CLI;
const std::string kForecast = JEVONS_FORECAST;

void runCommand(benchmark::State& state, const std::vector<std::string>& args) {
    std::vector<double> ms;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const int status = jevons::bench::runProcess(args);
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (status != 0) {
            state.SkipWithError("jevons-cli failed");
            return;
        }
        state.SetIterationTime(elapsed.count());
        ms.push_back(elapsed.count() * 1e3);
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p95_ms"] = percentile(ms, 0.95);
}

void BM_CliCheck(benchmark::State& state) { runCommand(state, {kCli, "check", kForecast}); }
void BM_CliShow(benchmark::State& state) { runCommand(state, {kCli, "show", kForecast}); }
void BM_CliExportDeck(benchmark::State& state) {
    const std::string out = "/tmp/jevons-cli-bench-" + std::to_string(::getpid()) + ".pptx";
    runCommand(state, {kCli, "export", "deck", kForecast, "-o", out});
    ::unlink(out.c_str());
}

}  // namespace

BENCHMARK(BM_CliCheck)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CliShow)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CliExportDeck)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
