#pragma once
// A table view whose Ctrl+C (and context menu "Copy") puts the selection on the clipboard as
// tab-separated text with headers, ready to paste into Excel.
#include <QTableView>

namespace jevons::app {

class CopyableTableView : public QTableView {
    Q_OBJECT
public:
    /// @param copyRole the model role holding the plain text to copy (DisplayRole if absent).
    explicit CopyableTableView(int copyRole, QWidget* parent = nullptr);

    /// @brief The current selection as TSV (what copy() puts on the clipboard).
    [[nodiscard]] QString selectionAsTsv() const;

public slots:
    void copy();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    int m_copyRole;
};

}  // namespace jevons::app
