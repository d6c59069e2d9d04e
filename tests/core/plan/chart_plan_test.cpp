#include "core/plan/chart_plan.h"

#include "core/deck/assumptions_slide.h"
#include "core/deck/deck_error.h"
#include "core/eval/derived.h"
#include "core/plan/axis_scale.h"
#include "core/text/number_text.h"
#include "core/uncertainty/monte_carlo.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace jevons::core;
using namespace jevons::core::deck;
using jevons::core::deck::testing::defaultModel;

namespace {
const ChartDef& chart(const std::string& id) {
    const ChartDef* c = defaultModel().scenario().findChart(id);
    if (!c) throw std::runtime_error("no chart " + id);
    return *c;
}
}  // namespace

TEST(ChartPlan, ColumnChartOfTheAsicMarket) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan s = buildChartPlan(e, chart("asic_market"), "en", "Base");
    EXPECT_EQ(s.kind, ChartKind::ClusteredColumn);
    EXPECT_EQ(s.title, "Datacenter ASIC market (US$B)");
    ASSERT_EQ(s.categories.size(), 8u);  // 2023..2030
    EXPECT_EQ(s.categories.front(), "2023");
    EXPECT_EQ(s.categories.back(), "2030");
    ASSERT_EQ(s.series.size(), 1u);
    EXPECT_EQ(s.series[0].numberFormat, "0.0");
    EXPECT_NEAR(s.series[0].values[0], 6.6, 1e-9);
    EXPECT_NEAR(s.series[0].values[5], 42.9, 1e-9);
    EXPECT_EQ(s.primaryAxisTitle, "US$B");
    ASSERT_EQ(s.cagr.size(), 1u);
    EXPECT_EQ(s.cagr[0].fromCategory, "2023");
    EXPECT_EQ(s.cagr[0].toCategory, "2028");
    EXPECT_EQ(s.cagr[0].text, "+45.4% CAGR");  // the report's 45.4%
    ASSERT_EQ(s.anchors.size(), 3u);           // F1, F4 and F6's range
    EXPECT_EQ(s.anchors[1].label, "2028: 42.9 (Tianfeng Securities)");
    EXPECT_EQ(s.anchors[2].label, "2027: 60.0–90.0 (Broadcom)");
    EXPECT_EQ(s.sourceLine,
              "Source: Marvell (via 电子发烧友网); Tianfeng Securities; Jevons model");
    EXPECT_EQ(s.scenarioName, "Base");
}

// Equal plans draw the same picture (a card skips its repaint on that): a NaN (no P10–P90
// without a simulation, a point anchor's missing high end) equals a NaN; any drawn number or
// text that differs makes them unequal.
TEST(ChartPlan, PlansDrawingTheSameCompareEqual) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan a = buildChartPlan(e, chart("asic_market"), "en", "Base");
    ASSERT_TRUE(std::isnan(a.cagr.at(0).p10));
    ASSERT_TRUE(std::isnan(a.anchors.at(0).high));
    EXPECT_EQ(buildChartPlan(e, chart("asic_market"), "en", "Base"), a);
    ChartPlan b = a;
    b.series[0].values[5] += 1e-9;
    EXPECT_NE(b, a);
    b = a;
    b.anchors[2].high = 91.0;
    EXPECT_NE(b, a);
    b = a;
    b.cagr[0].p90 = 0.5;
    EXPECT_NE(b, a);
    b = a;
    b.sourceLine += ".";
    EXPECT_NE(b, a);
    const Evaluator bull(defaultModel(), "bull");
    EXPECT_NE(buildChartPlan(bull, chart("asic_market"), "en", "Base"), a);
}

TEST(ChartPlan, SharesStayFractionsWithAPercentFormat) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan s = buildChartPlan(e, chart("asic_share"), "en", "Base");
    EXPECT_EQ(s.kind, ChartKind::Line);
    EXPECT_EQ(s.series[0].numberFormat, "0.0%");
    EXPECT_NEAR(s.series[0].values[0], 0.16, 1e-9);
    EXPECT_EQ(s.primaryAxisTitle, "%");
    EXPECT_EQ(s.anchors[1].label, "2028: 25.0% (Tianfeng Securities)");
}

