#include "app/scenarios/scenario_comparison.h"

#include "app/common/display.h"
#include "app/document/document.h"

namespace jevons::app {

void ScenarioComparison::rebuild(const Document& document) {
    m_ids.clear();
    m_names.clear();
    m_evaluators.clear();
    m_owned.clear();
    m_active = 0;
    if (!document.isLoaded()) return;
    const core::Scenario& scenario = document.scenario();
    std::vector<const core::ScenarioDef*> defs;
    if (!scenario.findScenario("base")) defs.push_back(nullptr);
    for (const auto& s : scenario.scenarios) defs.push_back(&s);
    const std::string active = document.activeScenario().toStdString();
    for (const core::ScenarioDef* def : defs) {
        const std::string id = def ? def->id : std::string("base");
        m_ids.push_back(id);
        m_names.push_back(def ? labelText(def->label, document.language()) : QObject::tr("Base"));
        if (id == active) {
            m_active = m_ids.size() - 1;
            m_evaluators.push_back(&document.evaluator());
            continue;
        }
        try {
            auto e = std::make_unique<core::Evaluator>(document.model(), "base");
            e->setAssumptions(document.scenarioValues(id));
            m_evaluators.push_back(e.get());
            m_owned.push_back(std::move(e));
        } catch (const std::exception&) {
            // A scenario the model refuses is left out of the comparison.
            m_ids.pop_back();
            m_names.pop_back();
        }
    }
}

std::vector<ChartRun> ScenarioComparison::runs() const {
    static const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                          Qt::DashDotDotLine};
    std::vector<ChartRun> out;
    if (m_ids.empty()) return out;
    out.push_back({m_names[m_active], m_evaluators[m_active], true, Qt::SolidLine});
    int k = 0;
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        if (i == m_active) continue;
        out.push_back({m_names[i], m_evaluators[i], false, styles[k++ % 4]});
    }
    return out;
}

}  // namespace jevons::app
