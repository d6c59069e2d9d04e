// Prose the file holds (a source's title and publisher, an assumption's figure and note, an
// anchor's figure, a scenario's note, the note of actuals) is a text: a plain string, shown in
// both languages, or { "en": …, "zh": … } (issue 20). Both forms load, save in the form they
// were given and come back equal; a wrong form is refused at its path.
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

namespace jevons::core {
namespace {

std::string defaultText() {
    std::ifstream in(std::string(JEVONS_FORECASTS_DIR) + "/default.json", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The default forecast with one field of each kind given in the plain form.
std::string withPlainStrings() {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(defaultText());
    j["meta"]["sources"][0]["publisher"] = "Tianfeng Securities";
    j["assumptions"]["accel_2023"]["provenance"]["note"] = "Derived from F1/F2";
    j["anchors"][0]["figure"] = "F1: US$6.6B";
    j["scenarios"]["bull"]["note"] = "Faster ASIC adoption";
    return j.dump(2);
}

TEST(BilingualText, BothFormsLoad) {
    const Scenario s = parseScenario(withPlainStrings(), "plain.json");
    // Plain: English read, no Chinese (the English is shown in Chinese too).
    EXPECT_EQ(s.sources[0].publisher, (Label{"Tianfeng Securities", ""}));
    EXPECT_EQ(s.sources[0].publisher.in("zh"), "Tianfeng Securities");
    EXPECT_EQ(s.findAssumption("accel_2023")->provenance.note, (Label{"Derived from F1/F2", ""}));
    EXPECT_EQ(s.anchors[0].figure, (Label{"F1: US$6.6B", ""}));
    EXPECT_EQ(s.findScenario("bull")->note, (Label{"Faster ASIC adoption", ""}));
    // Both languages: as the shipped forecast gives them.
    const Assumption* a = s.findAssumption("asic_share_2028");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->provenance.figure.in("en"), "F3: ASIC share expected to rise to 25% (2028)");
    EXPECT_EQ(a->provenance.figure.in("zh"), "F3：ASIC占比有望提升至25%（2028年）");
    EXPECT_EQ(s.sources[0].title.in("zh"),
              "消费电子：DeepSeek-R1降本增效，看好ASIC赛道及应用端弹性释放");
}

TEST(BilingualText, EachFormIsSavedAsGivenAndComesBackEqual) {
    const Scenario s = parseScenario(withPlainStrings(), "plain.json");
    const std::string saved = serializeScenario(s);
    const nlohmann::json j = nlohmann::json::parse(saved);
    EXPECT_TRUE(j["meta"]["sources"][0]["publisher"].is_string());
    EXPECT_TRUE(j["assumptions"]["accel_2023"]["provenance"]["note"].is_string());
    EXPECT_TRUE(j["anchors"][0]["figure"].is_string());
    EXPECT_TRUE(j["scenarios"]["bull"]["note"].is_string());
    const nlohmann::json& figure = j["assumptions"]["asic_share_2028"]["provenance"]["figure"];
    ASSERT_TRUE(figure.is_object());
    EXPECT_EQ(figure["zh"], "F3：ASIC占比有望提升至25%（2028年）");
    EXPECT_TRUE(j["meta"]["sources"][1]["publisher"].is_object());
    EXPECT_EQ(parseScenario(saved, "saved.json"), s);
}

TEST(BilingualText, AWrongFormIsRefusedAtItsPath) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(defaultText());
    j["assumptions"]["accel_2023"]["provenance"]["figure"] = {{"zh", "只有中文"}};
    try {
        (void)parseScenario(j.dump(2), "bad.json");
        FAIL() << "a text without English was accepted";
    } catch (const ScenarioError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("bad.json"), std::string::npos) << what;
        EXPECT_NE(what.find("assumptions.accel_2023.provenance.figure"), std::string::npos) << what;
        EXPECT_NE(what.find("'en'"), std::string::npos) << what;
    }
    j["assumptions"]["accel_2023"]["provenance"]["figure"] = 42;
    EXPECT_THROW((void)parseScenario(j.dump(2), "bad.json"), ScenarioError);
}

}  // namespace
}  // namespace jevons::core
