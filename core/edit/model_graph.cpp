#include "core/edit/model_graph.h"

#include "core/formula/formula.h"

#include <algorithm>
#include <set>

namespace jevons::core::edit {

namespace {

using Kind = GraphNode::Kind;

/// The names series `def` reads (assumptions or series; ".output" parts dropped).
std::set<std::string> namesRead(const SeriesDef& def) {
    std::set<std::string> out;
    const auto param = [&](const Param& p) {
        if (!p.isLiteral()) out.insert(p.ref());
    };
    for (const auto& [name, p] : def.params) param(p);
    for (const YearPoint& point : def.points) param(point.value);
    if (def.start) param(def.start->value);
    for (const RateSegment& seg : def.segments) param(seg.rate);
    if (def.kind == SeriesKind::Formula) {
        try {
            const formula::Formula f = formula::Formula::parse(def.expr);
            for (const std::string& r : f.references()) out.insert(r.substr(0, r.find('.')));
        } catch (const formula::FormulaError&) {
            // a formula that does not parse reads nothing (the model refuses it anyway)
        }
    }
    return out;
}

std::vector<std::size_t> reach(const ModelGraph& g, std::size_t start, bool forward) {
    std::vector<bool> seen(g.nodes.size(), false);
    std::vector<std::size_t> stack{start};
    while (!stack.empty()) {
        const std::size_t n = stack.back();
        stack.pop_back();
        for (const auto& [from, to] : g.edges) {
            const std::size_t next =
                forward ? (from == n ? to : g.nodes.size()) : (to == n ? from : g.nodes.size());
            if (next < g.nodes.size() && !seen[next]) seen[next] = true, stack.push_back(next);
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < seen.size(); ++i)
        if (seen[i] && i != start) out.push_back(i);
    return out;
}

}  // namespace

std::size_t ModelGraph::find(Kind kind, std::string_view id) const {
    return std::size_t(
        std::find_if(nodes.begin(), nodes.end(),
                     [&](const GraphNode& n) { return n.kind == kind && n.id == id; }) -
        nodes.begin());
}

std::vector<std::size_t> ModelGraph::inputsOf(std::size_t node) const {
    return reach(*this, node, false);
}

std::vector<std::size_t> ModelGraph::dependentsOf(std::size_t node) const {
    return reach(*this, node, true);
}

ModelGraph modelGraph(const Scenario& s) {
    ModelGraph g;
    for (const Assumption& a : s.assumptions) g.nodes.push_back({Kind::Assumption, a.id, a.label});
    for (const SeriesDef& d : s.series) g.nodes.push_back({Kind::Series, d.id, d.label});
    for (const ChartDef& c : s.charts) g.nodes.push_back({Kind::Chart, c.id, c.title});
    std::set<std::pair<std::size_t, std::size_t>> edges;
    const auto input = [&](const std::string& name) {
        const std::size_t a = g.find(Kind::Assumption, name);
        return a < g.nodes.size() ? a : g.find(Kind::Series, name);
    };
    for (const SeriesDef& d : s.series) {
        const std::size_t to = g.find(Kind::Series, d.id);
        for (const std::string& name : namesRead(d))
            if (const std::size_t from = input(name); from < g.nodes.size())
                edges.insert({from, to});
    }
    for (const ChartDef& c : s.charts) {
        const std::size_t to = g.find(Kind::Chart, c.id);
        const auto plot = [&](const std::string& ref) {
            const std::size_t from = g.find(Kind::Series, ref.substr(0, ref.find('.')));
            if (from < g.nodes.size()) edges.insert({from, to});
        };
        for (const std::string& r : c.series) plot(r);
        for (const std::string& r : c.secondary) plot(r);
        for (const CagrAnnotation& a : c.cagr) plot(a.series);
    }
    g.edges.assign(edges.begin(), edges.end());
    return g;
}

}  // namespace jevons::core::edit
