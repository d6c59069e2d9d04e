#pragma once
// Every scenario of the document evaluated side by side: the active one is the document's live
// Evaluator, the others are evaluated once from their (edited) values.
#include "app/charts/chart_run.h"
#include "core/eval/evaluator.h"

#include <memory>
#include <string>
#include <vector>

namespace jevons::app {

class Document;

class ScenarioComparison {
public:
    /// @brief Re-evaluate every scenario of `document` (call on load, scenario switch, add).
    void rebuild(const Document& document);
    /// @brief Runs with the active scenario first (solid), the others dashed, dotted, ...
    [[nodiscard]] std::vector<ChartRun> runs() const;
    /// @brief Scenario ids in file order ("base" first), with their results and labels.
    [[nodiscard]] const std::vector<std::string>& ids() const { return m_ids; }
    [[nodiscard]] const std::vector<QString>& names() const { return m_names; }
    [[nodiscard]] const core::Evaluator* evaluator(std::size_t i) const { return m_evaluators[i]; }
    [[nodiscard]] std::size_t size() const { return m_ids.size(); }

private:
    std::vector<std::string> m_ids;
    std::vector<QString> m_names;
    std::vector<const core::Evaluator*> m_evaluators;
    std::vector<std::unique_ptr<core::Evaluator>> m_owned;
    std::size_t m_active = 0;
};

}  // namespace jevons::app
