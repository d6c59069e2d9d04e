// How long a strategist waits for "Export to PowerPoint": the default forecast's six native
// charts plus the assumptions pages, built and written. Target: < 0.5 s.
#include "core/deck/deck_writer.h"
#include "core/scenario/scenario_json.h"

#include <benchmark/benchmark.h>

#include <unistd.h>
#include <filesystem>
#include <string>

using namespace jevons::core;

namespace {

const Model& defaultModel() {
    static const Model model =
        Model::compile(loadScenarioFile(std::string(JEVONS_FORECASTS_DIR) + "/default.json"));
    return model;
}

void BM_BuildDeck(benchmark::State& state) {
    const Evaluator evaluator(defaultModel(), "bull");
    deck::DeckOptions options;
    options.scenarioId = "bull";
    for (auto _ : state) benchmark::DoNotOptimize(deck::buildDeck(evaluator, options));
}

void BM_DeckBytes(benchmark::State& state) {
    deck::DeckOptions options;
    options.scenarioId = "bull";
    const deck::Deck deck = deck::buildDeck(defaultModel(), options);
    for (auto _ : state) benchmark::DoNotOptimize(deck::deckBytes(deck));
}

// End to end, as the dashboard does it: build from the evaluator, write the file atomically.
void BM_WriteDefaultDeck(benchmark::State& state) {
    const Evaluator evaluator(defaultModel(), "bull");
    deck::DeckOptions options;
    options.scenarioId = "bull";
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("jevons-deck-bench-" + std::to_string(::getpid()) + ".pptx"))
                                 .string();
    for (auto _ : state) deck::writeDeck(deck::buildDeck(evaluator, options), path);
    std::filesystem::remove(path);
}

}  // namespace

BENCHMARK(BM_BuildDeck)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeckBytes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteDefaultDeck)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
