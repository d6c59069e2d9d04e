#include "app/document/replace_definitions_command.h"

#include "app/document/document.h"

#include <utility>

namespace jevons::app {

ReplaceDefinitionsCommand::ReplaceDefinitionsCommand(Document* document, core::Scenario before,
                                                     core::Scenario after, const QString& text,
                                                     bool alreadyApplied)
    : m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_skipRedo(alreadyApplied) {
    setText(text);
}

// Both states were accepted by the model before (one was the document), so applying them again
// does not throw.
void ReplaceDefinitionsCommand::undo() { m_document->applyDefinitions(m_before); }

void ReplaceDefinitionsCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    m_document->applyDefinitions(m_after);
}

}  // namespace jevons::app
