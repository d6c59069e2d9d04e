#pragma once
// The scenario bridge on screen (issue 15): a waterfall from one scenario to another for one
// output and year, drawn from core::bridgePlan like the deck's native chart, with the scenarios'
// values as edited. It follows every edit while shown; hidden, it waits until shown again.
// Lives in the "Scenario Bridge" dock, which compare mode brings up.
#include "core/bridge/bridge.h"
#include "core/plan/chart_plan.h"

#include <QList>
#include <QString>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QDockWidget;
class QGraphicsSimpleTextItem;
class QLabel;
class QMainWindow;

namespace jevons::app {

class Document;

class BridgeView : public QWidget {
    Q_OBJECT
public:
    explicit BridgeView(Document* document, QWidget* parent = nullptr);

    /// @brief Create the dock (hidden, right-hand side, tabbed with any dock there) holding a
    /// BridgeView, and its View-menu toggle (Ctrl+Alt+B; menu found by object name "viewMenu").
    static QDockWidget* install(QMainWindow* window, Document* document);

    /// Scenario ids ("base", "bull"), the output reference and the year shown.
    [[nodiscard]] QString fromScenario() const;
    [[nodiscard]] QString toScenario() const;
    [[nodiscard]] QString output() const;
    [[nodiscard]] int year() const;
    void setScenarios(const QString& from, const QString& to);
    void setOutput(const QString& ref);
    void setYear(int year);

    /// @brief What is drawn (valid when message() is empty), and why nothing is.
    [[nodiscard]] const core::ChartPlan& plan() const { return m_plan; }
    [[nodiscard]] const core::Bridge& bridge() const { return m_bridge; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QChartView* chartView() const { return m_view; }
    /// @brief The step labels as drawn ("+7.8", "42.9"), in category order.
    [[nodiscard]] QStringList labelTexts() const;
    /// @brief How many bridges were computed (tests: a hidden view computes none).
    [[nodiscard]] int computeCount() const { return m_computed; }

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuildChoices();
    void schedule();
    void recompute();
    void draw();
    void placeLabels();
    void retranslate();

    Document* m_document;
    QComboBox* m_from;
    QComboBox* m_to;
    QComboBox* m_output;
    QComboBox* m_year;
    QLabel* m_fromLabel;
    QLabel* m_toLabel;
    QLabel* m_outputLabel;
    QLabel* m_yearLabel;
    QChartView* m_view;
    QChart* m_chart;
    QLabel* m_caption;
    QList<QGraphicsSimpleTextItem*> m_labels;
    core::Bridge m_bridge;
    core::ChartPlan m_plan;
    QString m_message;
    bool m_stale = true;       ///< an edit came while hidden: recompute when shown
    bool m_scheduled = false;  ///< a recompute is queued for this turn of the event loop
    bool m_filling = false;    ///< rebuildChoices is refilling the combos: no recompute per item
    int m_computed = 0;
};

}  // namespace jevons::app
