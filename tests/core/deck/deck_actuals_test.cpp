// Actuals on native deck charts: a line's history solid ("<name> (actual)") and the model dashed
// from the last actual year on, joined; columns at the actual values with forecast years tinted;
// the source line naming where the actuals come from.
#include "core/deck/chart_xml.h"
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/deck/workbook.h"
#include "core/plan/chart_plan.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <regex>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

constexpr int kFirst = 2023;  // with_actuals.json: years 2023-2030

ChartDef chartDef(const std::string& id, ChartType type, std::vector<std::string> series,
                  std::vector<std::string> secondary = {}) {
    ChartDef c;
    c.id = id;
    c.title.en = id;
    c.type = type;
    c.series = std::move(series);
    c.secondary = std::move(secondary);
    return c;
}

// with_actuals.json with longer history: "g" (Bass, M units) 2023, 2025, 2026 (2024 unknown),
// "a" (US$B) 2021 (before the charts), 2023, 2024; charts of every kind that shows actuals.
const Model& actualsModel() {
    static const Model model = [] {
        Scenario s = loadScenarioFile(std::string(JEVONS_SOURCE_DIR) +
                                      "/tests/data/calibration/with_actuals.json");
        for (SeriesActuals& a : s.actuals) {
            if (a.series == "g") a.values = {{2023, 3.0}, {2025, 9.5}, {2026, 12.0}};
            if (a.series == "a") a.values = {{2021, 0.5}, {2023, 1.0}, {2024, 2.5}};
        }
        s.charts.push_back(chartDef("line_g", ChartType::Line, {"g"}));
        s.charts.push_back(chartDef("cols", ChartType::Column, {"a"}));
        s.charts.push_back(chartDef("stack", ChartType::StackedColumn, {"a", "g"}));
        s.charts.push_back(chartDef("combo", ChartType::Combo, {"a"}, {"g"}));
        return Model::compile(std::move(s));
    }();
    return model;
}

const ChartDef& chartOf(const Model& model, const std::string& id) {
    const ChartDef* c = model.scenario().findChart(id);
    if (!c) throw std::runtime_error("no chart " + id);
    return *c;
}

// The model's value of `ref` in `year`, as a slide shows it.
double modelValue(const Evaluator& e, const std::string& ref, int year) {
    const Model& m = e.model();
    return planValue(e.values(ref)(e.years().column(year)), m.unitOf(*m.resolve(ref)));
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// The c:ser elements of a chart part, in order.
std::vector<std::string> seriesXml(const std::string& xml) {
    std::vector<std::string> out;
    const std::regex ser("<c:ser>([\\s\\S]*?)</c:ser>");
    for (std::sregex_iterator s(xml.begin(), xml.end(), ser), end; s != end; ++s)
        out.push_back((*s)[1]);
    return out;
}

// Equal values where NaN (a missing point) equals NaN.
void expectSameValues(const std::vector<double>& got, const std::vector<double>& want,
                      const std::string& what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    for (std::size_t k = 0; k < want.size(); ++k) {
        if (std::isnan(want[k]))
            EXPECT_TRUE(std::isnan(got[k])) << what << " point " << k << ": " << got[k];
        else
            EXPECT_NEAR(got[k], want[k], 1e-12) << what << " point " << k;
    }
}

std::string validated(const TempDir& dir, const std::string& name, const std::string& xml) {
    const std::string path = dir.file(name);
    writeFile(path, xml);
    return schemaErrors(path, "dml-chart.xsd");
}

nlohmann::json readWorkbook(const std::string& path) {
    const RunResult r = run(std::string(kPython) + " " + JEVONS_SOURCE_DIR +
                            "/tests/core/deck/read_workbook.py " + quoted(path));
    if (r.status != 0) throw std::runtime_error("read_workbook.py failed: " + r.output);
    return nlohmann::json::parse(r.output);
}

// Every number of the chart part's caches is the workbook's, cell by cell, and vice versa.
void expectWorkbookHoldsTheCaches(const ChartPlan& s, const std::string& xml) {
    const TempDir dir;
    const std::string path = dir.file("book.xlsx");
    writeFile(path, workbookBytes(s));
    const nlohmann::json cells = readWorkbook(path)["cells"];
    const auto cached = cachedValues(xml);
    ASSERT_EQ(cached.size(), s.series.size());
    for (std::size_t i = 0; i < cached.size(); ++i) {
        EXPECT_EQ(cells[columnLetters(i + 1) + "1"], s.series[i].name);
        for (std::size_t k = 0; k < cached[i].size(); ++k) {
            const std::string cell = columnLetters(i + 1) + std::to_string(k + 2);
            if (std::isnan(cached[i][k])) {
                EXPECT_FALSE(cells.contains(cell)) << cell;
            } else {
                ASSERT_TRUE(cells.contains(cell)) << cell;
                EXPECT_DOUBLE_EQ(cells[cell].get<double>(), cached[i][k]) << cell;
            }
        }
    }
}

}  // namespace

