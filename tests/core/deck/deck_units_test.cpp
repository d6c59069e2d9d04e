// Native decks follow the reader's unit choice (View → Units): money in 亿美元 or 亿元 at a stated
// rate, volumes in 万台, percentages with chosen decimals — values, formats, axis titles, anchor
// labels, the assumptions slide and the written chart part.
#include "core/deck/assumptions_slide.h"
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/plan/chart_plan.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace jevons::core;
using namespace jevons::core::deck;
using jevons::core::deck::testing::defaultModel;

namespace {
const ChartDef& chart(const std::string& id) {
    const ChartDef* c = defaultModel().scenario().findChart(id);
    if (!c) throw std::runtime_error("no chart " + id);
    return *c;
}

DisplayChoice choice(DisplayUnit money, DisplayUnit volume, int decimals = 1, double cny = 7.2) {
    DisplayChoice c;
    c.money = money;
    c.volume = volume;
    c.percentDecimals = decimals;
    c.cnyPerUsd = cny;
    return c;
}

const AssumptionRow& row(const std::vector<AssumptionRow>& rows, const Evaluator& e,
                         const std::string& id) {
    const auto& as = e.model().scenario().assumptions;
    for (std::size_t i = 0; i < as.size(); ++i)
        if (as[i].id == id) return rows.at(i);
    throw std::runtime_error("no assumption " + id);
}
}  // namespace

TEST(DisplayChoice, SuffixStatesTheRmbRateAndSanitizingRestoresDefaults) {
    const DisplayChoice rmb =
        choice(DisplayUnit::RmbHundredMillion, DisplayUnit::TenThousandUnits, 1, 7.1);
    EXPECT_EQ(rmb.suffix(Unit::UsdBillion, "zh"), "亿元 (US$1 = ¥7.10)");
    EXPECT_EQ(rmb.suffix(Unit::MillionUnits, "zh"), "万台");
    EXPECT_EQ(rmb.suffix(Unit::Share, "en"), "%");
    EXPECT_NEAR(rmb.toShown(42.9, Unit::UsdBillion), 42.9 * 7.1 * 10.0, 1e-9);
    EXPECT_NEAR(rmb.toShown(55.0, Unit::MillionUnits), 5500.0, 1e-9);
    EXPECT_NEAR(rmb.toShown(0.25, Unit::Share), 25.0, 1e-12);

    DisplayChoice wrong = choice(DisplayUnit::TenThousandUnits, DisplayUnit::Percent, 9, -1.0);
    const DisplayChoice fixed = sanitized(wrong);
    EXPECT_EQ(fixed.money, DisplayUnit::UsdBillion);
    EXPECT_EQ(fixed.volume, DisplayUnit::MillionUnits);
    EXPECT_EQ(fixed.percentDecimals, 4);
    EXPECT_DOUBLE_EQ(fixed.cnyPerUsd, 7.2);
}

TEST(DeckUnits, AsicMarketIn100MillionDollars) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan usd = buildChartPlan(e, chart("asic_market"), "zh", "基准");
    const ChartPlan yi =
        buildChartPlan(e, chart("asic_market"), "zh", "基准",
                       choice(DisplayUnit::UsdHundredMillion, DisplayUnit::MillionUnits));
    ASSERT_EQ(yi.series.size(), 1u);
    EXPECT_NEAR(yi.series[0].values[0], 66.0, 1e-9);   // US$6.6B = 66 亿美元
    EXPECT_NEAR(yi.series[0].values[5], 429.0, 1e-9);  // US$42.9B = 429 亿美元 (2028)
    for (std::size_t i = 0; i < usd.series[0].values.size(); ++i)
        EXPECT_NEAR(yi.series[0].values[i], usd.series[0].values[i] * 10.0, 1e-9);
    EXPECT_EQ(yi.primaryAxisTitle, "亿美元");
    ASSERT_EQ(yi.anchors.size(), 3u);  // F1, F4 and F6's range
    EXPECT_NEAR(yi.anchors[1].value, 429.0, 1e-9);
    EXPECT_EQ(yi.anchors[1].label.rfind("2028: 429.0", 0), 0u) << yi.anchors[1].label;
    // The CAGR does not depend on the unit.
    ASSERT_EQ(yi.cagr.size(), 1u);
    EXPECT_NEAR(yi.cagr[0].rate, usd.cagr[0].rate, 1e-15);
}

