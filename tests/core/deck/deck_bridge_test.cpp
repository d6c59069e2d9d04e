// The scenario bridge as a native deck chart (issue 15): stacked columns with an invisible
// offset, valid against the chart schema, with the values and labels of the plan.
#include "core/bridge/bridge_plan.h"
#include "core/deck/deck_error.h"
#include "core/deck/deck_writer.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

DeckOptions bridgeDeck(const std::string& language, std::vector<BridgeSlideRequest> bridges) {
    DeckOptions options;
    options.chartIds = {"asic_market"};
    options.language = language;
    options.bridges = std::move(bridges);
    return options;
}

// The chart part holding `marker` among ppt/charts/chartN.xml.
fs::path chartWith(const fs::path& root, const std::string& marker) {
    for (const auto& e : fs::directory_iterator(root / "ppt" / "charts"))
        if (e.path().extension() == ".xml" &&
            readFile(e.path().string()).find(marker) != std::string::npos)
            return e.path();
    return {};
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(DeckBridge, WaterfallSlideIsAValidStackedChartWithAnInvisibleOffset) {
    const TempDir dir;
    const Deck deck = buildDeck(defaultModel(), bridgeDeck("en", {{"base", "bull"}}));
    // the chart, the bridge, then the assumptions
    const auto* plan = std::get_if<ChartPlan>(&deck.slides[1]);
    ASSERT_NE(plan, nullptr);
    EXPECT_EQ(plan->kind, ChartKind::Waterfall);
    EXPECT_EQ(plan->title, "Datacenter ASIC market, 2028: Base → Bull (US$B)");
    writeDeck(deck, dir.file("deck.pptx"));
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    const fs::path chart = chartWith(dir.path() / "x", "<c:grouping val=\"stacked\"/>");
    ASSERT_FALSE(chart.empty());
    EXPECT_EQ(schemaErrors(chart, "dml-chart.xsd"), "");
    const std::string xml = readFile(chart.string());
    EXPECT_EQ(count(xml, "<c:ser>"), 4u);
    EXPECT_EQ(count(xml, "<c:overlap val=\"100\"/>"), 1u);
    // The offset (first series) has no fill and no labels; the steps are labelled signed.
    const std::string first =
        xml.substr(xml.find("<c:ser>"), xml.find("</c:ser>") - xml.find("<c:ser>"));
    EXPECT_NE(first.find("<c:spPr><a:noFill/>"), std::string::npos) << first;
    EXPECT_NE(first.find("<c:showVal val=\"0\"/>"), std::string::npos);
    EXPECT_NE(xml.find("formatCode=\"+0.0\""), std::string::npos);
    EXPECT_NE(xml.find("<c:v>Accelerated-compute market, 2028</c:v>"), std::string::npos);
    EXPECT_NE(xml.find("<c:v>42.9</c:v>"), std::string::npos);
    EXPECT_TRUE(std::regex_search(xml, std::regex("<c:v>(60|59\\.99999\\d*|60\\.00000\\d*)</c:v>")))
        << xml;                                            // bull: 200 × 30%, up to rounding
    EXPECT_EQ(xml.find("<c:legend>"), std::string::npos);  // the categories name the bars
    // The slide's text names the scenarios and says what did not move the output.
    const std::string slides = readFile((dir.path() / "x/ppt/slides/slide2.xml").string());
    EXPECT_NE(slides.find("Base → Bull scenario, Shapley attribution"), std::string::npos);
    EXPECT_NE(slides.find("No effect on this output"), std::string::npos);
    EXPECT_EQ(schemaErrors(dir.path() / "x/ppt/slides/slide2.xml", "pml.xsd"), "");
}

TEST(DeckBridge, ChineseColoursARiseRedAndEditedValuesAreUsed) {
    // The dashboard's edited bull: the ASIC share 2028 at 35% instead of 30%.
    std::map<std::string, double> bull = defaultModel().scenario().assumptionValues("bull");
    bull["asic_share_2028"] = 0.35;
    BridgeSlideRequest request{"base", "bull", "asic_market", 2028};
    request.toValues = bull;
    const Deck deck = buildDeck(defaultModel(), bridgeDeck("zh", {request}));
    const auto& plan = std::get<ChartPlan>(deck.slides[1]);
    EXPECT_NEAR(plan.series[kWaterfallTotal].values.back(), 200.0 * 0.35, 1e-9);
    EXPECT_EQ(plan.title, "数据中心ASIC市场，2028年：基准 → 乐观（十亿美元）");
    const TempDir dir;
    writeDeck(deck, dir.file("deck.pptx"));
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    const std::string xml =
        readFile(chartWith(dir.path() / "x", "<c:grouping val=\"stacked\"/>").string());
    const auto rise = xml.find("<c:v>增加</c:v>");
    ASSERT_NE(rise, std::string::npos);
    EXPECT_EQ(xml.find("<a:srgbClr val=\"F4A6A6\"/>", rise),  // 红涨: the rise is red
              xml.find("<a:srgbClr", rise));
}

TEST(DeckBridge, UnknownScenarioOrSeriesIsADeckError) {
    EXPECT_THROW((void)buildDeck(defaultModel(), bridgeDeck("en", {{"base", "moon"}})), DeckError);
    EXPECT_THROW((void)buildDeck(defaultModel(), bridgeDeck("en", {{"base", "bull", "nope", 0}})),
                 DeckError);
    try {
        (void)buildDeck(defaultModel(), bridgeDeck("en", {{"base", "bull", "meta_capex", 2023}}));
        FAIL() << "no error";
    } catch (const DeckError& e) {
        EXPECT_EQ(std::string(e.what()), "bridge to 'bull': meta_capex has no value in 2023");
    }
}

}  // namespace
