#include "app/document/undo_actions.h"

#include "app/document/document.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QUndoStack>

namespace jevons::app {
namespace {

bool isUndoKey(const QKeyEvent* e) {
    return e->matches(QKeySequence::Undo) ||
           e->keyCombination() == QKeyCombination(Qt::CTRL, Qt::Key_Z);
}

bool isRedoKey(const QKeyEvent* e) {
    const QKeyCombination k = e->keyCombination();
    return e->matches(QKeySequence::Redo) ||
           k == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z) ||
           k == QKeyCombination(Qt::CTRL, Qt::Key_Y);
}

/// The line edit that edits `widget`'s text, or nullptr.
QLineEdit* editorOf(QObject* widget) {
    if (auto* line = qobject_cast<QLineEdit*>(widget)) return line;
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget))
        return spin->findChild<QLineEdit*>(QString(), Qt::FindDirectChildrenOnly);
    if (auto* combo = qobject_cast<QComboBox*>(widget)) return combo->lineEdit();
    return nullptr;
}

}  // namespace

UndoActions::UndoActions(Document* document, QWidget* window)
    : QObject(window),
      m_stack(document->undoStack()),
      m_window(window),
      m_undo(new QAction(window)),
      m_redo(new QAction(window)) {
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    QUndoStack* stack = document->undoStack();
    connect(m_undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, &UndoActions::updateTexts);
    connect(stack, &QUndoStack::redoTextChanged, this, &UndoActions::updateTexts);
    // After the steps' own texts (Document::setLanguage recomposes them first).
    connect(document, &Document::languageChanged, this, &UndoActions::updateTexts);
    m_undo->setEnabled(stack->canUndo());
    m_redo->setEnabled(stack->canRedo());
    updateTexts();
    qApp->installEventFilter(this);
}

UndoActions::~UndoActions() { qApp->removeEventFilter(this); }

void UndoActions::updateTexts() {
    const QUndoStack* stack = m_stack;
    // A step's text is a label, not a mnemonic: a "&" in it shows as itself.
    auto escaped = [](QString text) {
        return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
    };
    m_undo->setText(stack->canUndo() ? tr("&Undo: %1").arg(escaped(stack->undoText()))
                                     : tr("&Undo"));
    m_redo->setText(stack->canRedo() ? tr("&Redo: %1").arg(escaped(stack->redoText()))
                                     : tr("&Redo"));
}

bool UndoActions::holdsUncommittedText(const QWidget* widget) {
    const QLineEdit* line = editorOf(const_cast<QWidget*>(widget));
    return line && !line->isReadOnly() && line->isModified();
}

bool UndoActions::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress && type != QEvent::FocusIn)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window) return false;
    QLineEdit* line = editorOf(widget);

    // Commit points: focus arriving, Enter. Text typed before them is no longer the field's.
    if (type == QEvent::FocusIn) {
        if (line) line->setModified(false);
        return false;
    }
    auto* key = static_cast<QKeyEvent*>(event);
    if (type == QEvent::KeyPress) {
        if (line && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter))
            line->setModified(false);
        return false;
    }
    // ShortcutOverride reaches the focus widget first, then its parents: decide at the focus.
    if (widget != QApplication::focusWidget() || !(isUndoKey(key) || isRedoKey(key))) return false;
    if (holdsUncommittedText(widget)) {
        key->accept();  // the field's own undo reverts the typing
        return true;
    }
    // Not overridden: the window's Undo / Redo shortcut fires.
    key->ignore();
    return true;
}

}  // namespace jevons::app
