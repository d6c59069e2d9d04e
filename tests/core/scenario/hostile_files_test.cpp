// Hostile files (issue 17, item 1): forecasts of every shape a careless or hostile colleague
// might send, each as large as the loader accepts (up to kMaxScenarioFileBytes, 16 MiB), are
// loaded — parsed, compiled and evaluated, as opening them in the dashboard does — or refused
// with a message naming the field, within 2 s of CPU time and 1 GiB of peak resident memory
// (VmHWM, reset through /proc/self/clear_refs). Both are asserted only in an optimised build
// without ASan (shadow memory and instrumentation would inflate both; under ASan the shapes still
// run, for memory errors); the table printed by EveryShapeLoadsOrIsRefusedWithinBounds is what the
// README quotes.
#include "core/eval/evaluator.h"
#include "core/scenario/limits.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <malloc.h>
#include <time.h>
#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace jevons::core {
namespace {

using Json = nlohmann::ordered_json;

#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr bool kMeasured = false;  // ASan or unoptimised: times and memory say nothing
#else
constexpr bool kMeasured = true;
#endif
constexpr double kSeconds = 2.0;
constexpr long long kBytes = 1ll << 30;

long long statusBytes(const std::string& key) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(key + ":", 0) == 0) return std::stoll(line.substr(key.size() + 1)) * 1024;
    return -1;
}

/// Returns freed memory to the system, then resets the peak to the current resident size, so the
/// next peak is what the next load allocates (memory freed by an earlier shape but still
/// resident would hide part of it).
void resetPeak() {
    ::malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
}

/// CPU seconds of this process: the bound holds on this machine however loaded it is by others
/// (the load is single-threaded).
double cpuSeconds() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

Json label(const std::string& en) { return Json{{"en", en}}; }

/// A valid forecast over `first`..`last` with no assumptions and one points series "s0".
Json skeleton(int first = 2023, int last = 2035) {
    Json j;
    j["schema"] = 1;
    j["meta"] = Json{{"title", label("Hostile")},
                     {"sources", Json::array({Json{{"id", "src"}, {"title", label("A source")}}})}};
    j["years"] = Json{{"first", first}, {"last", last}};
    j["assumptions"] = Json::object();
    j["series"] = Json::object();
    j["series"]["s0"] = Json{{"label", label("S0")},
                             {"unit", "US$B"},
                             {"kind", "points"},
                             {"points", Json::array({Json{{"year", first}, {"value", 1.0}}})}};
    return j;
}

std::string id(const char* prefix, std::size_t i) { return prefix + std::to_string(i); }

/// `n` assumptions a0…, each with a range (a normal around 10).
void addRangedAssumptions(Json& j, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        j["assumptions"][id("a", i)] =
            Json{{"label", label("A")},
                 {"value", 10},
                 {"unit", "number"},
                 {"min", 0},
                 {"max", 100},
                 {"step", 1},
                 {"distribution", Json{{"type", "normal"}, {"mean", 10}, {"sd", 1}}}};
}

Json correlation(const std::string& a, const std::string& b, double rank) {
    return Json{{"a", a}, {"b", b}, {"rank", rank}};
}

struct Shape {
    std::string name;
    std::function<Json()> make;
    std::string refusal;  ///< "" = loads; else a part of the message (the field's path)
};

