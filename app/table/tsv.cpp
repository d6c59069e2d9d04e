#include "app/table/tsv.h"

#include <QAbstractItemModel>
#include <QSet>

#include <algorithm>

namespace jevons::app {
namespace {
QString clean(QString text) {
    return text.replace(QLatin1Char('\t'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}
}  // namespace

QString selectionToTsv(const QAbstractItemModel& model, const QModelIndexList& selection,
                       int copyRole) {
    if (selection.isEmpty()) return {};
    QList<int> rows, cols;
    QSet<QPair<int, int>> selected;
    for (const QModelIndex& i : selection) {
        if (!rows.contains(i.row())) rows.append(i.row());
        if (!cols.contains(i.column())) cols.append(i.column());
        selected.insert({i.row(), i.column()});
    }
    std::sort(rows.begin(), rows.end());
    std::sort(cols.begin(), cols.end());
    QString out;
    for (int c : std::as_const(cols))
        out += QLatin1Char('\t') +
               clean(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    out += QLatin1Char('\n');
    for (int r : std::as_const(rows)) {
        out += clean(model.headerData(r, Qt::Vertical, Qt::DisplayRole).toString());
        for (int c : std::as_const(cols)) {
            out += QLatin1Char('\t');
            if (!selected.contains({r, c})) continue;
            const QModelIndex index = model.index(r, c);
            QVariant v = model.data(index, copyRole);
            if (!v.isValid()) v = model.data(index, Qt::DisplayRole);
            out += clean(v.toString());
        }
        out += QLatin1Char('\n');
    }
    return out;
}

}  // namespace jevons::app
