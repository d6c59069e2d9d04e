// Published ranges (issue 14): an anchor with "range": [low, high] instead of a value. Read,
// written back the same, refused when malformed (naming the field), left out of fitting, in the
// chart plan as a mark with a high end, and drawn on the native slide as a bar with caps.
#include "core/calibration/data_points.h"
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/deck/plot_layout.h"
#include "core/plan/chart_plan.h"
#include "core/scenario/scenario_json.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

nlohmann::ordered_json defaultJson() {
    return nlohmann::ordered_json::parse(readFile(defaultForecastPath()));
}

/// The loader's message for the default forecast with anchor `index` replaced by `anchor`.
std::string refusal(std::size_t index, const nlohmann::ordered_json& anchor) {
    auto j = defaultJson();
    j["anchors"][index] = anchor;
    try {
        (void)parseScenario(j.dump(2), "default.json");
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

std::size_t indexOfF6(const Scenario& s) {
    for (std::size_t i = 0; i < s.anchors.size(); ++i)
        if (s.anchors[i].isRange() && s.anchors[i].source == "broadcom") return i;
    return s.anchors.size();
}

}  // namespace

TEST(RangeAnchor, TheDefaultForecastCarriesF6AndF8AsRanges) {
    const Scenario s = loadScenarioFile(defaultForecastPath());
    const std::size_t f6 = indexOfF6(s);
    ASSERT_LT(f6, s.anchors.size());
    EXPECT_EQ(s.anchors[f6].series, "asic_market");
    EXPECT_EQ(s.anchors[f6].year, 2027);
    EXPECT_EQ(s.anchors[f6].value, 60.0);
    EXPECT_EQ(s.anchors[f6].high, 90.0);
    const auto f8 = std::find_if(s.anchors.begin(), s.anchors.end(),
                                 [](const Anchor& a) { return a.series == "meta_capex"; });
    ASSERT_NE(f8, s.anchors.end());
    EXPECT_TRUE(f8->isRange());
    EXPECT_EQ(f8->value, 60.0);
    EXPECT_EQ(f8->high, 65.0);
    EXPECT_TRUE(f8->drives.empty());  // a range is never dragged
    // Written back as a range, and save -> load -> save is the same bytes.
    const std::string once = serializeScenario(s);
    EXPECT_NE(once.find("\"range\": [\n        60.0,\n        90.0\n      ]"), std::string::npos)
        << once.substr(once.find("\"anchors\""), 600);
    EXPECT_EQ(serializeScenario(parseScenario(once)), once);
    EXPECT_EQ(parseScenario(once).anchors, s.anchors);
}

TEST(RangeAnchor, MalformedRangesAreRefusedNamingTheField) {
    const Scenario s = loadScenarioFile(defaultForecastPath());
    const std::size_t f6 = indexOfF6(s);
    const std::string at = "anchors[" + std::to_string(f6) + "]";
    nlohmann::ordered_json a = defaultJson()["anchors"][f6];

    auto both = a;
    both["value"] = 75;
    EXPECT_NE(refusal(f6, both).find("not both"), std::string::npos) << refusal(f6, both);
    EXPECT_NE(refusal(f6, both).find(at), std::string::npos) << refusal(f6, both);

    auto reversed = a;
    reversed["range"] = {90, 60};
    const std::string r = refusal(f6, reversed);
    EXPECT_NE(r.find(at + ".range"), std::string::npos) << r;
    EXPECT_NE(r.find("high end 60 is below the low end 90"), std::string::npos) << r;

    auto three = a;
    three["range"] = {60, 75, 90};
    EXPECT_NE(refusal(f6, three).find("expected [low, high]"), std::string::npos);

    auto negative = a;
    negative["range"] = {-5, 90};
    EXPECT_NE(refusal(f6, negative).find(at + ".range[0]"), std::string::npos)
        << refusal(f6, negative);

    auto dragged = a;
    dragged["drives"] = "accel_2028";
    const std::string d = refusal(f6, dragged);
    EXPECT_NE(d.find(at + ".drives"), std::string::npos) << d;
    EXPECT_NE(d.find("a range cannot drive an assumption"), std::string::npos) << d;

    auto neither = a;
    neither.erase("range");
    EXPECT_NE(refusal(f6, neither).find("value"), std::string::npos);
}

TEST(RangeAnchor, RangesAreNotFitted) {
    const Scenario s = loadScenarioFile(defaultForecastPath());
    const DataPoints points = anchorPoints(s, "asic_market");
    EXPECT_EQ(points.years, (std::vector<int>{2023, 2028}));  // F1 and F4, not F6's 2027
    EXPECT_TRUE(anchorPoints(s, "meta_capex").years.empty());
}

TEST(RangeAnchor, ThePlanCarriesTheHighEndAndTheAxisReachesIt) {
    const Evaluator e(defaultModel(), "base");
    const ChartDef* def = defaultModel().scenario().findChart("asic_market");
    ASSERT_NE(def, nullptr);
    const ChartPlan plan = buildChartPlan(e, *def, "en", "Base");
    const auto f6 = std::find_if(plan.anchors.begin(), plan.anchors.end(),
                                 [](const AnchorMark& m) { return !std::isnan(m.high); });
    ASSERT_NE(f6, plan.anchors.end());
    EXPECT_EQ(f6->category, "2027");
    EXPECT_EQ(f6->value, 60.0);
    EXPECT_EQ(f6->high, 90.0);
    EXPECT_EQ(f6->label, "2027: 60.0–90.0 (Broadcom)");
    EXPECT_GE(plan.primaryScale.max, 90.0);
    // In 亿美元 the range is 600–900.
    DisplayChoice yi;
    yi.money = DisplayUnit::UsdHundredMillion;
    const ChartPlan zh = buildChartPlan(e, *def, "zh", "基准", yi);
    const auto z = std::find_if(zh.anchors.begin(), zh.anchors.end(),
                                [](const AnchorMark& m) { return !std::isnan(m.high); });
    ASSERT_NE(z, zh.anchors.end());
    EXPECT_NEAR(z->value, 600.0, 1e-9);
    EXPECT_NEAR(z->high, 900.0, 1e-9);
}

// The native slide: one "Published range" shape per range, over the anchor's year, spanning the
// range on the value axis the chart part pins (plotRect, the plan's scale); valid PresentationML.
TEST(RangeAnchor, TheNativeSlideDrawsABarWithCaps) {
    DeckOptions options;
    options.chartIds = {"asic_market", "capex", "asic_share"};
    const Deck deck = buildDeck(defaultModel(), options);
    const TempDir dir;
    writeDeck(deck, dir.file("ranges.pptx"));
    unzip(dir.file("ranges.pptx"), dir.path() / "x");
    const auto shapes = [&](int slide) {
        const std::string xml = readFile(
            (dir.path() / "x/ppt/slides" / ("slide" + std::to_string(slide) + ".xml")).string());
        std::vector<std::array<long long, 4>> out;  // x, y, cx, cy of each range bar
        const std::regex bar(
            "name=\"Published range \\d+\"[\\s\\S]*?<a:off x=\"(\\d+)\" y=\"(\\d+)\"/><a:ext "
            "cx=\"(\\d+)\" cy=\"(\\d+)\"/>");
        for (auto it = std::sregex_iterator(xml.begin(), xml.end(), bar);
             it != std::sregex_iterator(); ++it)
            out.push_back({std::stoll((*it)[1]), std::stoll((*it)[2]), std::stoll((*it)[3]),
                           std::stoll((*it)[4])});
        return std::pair{out, xml};
    };
    for (int slide = 1; slide <= 3; ++slide)
        EXPECT_EQ(
            schemaErrors(dir.path() / "x/ppt/slides" / ("slide" + std::to_string(slide) + ".xml"),
                         "pml.xsd"),
            "");
    const auto [asic, asicXml] = shapes(1);
    ASSERT_EQ(asic.size(), 1u) << asicXml;
    const auto& plan = std::get<ChartPlan>(deck.slides[0]);
    // Height: (90 - 60) / (max - min) of the plot's height; the frame's height from the
    // graphic frame, the plot's fraction from plotRect.
    const std::regex frameRe(
        "name=\"Jevons chart [^\"]*\"[\\s\\S]*?<a:off x=\"(\\d+)\" y=\"(\\d+)\"/><a:ext "
        "cx=\"(\\d+)\" cy=\"(\\d+)\"/>");
    std::smatch frame;
    ASSERT_TRUE(std::regex_search(asicXml, frame, frameRe));
    const double frameH = std::stod(frame[4]);
    const double frameY = std::stod(frame[2]);
    const PlotRect rect = plotRect(plan);
    const double span = plan.primaryScale.max - plan.primaryScale.min;
    const auto yOf = [&](double v) {
        return frameY + (rect.y + rect.h * (1.0 - (v - plan.primaryScale.min) / span)) * frameH;
    };
    EXPECT_NEAR(double(asic[0][1]), yOf(90.0), 2.0);
    EXPECT_NEAR(double(asic[0][1] + asic[0][3]), yOf(60.0), 2.0);
    // Centred on 2027, the fifth of 2023..2030.
    const double frameX = std::stod(frame[1]);
    const double frameW = std::stod(frame[3]);
    EXPECT_NEAR(double(asic[0][0]) + double(asic[0][2]) / 2,
                frameX + categoryCentre(plan, 4) * frameW, 2.0);
    // F8 on the stacked capex chart: Meta is the bottom of the stack, so 60-65 on the axis.
    const auto [capex, capexXml] = shapes(2);
    ASSERT_EQ(capex.size(), 1u) << capexXml;
    EXPECT_TRUE(shapes(3).first.empty());  // the share chart has points only
}
