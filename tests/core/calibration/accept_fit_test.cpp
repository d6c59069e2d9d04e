#include "core/calibration/accept_fit.h"

#include <gtest/gtest.h>

#include <string>

#include "core/calibration/bass_fit.h"
#include "core/calibration/cagr_fit.h"
#include "core/calibration/calibration_error.h"
#include "core/calibration/s_curve_fit.h"
#include "core/eval/evaluator.h"
#include "core/models/bass.h"
#include "core/scenario/scenario_json.h"

namespace jevons::core {
namespace {

Scenario emptyScenario() {
    Scenario s;
    s.title.en = "test";
    s.years = {2020, 2035};
    s.sources.push_back({"wellsenn", {"AI glasses sales", ""}, {"Wellsenn XR", ""}, "2025", ""});
    return s;
}

DataPoints closedFormSales() {
    const Paths one = Paths::Constant(1, 1.0);
    const BassOutputs out = bassSeries({2020, 2028}, {0.03 * one, 0.38 * one, 100.0 * one, 2020});
    DataPoints d;
    d.source = "'glasses' in sales.csv";
    for (int c = 0; c < out.adoptions.cols(); ++c) {
        d.years.push_back(2020 + c);
        d.values.push_back(out.adoptions(0, c));
    }
    return d;
}

TEST(CalibrationAcceptFit, BassFitBecomesAssumptionsAndASeries) {
    Scenario s = emptyScenario();
    const FitResult fit = fitBass(closedFormSales(), FitMethod::NlsDifference);
    acceptFit(s, fit, "glasses", "wellsenn", "2025-06-01");

    const SeriesDef* series = s.findSeries("glasses");
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->kind, SeriesKind::Bass);
    EXPECT_EQ(series->launch, 2020);
    EXPECT_EQ(series->form, "closed");
    EXPECT_EQ(series->params.at("p").ref(), "glasses_p");
    EXPECT_EQ(series->params.at("q").ref(), "glasses_q");
    EXPECT_EQ(series->params.at("m").ref(), "glasses_m");

    const Assumption* p = s.findAssumption("glasses_p");
    ASSERT_NE(p, nullptr);
    EXPECT_NEAR(p->value, 0.03, 1e-7);
    EXPECT_EQ(p->label.en, "glasses: innovation coefficient p (per year)");
    EXPECT_LT(p->min, p->value);
    EXPECT_GT(p->min, 0.0);
    EXPECT_GT(p->max, p->value);
    EXPECT_GT(p->step, 0.0);
    EXPECT_EQ(p->provenance.source, "wellsenn");
    EXPECT_EQ(
        p->provenance.figure.en.rfind("fitted to 'glasses' in sales.csv, 2020-2028, 9 points", 0),
        0u)
        << p->provenance.figure.en;
    EXPECT_NE(p->provenance.note.en.find("bass fit (nls-diff"), std::string::npos);
    EXPECT_NE(p->provenance.note.en.find("on 2025-06-01"), std::string::npos);
    // And in Chinese (issue 20), with the same numbers and the same data source.
    EXPECT_EQ(
        p->provenance.figure.zh.rfind("拟合自'glasses' in sales.csv，2020-2028年，9个数据点：", 0),
        0u)
        << p->provenance.figure.zh;
    EXPECT_NE(
        p->provenance.figure.zh.find(p->provenance.figure.en.substr(
            p->provenance.figure.en.find(": ") + 2,
            p->provenance.figure.en.find(" (1 standard") - p->provenance.figure.en.find(": ") - 2)),
        std::string::npos)
        << p->provenance.figure.zh;
    EXPECT_NE(
        p->provenance.note.zh.find("bass拟合（nls-diff：非线性最小二乘：S_t = m [F(t) - F(t-1)]"),
        std::string::npos)
        << p->provenance.note.zh;
    EXPECT_NE(p->provenance.note.zh.find("2025-06-01"), std::string::npos);
    const Assumption* m = s.findAssumption("glasses_m");
    ASSERT_NE(m, nullptr);
    EXPECT_GE(m->min, 0.0);
    EXPECT_LE(m->min, m->value);

