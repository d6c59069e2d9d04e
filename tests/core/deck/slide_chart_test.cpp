#include "core/deck/slide_chart.h"

#include "core/deck/assumptions_slide.h"
#include "core/deck/deck_error.h"
#include "core/eval/derived.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

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

TEST(SlideChart, ColumnChartOfTheAsicMarket) {
    const Evaluator e(defaultModel(), "base");
    const SlideChart s = slideChartFor(e, chart("asic_market"), "en", "Base");
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
    ASSERT_EQ(s.anchors.size(), 2u);
    EXPECT_EQ(s.anchors[1].label, "2028: 42.9 (Tianfeng Securities)");
    EXPECT_EQ(s.sourceLine,
              "Source: Marvell (via 电子发烧友网); Tianfeng Securities; Jevons model");
    EXPECT_EQ(s.scenarioName, "Base");
}

TEST(SlideChart, SharesStayFractionsWithAPercentFormat) {
    const Evaluator e(defaultModel(), "base");
    const SlideChart s = slideChartFor(e, chart("asic_share"), "en", "Base");
    EXPECT_EQ(s.kind, ChartKind::Line);
    EXPECT_EQ(s.series[0].numberFormat, "0.0%");
    EXPECT_NEAR(s.series[0].values[0], 0.16, 1e-9);
    EXPECT_EQ(s.primaryAxisTitle, "%");
    EXPECT_EQ(s.anchors[1].label, "2028: 25.0% (Tianfeng Securities)");
}

TEST(SlideChart, ComboPutsTheSecondSeriesOnTheRightAxis) {
    const Evaluator e(defaultModel(), "base");
    const SlideChart s = slideChartFor(e, chart("glasses"), "en", "Base");
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

TEST(SlideChart, ChineseTextsAndUnits) {
    const Evaluator e(defaultModel(), "bull");
    const SlideChart s = slideChartFor(e, chart("asic_market"), "zh", "乐观");
    EXPECT_EQ(s.title, "数据中心ASIC市场规模（十亿美元）");
    EXPECT_EQ(s.primaryAxisTitle, "十亿美元");
    EXPECT_EQ(s.cagr[0].text.substr(0, 5), "CAGR ");
    EXPECT_EQ(s.language, "zh");
}

TEST(SlideChart, NamesWhatCannotBeDrawn) {
    SlideChart s;
    s.id = "empty";
    EXPECT_EQ(chartProblem(s), "no series");
    s.series.push_back({"x", {1.0}, AxisSide::Primary, "0.0"});
    EXPECT_EQ(chartProblem(s), "no years");
    s.categories = {"2023", "2024"};
    EXPECT_EQ(chartProblem(s), "series 'x' has 1 values for 2 years");
    s.series[0].values = {NAN, NAN};
    EXPECT_EQ(chartProblem(s), "every value is missing");
}

TEST(SlideChart, YearsOutsideTheForecastAreAnError) {
    const Evaluator e(defaultModel(), "base");
    ChartDef c = chart("asic_market");
    c.toYear = 2050;
    try {
        (void)slideChartFor(e, c, "en", "Base");
        FAIL() << "expected DeckError";
    } catch (const DeckError& err) {
        EXPECT_NE(std::string(err.what()).find("chart 'asic_market'"), std::string::npos)
            << err.what();
    }
}

TEST(SlideChart, AssumptionsPaginate) {
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
