// jevons-cli as a script runs it (issue 18): the whole process, from exec to exit, of `check`,
// `show` and `export deck` on the default forecast. The CLI links no Qt, so this is the core's
// start-up, loading and evaluation (and the deck's zip). Targets (medians): check and show
// <= 10 ms, export deck <= 60 ms. Each iteration is one process; p50/p95 over all iterations.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

extern char** environ;

namespace {

const std::string kCli = JEVONS_CLI;
const std::string kForecast = JEVONS_FORECAST;

/// Run `args` with stdout and stderr to /dev/null; the exit status, or -1 if it did not exit.
int runProcess(const std::vector<std::string>& args) {
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

void runCommand(benchmark::State& state, const std::vector<std::string>& args) {
    std::vector<double> ms;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const int status = runProcess(args);
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