TEST(ChartPlan, ComboPutsTheSecondSeriesOnTheRightAxis) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan s = buildChartPlan(e, chart("glasses"), "en", "Base");
    EXPECT_EQ(s.kind, ChartKind::Combo);
    ASSERT_EQ(s.series.size(), 2u);
    EXPECT_EQ(s.series[0].axis, AxisSide::Primary);
    EXPECT_EQ(s.series[1].axis, AxisSide::Secondary);
    EXPECT_EQ(s.series[0].numberFormat, "#,##0");  // up to 1,400 M units
    EXPECT_EQ(s.series[1].numberFormat, "0.0%");
    EXPECT_EQ(s.primaryAxisTitle, "M units");
    EXPECT_EQ(s.secondaryAxisTitle, "%");
    EXPECT_TRUE(chartProblem(s).empty());
}

TEST(ChartPlan, ChineseTextsAndUnits) {
    const Evaluator e(defaultModel(), "bull");
    const ChartPlan s = buildChartPlan(e, chart("asic_market"), "zh", "乐观");
    EXPECT_EQ(s.title, "数据中心ASIC市场规模（十亿美元）");
    EXPECT_EQ(s.primaryAxisTitle, "十亿美元");
    EXPECT_EQ(s.cagr[0].text.substr(0, 5), "CAGR ");
    EXPECT_EQ(s.language, "zh");
}

// A title naming its unit in parentheses names the unit the reader sees: the file says US$B
// (十亿美元), the axes show 亿美元, US$M or 亿元; the RMB rate is stated on the axis only.
TEST(ChartPlan, TitlesNameTheUnitShown) {
    const Evaluator e(defaultModel(), "base");
    DisplayChoice hundredMillion;
    hundredMillion.money = DisplayUnit::UsdHundredMillion;
    const ChartPlan zh = buildChartPlan(e, chart("asic_market"), "zh", "基准", hundredMillion);
    EXPECT_EQ(zh.title, "数据中心ASIC市场规模（亿美元）");
    EXPECT_EQ(zh.primaryAxisTitle, "亿美元");
    EXPECT_NEAR(zh.series[0].values[5], 429.0, 1e-9);
    DisplayChoice millions;
    millions.money = DisplayUnit::UsdMillion;
    EXPECT_EQ(buildChartPlan(e, chart("asic_market"), "en", "Base", millions).title,
              "Datacenter ASIC market (US$M)");
    DisplayChoice rmb;
    rmb.money = DisplayUnit::RmbHundredMillion;
    const ChartPlan yuan = buildChartPlan(e, chart("asic_market"), "zh", "基准", rmb);
    EXPECT_EQ(yuan.title, "数据中心ASIC市场规模（亿元）");
    EXPECT_NE(yuan.primaryAxisTitle.find("7.20"), std::string::npos);  // the rate, on the axis
    // A share chart's title is left as it is; so is every title in the file's own units.
    EXPECT_EQ(buildChartPlan(e, chart("asic_share"), "zh", "基准", hundredMillion).title,
              buildChartPlan(e, chart("asic_share"), "zh", "基准").title);
    EXPECT_EQ(buildChartPlan(e, chart("asic_market"), "en", "Base").title,
              "Datacenter ASIC market (US$B)");
}

TEST(ChartPlan, NamesWhatCannotBeDrawn) {
    ChartPlan s;
    s.id = "empty";
    EXPECT_EQ(chartProblem(s), "no series");
    s.series.push_back({"x", {1.0}, AxisSide::Primary, "0.0"});
    EXPECT_EQ(chartProblem(s), "no years");
    s.categories = {"2023", "2024"};
    EXPECT_EQ(chartProblem(s), "series 'x' has 1 values for 2 years");
    s.series[0].values = {NAN, NAN};
    EXPECT_EQ(chartProblem(s), "every value is missing");
}

TEST(ChartPlan, YearsOutsideTheForecastAreAnError) {
    const Evaluator e(defaultModel(), "base");
    ChartDef c = chart("asic_market");
    c.toYear = 2050;
    try {
        (void)buildChartPlan(e, c, "en", "Base");
        FAIL() << "expected ChartPlanError";
    } catch (const ChartPlanError& err) {
        EXPECT_NE(std::string(err.what()).find("chart 'asic_market'"), std::string::npos)
            << err.what();
    }
}

