// Tests for the lookups of core/scenario/scenario.h.
#include "core/scenario/scenario.h"

#include <gtest/gtest.h>

namespace jevons::core {
namespace {

Scenario sample() {
    Scenario s;
    Assumption a;
    a.id = "share";
    a.value = 0.25;
    Assumption b;
    b.id = "growth";
    b.value = 0.1;
    s.assumptions = {a, b};
    SeriesDef series;
    series.id = "market";
    s.series = {series};
    ChartDef chart;
    chart.id = "c1";
    s.charts = {chart};
    s.sources = {{"tf", {"Report", ""}, {}, "", ""}};
    s.scenarios = {{"base", {"Base", ""}, {}, {}},
                   {"bull", {"Bull", ""}, {}, {{"share", 0.3}, {"retired", 9.0}}}};
    return s;
}

TEST(ScenarioLookup, FindsByIdOrReturnsNull) {
    Scenario s = sample();
    const Scenario& c = s;
    ASSERT_NE(c.findAssumption("growth"), nullptr);
    EXPECT_EQ(c.findAssumption("growth")->value, 0.1);
    EXPECT_EQ(c.findAssumption("market"), nullptr);
    s.findAssumption("growth")->value = 0.2;
    EXPECT_EQ(c.findAssumption("growth")->value, 0.2);
    EXPECT_EQ(c.findSeries("market"), &s.series[0]);
    EXPECT_EQ(c.findSeries("share"), nullptr);
    EXPECT_EQ(c.findChart("c1"), &s.charts[0]);
    EXPECT_EQ(c.findChart("c2"), nullptr);
    EXPECT_EQ(c.findSource("tf"), &s.sources[0]);
    EXPECT_EQ(c.findSource(""), nullptr);
    EXPECT_EQ(c.findScenario("bull"), &s.scenarios[1]);
    EXPECT_EQ(c.findScenario("bear"), nullptr);
}

TEST(ScenarioLookup, AssumptionValuesApplyOverrides) {
    const Scenario s = sample();
    const std::map<std::string, double> base{{"share", 0.25}, {"growth", 0.1}};
    EXPECT_EQ(s.assumptionValues(""), base);
    EXPECT_EQ(s.assumptionValues("base"), base);
    // Overrides of assumptions that no longer exist are ignored.
    EXPECT_EQ(s.assumptionValues("bull"),
              (std::map<std::string, double>{{"share", 0.3}, {"growth", 0.1}}));
    // An unknown scenario gives the base values.
    EXPECT_EQ(s.assumptionValues("bear"), base);
}

}  // namespace
}  // namespace jevons::core
