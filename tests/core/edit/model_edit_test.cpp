// Structural edits (issue 14): rename rewrites every reference, delete refuses a referenced
// assumption naming the referrers, inline replaces references by the value, and each edit leaves
// a forecast the loader reads back and that evaluates to the same figures.
#include "core/edit/model_edit.h"

#include "core/eval/evaluator.h"
#include "core/eval/model.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"

#include "tests/core/edit/edit_test_support.h"

#include <gtest/gtest.h>

using namespace jevons::core;
using namespace jevons::core::edit;
using jevons::core::edit::test_support::base;
using jevons::core::edit::test_support::valueOf;

namespace {

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST(ModelEdit, RenamedInFormulaKeepsTextAndUnicode) {
    EXPECT_EQ(renamedInFormula("accel_market × asic_share", "asic_share", "share"),
              "accel_market × share");
    EXPECT_EQ(renamedInFormula("lag(glasses.cumulative, 1)−glasses", "glasses", "ar"),
              "lag(ar.cumulative, 1)−ar");
    // A name that merely starts with the id is another name.
    EXPECT_EQ(renamedInFormula("asic_share_2028 + asic_share", "asic_share", "s"),
              "asic_share_2028 + s");
}

TEST(ModelEdit, RenameRewritesEveryReference) {
    // asic_share_2028: a series point, the bull and bear overrides, anchor F3's drives, and a
    // correlation in the default forecast.
    const auto before = referrersOf(base(), "asic_share_2028");
    ASSERT_FALSE(before.empty());
    const Scenario s = renamed(base(), "asic_share_2028", "share_2028");
    EXPECT_TRUE(referrersOf(s, "asic_share_2028").empty());
    EXPECT_EQ(referrersOf(s, "share_2028").size(), before.size());
    EXPECT_EQ(s.findAssumption("asic_share_2028"), nullptr);
    ASSERT_NE(s.findAssumption("share_2028"), nullptr);
    for (const ScenarioDef& def : base().scenarios) {
        if (def.overrides.count("asic_share_2028")) {
            EXPECT_EQ(s.findScenario(def.id)->overrides.at("share_2028"),
                      def.overrides.at("asic_share_2028"));
        }
    }
    checkLoadable(s);
    // The same forecast: 42.9 in 2028 (base), and each scenario as before.
    EXPECT_NEAR(valueOf(s, "asic_market", 2028), 42.9, 0.05);
    for (const ScenarioDef& def : base().scenarios)
        EXPECT_DOUBLE_EQ(valueOf(s, "asic_market", 2028, def.id),
                         valueOf(base(), "asic_market", 2028, def.id));
    // Renaming back gives the file byte for byte.
    EXPECT_EQ(serializeScenario(renamed(s, "share_2028", "asic_share_2028")),
              serializeScenario(base()));
}

TEST(ModelEdit, RenameASeriesFollowsFormulasChartsAnchorsAndOutputs) {
    const Scenario s = renamed(base(), "asic_share", "share");
    checkLoadable(s);
    EXPECT_NE(s.findSeries("asic_market")->expr.find("share"), std::string::npos);
    EXPECT_NEAR(valueOf(s, "asic_market", 2028), 42.9, 0.05);
    const ChartDef* chart = s.findChart("asic_share");
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->series.at(0), "share");
    EXPECT_EQ(serializeScenario(renamed(s, "share", "asic_share")), serializeScenario(base()));
}

TEST(ModelEdit, RenameRefusesBadAndTakenIds) {
    EXPECT_NE(messageOf([] {
                  (void)renamed(base(), "accel_2023", "accel_2028");
              }).find("'accel_2028' is already an assumption"),
              std::string::npos);
    EXPECT_NE(messageOf([] {
                  (void)renamed(base(), "accel_2023", "asic_market");
              }).find("'asic_market' is already a series"),
              std::string::npos);
    EXPECT_NE(messageOf([] { (void)renamed(base(), "accel_2023", "2x"); }).find("is not an id"),
              std::string::npos);
    EXPECT_NE(
        messageOf([] { (void)renamed(base(), "accel_2023", "lag"); }).find("formula function"),
        std::string::npos);
    EXPECT_NE(messageOf([] { (void)renamed(base(), "nope", "x"); }).find("neither"),
              std::string::npos);
}

TEST(ModelEdit, DeletingAReferencedAssumptionNamesTheReferrers) {
    const std::string message =
        messageOf([] { (void)withoutAssumption(base(), "asic_share_2028"); });
    EXPECT_NE(message.find("assumptions.asic_share_2028"), std::string::npos) << message;
    for (const std::string& r : referrersOf(base(), "asic_share_2028"))
        EXPECT_NE(message.find(r), std::string::npos) << r;
    EXPECT_NE(message.find("series asic_share: point 2028"), std::string::npos) << message;
}

