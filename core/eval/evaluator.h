#pragma once
// The deterministic forecast kept up to date as assumptions change: after one edit only the
// series that depend on it are re-evaluated (the dashboard's hot path).
#include "core/eval/model.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

class Evaluator {
public:
    /// @brief Evaluate `model` with the assumption values of `scenarioId`. Throws ScenarioError.
    explicit Evaluator(Model model, std::string_view scenarioId = "base");

    [[nodiscard]] const Model& model() const { return m_model; }
    [[nodiscard]] const YearRange& years() const { return m_model.years(); }

    /// @brief Current value of an assumption (in its stored unit). Contract: the id exists.
    [[nodiscard]] double assumption(std::string_view id) const;
    /// @brief Current values of every assumption, by id.
    [[nodiscard]] std::map<std::string, double> assumptionValues() const;

    /// @brief Set one assumption and re-evaluate its dependents only. Returns the series indices
    /// recomputed (evaluation order). Throws ScenarioError (unknown id, a value the model
    /// cannot use, or a result outside its unit's domain: checkDomain); then nothing changes.
    std::vector<int> setAssumption(std::string_view id, double value);
    /// @brief Set several assumptions at once (a scenario switch); recomputes the union of their
    /// dependents once. All or nothing, as setAssumption.
    std::vector<int> setAssumptions(const std::map<std::string, double>& values);

    /// @brief The yearly values of "id" or "id.output" (deterministic path); NaN in a year the
    /// series has no value (before it starts: Model::hasValue). Throws ScenarioError when the
    /// name is unknown.
    [[nodiscard]] Eigen::ArrayXd values(std::string_view ref) const;
    [[nodiscard]] const Grid& grid(OutputRef ref) const {
        return m_results[static_cast<std::size_t>(ref.series)]
                        [static_cast<std::size_t>(ref.output)];
    }
    /// @brief Value of a series output in one year. Contract: the year is in range.
    [[nodiscard]] double value(std::string_view ref, int year) const;
    [[nodiscard]] const SeriesResults& results() const { return m_results; }

    /// @brief How many single-series evaluations ran since construction (tests count these).
    [[nodiscard]] long evaluationCount() const { return m_evaluations; }

private:
    Model m_model;
    AssumptionValues m_assumptions;
    SeriesResults m_results;
    long m_evaluations = 0;
};

}  // namespace jevons::core
