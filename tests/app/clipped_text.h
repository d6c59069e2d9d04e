#pragma once
// Finding text a reader cannot read whole (issue 20): a walk over every visible widget under a
// root, and every text item of every chart scene, that lists each text whose needed width (by
// QFontMetrics, or Qt's own size hint built from it) exceeds the box it is drawn in, and each text
// Qt or QtCharts already cut short with an ellipsis.
//
// Each finding reads "<where>: <widget class> '<text>' needs N px, has M px".
#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFontMetrics>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <QToolButton>
#include <QWidget>

namespace jevons::app::test {

namespace clipping_detail {

inline QString describe(const QString& where, const QWidget* w, const QString& text, int needed,
                        int has) {
    return QStringLiteral("%1: %2 '%3' needs %4 px, has %5 px")
        .arg(where, QString::fromLatin1(w->metaObject()->className()), text)
        .arg(needed)
        .arg(has);
}

// QtCharts cuts a title, axis label or legend entry that does not fit with "..." (a widget's "…"
// is ours: "Import actuals…" opens a dialog).
inline bool elided(const QString& text) { return text.contains(QStringLiteral("...")); }

inline QString plain(const QString& text) {
    if (!Qt::mightBeRichText(text)) return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

inline int widestLine(const QFontMetrics& fm, const QString& text) {
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, fm.horizontalAdvance(line));
    return widest;
}

inline void label(const QString& where, QLabel* l, QStringList& out) {
    if (l->text().isEmpty()) return;
    const QString text = plain(l->text());
    if (l->wordWrap()) {
        const int needed = l->heightForWidth(l->width());
        if (needed > l->height()) out << describe(where, l, text, needed, l->height());
        return;
    }
    const QRect box = l->contentsRect();
    // Rich text: Qt's hint lays the document out (less the frame and margins around the box).
    const int needed =
        Qt::mightBeRichText(l->text())
            ? l->minimumSizeHint().width() - (l->width() - box.width())
            : widestLine(l->fontMetrics(), text) + 2 * l->margin() + std::max(0, l->indent());
    if (needed > box.width()) out << describe(where, l, text, needed, box.width());
}

inline void header(const QString& where, QHeaderView* h, QStringList& out) {
    QAbstractItemModel* model = h->model();
    if (!model) return;
    const QFontMetrics fm = h->fontMetrics();
    const int margins = 2 * h->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, h);
    for (int i = 0; i < h->count(); ++i) {
        if (h->isSectionHidden(i)) continue;
        const QString text = model->headerData(i, h->orientation(), Qt::DisplayRole).toString();
        if (text.isEmpty()) continue;
        const int needed = widestLine(fm, text) + margins;
        const int has = h->orientation() == Qt::Horizontal ? h->sectionSize(i) : h->width();
        if (needed > has) out << describe(where, h, text, needed, has);
    }
}

inline void cells(const QString& where, QTableView* t, QStringList& out) {
    QAbstractItemModel* model = t->model();
    if (!model || model->rowCount() * model->columnCount() > 5000) return;
    const QFontMetrics fm = t->fontMetrics();
    const int margins = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, t) + 1);
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c) {
            if (t->isColumnHidden(c) || t->isRowHidden(r)) continue;
            const QString text = model->index(r, c).data(Qt::DisplayRole).toString();
            if (text.isEmpty()) continue;
            const int needed = fm.horizontalAdvance(text) + margins;
            if (needed > t->columnWidth(c))
                out << describe(where + QStringLiteral(" cell %1,%2").arg(r).arg(c), t, text,
                                needed, t->columnWidth(c));
        }
}

