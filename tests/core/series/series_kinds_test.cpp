// The table of series kinds (core/series/series_kind.h): one entry per SeriesKind, names that
// read back, the outputs the model reports, and describe() lines that state each kind's figures.
#include "core/eval/model.h"
#include "core/scenario/scenario_json.h"
#include "core/series/series_kind.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace jevons::core;

namespace {

constexpr SeriesKind kAllKinds[] = {SeriesKind::Points,   SeriesKind::Cagr, SeriesKind::Logistic,
                                    SeriesKind::Gompertz, SeriesKind::Bass, SeriesKind::Jevons,
                                    SeriesKind::Formula};

Scenario defaultForecast() {
    return loadScenarioFile(std::string(JEVONS_FORECASTS_DIR) + "/default.json");
}

// A file with one assumption "a" (a share of 0.4) and the given series.
Scenario withSeries(const std::string& series) {
    return parseScenario(R"({
  "schema": 1,
  "meta": { "title": { "en": "T" } },
  "years": { "first": 2023, "last": 2030 },
  "assumptions": {
    "a": { "label": { "en": "A" }, "value": 0.4, "unit": "share", "min": 0, "max": 1, "step": 0.01 }
  },
  "series": { )" + series +
                         R"( }
})");
}

std::string describeOnly(const Scenario& sc, std::string_view id) {
    return describeSeries(*sc.findSeries(id), sc);
}

}  // namespace

TEST(SeriesKinds, EveryKindHasExactlyOneEntryInEnumOrder) {
    const auto& table = seriesKinds();
    ASSERT_EQ(table.size(), std::size(kAllKinds));
    for (std::size_t i = 0; i < table.size(); ++i) {
        EXPECT_EQ(table[i].kind, kAllKinds[i]);
        EXPECT_EQ(&seriesKind(kAllKinds[i]), &table[i]);
        EXPECT_NE(table[i].parse, nullptr) << table[i].name;
        EXPECT_NE(table[i].evaluate, nullptr) << table[i].name;
        EXPECT_NE(table[i].describe, nullptr) << table[i].name;
        ASSERT_FALSE(table[i].outputs.empty()) << table[i].name;
        EXPECT_EQ(table[i].outputs.front().name, "") << table[i].name;
    }
}

TEST(SeriesKinds, NamesReadBack) {
    std::set<std::string_view> names;
    for (const auto& spec : seriesKinds()) {
        EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
        ASSERT_NE(findSeriesKind(spec.name), nullptr) << spec.name;
        EXPECT_EQ(findSeriesKind(spec.name)->kind, spec.kind);
    }
    EXPECT_EQ(findSeriesKind("logisitc"), nullptr);
    EXPECT_EQ(findSeriesKind(""), nullptr);
    EXPECT_EQ(seriesKind(SeriesKind::Gompertz).name, "gompertz");
}

TEST(SeriesKinds, OutputsAreWhatTheModelReports) {
    for (const SeriesKind kind : kAllKinds) {
        const auto& spec = seriesKind(kind);
        const auto names = Model::outputNames(kind);
        ASSERT_EQ(names.size(), spec.outputs.size()) << spec.name;
        EXPECT_EQ(Model::outputCount(kind), spec.outputs.size()) << spec.name;
        for (std::size_t o = 0; o < names.size(); ++o) EXPECT_EQ(names[o], spec.outputs[o].name);
    }
    EXPECT_EQ(Model::outputNames(SeriesKind::Bass), (std::vector<std::string>{"", "cumulative"}));
    EXPECT_EQ(Model::outputNames(SeriesKind::Jevons),
              (std::vector<std::string>{"", "unit_cost", "spend"}));
    EXPECT_EQ(Model::outputNames(SeriesKind::Logistic), (std::vector<std::string>{""}));

    // Every series of the default forecast evaluates to as many grids as its kind has outputs;
    // jevons unit_cost is an index, its demand and spend in the series' unit.
    const Model model = Model::compile(defaultForecast());
    const SeriesResults results = model.evaluateAll(model.assumptionValues());
    for (std::size_t i = 0; i < results.size(); ++i)
        EXPECT_EQ(results[i].size(), Model::outputCount(model.scenario().series[i].kind));
    EXPECT_EQ(model.unitOf(*model.resolve("compute.unit_cost")), Unit::Index);
    EXPECT_EQ(model.unitOf(*model.resolve("compute.spend")), Unit::UsdBillion);
    EXPECT_EQ(model.unitOf(*model.resolve("compute")), Unit::UsdBillion);
    EXPECT_EQ(model.unitOf(*model.resolve("asic_share")), Unit::Share);
}

