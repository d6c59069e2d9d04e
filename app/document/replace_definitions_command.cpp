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

// Both states were accepted before (one was the document, the other passed checkLoadable), so
// applying them again needs no validation and does not throw.
void ReplaceDefinitionsCommand::undo() {
    m_document->applyDefinitions(m_before, Document::Checked::Yes);
}

void ReplaceDefinitionsCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    m_document->applyDefinitions(m_after, Document::Checked::Yes);
}

}  // namespace jevons::app