TEST(DeckActuals, LineSplitsIntoSolidHistoryAndDashedForecastThatJoin) {
    const Evaluator e(actualsModel(), "base");
    const ChartPlan s = buildChartPlan(e, chartOf(actualsModel(), "line_g"), "en", "Base");
    ASSERT_EQ(s.categories.size(), 8u);
    ASSERT_EQ(s.series.size(), 2u);
    EXPECT_EQ(s.series[0].name, "Glasses (actual)");
    EXPECT_EQ(s.series[0].role, SeriesRole::Actual);
    EXPECT_EQ(s.series[1].name, "Glasses");
    EXPECT_EQ(s.series[1].role, SeriesRole::Forecast);
    const double nan = std::nan("");
    // history: exactly the actuals, a gap in 2024 (unknown) and after 2026
    expectSameValues(s.series[0].values, {3.0, nan, 9.5, 12.0, nan, nan, nan, nan}, "actual");
    // forecast: NaN before 2026, the last actual in 2026 (the join), the model after
    std::vector<double> forecast = {nan, nan, nan, 12.0};
    for (int year = 2027; year <= 2030; ++year) forecast.push_back(modelValue(e, "g", year));
    expectSameValues(s.series[1].values, forecast, "forecast");
    EXPECT_GT(std::abs(modelValue(e, "g", 2026) - 12.0), 0.1);  // the join is the actual's
    EXPECT_EQ(s.sourceLine, "Actuals: Tianfeng; Source: Jevons model");

    const std::string xml = chartXml(s);
    const TempDir dir;
    EXPECT_EQ(validated(dir, "line.xml", xml), "");
    const auto ser = seriesXml(xml);
    ASSERT_EQ(ser.size(), 2u);
    EXPECT_EQ(count(ser[0], "prstDash"), 0u);
    EXPECT_EQ(count(ser[0], "<c:symbol val=\"circle\"/>"), 1u);  // history: markers
    EXPECT_EQ(count(ser[1], "<a:prstDash val=\"dash\"/>"), 1u);
    EXPECT_EQ(count(ser[1], "<c:symbol val=\"none\"/>"), 1u);
    // one plotted series: labelled, the join point once (by the history, not the forecast)
    EXPECT_EQ(count(ser[1], "<c:dLbl><c:idx val=\"3\"/><c:delete val=\"1\"/></c:dLbl>"), 1u);
    EXPECT_EQ(seriesColour(s, 0), seriesColour(s, 1));
    EXPECT_EQ(count(ser[1], "<a:srgbClr val=\"" + seriesColour(s, 1) + "\"/>"), 1u);
    const auto cached = cachedValues(xml);
    expectSameValues(cached.at(0), s.series[0].values, "cached actual");
    expectSameValues(cached.at(1), s.series[1].values, "cached forecast");
    expectWorkbookHoldsTheCaches(s, xml);
}

