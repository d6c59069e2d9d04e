// Tests for core/deck/chart_link.h: the link a deck's chart carries back to its forecast.
#include "core/deck/chart_link.h"
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

TEST(ChartLink, NamesReadBack) {
    ChartLink zh{"asic_market", "bull", "zh", {}};
    zh.units.money = DisplayUnit::RmbHundredMillion;
    zh.units.volume = DisplayUnit::TenThousandUnits;
    zh.units.percentDecimals = 2;
    zh.units.cnyPerUsd = 7.15;
    for (const ChartLink& link : {ChartLink{"asic_market", "base", "en", {}}, zh,
                                  ChartLink{"bridge:base:bull:asic_market:2028", "base", "en", {}}})
        EXPECT_EQ(parseLinkName(linkName(link)), link) << linkName(link);
    EXPECT_EQ(linkName({"asic_market", "base", "en", {}}),
              "Jevons chart asic_market | scenario=base | lang=en | money=US$B | volume=M units | "
              "percent=1 | cny=7.2");
}

TEST(ChartLink, OtherNamesAreNoLinks) {
    const std::string good = linkName({"asic_market", "base", "en", {}});
    for (const std::string& name :
         {std::string("Chart"), std::string("Title 1"), std::string(), std::string("Jevons chart "),
          good.substr(0, good.size() - 9),  // a field cut off
          std::string("Jevons chart x | scenario=base | lang=fr | money=US$B | volume=M units | "
                      "percent=1 | cny=7.2"),  // no such language
          std::string("Jevons chart x | scenario=base | lang=en | money=EUR | volume=M units | "
                      "percent=1 | cny=7.2"),  // no such unit
          std::string("Jevons chart x | scenario=base | lang=en | money=US$B | volume=M units | "
                      "percent=9 | cny=7.2")})  // decimals out of range
        EXPECT_EQ(parseLinkName(name), std::nullopt) << name;
}

TEST(ChartLink, EveryChartOfADeckCarriesItsLink) {
    DeckOptions options;
    options.scenarioId = "bull";
    options.language = "zh";
    options.uncertainty = UncertaintySlideOptions{};
    options.bridges = {{"base", "bull"}};
    const Deck deck = buildDeck(defaultModel(), options);
    std::vector<std::string> charts;
    for (const Slide& slide : deck.slides)
        if (const auto* plan = std::get_if<ChartPlan>(&slide)) {
            const auto link = parseLinkName(plan->link);
            ASSERT_TRUE(link) << plan->id << ": " << plan->link;
            EXPECT_EQ(link->scenario, "bull");
            EXPECT_EQ(link->language, "zh");
            charts.push_back(link->chart);
        }
    EXPECT_EQ(charts.front(), "asic_market");
    EXPECT_NE(std::find(charts.begin(), charts.end(), "tornado_asic_market"), charts.end());
    EXPECT_EQ(charts.back(), "bridge:base:bull:asic_market:2028");
    // Written as the chart frame's name.
    const TempDir dir;
    writeDeck(deck, dir.file("deck.pptx"));
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    const std::string slide = readFile((dir.path() / "x/ppt/slides/slide1.xml").string());
    EXPECT_NE(slide.find("name=\"Jevons chart asic_market | scenario=bull | lang=zh | money=US$B"),
              std::string::npos)
        << slide;
}

}  // namespace
