#include "app/scenarios/differences_model.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/scenarios/scenario_comparison.h"
#include "app/table/series_table_model.h"
#include "core/plan/chart_plan.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

namespace jevons::app {

DifferencesModel::DifferencesModel(Document* document, const ScenarioComparison* comparison,
                                   QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_comparison(comparison) {
    connect(document, &Document::resultsChanged, this, [this] {
        if (rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
}

void DifferencesModel::setYears(QList<int> years) {
    m_years = std::move(years);
    reset();
}

void DifferencesModel::reset() {
    beginResetModel();
    m_rows.clear();
    m_base = 0;
    for (std::size_t i = 0; i < m_comparison->size(); ++i)
        if (m_comparison->ids()[i] == "base") m_base = i;
    if (m_document->isLoaded()) {
        const core::Model& model = m_document->model();
        std::vector<core::OutputRef> refs;
        for (const auto& chart : m_document->scenario().charts) {
            for (const auto* list : {&chart.series, &chart.secondary}) {
                for (const auto& name : *list) {
                    const auto r = model.resolve(name);
                    if (r && std::find(refs.begin(), refs.end(), *r) == refs.end())
                        refs.push_back(*r);
                }
            }
        }
        for (const auto& r : refs)
            for (int y : std::as_const(m_years))
                if (model.years().contains(y)) m_rows.push_back({r, y});
    }
    endResetModel();
}

int DifferencesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DifferencesModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_comparison->size() == 0) return 0;
    // Each scenario's value, then "Δ vs base" for every other scenario.
    return static_cast<int>(2 * m_comparison->size() - 1);
}

double DifferencesModel::valueOf(std::size_t run, const Row& row) const {
    const core::Evaluator* e = m_comparison->evaluator(run);
    return displayValue(m_document->displayPreferences(),
                        e->grid(row.ref)(0, e->years().column(row.year)),
                        e->model().unitOf(row.ref));
}

QVariant DifferencesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto n = m_comparison->size();
    const auto col = static_cast<std::size_t>(index.column());
    double v = 0.0;
    bool delta = false;
    if (col < n) {
        v = valueOf(col, row);
    } else {
        std::size_t other = col - n;
        if (other >= m_base) ++other;
        v = valueOf(other, row) - valueOf(m_base, row);
        delta = true;
    }
    const bool missing = std::isnan(v);  // a year before the series starts: an empty cell
    const int decimals =
        valueDecimals(m_document->displayPreferences(), m_document->model().unitOf(row.ref));
    switch (role) {
        case Qt::DisplayRole: {
            if (missing) return QString();
            QString text = QLocale().toString(v, 'f', decimals);
            if (delta && v > 0) text.prepend(QLatin1Char('+'));
            return text;
        }
        case SeriesTableModel::kCopyRole:
            if (missing) return QString();
            return QString::number(v, 'f', decimals);
        case SeriesTableModel::kValueRole:
            return v;
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            if (delta && v > 1e-9) return QBrush(QColor(0x2A, 0x9D, 0x8F));
            if (delta && v < -1e-9) return QBrush(QColor(0xE7, 0x6F, 0x51));
            return {};
        default:
            return {};
    }
}

QVariant DifferencesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    const auto n = m_comparison->size();
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount()) return {};
        const auto col = static_cast<std::size_t>(section);
        if (col < n) return m_comparison->names()[col];
        std::size_t other = col - n;
        if (other >= m_base) ++other;
        return tr("\u0394 %1 vs %2")
            .arg(m_comparison->names()[other], m_comparison->names()[m_base]);
    }
    if (section < 0 || section >= rowCount() || !m_document->isLoaded()) return {};
    const Row& row = m_rows[static_cast<std::size_t>(section)];
    const QString label = toQString(
        core::planSeriesName(m_document->model(), row.ref, m_document->language().toStdString()));
    const QString unit = unitSuffix(m_document->displayPreferences(),
                                    m_document->model().unitOf(row.ref), m_document->language());
    const bool zh = m_document->language() == QStringLiteral("zh");
    return labelWithUnit(label + (zh ? QStringLiteral("，") : QStringLiteral(", ")) +
                             QString::number(row.year) + (zh ? QStringLiteral("年") : QString()),
                         unit, m_document->language());
}

}  // namespace jevons::app
