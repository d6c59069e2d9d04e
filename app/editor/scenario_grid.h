#pragma once
// The scenarios' overrides as a grid (issue 14), like Excel's scenario manager: a row per
// assumption, a column for the base case (its values, read-only here: the sliders set them) and
// one per scenario. A cell holds the scenario's override in display units (25 for a 25% share);
// an empty cell means the scenario takes the base value. Each finished cell is one undo step;
// a value the assumption's domain refuses shows the core's message and changes nothing.
#include <QWidget>

class QLineEdit;
class QTableWidget;

namespace jevons::app {

class Document;
class ModelEditor;

class ScenarioGrid : public QWidget {
    Q_OBJECT
public:
    ScenarioGrid(Document* document, ModelEditor* editor);
    /// @brief Show every scenario, with `id`'s label and note above the grid.
    void load(const QString& id);
    [[nodiscard]] QString id() const { return m_id; }

    QLineEdit* idEdit;  ///< renames the scenario (the base case keeps "base")
    QLineEdit* labelEn;
    QLineEdit* labelZh;
    QLineEdit* noteEn;
    QLineEdit* noteZh;
    QTableWidget* table;  ///< rows: assumptions; column 0: base; then the scenarios in file order

private:
    void commitCell(int row, int column);

    Document* m_document;
    ModelEditor* m_editor;
    QString m_id;
    bool m_loading = false;
};

}  // namespace jevons::app