/// The shapes. Each fills its dimension up to a limit or to the file-size limit.
std::vector<Shape> shapes() {
    std::vector<Shape> out;
    out.push_back({"3,000 ranged assumptions, 3 correlations that contradict each other",
                   [] {
                       Json j = skeleton();
                       addRangedAssumptions(j, 3000);
                       j["uncertainty"]["correlations"] = Json::array(
                           {correlation("a0", "a1", 0.95), correlation("a1", "a2", 0.95),
                            correlation("a0", "a2", -0.95)});
                       return j;
                   },
                   "uncertainty.correlations: the rank correlations of 'a0', 'a1' and 'a2' "
                   "cannot hold together"});
    out.push_back(
        {"5,000 ranged assumptions, 500 correlations in a chain, the last contradicting",
         [] {
             Json j = skeleton();
             addRangedAssumptions(j, kMaxAssumptions);
             Json pairs = Json::array();
             for (std::size_t i = 0; i + 2 < kMaxCorrelations; ++i)
                 pairs.push_back(correlation(id("a", i), id("a", i + 1), 0.3));
             pairs.push_back(correlation("a4000", "a4001", 0.95));
             pairs.push_back(correlation("a4001", "a0", -0.95));
             j["uncertainty"]["correlations"] = pairs;
             return j;
         },
         "uncertainty.correlations: the rank correlations of 'a0', 'a1' and 'a4001' cannot hold "
         "together ('a0'–'a1' 0.3, 'a1'–'a4001' 0, 'a0'–'a4001' -0.95)"});
    out.push_back(
        {"500 correlations on one assumption (a star): no triple contradicts, all do",
         [] {
             Json j = skeleton();
             addRangedAssumptions(j, kMaxCorrelations + 1);
             Json pairs = Json::array();
             for (std::size_t i = 1; i <= kMaxCorrelations; ++i)
                 pairs.push_back(correlation("a0", id("a", i), 0.5));
             j["uncertainty"]["correlations"] = pairs;
             return j;
         },
         "uncertainty.correlations: the rank correlations between 'a0', 'a1', 'a2', 'a3', 'a4', "
         "'a5', 'a6', 'a7', 'a8', 'a9' and 491 more cannot hold together"});
    out.push_back(
        {"501 correlations",
         [] {
             Json j = skeleton();
             addRangedAssumptions(j, kMaxCorrelations + 2);
             Json pairs = Json::array();
             for (std::size_t i = 0; i <= kMaxCorrelations; ++i)
                 pairs.push_back(correlation(id("a", i), id("a", i + 1), 0.1));
             j["uncertainty"]["correlations"] = pairs;
             return j;
         },
         "uncertainty.correlations: there are 501 correlations; at most 500 are allowed"});
    out.push_back(
        {"200 scenarios × 3,500 overrides of 5,000 assumptions",
         [] {
             Json j = skeleton();
             for (std::size_t i = 0; i < kMaxAssumptions; ++i)
                 j["assumptions"][id("a", i)] = Json{{"label", label("A")},
                                                     {"value", 1},
                                                     {"unit", "number"},
                                                     {"min", 0},
                                                     {"max", 9},
                                                     {"step", 1}};
             j["scenarios"]["base"] = Json{{"label", label("Base")}, {"overrides", Json::object()}};
             for (std::size_t s = 1; s < kMaxScenarios; ++s) {
                 Json overrides = Json::object();
                 for (std::size_t i = 0; i < 3500; ++i)
                     overrides[id("a", (i * 7 + s) % kMaxAssumptions)] = 2;
                 j["scenarios"][id("sc", s)] =
                     Json{{"label", label("S")}, {"overrides", overrides}};
             }
             return j;
         },
         ""});
    // Formulas: as much formula text as a file may hold (kMaxFormulaTextPerFile), spread over
    // every series, each a sum of assumptions and the series before it; then one character more.
    const auto formulas = [](std::size_t characters) {
        Json j = skeleton();
        for (std::size_t i = 0; i < kMaxAssumptions; ++i)
            j["assumptions"][id("a", i)] = Json{{"label", label("A")},
                                                {"value", 1},
                                                {"unit", "number"},
                                                {"min", 0},
                                                {"max", 9},
                                                {"step", 1}};
        // Each series gets `share` characters (the first one the rest), terms then spaces.
        const std::size_t share = characters / (kMaxSeries - 1);
        for (std::size_t s = 1; s < kMaxSeries; ++s) {
            const std::size_t size = s == 1 ? characters - share * (kMaxSeries - 2) : share;
            std::string expr = s == 1 ? std::string("s0") : id("f", s - 1);
            for (std::size_t k = 0;; ++k) {
                const std::string term = " + " + id("a", (s * 31 + k) % kMaxAssumptions) + " * 0";
                if (expr.size() + term.size() > size) break;
                expr += term;
            }
            expr.resize(size, ' ');
            j["series"][id("f", s)] =
                Json{{"label", label("F")}, {"unit", "US$B"}, {"kind", "formula"}, {"expr", expr}};
        }
        return j;
    };
    out.push_back({"1,999 formula series, 1,000,000 characters of formulas in all",
                   [formulas] { return formulas(kMaxFormulaTextPerFile); }, ""});
    out.push_back({"1,000,001 characters of formulas",
                   [formulas] { return formulas(kMaxFormulaTextPerFile + 1); },
                   "characters of formulas up to here; at most 1,000,000"});
    out.push_back({"2,000 points series × 200 years",
                   [] {
                       Json j = skeleton(2000, 2199);
                       for (std::size_t s = 1; s < kMaxSeries; ++s) {
                           Json points = Json::array();
                           for (int y = 2000; y <= 2199; ++y)
                               points.push_back(Json{{"year", y}, {"value", y - 1999}});
                           j["series"][id("p", s)] = Json{{"label", label("P")},
                                                          {"unit", "US$B"},
                                                          {"kind", "points"},
                                                          {"points", points}};
                       }
                       return j;
                   },
                   ""});
    out.push_back({"500 charts × 2,000 series each",
                   [] {
                       Json j = skeleton();
                       Json all = Json::array();
                       for (std::size_t s = 0; s < kMaxSeries; ++s) {
                           if (s > 0) j["series"][id("p", s)] = j["series"]["s0"];
                           all.push_back(s == 0 ? std::string("s0") : id("p", s));
                       }
                       for (std::size_t c = 0; c < kMaxCharts; ++c)
                           j["charts"][id("c", c)] = Json{{"title", label("C")},
                                                          {"type", "line"},
                                                          {"series", all},
                                                          {"secondary", Json::array()}};
                       return j;
                   },
                   ""});
    out.push_back({"5,000 anchors",
                   [] {
                       Json j = skeleton();
                       for (std::size_t i = 0; i < kMaxAnchors; ++i)
                           j["anchors"].push_back(Json{{"series", "s0"},
                                                       {"year", 2023 + static_cast<int>(i % 13)},
                                                       {"value", 1.0 + static_cast<double>(i)},
                                                       {"source", "src"},
                                                       {"figure", label("F" + std::to_string(i))}});
                       return j;
                   },
                   ""});
    out.push_back({"2,000 series of actuals × 200 years",
                   [] {
                       Json j = skeleton(1900, 2099);
                       for (std::size_t s = 1; s < kMaxSeries; ++s) {
                           j["series"][id("p", s)] = j["series"]["s0"];
                           Json values = Json::object();
                           for (int y = 1900; y < 2100; ++y) values[std::to_string(y)] = 1.5;
                           j["actuals"][id("p", s)] = Json{{"source", "src"}, {"values", values}};
                       }
                       return j;
                   },
                   ""});
    out.push_back({"an object of 1,000,000 keys (groups)",
                   [] {
                       // As text: an ordered_json object inserts in linear time per key.
                       Json j = skeleton();
                       j["groups"] = "GROUPS";
                       std::string groups = "{";
                       for (std::size_t i = 0; i < 1000000; ++i)
                           groups += (i ? ",\"" : "\"") + id("g", i) + "\":\"G\"";
                       groups += "}";
                       std::string text = j.dump();
                       text.replace(text.find("\"GROUPS\""), 8, groups);
                       return Json(text);
                   },
                   "groups: there are 1,000,000 groups; at most 5,000"});
    out.push_back({"a 15 MiB title",
                   [] {
                       Json j = skeleton();
                       std::string title;
                       while (title.size() < (std::size_t{15} << 20)) title += "数据中心ASIC市场 ";
                       j["meta"]["title"] = label(title);
                       return j;
                   },
                   ""});
    // A shape that is a JSON string is the file's text itself.
    out.push_back({"16 MiB of nested arrays",
                   [] { return Json(std::string((std::size_t{16} << 20) - 64, '[')); },
                   "deeper than 256"});
    out.push_back({"one points series with 16 MiB of points",
                   [] {
                       Json j = skeleton();
                       Json points = Json::array();
                       for (std::size_t i = 0; i < 600000; ++i)
                           points.push_back(Json{{"year", 2023}, {"value", 1.0}});
                       j["series"]["s0"]["points"] = points;
                       return j;
                   },
                   "series.s0.points: there are 600,000 points in this series; at most 1,000"});
    return out;
}

