// The model map's graph (issue 14): edges from what a series reads (parameters, points, formula
// names) and from the series a chart plots; inputs and dependents follow the edges all the way.
#include "core/edit/model_graph.h"

#include "core/scenario/scenario_json.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

using namespace jevons::core;
using namespace jevons::core::edit;
using Kind = GraphNode::Kind;

namespace {

std::vector<std::string> ids(const ModelGraph& g, const std::vector<std::size_t>& nodes) {
    std::vector<std::string> out;
    for (std::size_t n : nodes) out.push_back(g.nodes[n].id);
    return out;
}

}  // namespace

TEST(ModelGraph, TheAsicMarketsChain) {
    const Scenario s = loadScenarioFile(deck::testing::defaultForecastPath());
    const ModelGraph g = modelGraph(s);
    ASSERT_EQ(g.nodes.size(), s.assumptions.size() + s.series.size() + s.charts.size());
    const std::size_t asic = g.find(Kind::Series, "asic_market");
    ASSERT_LT(asic, g.nodes.size());
    // accel_market * asic_share; accel_market from accel_2023/2028/growth; asic_share a logistic
    // through asic_share_2023/2028 with a ceiling.
    EXPECT_EQ(ids(g, g.inputsOf(asic)),
              (std::vector<std::string>{"accel_2023", "accel_2028", "accel_growth_late",
                                        "asic_share_2023", "asic_share_2028", "asic_share_ceiling",
                                        "accel_market", "asic_share"}));
    // gpu_market reads it; charts asic_market, asic_market_range and accel_split plot them.
    EXPECT_EQ(ids(g, g.dependentsOf(asic)),
              (std::vector<std::string>{"gpu_market", "asic_market", "asic_market_range",
                                        "accel_split"}));
    // No edge twice, none into an assumption, none out of a chart.
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        EXPECT_NE(g.nodes[g.edges[i].second].kind, Kind::Assumption);
        EXPECT_NE(g.nodes[g.edges[i].first].kind, Kind::Chart);
        for (std::size_t j = i + 1; j < g.edges.size(); ++j) EXPECT_NE(g.edges[i], g.edges[j]);
    }
}
