#include "app/document/scenario_commands.h"

#include "app/document/command_text.h"
#include "app/document/document.h"

#include <utility>

namespace jevons::app {

SwitchScenarioCommand::SwitchScenarioCommand(Document* document, std::string from, std::string to)
    : m_document(document),
      m_from(std::move(from)),
      m_to(std::move(to)),
      m_label(scenarioLabel(document->scenario(), m_to)) {
    refreshText();
}

void SwitchScenarioCommand::refreshText() {
    setText(
        QObject::tr("Switch to scenario %1").arg(nameOf(m_label, m_to, m_document->language())));
}

void SwitchScenarioCommand::undo() { m_document->applyScenario(m_from); }
void SwitchScenarioCommand::redo() { m_document->applyScenario(m_to); }

AddScenarioCommand::AddScenarioCommand(Document* document, core::ScenarioDef def,
                                       std::string previousActive)
    : m_document(document), m_def(std::move(def)), m_previous(std::move(previousActive)) {
    refreshText();
}

void AddScenarioCommand::refreshText() {
    setText(QObject::tr("Save as scenario %1")
                .arg(nameOf(m_def.label, m_def.id, m_document->language())));
}

void AddScenarioCommand::undo() {
    m_document->applyScenario(m_previous);
    m_document->removeScenario(m_def.id);
}

void AddScenarioCommand::redo() {
    m_document->insertScenario(m_def);
    m_document->applyScenario(m_def.id);
}

}  // namespace jevons::app