    // The accepted series reproduces the fitted values.
    const Evaluator evaluator(Model::compile(s));
    for (std::size_t i = 0; i < fit.years.size(); ++i)
        EXPECT_NEAR(evaluator.value("glasses", fit.years[i]), fit.fitted[i], 1e-9) << fit.years[i];
}

TEST(CalibrationAcceptFit, OlsFitUsesTheDiscreteForm) {
    Scenario s = emptyScenario();
    acceptFit(s, fitBass(closedFormSales(), FitMethod::Ols), "glasses", "own data", "2025-06-01");
    EXPECT_EQ(s.findSeries("glasses")->form, "discrete");
    EXPECT_EQ(s.findAssumption("glasses_q")->provenance.source, "");  // not a Source id
    EXPECT_NE(s.findAssumption("glasses_q")->provenance.note.en.find("data: own data"),
              std::string::npos);
}

TEST(CalibrationAcceptFit, RedefinesAnExistingSeriesAndKeepsAFixedCeiling) {
    Scenario s = emptyScenario();
    Assumption ceiling;
    ceiling.id = "asic_share_ceiling";
    ceiling.value = 0.5;
    ceiling.unit = Unit::Share;
    s.assumptions.push_back(ceiling);
    SeriesDef share;
    share.id = "asic_share";
    share.label.en = "ASIC share";
    share.unit = Unit::Share;
    share.kind = SeriesKind::Logistic;
    share.params["ceiling"] = Param{std::string("asic_share_ceiling")};
    share.points = {{2023, Param{0.16}}, {2028, Param{0.25}}};
    s.series.push_back(share);

    DataPoints d{{2021, 2022, 2023, 2024}, {0.12, 0.14, 0.16, 0.18}, "'asic_share' in a.csv"};
    const FitResult fit = fitSCurve(FitKind::Logistic, d, 0.5);
    acceptFit(s, fit, "asic_share", "", "2025-06-01");

    const SeriesDef* series = s.findSeries("asic_share");
    EXPECT_TRUE(series->points.empty());  // no longer "through" two points
    EXPECT_EQ(series->params.at("ceiling").ref(), "asic_share_ceiling");
    EXPECT_EQ(series->params.at("midpoint").ref(), "asic_share_midpoint");
    EXPECT_EQ(s.findAssumption("asic_share_ceiling_ceiling"), nullptr);
    EXPECT_EQ(s.findAssumption("asic_share_midpoint")->unit, Unit::Year);
    EXPECT_EQ(s.findAssumption("asic_share_midpoint")->label.en,
              "ASIC share: midpoint year (half the ceiling)");

    const Evaluator evaluator(Model::compile(s));
    EXPECT_NEAR(evaluator.value("asic_share", 2024), fit.fitted.back(), 1e-12);
}

TEST(CalibrationAcceptFit, CagrFitStartsAtTheFirstYear) {
    Scenario s = emptyScenario();
    DataPoints d{{2023, 2024, 2025}, {6.6, 9.6, 14.0}, "'asic' in a.csv"};
    const FitResult fit = fitCagr(d);
    acceptFit(s, fit, "asic", "", "2025-06-01");
    const SeriesDef* series = s.findSeries("asic");
    ASSERT_TRUE(series->start.has_value());
    EXPECT_EQ(series->start->year, 2023);
    ASSERT_EQ(series->segments.size(), 1u);
    EXPECT_EQ(series->segments[0].until, 2035);
    EXPECT_EQ(s.findAssumption("asic_rate")->unit, Unit::Rate);
    const Evaluator evaluator(Model::compile(s));
    EXPECT_NEAR(evaluator.value("asic", 2025), fit.fitted.back(), 1e-9);
}

TEST(CalibrationAcceptFit, AcceptedFitsMakeAValidForecastFile) {
    // A share refitted to its anchors (ceiling held at its assumption's 0.5) and a new Bass
    // series: the file must pass the loader's validation and load back unchanged.
    Scenario s = emptyScenario();
    s.sources.push_back(
        {"tf2025", {"Tianfeng note", ""}, {"Tianfeng Securities", ""}, "2025-02-09", ""});
    s.scenarios.push_back({"base", {"Base", ""}, {}, {}});
    s.assumptions.push_back({"asic_share_ceiling",
                             {"Ceiling", ""},
                             "ASIC market",
                             0.5,
                             Unit::Share,
                             0.3,
                             0.8,
                             0.01,
                             {}});
    SeriesDef share;
    share.id = "asic_share";
    share.label.en = "ASIC share";
    share.unit = Unit::Share;
    share.kind = SeriesKind::Logistic;
    share.params["ceiling"] = Param{std::string("asic_share_ceiling")};
    share.points = {{2023, Param{0.16}}, {2028, Param{0.25}}};
    s.series.push_back(share);
    s.anchors.push_back({"asic_share", 2023, 0.16, "tf2025", {"F2: 16%", ""}, ""});
    s.anchors.push_back({"asic_share", 2025, 0.19, "tf2025", {}, ""});
    s.anchors.push_back({"asic_share", 2028, 0.25, "tf2025", {"F3: 25%", ""}, ""});

    acceptFit(s, fitSCurve(FitKind::Logistic, anchorPoints(s, "asic_share"), 0.5), "asic_share",
              "tf2025", "2025-06-01");
    acceptFit(s, fitBass(closedFormSales(), FitMethod::NlsDensity), "glasses_bass", "wellsenn",
              "2025-06-01");
    const Scenario again = parseScenario(serializeScenario(s), "accepted.json");
    EXPECT_EQ(again.assumptions, s.assumptions);
    EXPECT_EQ(again.series, s.series);
    EXPECT_EQ(s.findSeries("asic_share")->params.at("ceiling").ref(), "asic_share_ceiling");
    EXPECT_EQ(s.findAssumption("asic_share_midpoint")->provenance.source, "tf2025");
}

TEST(CalibrationAcceptFit, RefusesAnIdThatIsASeries) {
    Scenario s = emptyScenario();
    SeriesDef clash;
    clash.id = "asic_rate";
    s.series.push_back(clash);
    DataPoints d{{2023, 2024}, {6.6, 9.6}, "x"};
    try {
        acceptFit(s, fitCagr(d), "asic", "", "2025-06-01");
        FAIL() << "expected a CalibrationError";
    } catch (const CalibrationError& e) {
        EXPECT_STREQ(e.what(),
                     "cannot store the fitted rate as 'asic_rate': a series already has that id");
    }
    EXPECT_EQ(s.findSeries("asic"), nullptr);
}

}  // namespace
}  // namespace jevons::core
