// Tests for core/calibration/import_actuals.h: parsed actuals into a scenario's actuals section.
#include "core/calibration/import_actuals.h"

#include <gtest/gtest.h>

#include "core/calibration/bass_fit.h"
#include "core/calibration/calibration_error.h"
#include "core/scenario/scenario_json.h"

namespace jevons::core {
namespace {

Scenario withActualsFixture() {
    return loadScenarioFile(std::string(JEVONS_TEST_DATA_DIR) + "/calibration/with_actuals.json");
}

TEST(ImportActuals, NewSeriesGetsPointsActualsAndAChart) {
    Scenario s = withActualsFixture();
    const Actuals table =
        parseActuals("year,Smart rings (M)\n2021,1.5\n2022,\n2023,4.25\n", "rings.csv");
    importActuals(s, table, {{"Smart rings (M)", "smart_rings_m", true, Unit::MillionUnits}},
                  "IDC, illustrative");
    const SeriesDef* series = s.findSeries("smart_rings_m");
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->kind, SeriesKind::Points);
    EXPECT_EQ(series->unit, Unit::MillionUnits);
    ASSERT_EQ(series->points.size(), 2u);  // the blank 2022 is skipped
    EXPECT_EQ(series->points[1].year, 2023);
    EXPECT_EQ(series->points[1].value, Param{4.25});
    const SeriesActuals* a = s.findActuals("smart_rings_m");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->source, "IDC, illustrative");
    EXPECT_EQ(a->values, (std::map<int, double>{{2021, 1.5}, {2023, 4.25}}));
    const ChartDef* chart = s.findChart("smart_rings_m");
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->series, std::vector<std::string>{"smart_rings_m"});
    // What was imported saves and loads back unchanged.
    EXPECT_EQ(parseScenario(serializeScenario(s)), s);
}

TEST(ImportActuals, ExistingSeriesKeepsOtherYearsAndTakesNewOnes) {
    Scenario s = withActualsFixture();  // g: 2022 = 1.5, 2023 = 4.0
    const Actuals table = parseActuals("year\tsales\n2023\t5\n2024\t9.5\n");
    importActuals(s, table, {{"sales", "g", false, Unit::Number}}, "tf");
    EXPECT_EQ(s.findActuals("g")->values,
              (std::map<int, double>{{2022, 1.5}, {2023, 5.0}, {2024, 9.5}}));
    EXPECT_EQ(s.findActuals("g")->source, "tf");
}

TEST(ImportActuals, RefusalsLeaveTheScenarioAsItWas) {
    const Scenario original = withActualsFixture();
    Scenario s = original;
    const Actuals table = parseActuals("year,sales\n1900,5\n");
    try {
        importActuals(s, table, {{"sales", "g", false, Unit::Number}}, "tf");
        FAIL() << "1900 was accepted";
    } catch (const CalibrationError& e) {
        EXPECT_NE(std::string(e.what()).find("actuals.g.values.1900: 1900 is outside"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(s, original);
    const Actuals negative = parseActuals("year,sales\n2023,-5\n");
    EXPECT_THROW(importActuals(s, negative, {{"sales", "g", false, Unit::Number}}, "tf"),
                 CalibrationError);
    EXPECT_THROW(importActuals(s, table, {{"sales", "g", false, Unit::Number}}, "  "),
                 CalibrationError);
    EXPECT_THROW(importActuals(s, table, {{"sales", "a", true, Unit::Number}}, "tf"),
                 CalibrationError);  // 'a' is taken
    EXPECT_THROW(importActuals(s, table, {{"nope", "g", false, Unit::Number}}, "tf"),
                 CalibrationError);
    EXPECT_EQ(s, original);
}

TEST(ImportActuals, SeriesIdsFromColumnNames) {
    EXPECT_EQ(seriesIdFor("AI glasses (M)"), "ai_glasses_m");
    EXPECT_EQ(seriesIdFor("2024 sales"), "s_2024_sales");
    EXPECT_EQ(seriesIdFor("销量"), "actuals");
}

TEST(ImportActuals, ActualPointsForAFit) {
    const Scenario s = withActualsFixture();
    const DataPoints d = actualPoints(s, "g");
    EXPECT_EQ(d.years, (std::vector<int>{2022, 2023}));
    EXPECT_EQ(d.values, (std::vector<double>{1.5, 4.0}));
    EXPECT_EQ(d.source, "'g' actuals (tf)");
    EXPECT_THROW((void)actualPoints(s, "none"), CalibrationError);
}

}  // namespace
}  // namespace jevons::core

namespace jevons::core {
namespace {

// The shipped example (forecasts/examples/): ten years generated from Bass p 0.02, q 0.45,
// m 300 with 3% seeded noise and rounding; an NLS fit recovers them within the noise.
TEST(ImportActuals, IllustrativeExampleFitsNearItsGeneratingCurve) {
    const Actuals table = readActualsFile(std::string(JEVONS_SOURCE_DIR) +
                                          "/forecasts/examples/illustrative_unit_sales.csv");
    ASSERT_EQ(table.years.size(), 10u);
    const FitResult fit = fitBass(seriesPoints(table, table.names.at(0)), FitMethod::NlsDifference);
    EXPECT_NEAR(fit.value("p"), 0.02, 0.004);
    EXPECT_NEAR(fit.value("q"), 0.45, 0.05);
    EXPECT_NEAR(fit.value("m"), 300.0, 30.0);
    EXPECT_GT(fit.rSquared, 0.98);
}

}  // namespace
}  // namespace jevons::core