TEST(ModelEdit, InlineReplacesReferencesByTheValue) {
    const Scenario s = inlined(base(), "asic_share_2028");
    EXPECT_EQ(s.findAssumption("asic_share_2028"), nullptr);
    checkLoadable(s);
    // The base case is unchanged: the point is now the literal 25%.
    EXPECT_NEAR(valueOf(s, "asic_market", 2028), 42.9, 0.05);
    for (const YearPoint& p : s.findSeries("asic_share")->points) {
        if (p.year == 2028) {
            EXPECT_EQ(p.value, Param{0.25});
        }
    }
    // An unreferenced assumption simply goes.
    Scenario extra = base();
    extra.assumptions.push_back(extra.assumptions.front());
    extra.assumptions.back().id = freshId(extra, "accel_2023");
    EXPECT_EQ(extra.assumptions.back().id, "accel_2023_2");
    EXPECT_EQ(withoutAssumption(extra, "accel_2023_2"), base());
}

TEST(ModelEdit, InlineWritesNegativeNumbersInParentheses) {
    Scenario s = base();
    Assumption a = s.assumptions.front();
    a.id = "offset";
    a.value = -2.0;
    a.min = -5.0;
    a.max = 5.0;
    s.assumptions.push_back(a);
    SeriesDef f;
    f.id = "shifted";
    f.label = {"Shifted", "平移"};
    f.unit = s.findSeries("asic_market")->unit;
    f.kind = SeriesKind::Formula;
    f.expr = "asic_market ^ 1 - offset";
    s.series.push_back(f);
    const Scenario t = inlined(s, "offset");
    EXPECT_EQ(t.findSeries("shifted")->expr, "asic_market ^ 1 - (-2)");
    EXPECT_NEAR(valueOf(t, "shifted", 2028), valueOf(s, "shifted", 2028), 1e-12);
}

TEST(ModelEdit, DeletingASeriesTakesItOffChartsButNotOffFormulas) {
    EXPECT_NE(messageOf([] {
                  (void)withoutSeries(base(), "asic_share");
              }).find("series asic_market (formula)"),
              std::string::npos);
    // AI-glasses penetration: on the glasses chart's right-hand axis, used by no formula.
    const Scenario s = withoutSeries(base(), "glasses_penetration");
    EXPECT_EQ(s.findSeries("glasses_penetration"), nullptr);
    ASSERT_NE(s.findChart("glasses"), nullptr);
    EXPECT_TRUE(s.findChart("glasses")->secondary.empty());
    checkLoadable(s);
    // A chart left with no series goes.
    Scenario t = base();
    ChartDef only = t.charts.front();
    only.id = "installed";
    only.type = ChartType::Line;
    only.series = {"glasses_installed"};
    only.secondary.clear();
    only.cagr.clear();
    t.charts.push_back(only);
    EXPECT_EQ(withoutSeries(t, "glasses_installed").findChart("installed"), nullptr);
}

TEST(ModelEdit, RenamingASourceRewritesEveryCitation) {
    std::size_t cited = 0;
    for (const Assumption& a : base().assumptions) cited += a.provenance.source == "tf2025";
    for (const Anchor& a : base().anchors) cited += a.source == "tf2025";
    ASSERT_GT(cited, 3u);
    const Scenario s = renamedSource(base(), "tf2025", "tianfeng");
    EXPECT_FALSE(s.findSource("tf2025"));
    ASSERT_TRUE(s.findSource("tianfeng"));
    std::size_t after = 0;
    for (const Assumption& a : s.assumptions) after += a.provenance.source == "tianfeng";
    for (const Anchor& a : s.anchors) after += a.source == "tianfeng";
    EXPECT_EQ(after, cited);
    EXPECT_NO_THROW(checkLoadable(s));
    EXPECT_NE(messageOf([] {
                  (void)renamedSource(base(), "tf2025", "marvell");
              }).find("'marvell' is already a source"),
              std::string::npos);
}

TEST(ModelEdit, DeletingACitedSourceIsRefusedNamingTheCiters) {
    const std::string m = messageOf([] { (void)withoutSource(base(), "tf2025"); });
    EXPECT_NE(m.find("assumption asic_share_2028"), std::string::npos) << m;
    EXPECT_NE(m.find("anchor 1 (asic_market 2023)"), std::string::npos) << m;
    // A source nothing cites goes.
    Scenario s = base();
    s.sources.push_back({"spare", {"Spare", ""}, {"Nobody", ""}, "", ""});
    EXPECT_EQ(withoutSource(s, "spare"), base());
}

TEST(ModelEdit, RenamingAScenarioKeepsItsOverridesAndTheBaseKeepsItsId) {
    const Scenario s = renamedScenario(base(), "bull", "upside");
    ASSERT_TRUE(s.findScenario("upside"));
    EXPECT_EQ(s.findScenario("upside")->overrides, base().findScenario("bull")->overrides);
    EXPECT_FALSE(s.findScenario("bull"));
    EXPECT_NE(messageOf([] {
                  (void)renamedScenario(base(), "base", "central");
              }).find("keeps the id 'base'"),
              std::string::npos);
    EXPECT_NE(messageOf([] {
                  (void)renamedScenario(base(), "bull", "bear");
              }).find("'bear' is already a scenario"),
              std::string::npos);
}
