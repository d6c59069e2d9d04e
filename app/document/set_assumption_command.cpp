#include "app/document/set_assumption_command.h"

#include "app/document/command_text.h"
#include "app/document/document.h"
#include "core/scenario/scenario_error.h"

#include <utility>

namespace jevons::app {

SetAssumptionCommand::SetAssumptionCommand(Document* document, std::string id, Change before,
                                           Change after, int session, bool alreadyApplied)
    : m_document(document),
      m_id(std::move(id)),
      m_assumption(*document->scenario().findAssumption(m_id)),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_session(session),
      m_skipRedo(alreadyApplied) {
    refreshText();
}

void SetAssumptionCommand::refreshText() {
    setText(assumptionEditText(m_document->displayPreferences(), m_assumption, m_before.value,
                               m_after.value, m_document->language()));
}

void SetAssumptionCommand::apply(const Change& change) {
    try {
        m_document->applyAssumption(m_id, change.value);
    } catch (const core::ScenarioError& e) {
        // Values on the stack were accepted once; the model is deterministic, so this is a bug.
        emit m_document->editRejected(QString::fromStdString(e.what()));
        return;
    }
    if (m_document->scenario().findAssumption(m_id)->distribution != change.range)
        m_document->applyDistribution(m_id, change.range);
}

void SetAssumptionCommand::undo() { apply(m_before); }

void SetAssumptionCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    apply(m_after);
}

bool SetAssumptionCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SetAssumptionCommand*>(other);
    if (m_session == 0 || next->m_session != m_session || next->m_id != m_id) return false;
    m_after = next->m_after;
    setObsolete(m_after.value == m_before.value && m_after.range == m_before.range);
    refreshText();
    return true;
}

}  // namespace jevons::app