TEST(DeckActuals, ColumnsShowActualValuesAndTintForecastYears) {
    const Evaluator e(actualsModel(), "base");
    const ChartPlan s = buildChartPlan(e, chartOf(actualsModel(), "cols"), "en", "Base");
    ASSERT_EQ(s.series.size(), 1u);
    EXPECT_EQ(s.series[0].name, "A");
    std::vector<double> want = {1.0, 2.5};
    for (int year = 2025; year <= 2030; ++year) want.push_back(modelValue(e, "a", year));
    expectSameValues(s.series[0].values, want, "columns");
    EXPECT_GT(std::abs(modelValue(e, "a", 2024) - 2.5), 0.1);  // 2024 shows the actual
    EXPECT_EQ(s.series[0].forecastFrom, 2u);                   // 2025 on: forecast
    EXPECT_EQ(s.sourceLine, "Actuals: Company filings; Source: Jevons model");

    const std::string xml = chartXml(s);
    const TempDir dir;
    EXPECT_EQ(validated(dir, "cols.xml", xml), "");
    EXPECT_EQ(count(xml, "<c:dPt>"), 6u);  // 2025..2030
    EXPECT_EQ(count(xml, "<c:dPt><c:idx val=\"1\"/>"), 0u);
    EXPECT_EQ(count(xml, "<c:dPt><c:idx val=\"2\"/>"), 1u);
    EXPECT_EQ(count(xml, "<c:dPt><c:idx val=\"7\"/>"), 1u);
    // 1F4E79 mixed with 55% white: 31 + 224 * 0.55 = 154 (9A), 78 + 177 * 0.55 = 175 (AF),
    // 121 + 134 * 0.55 = 195 (C3)
    EXPECT_EQ(seriesColour(s, 0), "1F4E79");
    EXPECT_EQ(count(xml, "<a:srgbClr val=\"9AAFC3\"/>"), 6u);
    EXPECT_EQ(count(xml, "prstDash"), 0u);
    expectSameValues(cachedValues(xml).at(0), s.series[0].values, "cached");
    expectWorkbookHoldsTheCaches(s, xml);
}

TEST(DeckActuals, StackedAndComboCharts) {
    const Evaluator e(actualsModel(), "base");
    const TempDir dir;
    const ChartPlan st = buildChartPlan(e, chartOf(actualsModel(), "stack"), "en", "Base");
    ASSERT_EQ(st.series.size(), 2u);
    EXPECT_EQ(st.series[0].forecastFrom, 2u);                            // a: actuals to 2024
    EXPECT_EQ(st.series[1].forecastFrom, 4u);                            // g: actuals to 2026
    EXPECT_DOUBLE_EQ(st.series[1].values[1], modelValue(e, "g", 2024));  // no actual: the model
    EXPECT_DOUBLE_EQ(st.series[1].values[2], 9.5);
    EXPECT_EQ(st.sourceLine, "Actuals: Company filings; Tianfeng; Source: Jevons model");
    const std::string stXml = chartXml(st);
    EXPECT_EQ(validated(dir, "stack.xml", stXml), "");
    EXPECT_EQ(count(stXml, "<c:dPt>"), 6u + 4u);
    // a's dark columns carry white labels; its light forecast columns dark ones (262626); each
    // c:txPr names its colour twice (a:defRPr, a:endParaRPr)
    const auto stSer = seriesXml(stXml);
    ASSERT_EQ(stSer.size(), 2u);
    EXPECT_EQ(count(stSer[0], "<c:dLbl><c:idx val="), 6u);
    EXPECT_EQ(count(stSer[0], "<c:dLbl><c:idx val=\"1\"/>"), 0u);
    EXPECT_EQ(count(stSer[0], "<c:dLbl><c:idx val=\"2\"/>"), 1u);
    EXPECT_EQ(count(stSer[0], "val=\"262626\""), 2u * 6u);
    EXPECT_EQ(count(stSer[0], "val=\"FFFFFF\""), 2u);
    expectWorkbookHoldsTheCaches(st, stXml);

    const ChartPlan c = buildChartPlan(e, chartOf(actualsModel(), "combo"), "en", "Base");
    ASSERT_EQ(c.series.size(), 3u);  // columns of a; g's history and forecast on the right
    EXPECT_EQ(c.series[0].forecastFrom, 2u);
    EXPECT_EQ(c.series[1].role, SeriesRole::Actual);
    EXPECT_EQ(c.series[1].axis, AxisSide::Secondary);
    EXPECT_EQ(c.series[2].role, SeriesRole::Forecast);
    EXPECT_DOUBLE_EQ(c.series[2].values[3], 12.0);
    EXPECT_EQ(seriesColour(c, 1), seriesColour(c, 2));
    EXPECT_NE(seriesColour(c, 0), seriesColour(c, 1));
    const std::string cXml = chartXml(c);
    EXPECT_EQ(validated(dir, "combo.xml", cXml), "");
    EXPECT_EQ(count(cXml, "<a:prstDash val=\"dash\"/>"), 1u);
    EXPECT_EQ(count(cXml, "<c:dPt>"), 6u);
    expectWorkbookHoldsTheCaches(c, cXml);
}

