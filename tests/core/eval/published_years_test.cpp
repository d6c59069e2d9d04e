// Published years only (issue 18, item 7): a cagr series has values from its first given year
// on; the years before have no value (NaN) in the model, tables, formulas, Monte Carlo bands and
// deck charts, unless the file asks for "backcast": true.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <regex>
#include <string>

#include "core/deck/chart_xml.h"
#include "core/eval/derived.h"
#include "core/eval/evaluator.h"
#include "core/plan/chart_plan.h"
#include "core/report/series_table.h"
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/tornado.h"
#include "core/uncertainty/uncertainty_error.h"

namespace jevons::core {
namespace {

const std::string kDefault = std::string(JEVONS_SOURCE_DIR) + "/forecasts/default.json";

Scenario defaultScenario() { return loadScenarioFile(kDefault); }

/// The default forecast with `backcast` set on both capex series.
Scenario backcast() {
    Scenario s = defaultScenario();
    for (auto& series : s.series)
        if (series.id == "meta_capex" || series.id == "msft_capex") series.backcast = true;
    return s;
}

TEST(PublishedYears, CapexHasNoValueBeforeItsStartYear) {
    const Evaluator e(Model::compile(defaultScenario()));
    for (const char* id : {"meta_capex", "msft_capex", "hyperscaler_capex"}) {
        EXPECT_TRUE(std::isnan(e.value(id, 2023))) << id;
        EXPECT_TRUE(std::isnan(e.value(id, 2024))) << id;
        EXPECT_FALSE(std::isnan(e.value(id, 2025))) << id;
        EXPECT_EQ(e.model().firstValueColumn(e.model().seriesIndex(id)), 2) << id;
    }
    EXPECT_NEAR(e.value("meta_capex", 2025), 62.5, 1e-12);
    EXPECT_NEAR(e.value("hyperscaler_capex", 2025), 142.5, 1e-12);
    EXPECT_FALSE(e.model().hasValue(*e.model().resolve("meta_capex"), 2024));
    EXPECT_TRUE(e.model().hasValue(*e.model().resolve("meta_capex"), 2025));
    // Series given from the range's first year are whole.
    for (const char* id : {"accel_market", "asic_market", "glasses_installed"})
        EXPECT_EQ(e.model().firstValueColumn(e.model().seriesIndex(id)), 0) << id;
}

TEST(PublishedYears, BackcastRestoresTheExtrapolatedValues) {
    const Evaluator e(Model::compile(backcast()));
    const double growth = e.assumption("capex_growth");
    EXPECT_NEAR(e.value("meta_capex", 2024), 62.5 / (1.0 + growth), 1e-9);
    EXPECT_NEAR(e.value("meta_capex", 2023), 62.5 / std::pow(1.0 + growth, 2), 1e-9);
    EXPECT_NEAR(e.value("msft_capex", 2023), 80.0 / std::pow(1.0 + growth, 2), 1e-9);
    EXPECT_NEAR(e.value("hyperscaler_capex", 2023), 142.5 / std::pow(1.0 + growth, 2), 1e-9);
    EXPECT_EQ(e.model().firstValueColumn(e.model().seriesIndex("hyperscaler_capex")), 0);
}

TEST(PublishedYears, TheFlagSurvivesSaveAndLoad) {
    const Scenario with = backcast();
    const std::string text = serializeScenario(with);
    EXPECT_NE(text.find("\"backcast\": true"), std::string::npos);
    const Scenario again = parseScenario(text, "again.json");
    EXPECT_TRUE(again.findSeries("meta_capex")->backcast);
    EXPECT_FALSE(again.findSeries("accel_market")->backcast);
    EXPECT_EQ(serializeScenario(again), text);
    // Without the flag nothing is written: the shipped file is unchanged by a save.
    EXPECT_EQ(serializeScenario(defaultScenario()).find("backcast"), std::string::npos);
    // Only true or false.
    std::string bad = text;
    bad.replace(bad.find("\"backcast\": true"), 16, "\"backcast\": 1");
    try {
        (void)parseScenario(bad, "bad.json");
        FAIL() << "expected a ScenarioError";
    } catch (const ScenarioError& err) {
        EXPECT_NE(std::string(err.what()).find("backcast: expected true or false"),
                  std::string::npos)
            << err.what();
    }
}

TEST(PublishedYears, TableShowsNoFigureBeforeTheStart) {
    const Evaluator e(Model::compile(defaultScenario()));
    TableRequest request;
    request.series = {"meta_capex", "hyperscaler_capex"};
    request.ids = true;  // rows by id (by label without it: BilingualTable)
    request.fromYear = 2023;
    request.toYear = 2026;
    request.cagr = std::pair{2023, 2026};
    const SeriesTable table = buildTable(e, request);
    EXPECT_TRUE(std::isnan(table.rows[0].values[0]));
    EXPECT_TRUE(std::isnan(table.rows[0].values[1]));
    EXPECT_NEAR(table.rows[0].values[2], 62.5, 1e-12);
    EXPECT_FALSE(table.rows[0].cagr.has_value());  // no CAGR from a year without a value

    const std::string text = renderTable(table, TableFormat::Text, 1);
    EXPECT_TRUE(
        std::regex_search(text, std::regex(R"(meta_capex +US\$B +- +- +62\.5 +70\.0 +n/a)")))
        << text;
    const std::string csv = renderTable(table, TableFormat::Csv, 1);
    EXPECT_NE(csv.find("meta_capex,US$B,,,62.5,70.0,n/a"), std::string::npos) << csv;
    const auto json = nlohmann::json::parse(renderTable(table, TableFormat::Json, 1));
    EXPECT_TRUE(json["series"][0]["values"][0].is_null());
    EXPECT_TRUE(json["series"][1]["values"][1].is_null());
    EXPECT_DOUBLE_EQ(json["series"][1]["values"][2].get<double>(), 142.5);

    const Evaluator back(Model::compile(backcast()));
    const SeriesTable restored = buildTable(back, request);
    EXPECT_NEAR(restored.rows[0].values[1], 62.5 / (1.0 + back.assumption("capex_growth")), 1e-9);
    EXPECT_TRUE(restored.rows[0].cagr.has_value());
}

/// A scenario with one cagr series starting in 2025 and formulas over it.
Scenario formulas(const std::string& expr) {
    Scenario s;
    s.title.en = "formulas";
    s.years = {2023, 2028};
    SeriesDef capex;
    capex.id = "capex";
    capex.unit = Unit::UsdBillion;
    capex.kind = SeriesKind::Cagr;
    capex.start = YearPoint{2025, Param{100.0}};
    capex.segments = {RateSegment{2028, Param{0.1}}};
    SeriesDef f;
    f.id = "f";
    f.kind = SeriesKind::Formula;
    f.expr = expr;
    s.series = {capex, f};
    return s;
}

std::vector<double> valuesOf(const std::string& expr) {
    const Evaluator e(Model::compile(formulas(expr)));
    const Eigen::ArrayXd v = e.values("f");
    return {v.data(), v.data() + v.size()};
}

TEST(PublishedYears, FormulasHaveNoValueWhereTheirInputsHaveNone) {
    const auto sum = valuesOf("capex * 2 + 1");
    EXPECT_TRUE(std::isnan(sum[0]) && std::isnan(sum[1]));
    EXPECT_DOUBLE_EQ(sum[2], 201.0);
    // IEEE would give NaN^0 = 1: still no value.
    const auto power = valuesOf("capex ^ 0");
    EXPECT_TRUE(std::isnan(power[1]));
    EXPECT_DOUBLE_EQ(power[2], 1.0);
    const auto lagged = valuesOf("lag(capex, 1)");
    EXPECT_TRUE(std::isnan(lagged[2]));
    EXPECT_DOUBLE_EQ(lagged[3], 100.0);
    const auto grown = valuesOf("growth(capex)");
    EXPECT_TRUE(std::isnan(grown[2]));
    EXPECT_NEAR(grown[3], 0.1, 1e-12);
    // cumsum sums the years the series has.
    const auto total = valuesOf("cumsum(capex)");
    EXPECT_TRUE(std::isnan(total[1]));
    EXPECT_DOUBLE_EQ(total[2], 100.0);
    EXPECT_NEAR(total[3], 210.0, 1e-9);
    EXPECT_NEAR(total[5], 100.0 + 110.0 + 121.0 + 133.1, 1e-9);
    // max() is missing too, not the other operand.
    EXPECT_TRUE(std::isnan(valuesOf("max(capex, 0)")[0]));
}

TEST(PublishedYears, AGenuineNonFiniteValueIsStillRefused) {
    try {
        (void)Evaluator(Model::compile(formulas("capex / (capex - capex)")));
        FAIL() << "expected a ScenarioError";
    } catch (const ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find("the value for 2025 is not a finite number"),
                  std::string::npos)
            << e.what();
    }
}

TEST(PublishedYears, MonteCarloGivesNoBandBeforeTheStart) {
    const Model model = Model::compile(defaultScenario());
    MonteCarloOptions options;
    options.paths = 2000;
    const MonteCarloResult r = runMonteCarlo(model, options);
    const OutputBands* capex = r.bands(*model.resolve("hyperscaler_capex"));
    ASSERT_NE(capex, nullptr);
    for (std::size_t i : {0u, 1u}) {
        for (const auto* v : {&capex->p10, &capex->p50, &capex->p90, &capex->mean})
            EXPECT_TRUE(std::isnan((*v)[i])) << i;
    }
    EXPECT_FALSE(std::isnan(capex->p50[2]));
    EXPECT_LT(capex->p10[3], capex->p90[3]);
    // The chart's 2025-2030 CAGR range has no problem; the simulation of a backcast file has
    // bands in 2023 too.
    const CagrRange* range = r.cagrRange("hyperscaler_capex", 2025, 2030);
    ASSERT_NE(range, nullptr);
    EXPECT_TRUE(range->problem.empty()) << range->problem;
    const MonteCarloResult back = runMonteCarlo(Model::compile(backcast()), options);
    EXPECT_FALSE(std::isnan(back.bands(*model.resolve("hyperscaler_capex"))->p50[0]));
}

TEST(PublishedYears, TornadoAndGoalSeekRefuseAYearWithoutValue) {
    const Model model = Model::compile(defaultScenario());
    const SamplingPlan plan = SamplingPlan::make(model.scenario());
    try {
        (void)tornado(model, plan, "meta_capex", 2024, {});
        FAIL() << "expected an UncertaintyError";
    } catch (const UncertaintyError& e) {
        EXPECT_STREQ(e.what(), "'meta_capex' has no value in 2024 (the series starts later)");
    }
    EXPECT_NO_THROW((void)tornado(model, plan, "meta_capex", 2026, {}));
}

TEST(PublishedYears, DeckChartLeavesTheYearsOut) {
    // The capex chart widened to 2023-2030: the cache has no point for 2023 and 2024.
    Scenario s = defaultScenario();
    for (auto& c : s.charts)
        if (c.id == "capex") c.fromYear = 2023, c.cagr.clear();
    const Evaluator e(Model::compile(s));
    const ChartPlan chart = buildChartPlan(e, *s.findChart("capex"), "en", "Base");
    ASSERT_EQ(chart.series.size(), 2u);
    for (const auto& series : chart.series) {
        EXPECT_TRUE(std::isnan(series.values[0]));
        EXPECT_TRUE(std::isnan(series.values[1]));
        EXPECT_FALSE(std::isnan(series.values[2]));
    }
    const std::string xml = deck::chartXml(chart);
    // Each series' cache: 8 categories, points from idx 2 (2025) on.
    std::size_t at = 0;
    for (int k = 0; k < 2; ++k) {
        at = xml.find("<c:numCache>", at);
        ASSERT_NE(at, std::string::npos);
        const std::size_t end = xml.find("</c:numCache>", at);
        const std::string cache = xml.substr(at, end - at);
        EXPECT_NE(cache.find("<c:ptCount val=\"8\"/>"), std::string::npos) << cache;
        EXPECT_EQ(cache.find("<c:pt idx=\"0\">"), std::string::npos) << cache;
        EXPECT_EQ(cache.find("<c:pt idx=\"1\">"), std::string::npos) << cache;
        EXPECT_NE(cache.find("<c:pt idx=\"2\"><c:v>"), std::string::npos) << cache;
        at = end;
    }
}

}  // namespace
}  // namespace jevons::core