TEST(ChartPlan, AssumptionsPaginate) {
    const Evaluator e(defaultModel(), "bull");
    const auto rows = assumptionRows(e, "en");
    ASSERT_EQ(rows.size(), defaultModel().scenario().assumptions.size());
    const auto slides = paginateAssumptions(rows, "en", "Bull", 4);
    ASSERT_EQ(slides.size(), (rows.size() + 3) / 4);
    EXPECT_EQ(slides[0].title, "Assumptions & sources (1/" + std::to_string(slides.size()) + ")");
    std::size_t total = 0;
    for (const auto& s : slides) {
        EXPECT_LE(s.rows.size(), 4u);
        total += s.rows.size();
    }
    EXPECT_EQ(total, rows.size());
    // accel_2028 is overridden to 200 in the bull case.
    const auto it = std::find_if(rows.begin(), rows.end(), [](const AssumptionRow& r) {
        return r.label == "Accelerated-compute market, 2028";
    });
    ASSERT_NE(it, rows.end());
    EXPECT_EQ(it->value, "200.0 US$B");
    EXPECT_TRUE(it->changed);
    EXPECT_EQ(paginateAssumptions({}, "zh", "基准").at(0).title, "假设与资料来源");
}

TEST(ChartPlan, AxisScalesFollowTheOneRule) {
    const Evaluator e(defaultModel(), "base");
    // Up to F6's published 90 US$B (2027) with a CAGR arrow above: 90 × 1.32 = 118.8, / 5 =
    // 23.8 → 0..125 by 25.
    const ChartPlan market = buildChartPlan(e, chart("asic_market"), "en", "Base");
    EXPECT_EQ(market.primaryScale, niceScale(0.0, 90.0, {.headroom = 0.32}))
        << "the top of F6's range (90) is the highest";
    EXPECT_DOUBLE_EQ(market.primaryScale.min, 0.0);
    EXPECT_DOUBLE_EQ(market.primaryScale.step, 25.0);
    EXPECT_DOUBLE_EQ(market.primaryScale.max, 125.0);
    // Shares: fractions, the same ticks as percentages.
    const ChartPlan share = buildChartPlan(e, chart("asic_share"), "en", "Base");
    EXPECT_DOUBLE_EQ(share.primaryScale.step, 0.1);
    EXPECT_DOUBLE_EQ(inPercent(share.primaryScale).step, 10.0);
    // A combo has two scales, the right one for the penetration (a fraction).
    const ChartPlan glasses = buildChartPlan(e, chart("glasses"), "en", "Base");
    EXPECT_TRUE(hasAxis(glasses, AxisSide::Secondary));
    EXPECT_LT(glasses.secondaryScale.max, 1.0);
    EXPECT_GT(glasses.primaryScale.max, 1400.0);
}

TEST(ChartPlan, StackedChartsScaleToTheStackAndPlaceAnchorsOnIt) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan split = buildChartPlan(e, chart("accel_split"), "en", "Base");
    ASSERT_EQ(split.kind, ChartKind::StackedColumn);
    double top = 0.0;
    for (std::size_t i = 0; i < split.categories.size(); ++i)
        top = std::max(top, split.series[0].values[i] + split.series[1].values[i]);
    EXPECT_GE(split.primaryScale.max, top);
    // The ASIC anchors sit on the bottom series: no base; none on the top series here.
    for (const AnchorMark& a : split.anchors) {
        EXPECT_EQ(split.series[a.series].ref, "asic_market");
        EXPECT_EQ(a.base, 0.0);
        EXPECT_GE(a.anchor, 0);
    }
}

