#pragma once
// The data table: one row per series output, one column per year, values in display units
// (US$B, %, M units). Follows edits by dataChanged on the affected rows only.
#include "core/eval/model.h"

#include <QAbstractTableModel>
#include <QList>

#include <vector>

namespace jevons::app {

class Document;

class SeriesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// @brief Plain text for copying to Excel: "1400.0", no thousands separators.
    static constexpr int kCopyRole = Qt::UserRole + 1;
    /// @brief The value in display units as a double; NaN in a year the series has no value
    /// (shown and copied as an empty cell).
    static constexpr int kValueRole = Qt::UserRole + 2;
    /// @brief The actual value (display units) when the file has actuals of this series in this
    /// year (main output only), else an invalid QVariant. Such cells are tinted and their
    /// tooltip gives the actual value and its source.
    static constexpr int kActualRole = Qt::UserRole + 3;

    explicit SeriesTableModel(Document* document, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    /// @brief Row of output `ref` ("id" or "id.output"), or -1.
    [[nodiscard]] int rowOf(const QString& ref) const;

private:
    void reset();
    void onResultsChanged(const QList<int>& series);
    Document* m_document;
    std::vector<core::OutputRef> m_rows;
};

}  // namespace jevons::app
