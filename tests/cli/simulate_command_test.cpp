// `jevons-cli simulate` (app/cli/uncertainty_commands.h, issue 19): a series asked for alone is
// simulated with only what it reads, and prints the numbers of the full run; progress on stderr.
#include "app/cli/uncertainty_commands.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kDefault = JEVONS_FORECASTS_DIR "/default.json";

struct SimulateRun {
    int code = 0;
    std::string out;
    std::string err;
};

SimulateRun simulate(std::vector<std::string> options) {
    std::vector<std::string> args{"jevons-cli", "simulate", kDefault};
    args.insert(args.end(), options.begin(), options.end());
    std::ostringstream out, err;
    const int code = runSimulateCommand(args, out, err);
    return {code, out.str(), err.str()};
}

// The numbers of the ASIC market's 2028 row ("Datacenter ASIC market  2028  P10  P50  P90  mean
// US$B"), without the padding (the name column is as wide as the longest name printed).
std::string asicRow(const std::string& out) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(out, m, std::regex("Datacenter ASIC market +2028 +([^\n]*)")))
        << out;
    return m.empty() ? "" : std::regex_replace(m[1].str(), std::regex(" +"), " ");
}

TEST(SimulateCommand, ASeriesAloneHasTheNumbersOfTheFullRun) {
    const SimulateRun all = simulate({"--paths", "20000"});
    const SimulateRun one = simulate({"--paths", "20000", "--series", "asic_market"});
    ASSERT_EQ(all.code, 0) << all.err;
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_EQ(asicRow(one.out), asicRow(all.out));
    double p10 = 0, p50 = 0, p90 = 0;
    std::istringstream(asicRow(one.out)) >> p10 >> p50 >> p90;
    EXPECT_NEAR(p50, 42.9, 0.5);  // the base case's US$42.9B, within the paths' spread
    EXPECT_LT(p10, p50);
    EXPECT_GT(p90, p50);
    // Only the series asked for is printed, with its chart's CAGR range.
    EXPECT_EQ(one.out.find("AI-glasses sales"), std::string::npos);
    EXPECT_NE(one.out.find("Datacenter ASIC market 2023–2028: CAGR"), std::string::npos);
}

TEST(SimulateCommand, ProgressGoesToStderrUpToAHundredPercent) {
    ::setenv("JEVONS_PROGRESS_DELAY_MS", "0", 1);
    const SimulateRun r = simulate({"--paths", "20000", "--progress", "--threads", "1"});
    ::unsetenv("JEVONS_PROGRESS_DELAY_MS");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("\rsimulating 20000 paths: 100%"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("simulating"), std::string::npos);  // stdout is the table alone
    // Without --progress and with stderr not a terminal (ctest's pipe): nothing on stderr.
    const SimulateRun quiet = simulate({"--paths", "20000"});
    EXPECT_EQ(quiet.err, "");
}

TEST(SimulateCommand, AnUnknownSeriesIsAUsageError) {
    const SimulateRun r = simulate({"--series", "asic_markt"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("'asic_markt' is not a series output"), std::string::npos) << r.err;
}

TEST(SimulateCommand, ARunOverTheMemoryBudgetIsRefusedWithExitCodeOne) {
    // Issue 17: the default forecast over 200 years, kept or streamed, needs more than 16 MiB.
    std::ifstream in(kDefault);
    nlohmann::json doc = nlohmann::json::parse(in);
    doc["years"]["last"] = 2222;
    const std::string file =
        (std::filesystem::temp_directory_path() / "jevons-simulate-budget.json").string();
    std::ofstream(file) << doc.dump();
    std::ostringstream out, err;
    const int code =
        runSimulateCommand({"jevons-cli", "simulate", file, "--memory-budget", "16"}, out, err);
    EXPECT_EQ(code, 1);
    EXPECT_EQ(err.str().rfind("jevons-cli: " + file + ": this simulation needs about ", 0), 0u)
        << err.str();
    EXPECT_NE(err.str().find("more than its budget of 16 MiB (10,000 paths of 12 series over "
                             "200 years): lower the paths"),
              std::string::npos)
        << err.str();
    EXPECT_NE(err.str().find("(--memory-budget MIB)"), std::string::npos) << err.str();
    EXPECT_EQ(out.str(), "");
    // A budget below 16 MiB is a usage error.
    std::ostringstream out2, err2;
    EXPECT_EQ(
        runSimulateCommand({"jevons-cli", "simulate", file, "--memory-budget", "8"}, out2, err2),
        2);
    std::filesystem::remove(file);
}

}  // namespace
