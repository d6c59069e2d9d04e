#pragma once
// The dashboard's grid of chart cards, one per chart of the forecast file, in file order. Cards
// are built on a new document, a language switch or a compare-mode change, never on an edit.
#include "app/charts/chart_run.h"

#include <QList>
#include <QWidget>

#include <vector>

class QGridLayout;

namespace jevons::app {

class ChartCard;
class Document;

class ChartGrid : public QWidget {
    Q_OBJECT
public:
    explicit ChartGrid(Document* document, QWidget* parent = nullptr);

    /// @brief Runs every card plots; empty = the document alone (normal mode).
    void setRuns(std::vector<ChartRun> runs);
    /// @brief Fixed number of columns; 0 = as many as fit (cards at least ~560 px wide).
    void setColumns(int columns);
    [[nodiscard]] const QList<ChartCard*>& cards() const { return m_cards; }
    /// @brief The card of chart `id`, or nullptr.
    [[nodiscard]] ChartCard* card(const QString& chartId) const;

public slots:
    void rebuild();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void onResultsChanged(const QList<int>& series);
    void placeCards();
    [[nodiscard]] int columnsFor(int width) const;
    Document* m_document;
    std::vector<ChartRun> m_runs;
    QList<ChartCard*> m_cards;
    QGridLayout* m_layout;
    int m_columns = 0;
    int m_placedColumns = 0;
};

}  // namespace jevons::app
