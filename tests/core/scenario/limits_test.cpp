// Tests for core/scenario/limits.h: every size bound is enforced by the loader with a message
// naming the path and the bound, and pathological models evaluate in bounded time.
#include "core/scenario/limits.h"

#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

namespace jevons::core {
namespace {

using Json = nlohmann::ordered_json;

Json label(const std::string& en) { return Json{{"en", en}}; }

/// A valid forecast over `first`..`last` with one points series "s0".
Json minimalFile(int first = 2023, int last = 2030) {
    Json j;
    j["schema"] = 1;
    j["meta"] = Json{{"title", label("Limits")}};
    j["years"] = Json{{"first", first}, {"last", last}};
    j["assumptions"] = Json::object();
    j["series"] = Json::object();
    j["series"]["s0"] = Json{{"label", label("S0")},
                             {"unit", "US$B"},
                             {"kind", "points"},
                             {"points", Json::array({Json{{"year", first}, {"value", 1.0}}})}};
    return j;
}

Json assumption(double value) {
    return Json{{"label", label("A")}, {"value", value}, {"unit", "number"},
                {"min", -1e6},         {"max", 1e6},     {"step", 1}};
}

Json formula(const std::string& expr) {
    return Json{{"label", label("F")}, {"unit", "US$B"}, {"kind", "formula"}, {"expr", expr}};
}

/// The loader's message for `file`, or "" when it loads.
std::string refusal(const Json& file) {
    try {
        (void)parseScenario(file.dump(), "limits.json");
        return {};
    } catch (const ScenarioError& e) {
        return e.what();
    }
}

void expectRefused(const Json& file, const std::string& path, std::size_t limit) {
    const std::string message = refusal(file);
    EXPECT_NE(message.find("limits.json:"), std::string::npos) << message;
    EXPECT_NE(message.find(" " + path + ": "), std::string::npos) << message;
    EXPECT_NE(message.find("at most " + withThousands(limit)), std::string::npos) << message;
}

TEST(Limits, ThousandsSeparators) {
    EXPECT_EQ(withThousands(0), "0");
    EXPECT_EQ(withThousands(999), "999");
    EXPECT_EQ(withThousands(1000), "1,000");
    EXPECT_EQ(withThousands(1234567), "1,234,567");
}

TEST(Limits, Assumptions) {
    Json file = minimalFile();
    for (std::size_t i = 0; i < kMaxAssumptions; ++i)
        file["assumptions"]["a" + std::to_string(i)] = assumption(1);
    EXPECT_EQ(refusal(file), "");
    file["assumptions"]["one_more"] = assumption(1);
    expectRefused(file, "assumptions", kMaxAssumptions);
}

TEST(Limits, Series) {
    Json file = minimalFile();
    for (std::size_t i = 1; i < kMaxSeries; ++i)
        file["series"]["s" + std::to_string(i)] = formula("s" + std::to_string(i - 1) + " + 1");
    EXPECT_EQ(refusal(file), "");
    file["series"]["one_more"] = formula("s0");
    expectRefused(file, "series", kMaxSeries);
}

TEST(Limits, Charts) {
    Json file = minimalFile();
    for (std::size_t i = 0; i <= kMaxCharts; ++i)
        file["charts"]["c" + std::to_string(i)] =
            Json{{"title", label("C")}, {"type", "line"}, {"series", Json::array({"s0"})}};
    expectRefused(file, "charts", kMaxCharts);
    file["charts"].erase("c0");
    EXPECT_EQ(refusal(file), "");
}

TEST(Limits, Scenarios) {
    Json file = minimalFile();
    file["assumptions"]["x"] = assumption(1);
    file["scenarios"]["base"] = Json{{"label", label("Base")}};
    for (std::size_t i = 1; i <= kMaxScenarios; ++i)
        file["scenarios"]["s" + std::to_string(i)] =
            Json{{"label", label("S")}, {"overrides", Json{{"x", 2}}}};
    expectRefused(file, "scenarios", kMaxScenarios);
    file["scenarios"].erase("s1");
    EXPECT_EQ(refusal(file), "");
}

TEST(Limits, Anchors) {
    Json file = minimalFile();
    file["anchors"] = Json::array();
    for (std::size_t i = 0; i <= kMaxAnchors; ++i)
        file["anchors"].push_back(Json{{"series", "s0"}, {"year", 2023}, {"value", 1}});
    expectRefused(file, "anchors", kMaxAnchors);
}

TEST(Limits, PointsPerSeries) {
    Json file = minimalFile(1000, 1199);
    Json points = Json::array();
    for (std::size_t i = 0; i <= kMaxPointsPerSeries; ++i)
        points.push_back(Json{{"year", 950 + static_cast<int>(i)}, {"value", 1.0}});
    file["series"]["s0"]["points"] = points;
    expectRefused(file, "series.s0.points", kMaxPointsPerSeries);
}

TEST(Limits, SegmentsPerSeries) {
    Json file = minimalFile();
    Json segments = Json::array();
    for (std::size_t i = 0; i <= kMaxPointsPerSeries; ++i)
        segments.push_back(Json{{"until", 2024 + static_cast<int>(i)}, {"rate", 0.1}});
    file["series"]["g"] = Json{{"label", label("G")},
                               {"unit", "US$B"},
                               {"kind", "cagr"},
                               {"start", Json{{"year", 2023}, {"value", 1.0}}},
                               {"segments", segments}};
    expectRefused(file, "series.g.segments", kMaxPointsPerSeries);
}

TEST(Limits, FormulaLength) {
    Json file = minimalFile();
    std::string expr = "s0";
    while (expr.size() + 5 <= kMaxFormulaLength) expr += " + s0";
    file["series"]["f"] = formula(expr);
    EXPECT_EQ(refusal(file), "");
    expr.append(kMaxFormulaLength + 1 - expr.size(), ' ');
    file["series"]["f"] = formula(expr);
    expectRefused(file, "series.f.expr", kMaxFormulaLength);
}

TEST(Limits, YearSpanAndFileSizeAreBoundedToo) {
    expectRefused(minimalFile(1900, 2100), "years", 200);
    EXPECT_EQ(kMaxScenarioFileBytes, std::uintmax_t{16} << 20);
}

// ---------------------------------------------------------------------------------------------
// Pathological models: they load or are refused, and either way in bounded time.

using Clock = std::chrono::steady_clock;

/// Loads and evaluates `file`; returns the ScenarioError message or "" and the seconds taken.
std::pair<std::string, double> evaluate(const Json& file) {
    const auto start = Clock::now();
    std::string message;
    try {
        const Scenario s = parseScenario(file.dump(), "pathological.json");
        const Evaluator e(Model::compile(s));
        for (std::size_t i = 0; i < e.results().size(); ++i) {
            // Finite from the series' first year with a value; NaN ("no value") before it.
            const Eigen::Index first = e.model().firstValueColumn(static_cast<int>(i));
            for (const auto& grid : e.results()[i]) {
                EXPECT_TRUE(grid.rightCols(grid.cols() - first).allFinite());
                EXPECT_TRUE(grid.leftCols(first).isNaN().all());
            }
        }
    } catch (const ScenarioError& e) {
        message = e.what();
    }
    return {message, std::chrono::duration<double>(Clock::now() - start).count()};
}

// Generous enough for a loaded CI machine under AddressSanitizer; each case takes milliseconds
// in an optimised build.
constexpr double kBoundSeconds = 20.0;

TEST(Pathological, ChainOfTheMostSeriesOverTheMostYears) {
    Json file = minimalFile(1900, 2099);
    for (std::size_t i = 1; i < kMaxSeries; ++i)
        file["series"]["s" + std::to_string(i)] =
            formula("s" + std::to_string(i - 1) + " * 0.5 + lag(s" + std::to_string(i - 1) +
                    ", 1) * 0.25 + cumsum(s0) / 1000");
    const auto [message, seconds] = evaluate(file);
    EXPECT_EQ(message, "");
    EXPECT_LT(seconds, kBoundSeconds);
}

TEST(Pathological, LongestLagAndDeepestNesting) {
    Json file = minimalFile(1900, 2099);
    file["series"]["lagged"] = formula("lag(s0, 1000)");
    std::string nested = "s0";
    for (int i = 0; i < 190; ++i) nested = "(" + nested + " + 1)";
    file["series"]["nested"] = formula(nested);
    const auto [message, seconds] = evaluate(file);
    EXPECT_EQ(message, "");
    EXPECT_LT(seconds, kBoundSeconds);
}

TEST(Pathological, NestingBeyondTheBoundIsRefused) {
    Json file = minimalFile();
    std::string nested = "s0";
    for (int i = 0; i < 5000; ++i) nested = "(" + nested + ")";
    file["series"]["nested"] = formula(nested);
    const auto [message, seconds] = evaluate(file);
    EXPECT_NE(message.find("series.nested"), std::string::npos) << message;
    EXPECT_LT(seconds, kBoundSeconds);
}

TEST(Pathological, HugeExponentsAreRefusedNamingSeriesAndYear) {
    Json file = minimalFile();
    file["assumptions"]["big"] = assumption(1000);
    file["series"]["s0"]["points"][0]["value"] = 10.0;
    file["series"]["boom"] = formula("s0 ^ big ^ big");
    const auto [message, seconds] = evaluate(file);
    EXPECT_NE(message.find("boom"), std::string::npos) << message;
    EXPECT_NE(message.find("2023"), std::string::npos) << message;
    EXPECT_NE(message.find("not a finite number"), std::string::npos) << message;
    EXPECT_LT(seconds, kBoundSeconds);
}

}  // namespace
}  // namespace jevons::core
