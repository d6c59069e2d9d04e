// The "groups" section (issue 7): assumption groups labelled in English and Chinese, shown by the
// assumptions panel in the reader's language; refused with a located message when it labels a
// group no assumption uses; saved back byte-stable.
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>

#include <string>

using namespace jevons::core;

namespace {
std::string file(const std::string& groups) {
    return R"({
  "schema": 1,
  "meta": { "title": { "en": "T" } },
  "years": { "first": 2023, "last": 2025 },
  "assumptions": {
    "x": { "label": { "en": "X" }, "group": "ASIC market", "value": 0.25, "unit": "share",
           "min": 0.1, "max": 0.5, "step": 0.01 },
    "y": { "label": { "en": "Y" }, "value": 1, "unit": "number", "min": 0, "max": 2, "step": 1 }
  },
)" + groups +
           R"(
  "series": { "s": { "label": { "en": "S" }, "unit": "share", "kind": "formula", "expr": "x" } }
})";
}
}  // namespace

TEST(GroupLabels, TitlesInEachLanguageAndTheNameWithoutALabel) {
    const Scenario s = parseScenario(
        file(R"("groups": { "ASIC market": { "en": "ASIC market", "zh": "ASIC市场" } },)"));
    ASSERT_EQ(s.groups.size(), 1u);
    EXPECT_EQ(s.groupTitle("ASIC market", "zh"), "ASIC市场");
    EXPECT_EQ(s.groupTitle("ASIC market", "en"), "ASIC market");
    EXPECT_EQ(s.groupTitle("Other", "zh"), "Other");  // no label: the name
    EXPECT_EQ(s.groupTitle("", "zh"), "");
}

TEST(GroupLabels, ChineseMissingFallsBackToEnglish) {
    const Scenario s =
        parseScenario(file(R"("groups": { "ASIC market": { "en": "The ASIC market" } },)"));
    EXPECT_EQ(s.groupTitle("ASIC market", "zh"), "The ASIC market");
}

TEST(GroupLabels, AnUnusedGroupIsRefusedWithItsLocation) {
    try {
        (void)parseScenario(
            file(R"("groups": { "ASIC markt": { "en": "ASIC market", "zh": "ASIC市场" } },)"),
            "typo.json");
        FAIL() << "accepted a label for a group no assumption has";
    } catch (const ScenarioError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("typo.json:10:"), std::string::npos) << what;
        EXPECT_NE(what.find("groups.ASIC markt"), std::string::npos) << what;
        EXPECT_NE(what.find("no assumption is in the group 'ASIC markt'"), std::string::npos)
            << what;
    }
}

TEST(GroupLabels, ALabelWithoutEnglishIsRefused) {
    EXPECT_THROW((void)parseScenario(file(R"("groups": { "ASIC market": { "zh": "ASIC市场" } },)")),
                 ScenarioError);
}

TEST(GroupLabels, SaveWritesThemAfterTheAssumptionsAndRoundTrips) {
    const Scenario s = parseScenario(
        file(R"("groups": { "ASIC market": { "en": "ASIC market", "zh": "ASIC市场" } },)"));
    const std::string saved = serializeScenario(s);
    const auto groups = saved.find("\"groups\"");
    ASSERT_NE(groups, std::string::npos);
    EXPECT_LT(saved.find("\"assumptions\""), groups);
    EXPECT_LT(groups, saved.find("\"series\""));
    const Scenario again = parseScenario(saved);
    EXPECT_EQ(again, s);
    EXPECT_EQ(serializeScenario(again), saved);
    // No section when there are no labels.
    const Scenario none = parseScenario(file(""));
    EXPECT_EQ(serializeScenario(none).find("\"groups\""), std::string::npos);
}
