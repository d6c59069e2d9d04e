// `jevons-cli bridge` (app/cli/uncertainty_commands.h) on the default forecast.
#include "app/cli/uncertainty_commands.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kDefault = JEVONS_FORECASTS_DIR "/default.json";

struct BridgeRun {
    int code = 0;
    std::string out;
    std::string err;
};

BridgeRun bridge(std::vector<std::string> options) {
    std::vector<std::string> args{"jevons-cli", "bridge", kDefault};
    args.insert(args.end(), options.begin(), options.end());
    std::ostringstream out, err;
    const int code = runBridgeCommand(args, out, err);
    return {code, out.str(), err.str()};
}

TEST(BridgeCommand, JsonStepsAddUpFromBaseToBull) {
    const BridgeRun r =
        bridge({"--to", "bull", "--series", "asic_market", "--year", "2028", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["series"], "asic_market");
    EXPECT_EQ(j["year"], 2028);
    EXPECT_NEAR(j["from"]["value"].get<double>(), 42.9, 1e-9);
    EXPECT_NEAR(j["to"]["value"].get<double>(), 60.0, 1e-9);  // bull: 200 × 30%
    double sum = 0.0;
    for (const auto& s : j["steps"]) sum += s["change"].get<double>();
    EXPECT_NEAR(sum, 60.0 - 42.9, 1e-9);
    ASSERT_EQ(j["steps"].size(), 6u);  // every override of bull
    EXPECT_EQ(j["steps"][0]["assumption"], "accel_2028");
    EXPECT_TRUE(j["exact"].get<bool>());
    EXPECT_EQ(j["evaluations"], 64);
}

TEST(BridgeCommand, TextNamesTheStepsInTheLanguage) {
    const BridgeRun en = bridge({"--to", "bull"});  // the first chart's arrow: the 2028 ASIC market
    ASSERT_EQ(en.code, 0) << en.err;
    EXPECT_NE(en.out.find("Datacenter ASIC market, 2028, US$B: Base → Bull\n"), std::string::npos)
        << en.out;
    EXPECT_NE(en.out.find("ASIC share of accelerators, 2028"), std::string::npos);
    EXPECT_NE(en.out.find("25.00% → 30.00%"), std::string::npos);
    EXPECT_NE(en.out.find("\nBull "), std::string::npos);
    const BridgeRun zh = bridge({"--to", "bear", "--lang", "zh"});
    ASSERT_EQ(zh.code, 0) << zh.err;
    EXPECT_EQ(zh.out.rfind("数据中心ASIC市场，2028年，十亿美元：基准 → 悲观\n", 0), 0u) << zh.out;
    EXPECT_NE(zh.out.find("2028年ASIC占加速芯片份额"), std::string::npos);
    EXPECT_NE(zh.out.find("\n悲观 "), std::string::npos);
}

TEST(BridgeCommand, CsvByIdSignsEveryStep) {
    const BridgeRun r = bridge({"--to", "bear", "--format", "csv", "--ids"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("step,assumption,change\nbase,,42.9\naccel_2028,", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\nasic_share_2028,25.00% → 21.00%,-6."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\nelasticity,1.60 → 1.15,0.0\n"), std::string::npos) << r.out;
}

TEST(BridgeCommand, ErrorsNameTheFileAndExitCodesDiffer) {
    const BridgeRun missing = bridge({});
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("bridge needs --to SCENARIO"), std::string::npos);
    const BridgeRun unknown = bridge({"--to", "bull", "--series", "nope"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("'nope' is not a series output of " + kDefault), std::string::npos);
    // The capex series start in 2025: no value in 2023 to bridge.
    const BridgeRun early = bridge({"--to", "bull", "--series", "meta_capex", "--year", "2023"});
    EXPECT_EQ(early.code, 1);
    EXPECT_EQ(early.err, "jevons-cli: " + kDefault + ": meta_capex has no value in 2023\n");
}

}  // namespace