TEST(DeckUnits, RmbStatesItsRateAndSwitchesToThousandsSeparators) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan s =
        buildChartPlan(e, chart("asic_market"), "zh", "基准",
                       choice(DisplayUnit::RmbHundredMillion, DisplayUnit::MillionUnits, 1, 7.2));
    EXPECT_NEAR(s.series[0].values[5], 42.9 * 72.0, 1e-9);  // 3,088.8 亿元
    EXPECT_EQ(s.series[0].numberFormat, "#,##0");
    EXPECT_EQ(s.primaryAxisTitle, "亿元 (US$1 = ¥7.20)");
}

// 万台 steps up to 亿台 on an axis that reaches 10,000 万台: the glasses chart (1.4B in 2035 =
// 140,000 万台) reads 14.00 亿台; the same chart cut at 2029 (55M = 5,500 万台) stays in 万台.
TEST(DeckUnits, GlassesStepUpFromTenThousandUnitsToHundredMillions) {
    const Evaluator e(defaultModel(), "base");
    const ChartDef& glasses = chart("glasses");
    const DisplayChoice wan = choice(DisplayUnit::UsdBillion, DisplayUnit::TenThousandUnits);
    const ChartPlan m = buildChartPlan(e, glasses, "zh", "基准");
    const ChartPlan yi = buildChartPlan(e, glasses, "zh", "基准", wan);
    ASSERT_EQ(m.series.size(), yi.series.size());
    ASSERT_EQ(m.primaryAxisTitle, "百万台");
    EXPECT_EQ(yi.primaryAxisTitle, "亿台");
    EXPECT_EQ(yi.primaryUnits.volume, DisplayUnit::HundredMillionUnits);
    EXPECT_EQ(yi.secondaryAxisTitle, "%");  // penetration: a share, not stepped
    for (std::size_t s = 0; s < m.series.size(); ++s) {
        const double factor = m.series[s].axis == AxisSide::Primary ? 0.01 : 1.0;
        for (std::size_t i = 0; i < m.series[s].values.size(); ++i) {
            if (std::isfinite(m.series[s].values[i])) {
                EXPECT_NEAR(yi.series[s].values[i], m.series[s].values[i] * factor, 1e-9)
                    << s << " " << i;
            }
        }
    }
    const PlanSeries& sales = yi.series[0];
    EXPECT_EQ(sales.numberFormat, "0.00");
    EXPECT_NEAR(sales.values.back(), 14.0, 0.05);  // 2035: 1.4B pairs
    ASSERT_FALSE(yi.anchors.empty());
    EXPECT_NE(yi.anchors.back().label.find("2035: 14.00"), std::string::npos)
        << yi.anchors.back().label;
    EXPECT_LE(yi.primaryScale.max, 20.0);  // the axis is in 亿台 too

    ChartDef to2029 = glasses;
    to2029.toYear = 2029;
    to2029.cagr.clear();
    const ChartPlan cut = buildChartPlan(e, to2029, "zh", "基准", wan);
    EXPECT_EQ(cut.primaryAxisTitle, "万台");
    EXPECT_EQ(cut.series[0].numberFormat, "#,##0");
    EXPECT_NEAR(cut.series[0].values.back(), 5500.0, 1.0);  // F12: 55M pairs in 2029
}

