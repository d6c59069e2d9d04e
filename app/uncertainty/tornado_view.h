#pragma once
// The tornado of one output in one year (default asic_market, 2030): each uncertain assumption
// swung from its P10 to its P90 with the others at their current values, widest bar on top, the
// centre line at the base value, bar ends labelled with the output, categories with the
// assumption's label and its P10–P90 inputs in display units ("ASIC share 2028: 20.9%–31.8%").
// Assumptions that do not move the output get no bar (the caption counts them).
// Computed by core::tornado with the document's CURRENT values; coalesced, only while visible.
#include "core/uncertainty/tornado.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLabel;

namespace jevons::app {

class Document;

class TornadoView : public QWidget {
    Q_OBJECT
public:
    explicit TornadoView(Document* document, QWidget* parent = nullptr);

    [[nodiscard]] QString output() const;
    [[nodiscard]] int year() const;
    void setOutput(const QString& ref);
    void setYear(int year);

    /// @brief Compute now for the current choice (also when hidden).
    void recompute();
    /// @brief The core's tornado shown (empty bars before a run or after a failure).
    [[nodiscard]] const core::Tornado& tornado() const { return m_tornado; }
    /// @brief The bars as drawn, top to bottom (the core's order, without the assumptions that
    /// do not move the output): category label and (output at the low input, output at the
    /// high input) in display units, read back from the chart's bar sets.
    [[nodiscard]] QStringList barLabels() const;
    [[nodiscard]] QList<QPair<double, double>> barEnds() const;
    /// @brief The centre line's value in display units.
    [[nodiscard]] double centre() const { return m_centre; }
    [[nodiscard]] QString caption() const;
    [[nodiscard]] QChartView* chartView() const { return m_view; }

signals:
    void computed();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void schedule();
    /// The output and year choices for a new forecast or language: at once when shown, else
    /// marked stale and refreshed when shown or asked for (a hidden view costs an edit nothing).
    void rebuildChoices();
    void refreshStaleChoices() const;
    void draw();
    void clear(const QString& why);
    void placeLabels();

    Document* m_document;
    QComboBox* m_output;
    QComboBox* m_year;
    QChartView* m_view;
    QChart* m_chart;
    QLabel* m_caption;
    QLabel* m_outputLabel;
    QLabel* m_yearLabel;
    core::Tornado m_tornado;
    double m_centre = 0.0;
    QBarSet* m_low = nullptr;                     ///< output at the low input minus the centre
    QBarSet* m_high = nullptr;                    ///< at the high input minus the centre
    QList<QPair<double, double>> m_ends;          ///< display values, top to bottom
    QStringList m_categories;                     ///< top to bottom
    QString m_separator;                          ///< between an assumption's name and its inputs
    QList<QGraphicsSimpleTextItem*> m_endLabels;  ///< owned by the chart
    QGraphicsLineItem* m_centreLine = nullptr;    ///< at the base value; owned by the chart
    bool m_pending = false;
    bool m_dirty = true;
    mutable bool m_choicesStale = true;
};

}  // namespace jevons::app
