#include "core/eval/evaluator.h"

#include <algorithm>
#include <set>

namespace jevons::core {

Evaluator::Evaluator(Model model, std::string_view scenarioId)
    : m_model(std::move(model)), m_assumptions(m_model.assumptionValues(scenarioId)) {
    m_results = m_model.evaluateAll(m_assumptions);
    m_evaluations = static_cast<long>(m_model.order().size());
}

double Evaluator::assumption(std::string_view id) const {
    const int a = m_model.assumptionIndex(id);
    if (a < 0)
        throw ScenarioError("assumptions", "there is no assumption '" + std::string(id) + "'");
    return m_assumptions[static_cast<std::size_t>(a)](0);
}

std::map<std::string, double> Evaluator::assumptionValues() const {
    std::map<std::string, double> out;
    const auto& list = m_model.scenario().assumptions;
    for (std::size_t i = 0; i < list.size(); ++i) out[list[i].id] = m_assumptions[i](0);
    return out;
}

std::vector<int> Evaluator::setAssumption(std::string_view id, double value) {
    return setAssumptions({{std::string(id), value}});
}

std::vector<int> Evaluator::setAssumptions(const std::map<std::string, double>& values) {
    AssumptionValues next = m_assumptions;
    std::set<int> touched;
    for (const auto& [id, v] : values) {
        const int a = m_model.assumptionIndex(id);
        if (a < 0) throw ScenarioError("assumptions", "there is no assumption '" + id + "'");
        if (next[static_cast<std::size_t>(a)](0) == v) continue;
        next[static_cast<std::size_t>(a)](0) = v;
        const auto& deps = m_model.dependentsOf(a);
        touched.insert(deps.begin(), deps.end());
    }
    // Recompute in evaluation order into a copy of the affected results: all or nothing.
    std::vector<int> recomputed;
    for (int v : m_model.order())
        if (touched.count(v)) recomputed.push_back(v);
    SeriesResults staged = m_results;  // Grids are small (1 x years): copying is cheap
    for (int v : recomputed) {
        staged[static_cast<std::size_t>(v)] = m_model.evaluateSeries(v, next, staged, 1);
        checkDomain(m_model, v, staged[static_cast<std::size_t>(v)]);
        ++m_evaluations;
    }
    m_assumptions = std::move(next);
    m_results = std::move(staged);
    return recomputed;
}

Eigen::ArrayXd Evaluator::values(std::string_view ref) const {
    const auto r = m_model.resolve(ref);
    if (!r) throw ScenarioError("", "there is no series output '" + std::string(ref) + "'");
    return grid(*r).row(0).transpose();
}

double Evaluator::value(std::string_view ref, int year) const {
    return values(ref)(years().column(year));
}

}  // namespace jevons::core