// 亿美元 at 10,000 and above reads in 万亿美元; the compare run follows the plan's axis units.
TEST(DeckUnits, MoneyStepsUpToTrillionsAndCompareRunsFollow) {
    const Evaluator e(defaultModel(), "base");
    DisplayChoice yiUsd = choice(DisplayUnit::UsdHundredMillion, DisplayUnit::MillionUnits);
    const ChartPlan capex = buildChartPlan(e, chart("capex"), "zh", "基准", yiUsd);
    // Two hyperscalers' capex stays under 10,000 亿美元 (US$1T) a year: no step.
    EXPECT_EQ(capex.primaryAxisTitle, "亿美元");
    // At 亿元 and 30 RMB per US$, capex above US$33B a year reaches 10,000 亿元: 万亿元.
    const DisplayChoice rmb =
        choice(DisplayUnit::RmbHundredMillion, DisplayUnit::MillionUnits, 1, 30.0);
    const ChartPlan big = buildChartPlan(e, chart("capex"), "zh", "基准", rmb);
    ASSERT_GT(e.values("meta_capex")(e.years().column(2030)), 34.0);
    EXPECT_EQ(big.primaryAxisTitle, "万亿元 (US$1 = \u00A530.00)");
    EXPECT_EQ(big.primaryUnits.money, DisplayUnit::RmbTrillion);
    const double meta2030 = e.values("meta_capex")(e.years().column(2030));
    EXPECT_NEAR(big.series[0].values.back(), meta2030 * 30.0 / 1e3, 1e-9);  // US$B → 万亿元
    // A compare run is drawn in the same units as the axis it joins (the stack's total line).
    const Evaluator bull(defaultModel(), "bull");
    ChartPlan compared = big;
    addCompareRun(compared, bull, chart("capex"), 1, "乐观");
    const auto at2030 = [&](const char* id) { return bull.values(id)(bull.years().column(2030)); };
    EXPECT_NEAR(compared.series.back().values.back(),
                (at2030("meta_capex") + at2030("msft_capex")) * 30.0 / 1e3, 1e-9);
}

TEST(DeckUnits, PercentDecimalsSetTheFormatAndTheAssumptionRows) {
    const Evaluator e(defaultModel(), "base");
    const ChartPlan s =
        buildChartPlan(e, chart("asic_share"), "en", "Base",
                       choice(DisplayUnit::UsdBillion, DisplayUnit::MillionUnits, 2));
    EXPECT_EQ(s.series[0].numberFormat, "0.00%");
    EXPECT_NEAR(s.series[0].values[0], 0.16, 1e-12);  // fractions stay fractions
    EXPECT_EQ(s.anchors[1].label, "2028: 25.00% (Tianfeng Securities)");
    const ChartPlan none =
        buildChartPlan(e, chart("asic_share"), "en", "Base",
                       choice(DisplayUnit::UsdBillion, DisplayUnit::MillionUnits, 0));
    EXPECT_EQ(none.series[0].numberFormat, "0%");

    const auto rows = assumptionRows(
        e, "zh", choice(DisplayUnit::UsdHundredMillion, DisplayUnit::TenThousandUnits, 2));
    EXPECT_EQ(row(rows, e, "asic_share_2028").value, "25.00%");
    EXPECT_EQ(row(rows, e, "accel_2028").value.rfind("1716", 0), 0u)
        << row(rows, e, "accel_2028").value;
    EXPECT_NE(row(rows, e, "accel_2028").value.find("亿美元"), std::string::npos);
}

TEST(DeckUnits, TheWrittenChartPartCachesTheChosenUnits) {
    DeckOptions options;
    options.chartIds = {"asic_market"};
    options.language = "zh";
    options.units = choice(DisplayUnit::UsdHundredMillion, DisplayUnit::TenThousandUnits);
    const Deck deck = buildDeck(defaultModel(), options);
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "jevons_deck_units_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "units.pptx").string();
    writeDeck(deck, path);
    jevons::core::deck::testing::unzip(path, dir / "x");
    const std::string xml =
        jevons::core::deck::testing::readFile((dir / "x/ppt/charts/chart1.xml").string());
    const auto cached = jevons::core::deck::testing::cachedValues(xml);
    ASSERT_EQ(cached.size(), 1u);
    EXPECT_NEAR(cached[0].at(5), 429.0, 1e-9);
    EXPECT_NE(xml.find("亿美元"), std::string::npos);
    fs::remove_all(dir);
}
