#pragma once
// Undo step that swaps the whole set of definitions (an accepted fit, imported actuals): the
// scenario before and after, applied with Document::applyDefinitions.
#include "core/scenario/scenario.h"

#include <QString>
#include <QUndoCommand>

namespace jevons::app {

class Document;

class ReplaceDefinitionsCommand : public QUndoCommand {
public:
    /// @param alreadyApplied the document already holds `after` (the first redo is skipped).
    ReplaceDefinitionsCommand(Document* document, core::Scenario before, core::Scenario after,
                              const QString& text, bool alreadyApplied);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    core::Scenario m_before;
    core::Scenario m_after;
    bool m_skipRedo;
};

}  // namespace jevons::app
