#pragma once
// The dashboard's grid of chart cards, one per chart of the forecast file, in file order. Cards
// are built on a new document, a language switch or a compare-mode change, never on an edit.
// While the window is shown, a card scrolled out of view is not redrawn on an edit: it is marked
// stale and catches up when it comes into view (a move or resize of the grid in its scroll area).
// During a drag in a shown window, the bands of each quick simulation are held and drawn with
// the next edit's lines, in one repaint: a frame is 16.7 ms, and on two cores a repaint for the
// lines and another for the bands do not both fit in it. With no edit after them (the drag
// paused) they are drawn kBandHoldMs later.
#include "app/charts/chart_run.h"
#include "app/uncertainty/uncertainty_result.h"
#include "core/scenario/scenario.h"

#include <QList>
#include <QTimer>
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
    /// @brief Narrowest grid width per column (px): a card keeps legible axes, value labels and
    /// a CAGR arrow down to about 410 px. Two columns from 840 px (a 1366×768 screen's first
    /// window gives ~880), three from 1260 (1920×1080: ~1340), four from 1680 (2560×1440).
    static constexpr int kMinCardWidth = 420;
    static constexpr int kMaxColumns = 4;

    /// @brief Fixed number of columns; 0 = as many as fit (kMinCardWidth, at most kMaxColumns).
    void setColumns(int columns);
    [[nodiscard]] const QList<ChartCard*>& cards() const { return m_cards; }
    /// @brief Columns the cards are laid out in now.
    [[nodiscard]] int columnCount() const { return m_placedColumns; }
    /// @brief The card of chart `id`, or nullptr.
    [[nodiscard]] ChartCard* card(const QString& chartId) const;
    /// @brief The longest a drag's bands wait for the next edit (ms): a little over a frame.
    static constexpr int kBandHoldMs = 20;
    /// @brief Whether a drag's bands are held, waiting for the next edit or kBandHoldMs.
    [[nodiscard]] bool holdsBands() const { return m_bandHold.isActive(); }

public slots:
    void rebuild();
    /// @brief A card on `def` with the grid's runs and bands, replaced when its axis units change.
    [[nodiscard]] ChartCard* makeCard(const core::ChartDef& def);
    /// @brief A new card on `def` in `old`'s place, `old` deleted (ChartCard::axisUnitsChanged;
    /// a structural edit that changed what `old` draws). `def` may be `old`'s own definition.
    void replaceCard(ChartCard* old, const core::ChartDef& def);
    /// @brief Bands and CAGR ranges of the document's current values (null = none); shown in
    /// normal mode only (compare mode's lines are scenarios, not one forecast's range).
    void setUncertainty(jevons::app::UncertaintyResult result);

    /// @brief Draw the stale cards that are in view now.
    void catchUpVisible();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void moveEvent(QMoveEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    /// @brief A structural edit: cards whose chart, anchors, actuals and years are as they
    /// were keep their QtCharts objects and take the new values in place (ChartCard::rebind);
    /// the others are built again.
    void onDocumentReset();
    void onResultsChanged(const QList<int>& series);
    /// @brief Hands `result` to the cards (out-of-view ones defer it).
    void applyUncertainty(UncertaintyResult result);
    /// @brief Draws the held bands now, if any.
    void releaseHeldBands();
    void placeCards();
    [[nodiscard]] int columnsFor(int width) const;
    /// @brief Whether `card` is out of view in a shown window (an edit can wait for it).
    [[nodiscard]] bool outOfView(const ChartCard* card) const;
    Document* m_document;
    std::vector<ChartRun> m_runs;
    QList<ChartCard*> m_cards;
    /// What the cards' anchors, actuals and categories were drawn from.
    std::vector<core::Anchor> m_builtAnchors;
    std::vector<core::SeriesActuals> m_builtActuals;
    core::YearRange m_builtYears;
    QGridLayout* m_layout;
    int m_columns = 0;
    int m_placedColumns = 0;
    UncertaintyResult m_uncertainty;
    UncertaintyResult m_held;  ///< a drag's latest bands, while m_bandHold runs
    QTimer m_bandHold;
};

}  // namespace jevons::app
