#include "app/table/copyable_table_view.h"

#include "app/table/tsv.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QStyle>

#include <algorithm>
#include <cmath>

namespace jevons::app {

CopyableTableView::CopyableTableView(int copyRole, int valueRole, QWidget* parent)
    : QTableView(parent), m_copyRole(copyRole), m_valueRole(valueRole) {
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

void CopyableTableView::setModel(QAbstractItemModel* model) {
    if (QAbstractItemModel* old = this->model()) disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    if (!model) return;
    connect(model, &QAbstractItemModel::modelReset, this,
            [this] { fitValues(0, this->model()->rowCount() - 1, true); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                fitValues(from.row(), to.row(), false);
            });
    fitValues(0, model->rowCount() - 1, true);
}

void CopyableTableView::fitValues(int first, int last, bool reset) {
    const QFontMetrics fm = fontMetrics();
    // The cell's margins as the item delegate draws them, and a pixel either side.
    const int margins = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 2);
    int widest = reset ? fm.horizontalAdvance(QStringLiteral("1,234.5")) + 12
                       : horizontalHeader()->minimumSectionSize();
    for (const QString& text : widestCandidates(first, last))
        widest = std::max(widest, fm.horizontalAdvance(text) + margins);
    if (widest != horizontalHeader()->minimumSectionSize())
        horizontalHeader()->setMinimumSectionSize(widest);
}

QStringList CopyableTableView::widestCandidates(int first, int last) const {
    // Shaping every cell's text costs more than the rest of a large table's update. The cells
    // are numbers ("1,234.5", "−3.2", "—"), whose widths go with their length (digits are
    // equally wide in UI fonts), so only the distinct texts within two characters of the
    // longest are measured. With a value role no other cell is even formatted: in a row of one
    // format the longest texts are those of its largest and of its smallest value.
    const int columns = model()->columnCount();
    QStringList texts;
    for (int r = std::max(0, first); r <= last; ++r) {
        if (m_valueRole < 0) {
            for (int c = 0; c < columns; ++c) texts << model()->index(r, c).data().toString();
            continue;
        }
        int high = -1, low = -1;
        double highValue = 0.0, lowValue = 0.0;
        for (int c = 0; c < columns; ++c) {
            const double v = model()->index(r, c).data(m_valueRole).toDouble();
            if (std::isnan(v)) continue;
            if (high < 0 || v > highValue) high = c, highValue = v;
            if (low < 0 || v < lowValue) low = c, lowValue = v;
        }
        if (high >= 0) texts << model()->index(r, high).data().toString();
        if (low >= 0 && low != high) texts << model()->index(r, low).data().toString();
    }
    qsizetype longest = 0;
    for (const QString& text : std::as_const(texts)) longest = std::max(longest, text.size());
    texts.removeIf([longest](const QString& text) { return text.size() < longest - 2; });
    texts.removeDuplicates();
    return texts;
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
