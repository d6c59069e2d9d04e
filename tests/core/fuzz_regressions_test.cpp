// Every input the fuzzer once broke on (tests/data/fuzz-regressions/) stays fixed: it loads and
// evaluates, or it is refused with a ScenarioError — never a crash or another exception.
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace jevons::core;

TEST(FuzzRegressions, EveryPastFindingLoadsOrIsRefusedCleanly) {
    const std::filesystem::path dir = std::string(JEVONS_TEST_DATA_DIR) + "/fuzz-regressions";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        try {
            const Scenario s = parseScenario(text.str(), entry.path().filename().string());
            const Evaluator e(Model::compile(s));
            for (std::size_t i = 0; i < e.results().size(); ++i) {
                // Finite from the series' first year with a value; NaN ("no value") before it.
                const Eigen::Index first = e.model().firstValueColumn(static_cast<int>(i));
                for (const auto& grid : e.results()[i]) {
                    EXPECT_TRUE(grid.rightCols(grid.cols() - first).allFinite()) << entry.path();
                    EXPECT_TRUE(grid.leftCols(first).isNaN().all()) << entry.path();
                }
            }
        } catch (const ScenarioError& error) {
            EXPECT_NE(std::string(error.what()).find(entry.path().filename().string()),
                      std::string::npos)
                << error.what();
        }
        ++checked;
    }
    EXPECT_GE(checked, 1) << "no regression inputs found in " << dir;
}
