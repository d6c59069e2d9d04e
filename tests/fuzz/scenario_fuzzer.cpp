// libFuzzer target over the scenario loader and the evaluator.
//
// For any input: parsing either succeeds or throws ScenarioError (nothing else, no crash, no
// leak). A file that loads must evaluate in every scenario without a non-finite value reaching
// the results (other than the "no value" NaN before a series starts), and must survive save → load
// unchanged (the format's lossless promise).
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace jevons::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Scenario scenario;
    try {
        scenario = parseScenario(text, "fuzz.json");
    } catch (const ScenarioError&) {
        return 0;  // refused with a located message: the expected outcome for most inputs
    }
    const std::string saved = serializeScenario(scenario);
    if (parseScenario(saved, "saved.json") != scenario) std::abort();  // not lossless
    if (serializeScenario(parseScenario(saved, "saved.json")) != saved) std::abort();  // not stable

    const Model model = Model::compile(scenario);  // validated at load: must not throw
    for (const auto& sc : scenario.scenarios) {
        const Evaluator evaluator(model, sc.id);
        const auto& results = evaluator.results();
        for (std::size_t i = 0; i < results.size(); ++i) {
            // Years before a series starts have no value (NaN); every other one is finite.
            const Eigen::Index first = model.firstValueColumn(static_cast<int>(i));
            for (const auto& grid : results[i])
                if (!grid.rightCols(grid.cols() - first).allFinite() ||
                    !grid.leftCols(first).isNaN().all())
                    std::abort();  // a NaN or inf escaped the checks
        }
    }
    return 0;
}
