#pragma once
// The model as a dependency graph (issue 14's model map): assumptions → series → charts. Pure
// data; the app lays it out (Graphviz) and draws it.
#include "core/scenario/scenario.h"

#include <string>
#include <utility>
#include <vector>

namespace jevons::core::edit {

/// @brief One box of the map.
struct GraphNode {
    enum class Kind { Assumption, Series, Chart };
    Kind kind = Kind::Assumption;
    std::string id;  ///< the assumption, series or chart id (unique within its kind)
    Label label;
};

/// @brief Nodes in file order (assumptions, then series, then charts) and edges from an input
/// to what reads it: assumption → series (a parameter, a point, a formula name), series →
/// series (a formula or a parameter), series → chart (plotted or given a CAGR arrow). No
/// duplicate edges.
struct ModelGraph {
    std::vector<GraphNode> nodes;
    std::vector<std::pair<std::size_t, std::size_t>> edges;  ///< (from, to) node indices

    /// @brief Index of (kind, id), or nodes.size() when absent.
    [[nodiscard]] std::size_t find(GraphNode::Kind kind, std::string_view id) const;
    /// @brief Every node `node` depends on, directly or not (not itself), ascending.
    [[nodiscard]] std::vector<std::size_t> inputsOf(std::size_t node) const;
    /// @brief Every node that depends on `node`, directly or not (not itself), ascending.
    [[nodiscard]] std::vector<std::size_t> dependentsOf(std::size_t node) const;
};

[[nodiscard]] ModelGraph modelGraph(const Scenario& scenario);

}  // namespace jevons::core::edit
