#include "app/table/copyable_table_view.h"

#include "app/table/tsv.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>

namespace jevons::app {

CopyableTableView::CopyableTableView(int copyRole, QWidget* parent)
    : QTableView(parent), m_copyRole(copyRole) {
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copyAction = new QAction(tr("&Copy"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &CopyableTableView::copy);
    addAction(copyAction);
    horizontalHeader()->setDefaultSectionSize(72);
    verticalHeader()->setDefaultSectionSize(24);
}

QString CopyableTableView::selectionAsTsv() const {
    if (!model() || !selectionModel()) return {};
    return selectionToTsv(*model(), selectionModel()->selectedIndexes(), m_copyRole);
}

void CopyableTableView::copy() {
    const QString text = selectionAsTsv();
    if (!text.isEmpty()) QApplication::clipboard()->setText(text);
}

void CopyableTableView::keyPressEvent(QKeyEvent* event) {
    if (event == QKeySequence::Copy) {
        copy();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

}  // namespace jevons::app