TEST(ChartPlan, ASimulationGivesBandsAndCagrRanges) {
    const Model& model = defaultModel();
    const Evaluator e(model, "base");
    MonteCarloOptions options;
    options.paths = 2000;
    options.threads = 1;
    const MonteCarloResult result = runMonteCarlo(model, options);
    const ChartPlan plan = buildChartPlan(e, chart("asic_market_range"), "en", "Base", {}, &result);
    const CagrRange* range = result.cagrRange("asic_market", 2023, 2028);
    ASSERT_NE(range, nullptr);
    ASSERT_EQ(plan.cagr.size(), 1u);
    EXPECT_EQ(plan.cagr[0].p10, range->cagr.p10);
    EXPECT_EQ(plan.cagr[0].p90, range->cagr.p90);
    EXPECT_EQ(plan.cagr[0].text, "+45.4% CAGR (P10–P90 " + fixedNumber(range->cagr.p10 * 100, 0) +
                                     "–" + fixedNumber(range->cagr.p90 * 100, 0) + "%)");
    EXPECT_LT(range->cagr.p10, 0.454);
    EXPECT_GT(range->cagr.p90, 0.454);
    // One band, around the line, in US$B; the axis covers its top.
    ASSERT_EQ(plan.bands.size(), 1u);
    const PlanBand& band = plan.bands[0];
    const OutputBands* bands = result.bands(*model.resolve("asic_market"));
    ASSERT_NE(bands, nullptr);
    const auto col = static_cast<std::size_t>(2028 - result.years.first);
    EXPECT_EQ(band.p90[5], bands->p90[col]);  // 2028 is the sixth category
    EXPECT_EQ(band.p10[5], bands->p10[col]);
    for (const double v : band.p90) {
        if (std::isfinite(v)) {
            EXPECT_LE(v, plan.primaryScale.max);
        }
    }
    // Column charts get the range in their CAGR label but no band.
    const ChartPlan columns = buildChartPlan(e, chart("asic_market"), "zh", "基准", {}, &result);
    EXPECT_TRUE(columns.bands.empty());
    EXPECT_EQ(columns.cagr[0].text, "CAGR +45.4%（P10–P90 " +
                                        fixedNumber(range->cagr.p10 * 100, 0) + "–" +
                                        fixedNumber(range->cagr.p90 * 100, 0) + "%）");
}

TEST(ChartPlan, CompareRunsAddTheirSeriesAndWidenTheAxis) {
    const Evaluator base(defaultModel(), "base");
    const Evaluator bull(defaultModel(), "bull");
    ChartPlan line = buildChartPlan(base, chart("asic_market_range"), "en", "Base");
    const double baseTop = line.primaryScale.max;
    addCompareRun(line, bull, chart("asic_market_range"), 1, "Bull");
    ASSERT_EQ(line.series.size(), 2u);
    EXPECT_EQ(line.series[1].run, 1);
    EXPECT_EQ(line.series[1].name, "Bull");
    EXPECT_EQ(line.series[1].ref, "asic_market");
    const Eigen::ArrayXd bullRow = bull.values("asic_market");
    EXPECT_EQ(line.series[1].values[5], bullRow(bull.years().column(2028)));
    EXPECT_GE(line.primaryScale.max, baseTop);
    // Stacked: one total line per compared scenario.
    ChartPlan stack = buildChartPlan(base, chart("accel_split"), "en", "Base");
    addCompareRun(stack, bull, chart("accel_split"), 1, "Bull");
    ASSERT_EQ(stack.series.size(), 3u);
    const PlanSeries& total = stack.series[2];
    EXPECT_EQ(total.role, SeriesRole::Total);
    EXPECT_EQ(total.name, "Bull · total");
    const Eigen::ArrayXd a = bull.values("asic_market"), g = bull.values("gpu_market");
    const Eigen::Index c = bull.years().column(2030);
    EXPECT_DOUBLE_EQ(total.values.back(), a(c) + g(c));
    EXPECT_GE(stack.primaryScale.max, total.values.back());
}

TEST(ChartPlan, CagrLabelsReadAsAStrategistWritesThem) {
    const double nan = std::nan("");
    EXPECT_EQ(cagrLabel(0.4541, nan, nan, "en"), "+45.4% CAGR");
    EXPECT_EQ(cagrLabel(0.4541, 0.381, 0.524, "en"), "+45.4% CAGR (P10–P90 38–52%)");
    EXPECT_EQ(cagrLabel(0.453, 0.451, 0.454, "en"), "+45.3% CAGR (P10–P90 45.1–45.4%)");
    EXPECT_EQ(cagrLabel(0.02, -0.05, 0.1, "en"), "+2.0% CAGR (P10–P90 -5% to +10%)");
    EXPECT_EQ(cagrLabel(-0.031, nan, nan, "en"), "-3.1% CAGR");
    EXPECT_EQ(cagrLabel(0.4541, 0.381, 0.524, "zh"), "CAGR +45.4%（P10–P90 38–52%）");
    EXPECT_EQ(cagrLabel(nan, nan, nan, "en"), "n/a CAGR");
}
