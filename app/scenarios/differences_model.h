#pragma once
// The scenario differences table: for each charted series and chosen year, every scenario's value
// and its difference from the base, in display units.
#include "core/eval/model.h"

#include <QAbstractTableModel>
#include <QList>

#include <vector>

namespace jevons::app {

class Document;
class ScenarioComparison;

class DifferencesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    DifferencesModel(Document* document, const ScenarioComparison* comparison,
                     QObject* parent = nullptr);

    /// @brief Years to compare (those outside the forecast are dropped).
    void setYears(QList<int> years);
    [[nodiscard]] const QList<int>& years() const { return m_years; }
    /// @brief Rebuild rows and columns (after the comparison was rebuilt).
    void reset();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    struct Row {
        core::OutputRef ref;
        int year;
    };
    [[nodiscard]] double valueOf(std::size_t run, const Row& row) const;
    Document* m_document;
    const ScenarioComparison* m_comparison;
    QList<int> m_years;
    std::vector<Row> m_rows;
    std::size_t m_base = 0;
};

}  // namespace jevons::app
