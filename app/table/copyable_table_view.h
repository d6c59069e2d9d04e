#pragma once
// A table view whose Ctrl+C (and context menu "Copy") puts the selection on the clipboard as
// tab-separated text with headers, ready to paste into Excel.
#include <QTableView>

namespace jevons::app {

class CopyableTableView : public QTableView {
    Q_OBJECT
public:
    /// @param copyRole the model role holding the plain text to copy (DisplayRole if absent).
    /// @param valueRole a role holding each cell's number (a double, NaN for an empty cell) when
    /// a row's cells are that number in one format, so that its widest text is that of its
    /// largest or its most negative value; -1 when not.
    explicit CopyableTableView(int copyRole, int valueRole = -1, QWidget* parent = nullptr);

    /// @brief Also keeps every column at least as wide as its widest value, as the model's values
    /// change (a stretched column never elides "161,245.5" to "161,24…"; the table scrolls).
    void setModel(QAbstractItemModel* model) override;

    /// @brief The current selection as TSV (what copy() puts on the clipboard).
    [[nodiscard]] QString selectionAsTsv() const;

public slots:
    void copy();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// Raise the columns' minimum width to fit the values in rows `first`..`last` (all after a
    /// reset, when it may shrink again).
    void fitValues(int first, int last, bool reset);
    /// The texts whose widths fitValues measures for rows `first`..`last`.
    [[nodiscard]] QStringList widestCandidates(int first, int last) const;
    int m_copyRole;
    int m_valueRole;
};

}  // namespace jevons::app
