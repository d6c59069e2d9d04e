#include "core/eval/model.h"

#include "core/scenario/scenario_json.h"
#include "tests/core/eval/test_scenarios.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace jevons::core;
using jevons::core::testing::asicScenario;

namespace {
int position(const std::vector<int>& order, int v) {
    return static_cast<int>(std::find(order.begin(), order.end(), v) - order.begin());
}
std::string errorOf(const Scenario& s) {
    try {
        validateModel(s);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Model, OrdersSeriesTopologically) {
    const Model m = Model::compile(asicScenario());
    const auto& order = m.order();
    ASSERT_EQ(order.size(), 5u);
    const int accel = m.seriesIndex("accel_market");
    const int share = m.seriesIndex("asic_share");
    const int asic = m.seriesIndex("asic_market");
    const int gpu = m.seriesIndex("gpu_market");
    EXPECT_LT(position(order, accel), position(order, asic));
    EXPECT_LT(position(order, share), position(order, asic));
    EXPECT_LT(position(order, asic), position(order, gpu));
}

TEST(Model, ReproducesTheReportsAsicMarket) {
    const Model m = Model::compile(asicScenario());
    const SeriesResults r = m.evaluateAll(m.assumptionValues("base"));
    const Grid& asic = r[static_cast<std::size_t>(m.seriesIndex("asic_market"))][0];
    EXPECT_NEAR(asic(0, 0), 6.6, 6.6e-3);    // 2023, within 0.1%
    EXPECT_NEAR(asic(0, 5), 42.9, 42.9e-3);  // 2028
    const Grid& gpu = r[static_cast<std::size_t>(m.seriesIndex("gpu_market"))][0];
    EXPECT_NEAR(gpu(0, 0), 41.25 - 6.6, 1e-9);
    // The ASIC share follows MODELS.md's logistic: 28.74% in 2030, 37.09% in 2035.
    const Grid& share = r[static_cast<std::size_t>(m.seriesIndex("asic_share"))][0];
    EXPECT_NEAR(share(0, 7), 0.2874, 5e-5);
    EXPECT_NEAR(share(0, 12), 0.3709, 5e-5);
}

TEST(Model, DependentsOfAnAssumptionAreOnlyItsDownstreamSeries) {
    const Model m = Model::compile(asicScenario());
    const auto deps = m.dependentsOf(m.assumptionIndex("share_2028"));
    std::vector<int> expected{m.seriesIndex("asic_share"), m.seriesIndex("asic_market"),
                              m.seriesIndex("gpu_market")};
    std::vector<int> sortedDeps = deps;
    std::sort(sortedDeps.begin(), sortedDeps.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(sortedDeps, expected);
    EXPECT_EQ(m.dependentsOf(m.assumptionIndex("glasses_2035")),
              std::vector<int>{m.seriesIndex("glasses")});
}

TEST(Model, EvaluatesManyPathsAtOnce) {
    const Model m = Model::compile(asicScenario());
    AssumptionValues a = m.assumptionValues("base");
    a[static_cast<std::size_t>(m.assumptionIndex("share_2028"))] =
        (Paths(3) << 0.2, 0.25, 0.3).finished();
    const SeriesResults r = m.evaluateAll(a, 3);
    const Grid& asic = r[static_cast<std::size_t>(m.seriesIndex("asic_market"))][0];
    ASSERT_EQ(asic.rows(), 3);
    EXPECT_NEAR(asic(0, 5), 171.6 * 0.2, 1e-9);
    EXPECT_NEAR(asic(1, 5), 42.9, 1e-9);
    EXPECT_NEAR(asic(2, 5), 171.6 * 0.3, 1e-9);
    EXPECT_NEAR(asic(1, 0), 6.6, 1e-9);  // 2023 is the same on every path
    EXPECT_NEAR(asic(2, 0), 6.6, 1e-9);
}

TEST(Model, CycleIsNamedWithItsChain) {
    Scenario s = asicScenario();
    for (auto& def : s.series)
        if (def.id == "asic_market") def.expr = "gpu_market * asic_share";
    const std::string message = errorOf(s);
    EXPECT_NE(message.find("cycle"), std::string::npos) << message;
    const bool chain =
        message.find("asic_market → gpu_market → asic_market") != std::string::npos ||
        message.find("gpu_market → asic_market → gpu_market") != std::string::npos;
    EXPECT_TRUE(chain) << message;
}

TEST(Model, UnknownFormulaReferenceNamesTheSeriesAndTheName) {
    Scenario s = asicScenario();
    for (auto& def : s.series)
        if (def.id == "asic_market") def.expr = "accel_market * asic_shar";
    const std::string message = errorOf(s);
    EXPECT_NE(message.find("series.asic_market.expr"), std::string::npos) << message;
    EXPECT_NE(message.find("'asic_shar'"), std::string::npos) << message;
}

TEST(Model, UnknownParameterReferenceNamesThePath) {
    Scenario s = asicScenario();
    for (auto& def : s.series)
        if (def.id == "asic_share") def.points[1].value = Param{std::string("share_2082")};
    const std::string message = errorOf(s);
    EXPECT_NE(message.find("series.asic_share.through[1].value"), std::string::npos) << message;
    EXPECT_NE(message.find("share_2082"), std::string::npos) << message;
}

TEST(Model, AnchorAboveTheCeilingIsAnErrorInWords) {
    Scenario s = asicScenario();
    s.findAssumption("share_2028")->value = 0.55;
    const std::string message = errorOf(s);
    EXPECT_NE(message.find("series.asic_share"), std::string::npos) << message;
    EXPECT_NE(message.find("ceiling"), std::string::npos) << message;
}

TEST(Model, NonFiniteValueNamesSeriesAndYear) {
    Scenario s = asicScenario();
    SeriesDef ratio;
    ratio.id = "ratio";
    ratio.unit = Unit::Number;
    ratio.kind = SeriesKind::Formula;
    ratio.expr = "accel_market / (asic_share - asic_share)";
    s.series.push_back(ratio);
    const std::string message = errorOf(s);
    EXPECT_NE(message.find("series.ratio"), std::string::npos) << message;
    EXPECT_NE(message.find("2023"), std::string::npos) << message;
    EXPECT_NE(message.find("not a finite number"), std::string::npos) << message;
}

TEST(Model, NegativeMarketInAScenarioIsRefused) {
    Scenario s = asicScenario();
    s.scenarios[1].overrides["late_growth"] = -0.1;  // fine: still positive
    EXPECT_EQ(errorOf(s), "");
    for (auto& def : s.series)
        if (def.id == "gpu_market") def.expr = "asic_market - accel_market";  // negative
    const std::string message = errorOf(s);
    EXPECT_NE(message.find("series.gpu_market"), std::string::npos) << message;
    EXPECT_NE(message.find("below 0"), std::string::npos) << message;
}

TEST(Model, ResolvesNamedOutputs) {
    Scenario s = asicScenario();
    SeriesDef bass;
    bass.id = "users";
    bass.unit = Unit::MillionUnits;
    bass.kind = SeriesKind::Bass;
    bass.params = {{"p", Param{0.01}}, {"q", Param{0.4}}, {"m", Param{100.0}}};
    bass.launch = 2025;
    s.series.push_back(bass);
    const Model m = Model::compile(s);
    ASSERT_TRUE(m.resolve("users.cumulative").has_value());
    EXPECT_EQ(m.resolve("users.cumulative")->output, 1);
    EXPECT_FALSE(m.resolve("users.spend").has_value());
    EXPECT_EQ(m.refName(*m.resolve("users.cumulative")), "users.cumulative");
}

namespace {
// The default forecast's assumptions on `n` paths: each assumption moved by a different amount
// per path (within ±5%; the 93.3% KV-cache cut stays below 100%), every kind of the file (cagr,
// logistic, jevons, formulas) in play.
AssumptionValues spreadPaths(const Model& m, Eigen::Index n) {
    AssumptionValues a = m.assumptionValues("base");
    for (std::size_t k = 0; k < a.size(); ++k) {
        Paths p(n);
        for (Eigen::Index r = 0; r < n; ++r)
            p(r) = a[k](0) * (1.0 + 0.05 * std::sin(1.0 + static_cast<double>(3 * r + 7 * k)));
        a[k] = p;
    }
    return a;
}
}  // namespace

TEST(Model, EvaluateAllIntoReusesGridsAndMatchesOnePathAtATime) {
    const Model m = Model::compile(
        loadScenarioFile(std::string(JEVONS_SOURCE_DIR) + "/forecasts/default.json"));
    constexpr Eigen::Index kPaths = 37;  // odd: a vectorised loop's tail is exercised
    const AssumptionValues a = spreadPaths(m, kPaths);
    SeriesResults into;
    m.evaluateAll(a, kPaths, into);
    const SeriesResults returned = m.evaluateAll(a, kPaths);
    ASSERT_EQ(into.size(), returned.size());
    std::vector<const double*> storage;
    for (std::size_t s = 0; s < into.size(); ++s) {
        ASSERT_EQ(into[s].size(), Model::outputCount(m.scenario().series[s].kind));
        for (std::size_t o = 0; o < into[s].size(); ++o) {
            ASSERT_EQ(into[s][o].rows(), kPaths);
            ASSERT_EQ(into[s][o].cols(), 13);
            // Equal, NaN ("no value": the capex series before 2025) included.
            EXPECT_TRUE(
                ((into[s][o] == returned[s][o]) || (into[s][o].isNaN() && returned[s][o].isNaN()))
                    .all())
                << m.scenario().series[s].id;
            storage.push_back(into[s][o].data());
        }
    }
    // Each row is its own path: the same as evaluating that path's inputs alone (up to the
    // last bits of vectorised exp/log), e.g. the ASIC market and the MLA spend multiplier.
    for (Eigen::Index r : {Eigen::Index{0}, Eigen::Index{18}, kPaths - 1}) {
        AssumptionValues one(a.size());
        for (std::size_t k = 0; k < a.size(); ++k) one[k] = Paths::Constant(1, a[k](r));
        const SeriesResults single = m.evaluateAll(one);
        for (std::size_t s = 0; s < into.size(); ++s)
            for (std::size_t o = 0; o < into[s].size(); ++o)
                for (Eigen::Index c = 0; c < 13; ++c) {
                    const double expected = single[s][o](0, c);
                    if (std::isnan(expected)) {  // no value in that year, on every path
                        EXPECT_TRUE(std::isnan(into[s][o](r, c))) << m.scenario().series[s].id;
                        continue;
                    }
                    EXPECT_NEAR(into[s][o](r, c), expected, 1e-13 * std::abs(expected))
                        << m.scenario().series[s].id << " output " << o << " path " << r;
                }
    }
    // The next chunk of as many paths lands in the same storage, with its own values.
    AssumptionValues next = a;
    const auto growth = static_cast<std::size_t>(m.assumptionIndex("accel_growth_late"));
    next[growth] *= 1.5;
    m.evaluateAll(next, kPaths, into);
    std::size_t i = 0;
    for (const auto& series : into)
        for (const Grid& g : series) EXPECT_EQ(g.data(), storage[i++]);
    const Grid& accel = into[static_cast<std::size_t>(m.seriesIndex("accel_market"))][0];
    const Grid& before = returned[static_cast<std::size_t>(m.seriesIndex("accel_market"))][0];
    // 2029 = 2028 × (1 + growth): the growth after 2028 is 1.5 times as large on every path.
    for (Eigen::Index r = 0; r < kPaths; ++r)
        EXPECT_NEAR(accel(r, 6) / accel(r, 5) - 1.0, 1.5 * (before(r, 6) / before(r, 5) - 1.0),
                    1e-12);
    // A smaller chunk reshapes the grids.
    const AssumptionValues five = spreadPaths(m, 5);
    m.evaluateAll(five, 5, into);
    const auto asic = static_cast<std::size_t>(m.seriesIndex("asic_market"));
    EXPECT_EQ(into[asic][0].rows(), 5);
    EXPECT_TRUE((into[asic][0] == m.evaluateAll(five, 5)[asic][0]).all());
}

TEST(Model, EvaluateAllIntoThrowsTheSameErrorAndRecovers) {
    Scenario s = asicScenario();
    const Model m = Model::compile(s);
    AssumptionValues a = m.assumptionValues("base");
    const auto share = static_cast<std::size_t>(m.assumptionIndex("share_2028"));
    a[share] = (Paths(3) << 0.2, 0.55, 0.3).finished();  // path 2 above the 50% ceiling
    SeriesResults into;
    std::string intoMessage;
    std::string returnedMessage;
    try {
        m.evaluateAll(a, 3, into);
    } catch (const ScenarioError& e) {
        intoMessage = e.what();
    }
    try {
        (void)m.evaluateAll(a, 3);
    } catch (const ScenarioError& e) {
        returnedMessage = e.what();
    }
    EXPECT_NE(intoMessage.find("(Monte Carlo path 2 of 3)"), std::string::npos) << intoMessage;
    EXPECT_EQ(intoMessage, returnedMessage);
    a[share](1) = 0.25;
    m.evaluateAll(a, 3, into);
    EXPECT_NEAR(into[static_cast<std::size_t>(m.seriesIndex("asic_market"))][0](1, 5), 42.9, 1e-9);
}