struct Outcome {
    std::string refusal;  ///< the loader's message, "" when it loaded
    double seconds = 0;
    long long peakBytes = 0;  ///< peak resident memory above the start
};

/// Parses, compiles and evaluates `text` as opening a file does; measures time and memory.
Outcome open(const std::string& text) {
    resetPeak();
    const long long before = statusBytes("VmRSS");
    const double start = cpuSeconds();
    Outcome out;
    try {
        Evaluator evaluator(Model::compile(parseScenario(text, "hostile.json")));
        (void)evaluator;
    } catch (const ScenarioError& e) {
        out.refusal = e.what();
    }
    out.seconds = cpuSeconds() - start;
    out.peakBytes = statusBytes("VmHWM") - before;
    return out;
}

TEST(HostileFiles, EveryShapeLoadsOrIsRefusedWithinBounds) {
    // JEVONS_HOSTILE_SHAPE=text runs only the shapes whose name contains it (for profiling).
    const char* only = std::getenv("JEVONS_HOSTILE_SHAPE");
    for (const Shape& shape : shapes()) {
        if (only && shape.name.find(only) == std::string::npos) continue;
        const Json j = shape.make();
        const std::string text = j.is_string() ? j.get<std::string>() : j.dump();
        ASSERT_LE(text.size(), kMaxScenarioFileBytes) << shape.name;
        const Outcome o = open(text);
        std::printf("[ hostile  ] %-90s %5.1f MiB %6.3f s %6.0f MiB  %s\n", shape.name.c_str(),
                    double(text.size()) / (1 << 20), o.seconds, double(o.peakBytes) / (1 << 20),
                    o.refusal.empty() ? "loaded" : o.refusal.substr(0, 110).c_str());
        if (shape.refusal.empty()) {
            EXPECT_EQ(o.refusal, "") << shape.name;
        } else {
            EXPECT_NE(o.refusal.find(shape.refusal), std::string::npos)
                << shape.name << ": " << o.refusal;
        }
        if (kMeasured) {
            EXPECT_LT(o.seconds, kSeconds) << shape.name;
            EXPECT_LT(o.peakBytes, kBytes) << shape.name;
        }
    }
}

}  // namespace
}  // namespace jevons::core
