#include "app/document/set_assumption_command.h"

#include "app/document/document.h"
#include "core/scenario/scenario_error.h"

namespace jevons::app {

SetAssumptionCommand::SetAssumptionCommand(Document* document, std::string id, double oldValue,
                                           double newValue, int session, bool alreadyApplied)
    : m_document(document),
      m_id(std::move(id)),
      m_old(oldValue),
      m_new(newValue),
      m_session(session),
      m_skipRedo(alreadyApplied) {
    setText(QObject::tr("Change %1").arg(QString::fromStdString(m_id)));
}

void SetAssumptionCommand::apply(double value) {
    try {
        m_document->applyAssumption(m_id, value);
    } catch (const core::ScenarioError& e) {
        // Values on the stack were accepted once; the model is deterministic, so this is a bug.
        emit m_document->editRejected(QString::fromStdString(e.what()));
    }
}

void SetAssumptionCommand::undo() { apply(m_old); }

void SetAssumptionCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    apply(m_new);
}

bool SetAssumptionCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SetAssumptionCommand*>(other);
    if (m_session == 0 || next->m_session != m_session || next->m_id != m_id) return false;
    m_new = next->m_new;
    setObsolete(m_new == m_old);
    return true;
}

}  // namespace jevons::app