TEST(DeckActuals, ChineseNamesAndSourceLine) {
    const Evaluator e(actualsModel(), "base");
    const ChartPlan s = buildChartPlan(e, chartOf(actualsModel(), "line_g"), "zh", "基准");
    ASSERT_EQ(s.series.size(), 2u);
    EXPECT_EQ(s.series[0].name, "Glasses（实际值）");  // no zh label: the English one
    EXPECT_EQ(s.sourceLine, "实际值：Tianfeng；资料来源：Jevons模型");
}

TEST(DeckActuals, SeriesWithoutActualsInTheChartsYearsAreUnchanged) {
    // Actuals only before the chart's years: drawn exactly as without actuals.
    Scenario scenario = actualsModel().scenario();
    Scenario bare = scenario;
    bare.actuals.clear();
    for (SeriesActuals& a : scenario.actuals) a.values = {{2021, 0.5}, {2022, 0.7}};
    const Evaluator with(Model::compile(scenario), "base");
    const Evaluator without(Model::compile(bare), "base");
    for (const std::string id : {"line_g", "cols", "stack", "combo"}) {
        const ChartPlan a = buildChartPlan(with, *scenario.findChart(id), "en", "Base");
        const ChartPlan b = buildChartPlan(without, *bare.findChart(id), "en", "Base");
        EXPECT_EQ(chartXml(a), chartXml(b)) << id;
        EXPECT_EQ(a.sourceLine, "Source: Jevons model") << id;
        EXPECT_EQ(count(chartXml(b), "<c:dPt>") + count(chartXml(b), "prstDash"), 0u) << id;
    }
}

TEST(DeckActuals, WrittenDeckIsSchemaValid) {
    DeckOptions options;
    options.chartIds = {"line_g", "combo", "stack"};
    const Deck deck = buildDeck(actualsModel(), options);
    const TempDir dir;
    const std::string pptx = dir.file("actuals.pptx");
    writeDeck(deck, pptx);
    unzip(pptx, dir.path() / "x");
    for (int k = 1; k <= 3; ++k) {
        const fs::path part = dir.path() / "x/ppt/charts" / ("chart" + std::to_string(k) + ".xml");
        ASSERT_TRUE(fs::exists(part)) << part;
        EXPECT_EQ(schemaErrors(part, "dml-chart.xsd"), "") << part;
    }
    const std::string slide = readFile((dir.path() / "x/ppt/slides/slide1.xml").string());
    EXPECT_NE(slide.find("Actuals: Tianfeng; Source: Jevons model"), std::string::npos);
    // JEVONS_KEEP_DECK=<path>: keep a copy to look at (LibreOffice -> PDF -> PNG).
    if (const char* keep = std::getenv("JEVONS_KEEP_DECK")) fs::copy_file(pptx, keep);
}

TEST(DeckActuals, ActualsReachingTheChartsEndLeaveNoForecastLine) {
    const Evaluator e(actualsModel(), "base");
    ChartDef def = chartOf(actualsModel(), "line_g");
    def.toYear = 2026;  // g's last actual year
    const ChartPlan s = buildChartPlan(e, def, "en", "Base");
    ASSERT_EQ(s.series.size(), 1u);
    EXPECT_EQ(s.series[0].role, SeriesRole::Actual);
    EXPECT_EQ(s.series[0].name, "Glasses (actual)");
    expectSameValues(s.series[0].values, {3.0, std::nan(""), 9.5, 12.0}, "actual");
    const std::string xml = chartXml(s);
    const TempDir dir;
    EXPECT_EQ(validated(dir, "end.xml", xml), "");
    EXPECT_EQ(count(xml, "prstDash"), 0u);
    EXPECT_EQ(count(xml, "<c:dLbls>"), 1u);  // the one plotted series keeps its labels
}
