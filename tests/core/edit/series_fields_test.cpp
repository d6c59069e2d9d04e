// A series' fields as one-line texts (issue 14's series forms): each kind's fields read and
// written as the editor shows them, alternatives swapped whole, kinds changed to valid
// defaults, and bad text refused with the field's path and the document untouched.
#include "core/edit/series_fields.h"

#include "core/eval/evaluator.h"
#include "core/eval/model.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"
#include "core/scenario/templates.h"
#include "core/series/series_kind.h"

#include "tests/core/edit/edit_test_support.h"

#include <gtest/gtest.h>

using namespace jevons::core;
using namespace jevons::core::edit;
using jevons::core::edit::test_support::base;
using jevons::core::edit::test_support::valueOf;

namespace {

ScenarioError errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ScenarioError& e) {
        return e;
    }
    return ScenarioError("", "(no error)");
}

}  // namespace

TEST(SeriesFields, TheDefaultForecastsFieldsAsText) {
    EXPECT_EQ(seriesFieldText(base(), "asic_share", "ceiling"), "asic_share_ceiling");
    EXPECT_EQ(seriesFieldText(base(), "asic_share", "through"),
              "2023: asic_share_2023, 2028: asic_share_2028");
    EXPECT_EQ(seriesFieldText(base(), "asic_share", "midpoint"), "");
    EXPECT_EQ(seriesFieldText(base(), "meta_capex", "start"), "2025: meta_capex_2025");
    EXPECT_EQ(seriesFieldText(base(), "meta_capex", "segments"), "2035: capex_growth");
    EXPECT_EQ(seriesFieldText(base(), "compute", "base_year"), "2023");
    EXPECT_EQ(seriesFieldText(base(), "compute", "base_cost"), "1");
    EXPECT_EQ(seriesFieldText(base(), "asic_market", "expr"), "accel_market * asic_share");
}

TEST(SeriesFields, TextRoundTripsForEveryFieldOfTheDefaultForecast) {
    for (const SeriesDef& d : base().series)
        for (std::string_view field : seriesKind(d.kind).fields) {
            const std::string text = seriesFieldText(base(), d.id, field);
            if (text.empty()) continue;
            EXPECT_EQ(withSeriesField(base(), d.id, field, text), base()) << d.id << "." << field;
        }
}

TEST(SeriesFields, ALiteralReplacesAnAssumptionAndChineseCommasRead) {
    // The ceiling from 50% (an assumption) to a literal 0.4; the through points typed with a
    // Chinese keyboard's ： and ，.
    Scenario s = withSeriesField(base(), "asic_share", "ceiling", "0.4");
    EXPECT_TRUE(s.findSeries("asic_share")->params.at("ceiling").isLiteral());
    EXPECT_DOUBLE_EQ(s.findSeries("asic_share")->params.at("ceiling").literal(), 0.4);
    s = withSeriesField(s, "asic_share", "through", "2023：0.16，2028：0.3");
    EXPECT_NEAR(valueOf(s, "asic_share", 2028), 0.30, 1e-12);
    EXPECT_NEAR(valueOf(s, "asic_share", 2023), 0.16, 1e-12);
}

TEST(SeriesFields, MidpointAndSteepnessReplaceThroughWhole) {
    const Scenario s = withSeriesField(base(), "asic_share", "midpoint", "2030");
    const SeriesDef& d = *s.findSeries("asic_share");
    EXPECT_TRUE(d.points.empty());
    EXPECT_EQ(seriesFieldText(s, "asic_share", "midpoint"), "2030");
    EXPECT_EQ(seriesFieldText(s, "asic_share", "steepness"), "0.5");  // the companion's default
    // At the midpoint a logistic is at half its ceiling (50% → 25%).
    EXPECT_NEAR(valueOf(s, "asic_share", 2030), 0.25, 1e-12);
    // And back to two points.
    const Scenario back = withSeriesField(s, "asic_share", "through", "2023: 0.16, 2028: 0.25");
    EXPECT_EQ(seriesFieldText(back, "asic_share", "midpoint"), "");
    EXPECT_NEAR(valueOf(back, "asic_share", 2028), 0.25, 1e-12);
}

TEST(SeriesFields, CagrStartOrThrough) {
    // meta_capex grows from its start; given two points instead, it passes through them.
    const Scenario s = withSeriesField(base(), "meta_capex", "through", "2025: 60, 2028: 90");
    EXPECT_FALSE(s.findSeries("meta_capex")->start.has_value());
    EXPECT_NEAR(valueOf(s, "meta_capex", 2028), 90.0, 1e-9);
    const Scenario t = withSeriesField(s, "meta_capex", "start", "2025: 70");
    EXPECT_TRUE(t.findSeries("meta_capex")->points.empty());
    EXPECT_NEAR(valueOf(t, "meta_capex", 2025), 70.0, 1e-9);
}

TEST(SeriesFields, BadTextIsRefusedWithTheFieldsPath) {
    const ScenarioError e = errorOf(
        [] { (void)withSeriesField(base(), "asic_share", "through", "2023 0.16, 2028: 0.25"); });
    EXPECT_EQ(e.path(), "series.asic_share.through");
    EXPECT_NE(e.detail().find("YEAR: VALUE"), std::string::npos) << e.detail();
    // The loader's own message: a ceiling below the points.
    const ScenarioError low =
        errorOf([] { (void)withSeriesField(base(), "asic_share", "ceiling", "0.1"); });
    EXPECT_EQ(low.path().rfind("series.asic_share", 0), 0u) << low.what();
    EXPECT_EQ(low.line(), 0);  // no line of a text nobody wrote
    // An unknown assumption.
    const ScenarioError unknown =
        errorOf([] { (void)withSeriesField(base(), "asic_share", "ceiling", "asic_cieling"); });
    EXPECT_EQ(unknown.path(), "series.asic_share.ceiling");
    EXPECT_NE(std::string(unknown.what()).find("'asic_cieling' is not an assumption"),
              std::string::npos)
        << unknown.what();
}

TEST(SeriesFields, EveryKindFromAFormulaGetsValidDefaults) {
    for (const SeriesKindSpec& spec : seriesKinds()) {
        const Scenario s = withSeriesKind(base(), "asic_market", spec.kind);
        const SeriesDef& d = *s.findSeries("asic_market");
        EXPECT_EQ(d.kind, spec.kind) << spec.name;
        EXPECT_EQ(d.label, base().findSeries("asic_market")->label);
        EXPECT_TRUE(std::isfinite(valueOf(s, "asic_market", 2030))) << spec.name;
    }
    EXPECT_NEAR(
        valueOf(withSeriesKind(base(), "asic_market", SeriesKind::Cagr), "asic_market", 2024), 1.1,
        1e-12);  // 1 in 2023, 10% a year
}

TEST(SeriesFields, AChangeOfKindThatTheModelRefusesLeavesTheInputAlone) {
    // gpu_market is charted as the stack's remainder; making asic_market a points series is
    // fine, but a formula the model cannot compile is refused with its path.
    const Scenario before = base();
    const ScenarioError e =
        errorOf([] { (void)withSeriesField(base(), "asic_market", "expr", "accel_market *"); });
    EXPECT_EQ(e.path(), "series.asic_market.expr");
    EXPECT_EQ(before, base());
}
