// update-deck (issue 15) as a script runs it: `jevons-cli update-deck FILE deck.pptx`, the whole
// process (jevons-cli, then jevons-deck), on a 60-slide deck holding 20 linked charts (the
// default forecast's seven charts, repeated, among 40 tables of assumptions). Target: p50 <=
// 0.3 s. Two cases: the forecast changed (every iteration updates a fresh copy of the deck:
// the ASIC share of 2028 from 25% to 30% moves most charts) and the deck already current
// (nothing is written). Each iteration is one process; the copy is made outside the timing.
#include <benchmark/benchmark.h>

#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/scenario/scenario_json.h"
#include "percentiles.h"
#include "run_process.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using jevons::bench::percentile;
namespace deck = jevons::core::deck;

const std::string kCli = JEVONS_CLI;
const std::string kForecast = JEVONS_FORECAST;

struct Files {
    fs::path dir;
    std::string pristine, changedForecast;
    Files() {
        dir = fs::temp_directory_path() / ("jevons-update-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        pristine = (dir / "pristine.pptx").string();
        changedForecast = (dir / "changed.json").string();
        const jevons::core::Model model =
            jevons::core::Model::compile(jevons::core::loadScenarioFile(kForecast));
        const deck::Deck full = deck::buildDeck(model, deck::DeckOptions{});
        std::vector<deck::Slide> charts, tables;
        for (const deck::Slide& s : full.slides)
            (std::holds_alternative<jevons::core::ChartPlan>(s) ? charts : tables).push_back(s);
        deck::Deck big = full;
        big.slides.clear();
        for (std::size_t k = 0; big.slides.size() < 60; ++k) {
            if (k % 3 == 0 && k / 3 < 20)
                big.slides.push_back(charts[(k / 3) % charts.size()]);
            else
                big.slides.push_back(tables[k % tables.size()]);
        }
        deck::writeDeck(big, pristine);
        nlohmann::json json;
        std::ifstream(kForecast) >> json;
        json["assumptions"]["asic_share_2028"]["value"] = 0.30;
        std::ofstream(changedForecast) << json.dump();
    }
    ~Files() { fs::remove_all(dir); }
};

void update(benchmark::State& state, bool changed) {
    const Files files;
    const std::string target = (files.dir / "deck.pptx").string();
    fs::copy_file(files.pristine, target, fs::copy_options::overwrite_existing);
    std::vector<double> ms;
    for (auto _ : state) {
        if (changed) fs::copy_file(files.pristine, target, fs::copy_options::overwrite_existing);
        const auto start = std::chrono::steady_clock::now();
        const int status = jevons::bench::runProcess(
            {kCli, "update-deck", changed ? files.changedForecast : kForecast, target});
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (status != 0) {
            state.SkipWithError("jevons-cli update-deck failed");
            return;
        }
        state.SetIterationTime(elapsed.count());
        ms.push_back(elapsed.count() * 1e3);
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p95_ms"] = percentile(ms, 0.95);
}

void BM_UpdateDeck60Slides20Charts(benchmark::State& state) { update(state, true); }
void BM_UpdateDeckAlreadyCurrent(benchmark::State& state) { update(state, false); }

}  // namespace

BENCHMARK(BM_UpdateDeck60Slides20Charts)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpdateDeckAlreadyCurrent)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
