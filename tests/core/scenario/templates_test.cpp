// The forecasts to start from (issue 14): Blank, the shipped templates and the default, each a
// working forecast in both languages whose decks, uncertainty slides included, are drawn from
// its own ids (Scenario::focus), not the default forecast's.
#include "core/scenario/templates.h"
#include "core/deck/deck.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace jevons::core;
using namespace jevons::core::deck;

namespace {

const std::string kForecasts = JEVONS_FORECASTS_DIR;

std::vector<TemplateInfo> shipped() {
    return listTemplates(kForecasts + "/templates", kForecasts + "/default.json");
}

}  // namespace

TEST(Templates, FourShippedTemplatesBesideBlankAndTheDefault) {
    const auto templates = shipped();
    ASSERT_EQ(templates.size(), 6u);
    EXPECT_EQ(templates.front().name, "blank");
    EXPECT_EQ(templates.back().name, "default");
    for (const TemplateInfo& t : templates) {
        EXPECT_TRUE(t.problem.empty()) << t.name << ": " << t.problem;
        EXPECT_FALSE(t.title.en.empty()) << t.name;
        EXPECT_FALSE(t.title.zh.empty()) << t.name;
        EXPECT_FALSE(t.description.en.empty()) << t.name;
        EXPECT_FALSE(t.description.zh.empty()) << t.name;
    }
}

// Labels in English and Chinese: every assumption, series, chart and scenario a template has.
TEST(Templates, EveryTextHasChinese) {
    for (const TemplateInfo& t : shipped()) {
        if (t.name == "blank" || t.name == "default") continue;
        const Scenario s = loadScenarioFile(t.path);
        EXPECT_GE(s.series.size(), 2u) << t.name;
        EXPECT_GE(s.charts.size(), 1u) << t.name;
        for (const Assumption& a : s.assumptions)
            EXPECT_FALSE(a.label.zh.empty()) << t.name << " " << a.id;
        for (const SeriesDef& x : s.series)
            EXPECT_FALSE(x.label.zh.empty()) << t.name << " " << x.id;
        for (const ChartDef& c : s.charts) {
            EXPECT_FALSE(c.title.zh.empty()) << t.name << " " << c.id;
            EXPECT_FALSE(c.sourceLine.zh.empty()) << t.name << " " << c.id;
        }
        for (const ScenarioDef& sc : s.scenarios)
            EXPECT_FALSE(sc.label.zh.empty()) << t.name << " " << sc.id;
        for (const GroupLabel& g : s.groups)
            EXPECT_FALSE(g.label.zh.empty()) << t.name << " " << g.name;
    }
}

// A deck of every template, in both languages, with the uncertainty slides: a tornado and a
// histogram of the template's own focus series.
TEST(Templates, DecksWithUncertaintySlidesUseTheTemplatesOwnSeries) {
    for (const TemplateInfo& t : shipped()) {
        if (t.name == "blank") continue;
        const Scenario s = loadScenarioFile(t.path);
        const Scenario::Focus focus = s.focus();
        ASSERT_FALSE(focus.ref.empty()) << t.name;
        const Model model = Model::compile(s);
        ASSERT_TRUE(model.resolve(focus.ref)) << t.name << ": " << focus.ref;
        for (const char* language : {"en", "zh"}) {
            DeckOptions options;
            options.language = language;
            options.uncertainty = UncertaintySlideOptions{};
            options.uncertainty->paths = 500;
            const Deck deck = buildDeck(model, options);
            bool tornado = false, histogram = false;
            for (const Slide& slide : deck.slides)
                if (const auto* plan = std::get_if<ChartPlan>(&slide)) {
                    tornado = tornado || plan->kind == ChartKind::Tornado;
                    histogram = histogram || plan->kind == ChartKind::Histogram;
                }
            EXPECT_TRUE(tornado && histogram) << t.name << " " << language;
        }
    }
}

TEST(Templates, FocusOfTheDefaultForecastIsTheAsicMarket) {
    const Scenario s = loadScenarioFile(kForecasts + "/default.json");
    const Scenario::Focus f = s.focus();
    EXPECT_EQ(f.ref, "asic_market");
    EXPECT_EQ(f.chartEnd, 2030);  // the first chart's years end in 2030
    EXPECT_EQ(f.cagrEnd, 2028);   // its CAGR arrow ends in 2028
    Scenario noCharts = s;
    noCharts.charts.clear();
    EXPECT_EQ(noCharts.focus().ref, s.series.front().id);
    EXPECT_EQ(noCharts.focus().chartEnd, s.years.last);
    EXPECT_TRUE(blankForecast(2026).focus().ref.empty());
}

TEST(Templates, DescriptionRoundTripsAndBlankIsEmpty) {
    Scenario s = blankForecast(2026);
    EXPECT_EQ(s.years.first, 2026);
    EXPECT_EQ(s.years.last, 2031);
    s.description = {"One line", "一句话"};
    const std::string text = serializeScenario(s);
    EXPECT_NE(
        text.find("\"description\": {\n      \"en\": \"One line\",\n      \"zh\": \"一句话\""),
        std::string::npos)
        << text;
    EXPECT_EQ(serializeScenario(parseScenario(text)), text);
    EXPECT_THROW((void)newForecast(shipped(), "hbm", 2026), ScenarioError);
}
