#include "app/document/document.h"

#include "app/common/write_file.h"
#include "app/document/anchor_solver.h"
#include "app/document/document_command.h"
#include "app/document/replace_definitions_command.h"
#include "app/document/scenario_commands.h"
#include "app/document/set_assumption_command.h"
#include "app/document/set_distribution_command.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/range_follow.h"

#include <QFile>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace jevons::app {

Document::Document(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

bool Document::isModified() const { return !m_undo->isClean(); }

void Document::setLanguage(const QString& language) {
    if (language == m_language) return;
    m_language = language;
    refreshCommandTexts();
    emit languageChanged();
}

void Document::setDisplayPreferences(const DisplayPreferences& preferences) {
    const DisplayPreferences valid = core::sanitized(preferences);
    if (valid == m_display) return;
    m_display = valid;
    refreshCommandTexts();
    emit languageChanged();
}

void Document::refreshCommandTexts() {
    // The stack owns its steps and hands them out const; their texts are ours to recompose.
    for (int i = 0; i < m_undo->count(); ++i)
        if (auto* c = dynamic_cast<DocumentCommand*>(const_cast<QUndoCommand*>(m_undo->command(i))))
            c->refreshText();
}

void Document::loadUntitled(core::Scenario scenario) {
    load(std::move(scenario));
    m_undo->resetClean();  // cleanChanged(false): modified, with nothing to undo
}

void Document::load(core::Scenario scenario, const QString& filePath) {
    core::validateModel(scenario);
    auto evaluator = std::make_unique<core::Evaluator>(core::Model::compile(scenario), "base");
    // Nothing below throws: the document changes only once the new forecast is known to work.
    m_scenario = std::move(scenario);
    m_evaluator = std::move(evaluator);
    m_savedBase = m_scenario.assumptionValues("base");
    m_active = "base";
    m_session = 0;
    m_undo->clear();
    m_undo->setClean();
    const bool pathChanged = filePath != m_filePath;
    m_filePath = filePath;
    emit documentReset();
    if (pathChanged) emit filePathChanged(m_filePath);
    emit modifiedChanged(false);
}

bool Document::open(const QString& path, QString* error) {
    try {
        load(core::loadScenarioFile(path.toStdString()), path);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

bool Document::save(const QString& path, QString* error) {
    try {
        const std::string text = core::serializeScenario(m_scenario);
        core::writeFileAtomically(QFile::encodeName(path).toStdString(), text);
    } catch (const core::AtomicWriteError& e) {
        if (error) *error = writeFailureReason(e);
        return false;
    } catch (const std::exception& e) {  // a text that cannot be saved (not UTF-8), named
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    if (path != m_filePath) {
        m_filePath = path;
        emit filePathChanged(m_filePath);
    }
    m_savedBase = m_scenario.assumptionValues("base");
    m_undo->setClean();
    return true;
}

std::map<std::string, double> Document::scenarioValues(const std::string& id) const {
    return m_scenario.assumptionValues(id);
}

void Document::applyAssumption(const std::string& id, double value) {
    // All or nothing: a value whose results leave their domain throws and changes nothing.
    const std::vector<int> touched = m_evaluator->setAssumption(id, value);
    core::Assumption* a = m_scenario.findAssumption(id);
    if (m_active == "base") {
        a->value = value;
    } else {
        for (auto& s : m_scenario.scenarios) {
            if (s.id != m_active) continue;
            if (value == a->value)
                s.overrides.erase(id);
            else
                s.overrides[id] = value;
        }
    }
    emit assumptionChanged(QString::fromStdString(id), value);
    if (!touched.empty()) emit resultsChanged(QList<int>(touched.begin(), touched.end()));
}

void Document::applyScenario(const std::string& id) {
    const std::map<std::string, double> before = m_evaluator->assumptionValues();
    const std::map<std::string, double> values = scenarioValues(id);
    const std::vector<int> touched = m_evaluator->setAssumptions(values);
    m_active = id;
    for (const auto& [name, v] : values) {
        const auto it = before.find(name);
        if (it == before.end() || it->second != v)
            emit assumptionChanged(QString::fromStdString(name), v);
    }
    emit activeScenarioChanged(QString::fromStdString(id));
    if (!touched.empty()) emit resultsChanged(QList<int>(touched.begin(), touched.end()));
}

void Document::insertScenario(core::ScenarioDef def) {
    m_scenario.scenarios.push_back(std::move(def));
    emit scenariosChanged();
}

void Document::removeScenario(const std::string& id) {
    auto& list = m_scenario.scenarios;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const core::ScenarioDef& s) { return s.id == id; }),
               list.end());
    emit scenariosChanged();
}

bool Document::editAssumption(const QString& qid, double value) {
    if (!isLoaded()) return false;
    const std::string id = qid.toStdString();
    const core::Assumption* a = m_scenario.findAssumption(id);
    if (!a) {
        emit editRejected(tr("There is no assumption '%1'").arg(qid));
        return false;
    }
    const double old = m_evaluator->assumption(id);
    if (value == old) return true;
    const std::optional<core::DistributionSpec> rangeBefore = a->distribution;
    // The range follows from where this session started (a drag), else from here.
    if (m_session == 0 || m_origin.session != m_session || m_origin.id != id)
        m_origin = {m_session, id, old, rangeBefore};
    std::optional<core::DistributionSpec> rangeAfter = rangeBefore;
    if (m_active == "base" && rangeBefore && !rangeBefore->pinned && m_origin.range) {
        core::Assumption origin = *a;
        origin.distribution = m_origin.range;
        rangeAfter = core::followValue(origin, m_origin.value, value);
    }
    try {
        applyAssumption(id, value);
    } catch (const core::ScenarioError& e) {
        emit editRejected(QString::fromStdString(e.what()));
        emit assumptionChanged(qid, old);  // widgets snap back
        return false;
    }
    if (rangeAfter != rangeBefore) applyDistribution(id, rangeAfter);
    m_undo->push(new SetAssumptionCommand(this, id, {old, rangeBefore}, {value, rangeAfter},
                                          m_session, true));
    return true;
}

void Document::beginInteractiveEdit() { m_session = ++m_sessionCounter; }

void Document::endInteractiveEdit() { m_session = 0; }

bool Document::switchScenario(const QString& qid) {
    if (!isLoaded()) return false;
    const std::string id = qid.toStdString();
    if (id == m_active) return true;
    if (id != "base" && !m_scenario.findScenario(id)) {
        emit editRejected(tr("There is no scenario '%1'").arg(qid));
        return false;
    }
    try {
        m_undo->push(new SwitchScenarioCommand(this, m_active, id));
    } catch (const core::ScenarioError& e) {
        emit editRejected(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

bool Document::addScenario(const QString& qid, const QString& label) {
    if (!isLoaded()) return false;
    const std::string id = qid.trimmed().toStdString();
    if (id.empty() || id == "base" || m_scenario.findScenario(id)) {
        emit editRejected(tr("A scenario needs a new, non-empty name"));
        return false;
    }
    core::ScenarioDef def;
    def.id = id;
    def.label.en = label.isEmpty() ? id : label.toStdString();
    for (const auto& [name, v] : m_evaluator->assumptionValues())
        if (const auto it = m_savedBase.find(name); it == m_savedBase.end() || it->second != v)
            def.overrides[name] = v;
    m_undo->push(new AddScenarioCommand(this, std::move(def), m_active));
    return true;
}

bool Document::editDistribution(const QString& qid,
                                const std::optional<core::DistributionSpec>& spec, QString* error) {
    if (!isLoaded()) return false;
    const std::string id = qid.toStdString();
    const core::Assumption* a = m_scenario.findAssumption(id);
    QString message;
    if (!a) {
        message = tr("There is no assumption '%1'").arg(qid);
    } else if (a->distribution == spec) {
        return true;
    } else {
        core::Scenario edited = m_scenario;
        edited.findAssumption(id)->distribution = spec;
        try {
            (void)core::SamplingPlan::make(edited);
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
    }
    if (!message.isEmpty()) {
        if (error) *error = message;
        emit editRejected(message);
        return false;
    }
    m_undo->push(new SetDistributionCommand(this, id, a->distribution, spec));
    return true;
}

void Document::applyDistribution(const std::string& id,
                                 const std::optional<core::DistributionSpec>& spec) {
    m_scenario.findAssumption(id)->distribution = spec;
    emit uncertaintyChanged();
}

bool Document::dragAnchor(int anchorIndex, double storedTarget) {
    if (!isLoaded() || anchorIndex < 0 ||
        anchorIndex >= static_cast<int>(m_scenario.anchors.size()))
        return false;
    const core::Anchor& anchor = m_scenario.anchors[static_cast<std::size_t>(anchorIndex)];
    const core::Assumption* a = m_scenario.findAssumption(anchor.drives);
    if (!a) return false;
    const double value =
        solveAssumptionFor(*m_evaluator, *a, anchor.series, anchor.year, storedTarget);
    return editAssumption(QString::fromStdString(a->id), value);
}

void Document::applyDefinitions(const core::Scenario& scenario, Checked checked) {
    if (checked == Checked::No) core::validateModel(scenario);
    const std::string active =
        m_active == "base" || scenario.findScenario(m_active) ? m_active : "base";
    auto evaluator = std::make_unique<core::Evaluator>(core::Model::compile(scenario), active);
    std::swap(m_evaluator, evaluator);
    m_scenario = scenario;  // validateModel checked every scenario's domains
    // Nothing below throws. Comparison runs first (they hold evaluators), then the views.
    m_active = active;
    emit scenariosChanged();
    emit documentReset();
}

bool Document::replaceDefinitions(core::Scenario scenario, const QString& text, QString* error) {
    if (!isLoaded()) return false;
    core::Scenario before = m_scenario;
    try {
        core::checkLoadable(scenario);  // as the loader would read it, the model included
        applyDefinitions(scenario, Checked::Yes);
    } catch (const std::exception& e) {
        // A ScenarioError without a file or line reads "path: detail".
        const QString message = QString::fromStdString(e.what());
        if (error) *error = message;
        emit editRejected(message);
        return false;
    }
    m_undo->push(
        new ReplaceDefinitionsCommand(this, std::move(before), std::move(scenario), text, true));
    return true;
}

}  // namespace jevons::app
