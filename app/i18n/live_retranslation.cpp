#include "app/i18n/live_retranslation.h"

#include "app/i18n/translation_memory.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTabWidget>
#include <QWidget>

namespace jevons::app {
namespace {

/// Replace one text through its getter/setter when it came from tr(). Returns 1 if changed.
template <typename Get, typename Set>
int retranslateText(Get get, Set set) {
    const QString now = get();
    if (now.isEmpty()) return 0;
    const QString again = retranslated(now);
    if (again.isNull() || again == now) return 0;
    set(again);
    return 1;
}

int retranslateAction(QAction* action) {
    int changed = 0;
    // Tool and status tips default to the text; set them only when they were set themselves.
    changed += retranslateText([&] { return action->toolTip(); },
                               [&](const QString& t) { action->setToolTip(t); });
    changed += retranslateText([&] { return action->statusTip(); },
                               [&](const QString& t) { action->setStatusTip(t); });
    changed += retranslateText([&] { return action->text(); },
                               [&](const QString& t) { action->setText(t); });
    return changed;
}

int retranslateWidget(QWidget* w) {
    int changed = 0;
    changed += retranslateText([&] { return w->windowTitle(); },
                               [&](const QString& t) { w->setWindowTitle(t); });
    changed +=
        retranslateText([&] { return w->toolTip(); }, [&](const QString& t) { w->setToolTip(t); });
    changed += retranslateText([&] { return w->statusTip(); },
                               [&](const QString& t) { w->setStatusTip(t); });
    changed += retranslateText([&] { return w->whatsThis(); },
                               [&](const QString& t) { w->setWhatsThis(t); });
    changed += retranslateText([&] { return w->accessibleName(); },
                               [&](const QString& t) { w->setAccessibleName(t); });
    changed += retranslateText([&] { return w->accessibleDescription(); },
                               [&](const QString& t) { w->setAccessibleDescription(t); });
    if (auto* label = qobject_cast<QLabel*>(w))
        changed += retranslateText([&] { return label->text(); },
                                   [&](const QString& t) { label->setText(t); });
    if (auto* button = qobject_cast<QAbstractButton*>(w))
        changed += retranslateText([&] { return button->text(); },
                                   [&](const QString& t) { button->setText(t); });
    if (auto* box = qobject_cast<QGroupBox*>(w))
        changed += retranslateText([&] { return box->title(); },
                                   [&](const QString& t) { box->setTitle(t); });
    if (auto* edit = qobject_cast<QLineEdit*>(w))
        changed += retranslateText([&] { return edit->placeholderText(); },
                                   [&](const QString& t) { edit->setPlaceholderText(t); });
    if (auto* menu = qobject_cast<QMenu*>(w))
        changed += retranslateText([&] { return menu->title(); },
                                   [&](const QString& t) { menu->setTitle(t); });
    if (auto* tabs = qobject_cast<QTabWidget*>(w)) {
        for (int i = 0; i < tabs->count(); ++i) {
            changed += retranslateText([&] { return tabs->tabText(i); },
                                       [&](const QString& t) { tabs->setTabText(i, t); });
            changed += retranslateText([&] { return tabs->tabToolTip(i); },
                                       [&](const QString& t) { tabs->setTabToolTip(i, t); });
        }
    }
    if (auto* combo = qobject_cast<QComboBox*>(w)) {
        for (int i = 0; i < combo->count(); ++i)
            changed += retranslateText([&] { return combo->itemText(i); },
                                       [&](const QString& t) { combo->setItemText(i, t); });
    }
    for (QAction* action : w->actions()) changed += retranslateAction(action);
    return changed;
}

}  // namespace

QString retranslated(const QString& shown) { return translationMemory().retranslate(shown); }

int retranslateTree(QObject* root) {
    if (!root) return 0;
    int changed = 0;
    if (auto* w = qobject_cast<QWidget*>(root))
        changed += retranslateWidget(w);
    else if (auto* a = qobject_cast<QAction*>(root))
        changed += retranslateAction(a);
    // Actions owned by a widget but not added to one (e.g. shortcuts) are children too.
    for (QObject* child : root->children()) changed += retranslateTree(child);
    return changed;
}

int retranslateInterface() {
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) return 0;
    int changed = 0;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        // Menus and dialogs with a parent appear under it; windows without one are top level.
        if (top->parentWidget()) continue;
        changed += retranslateTree(top);
    }
    return changed;
}

}  // namespace jevons::app
