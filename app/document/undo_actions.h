#pragma once
// Edit → Undo and Redo as in Excel (issue 18).
//
// The actions read "Undo: ASIC share of accelerators, 2028 25.0% → 30.0%" (the step's text, in
// the interface language; "Undo" alone when there is nothing to undo). Ctrl+Z undoes; Ctrl+Shift+Z
// and Ctrl+Y redo.
//
// Whatever widget of the window has focus, the keys reach the forecast once a value is
// committed. A text field (a line edit, a spin box's editor, an editable combo box) keeps them
// only while it holds uncommitted text: text typed since it got focus or since its last Enter.
// Then Ctrl+Z reverts that typing first, as Excel does while a cell is being edited (a spin box
// with keyboard tracking follows its text, so the forecast returns to where the typing began,
// inside the same undo step); after Enter, or once focus moves on, Ctrl+Z undoes the edit.
#include <QObject>

class QUndoStack;

class QAction;
class QWidget;

namespace jevons::app {

class Document;

class UndoActions : public QObject {
    Q_OBJECT
public:
    /// @brief The actions, parented to `window`, and the key routing for the widgets inside it.
    UndoActions(Document* document, QWidget* window);
    ~UndoActions() override;

    [[nodiscard]] QAction* undoAction() const { return m_undo; }
    [[nodiscard]] QAction* redoAction() const { return m_redo; }

    /// @brief Whether `widget`'s own text editing should take Ctrl+Z: a line edit (or a spin
    /// box's or an editable combo box's) holding text typed since its focus or its last Enter.
    [[nodiscard]] static bool holdsUncommittedText(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateTexts();

    /// The document's stack, not the document: the stack signals (undoTextChanged from clear())
    /// while the document is being destroyed, when no Document member may be called.
    QUndoStack* m_stack;
    QWidget* m_window;
    QAction* m_undo;
    QAction* m_redo;
};

}  // namespace jevons::app