inline void scene(const QString& where, QGraphicsView* view, QStringList& out) {
    if (!view->scene()) return;
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    for (QGraphicsItem* item : view->scene()->items()) {
        if (!item->isVisible()) continue;
        QString text;
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item))
            text = t->toPlainText();
        else if (auto* s = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            text = s->text();
        else
            continue;
        if (text.trimmed().isEmpty()) continue;
        const QRectF box = item->sceneBoundingRect();
        if (elided(text))
            out << describe(where + QStringLiteral(" chart item"), view, text, -1,
                            int(box.width()));
        // Drawn partly outside the view: cut by its edge (a pixel of slack for rounding).
        else if (!visible.adjusted(-1, -1, 1, 1).contains(box))
            out << QStringLiteral("%1: chart text '%2' at (%3,%4 %5x%6) leaves the view %7x%8")
                       .arg(where, text)
                       .arg(box.x())
                       .arg(box.y())
                       .arg(box.width())
                       .arg(box.height())
                       .arg(visible.width())
                       .arg(visible.height());
    }
}

}  // namespace clipping_detail

/// @brief Every text under `root` (visible to it) that does not fit its box, or that Qt cut with
/// an ellipsis: labels, buttons, spin boxes, combo boxes, line edits, group-box and dock titles,
/// tab texts, header sections, table cells, and the text items of every chart scene. Empty when
/// everything reads whole. `where` starts each finding.
inline QStringList clippedTexts(QWidget* root, const QString& where) {
    using namespace clipping_detail;
    QStringList out;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) || w->width() <= 0) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) {
            label(where, l, out);
        } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            auto* tool = qobject_cast<QToolButton*>(b);
            if (b->text().isEmpty() || (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly))
                continue;
            if (tool && qobject_cast<QTabBar*>(tool->parentWidget())) continue;  // scroll arrows
            const QSize hint = b->sizeHint();
            if (hint.width() > b->width())
                out << describe(where, b, b->text(), hint.width(), b->width());
        } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(w)) {
            if (spin->sizeHint().width() > spin->width())
                out << describe(where, spin, spin->text(), spin->sizeHint().width(), spin->width());
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = combo->isEditable();
            const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                               QStyle::SC_ComboBoxEditField, combo);
            const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
            if (needed > field.width())
                out << describe(where, combo, combo->currentText(), needed, field.width());
        } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
            if (!edit->isReadOnly() || qobject_cast<QAbstractSpinBox*>(edit->parentWidget()) ||
                qobject_cast<QComboBox*>(edit->parentWidget()))
                continue;
            const int needed = edit->fontMetrics().horizontalAdvance(edit->text()) + 4;
            const int has = edit->contentsRect().width() - edit->textMargins().left() -
                            edit->textMargins().right();
            if (needed > has) out << describe(where, edit, edit->text(), needed, has);
        } else if (auto* box = qobject_cast<QGroupBox*>(w)) {
            const int needed = box->fontMetrics().horizontalAdvance(box->title()) + 16;
            if (!box->title().isEmpty() && needed > box->width())
                out << describe(where, box, box->title(), needed, box->width());
        } else if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            // The title bar holds the title and the float and close buttons.
            const int buttons =
                2 * dock->style()->pixelMetric(QStyle::PM_TitleBarButtonSize, nullptr, dock) + 16;
            const int needed = dock->fontMetrics().horizontalAdvance(dock->windowTitle()) + buttons;
            if (!dock->windowTitle().isEmpty() && needed > dock->width())
                out << describe(where, dock, dock->windowTitle(), needed, dock->width());
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            const int space = tabs->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, tabs);
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i)) continue;
                const int needed = tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)) + space;
                const int has = tabs->tabRect(i).width();
                if (needed > has) out << describe(where, tabs, tabs->tabText(i), needed, has);
            }
        } else if (auto* h = qobject_cast<QHeaderView*>(w)) {
            header(where, h, out);
        } else if (auto* table = qobject_cast<QTableView*>(w)) {
            cells(where, table, out);
        }
        if (auto* view = qobject_cast<QGraphicsView*>(w)) scene(where, view, out);
    }
    return out;
}

}  // namespace jevons::app::test