TEST(SeriesKinds, DescribesTheDefaultForecastsKinds) {
    const Scenario sc = defaultForecast();
    EXPECT_EQ(describeOnly(sc, "asic_share"),
              "logistic S-curve, ceiling 50% (asic_share_ceiling), through 2023: 16% "
              "(asic_share_2023) and 2028: 25% (asic_share_2028)");
    EXPECT_EQ(describeOnly(sc, "accel_market"),
              "CAGR through 2023: 41.25 (accel_2023) and 2028: 171.6 (accel_2028), then 15% "
              "(accel_growth_late) a year until 2035");
    EXPECT_EQ(describeOnly(sc, "meta_capex"),
              "CAGR from 2025: 62.5 (meta_capex_2025), 12% (capex_growth) a year until 2035");
    EXPECT_EQ(describeOnly(sc, "compute"),
              "Jevons demand from 2023: base demand 41.25 (accel_2023), base cost 1, cost falling "
              "35% (compute_cost_decline) a year, elasticity 1.6 (elasticity)");
    EXPECT_EQ(describeOnly(sc, "asic_market"), "formula accel_market * asic_share");
    EXPECT_EQ(describeOnly(sc, "glasses_sales"),
              "logistic S-curve, ceiling 2300 (eyewear_market), through 2029: 55 (glasses_2029) "
              "and 2035: 1400 (glasses_2035)");
}

TEST(SeriesKinds, DescribesTheOtherKinds) {
    const Scenario sc = withSeries(R"(
    "p": { "label": { "en": "P" }, "unit": "US$B", "kind": "points", "interpolation": "log",
           "points": [ { "year": 2023, "value": 1.5 }, { "year": 2026, "value": 3 } ] },
    "g": { "label": { "en": "G" }, "unit": "share", "kind": "gompertz", "ceiling": "a",
           "midpoint": 2028, "steepness": 0.5 },
    "b": { "label": { "en": "B" }, "unit": "M units", "kind": "bass", "p": 0.03, "q": 0.38,
           "m": 120, "launch": 2024 })");
    EXPECT_EQ(describeOnly(sc, "p"), "points 2023: 1.5, 2026: 3, interpolated geometrically");
    EXPECT_EQ(describeOnly(sc, "g"),
              "Gompertz S-curve, ceiling 40% (a), midpoint 2028, steepness 0.5");
    EXPECT_EQ(describeOnly(sc, "b"),
              "Bass diffusion from 2024, p 0.03, q 0.38, market 120, closed form");
}

// Issue 20: the model editor's line in Chinese, with the same figures and ids.
TEST(SeriesKinds, DescribesInChinese) {
    const Scenario sc = defaultForecast();
    const auto zh = [&](std::string_view id) {
        return describeSeries(*sc.findSeries(id), sc, "zh");
    };
    EXPECT_EQ(zh("asic_share"),
              "逻辑斯蒂S曲线，上限 50% (asic_share_ceiling)，经过 2023: 16% (asic_share_2023) 与 "
              "2028: 25% (asic_share_2028)");
    EXPECT_EQ(zh("accel_market"),
              "CAGR，经过 2023: 41.25 (accel_2023) 与 2028: 171.6 (accel_2028)，之后每年 15% "
              "(accel_growth_late) 至 2035 年");
    EXPECT_EQ(zh("meta_capex"),
              "CAGR，自 2025: 62.5 (meta_capex_2025) 起，每年 12% (capex_growth) 至 2035 年");
    EXPECT_EQ(zh("compute"),
              "杰文斯需求，自2023年起：基础需求 41.25 (accel_2023)，基础成本 1，成本每年下降 35% "
              "(compute_cost_decline)，弹性 1.6 (elasticity)");
    EXPECT_EQ(zh("asic_market"), "公式 accel_market * asic_share");
    const Scenario other = withSeries(R"(
    "p": { "label": { "en": "P" }, "unit": "US$B", "kind": "points",
           "points": [ { "year": 2023, "value": 1.5 }, { "year": 2026, "value": 3 } ] },
    "g": { "label": { "en": "G" }, "unit": "share", "kind": "gompertz", "ceiling": "a",
           "midpoint": 2028, "steepness": 0.5 },
    "b": { "label": { "en": "B" }, "unit": "M units", "kind": "bass", "p": 0.03, "q": 0.38,
           "m": 120, "launch": 2024 })");
    EXPECT_EQ(describeSeries(*other.findSeries("p"), other, "zh"),
              "数据点 2023: 1.5，2026: 3，线性插值");
    EXPECT_EQ(describeSeries(*other.findSeries("g"), other, "zh"),
              "冈珀茨S曲线，上限 40% (a)，中点 2028，陡度 0.5");
    EXPECT_EQ(describeSeries(*other.findSeries("b"), other, "zh"),
              "Bass扩散模型，自2024年起，p 0.03，q 0.38，市场容量 120，closed形式");
}

