#include "app/table/series_table_model.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "core/plan/chart_plan.h"

#include <QColor>
#include <QLocale>

#include <cmath>

namespace jevons::app {

SeriesTableModel::SeriesTableModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document) {
    connect(document, &Document::documentReset, this, &SeriesTableModel::reset);
    connect(document, &Document::languageChanged, this, &SeriesTableModel::reset);
    connect(document, &Document::resultsChanged, this, &SeriesTableModel::onResultsChanged);
    reset();
}

void SeriesTableModel::reset() {
    beginResetModel();
    m_rows.clear();
    if (m_document->isLoaded()) {
        const auto& series = m_document->scenario().series;
        for (int s = 0; s < static_cast<int>(series.size()); ++s) {
            const auto outputs = core::Model::outputNames(series[static_cast<std::size_t>(s)].kind);
            for (int o = 0; o < static_cast<int>(outputs.size()); ++o) m_rows.push_back({s, o});
        }
    }
    endResetModel();
}

void SeriesTableModel::onResultsChanged(const QList<int>& series) {
    const int last = columnCount() - 1;
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
        if (!series.contains(m_rows[static_cast<std::size_t>(r)].series)) continue;
        int end = r;
        while (end + 1 < static_cast<int>(m_rows.size()) &&
               series.contains(m_rows[static_cast<std::size_t>(end + 1)].series))
            ++end;
        emit dataChanged(index(r, 0), index(end, last), {Qt::DisplayRole, kCopyRole, kValueRole});
        r = end;
    }
}

int SeriesTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_document->isLoaded()) return 0;
    return m_document->evaluator().years().count();
}

QVariant SeriesTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::OutputRef ref = m_rows[static_cast<std::size_t>(index.row())];
    const core::Evaluator& e = m_document->evaluator();
    const DisplayPreferences& units = m_document->displayPreferences();
    const core::Unit unit = e.model().unitOf(ref);
    const int decimals = valueDecimals(units, unit);
    const double shown = displayValue(units, e.grid(ref)(0, index.column()), unit);
    if (role == kActualRole || role == Qt::BackgroundRole || role == Qt::ToolTipRole) {
        const auto& def = m_document->scenario().series[static_cast<std::size_t>(ref.series)];
        const core::SeriesActuals* actuals =
            ref.output == 0 ? m_document->scenario().findActuals(def.id) : nullptr;
        const int year = e.years().first + index.column();
        if (!actuals) return {};
        const auto it = actuals->values.find(year);
        if (it == actuals->values.end()) return {};
        if (role == Qt::BackgroundRole) return QColor(0xE8, 0xEE, 0xF6);  // actual years
        const double actual = displayValue(units, it->second, unit);
        if (role == kActualRole) return actual;
        return tr("Actual %1: %2 (source: %3); model: %4")
            .arg(year)
            .arg(QLocale().toString(actual, 'f', decimals), toQString(actuals->source),
                 QLocale().toString(shown, 'f', decimals));
    }
    const bool missing = std::isnan(shown);  // a year before the series starts: no value
    switch (role) {
        case Qt::DisplayRole:
            return missing ? QString() : QLocale().toString(shown, 'f', decimals);
        case kCopyRole:  // an empty cell in the spreadsheet
            return missing ? QString() : QString::number(shown, 'f', decimals);
        case kValueRole:
            return shown;
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || !m_document->isLoaded()) return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount()) return {};
        return QString::number(m_document->evaluator().years().first + section);
    }
    if (section < 0 || section >= rowCount()) return {};
    const core::OutputRef ref = m_rows[static_cast<std::size_t>(section)];
    const QString language = m_document->language();
    const QString label =
        toQString(core::planSeriesName(m_document->model(), ref, language.toStdString()));
    const QString unit =
        unitSuffix(m_document->displayPreferences(), m_document->model().unitOf(ref), language);
    return labelWithUnit(label, unit, language);
}

int SeriesTableModel::rowOf(const QString& ref) const {
    if (!m_document->isLoaded()) return -1;
    const auto r = m_document->model().resolve(ref.toStdString());
    if (!r) return -1;
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i)
        if (m_rows[static_cast<std::size_t>(i)] == *r) return i;
    return -1;
}

}  // namespace jevons::app
