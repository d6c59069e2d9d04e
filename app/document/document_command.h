#pragma once
// Base of the document's undo steps whose text is composed from the forecast: labels in the
// document's language and values in display units ("ASIC share of accelerators, 2028 25.0% →
// 30.0%"). Document::setLanguage and setDisplayPreferences call refreshText() on every step
// on the stack, so the Undo and Redo actions read in the language and units on screen.
#include <QUndoCommand>

namespace jevons::app {

class DocumentCommand : public QUndoCommand {
public:
    /// @brief Compose text() again from the document as it is now (language, display units).
    virtual void refreshText() = 0;
};

}  // namespace jevons::app