// The kinds' parse gives the messages and JSON paths the reader gave before the table.
namespace {

struct Refusal {
    std::string path;
    std::string detail;
};

Refusal refusalOf(const std::string& series) {
    try {
        (void)withSeries(series);
    } catch (const ScenarioError& e) {
        return {e.path(), e.detail()};
    }
    return {"", "(accepted)"};
}

std::string pointList(int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += (i ? ", " : "") + std::string(R"({ "year": )") + std::to_string(1980 + i % 50) +
               R"(, "value": 1 })";
    return out;
}

}  // namespace

TEST(SeriesKinds, ParseRefusalsKeepTheirMessagesAndPaths) {
    const auto expectRefusal = [](const std::string& series, const std::string& path,
                                  const std::string& detail) {
        const Refusal r = refusalOf(series);
        EXPECT_EQ(r.path, path) << series;
        EXPECT_EQ(r.detail, detail) << series;
    };
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "points",
                    "points": [] })",
                  "series.s.points", "a points series needs at least one point");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "points",
                    "points": [ { "year": 2023, "value": 1 } ], "interpolation": "cubic" })",
                  "series.s.interpolation",
                  "'cubic' is not a valid interpolation; use linear, log");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "cagr" })",
                  "series.s",
                  "a cagr series needs either 'start' (with 'segments') or 'through' (two points), "
                  "not both");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "cagr",
                    "start": { "year": 2023, "value": 1 } })",
                  "series.s", "a cagr series with a 'start' needs 'segments'");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "cagr",
                    "start": { "year": 2023, "value": 1 }, "segments": [] })",
                  "series.s.segments", "a cagr series with a 'start' needs at least one segment");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "cagr",
                    "start": { "year": 2023, "value": 1 },
                    "segments": [ { "until": 2023, "rate": 0.1 } ] })",
                  "series.s.segments[0].until",
                  "a segment must end after 2023 (the previous point), found 2023");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "share", "kind": "logistic",
                    "ceiling": 1 })",
                  "series.s",
                  "an S-curve needs 'midpoint' and 'steepness', or 'through' (two points)");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "share", "kind": "gompertz",
                    "midpoint": 2028, "steepness": 1 })",
                  "series.s", "the required field 'ceiling' is missing");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "bass",
                    "p": 0.03, "q": 0.4, "m": 1, "launch": 2024, "form": "weekly" })",
                  "series.s.form",
                  "'weekly' is not a valid form; use closed, discrete, density-end, density-mid");
    expectRefusal(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "formula",
                    "expr": "  " })",
                  "series.s.expr", "the formula is empty");
    expectRefusal(
        R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "points",
                    "points": [ )" +
            pointList(1001) + " ] }",
        "series.s.points",
        "there are 1,001 points in this series; at most 1,000 are allowed in a forecast file");
}

TEST(SeriesKinds, AMissingParameterIsNamedWhenEvaluating) {
    Scenario sc = withSeries(R"("s": { "label": { "en": "S" }, "unit": "number", "kind": "bass",
                    "p": 0.03, "q": 0.4, "m": 1, "launch": 2024 })");
    sc.series.front().params.erase("q");
    const Model model = Model::compile(sc);
    try {
        (void)model.evaluateAll(model.assumptionValues());
        FAIL() << "evaluated without q";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.path(), "series.s");
        EXPECT_EQ(e.detail(), "a q is required");
    }
}
