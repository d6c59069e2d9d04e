#pragma once
// One chart of the dashboard: the QChart for a ChartDef, built once, whose points are replaced in
// place when the document's results change; CAGR arrows, anchors (draggable when they drive an
// assumption), data labels and the source line. What it shows — values in display units, the
// axis scales, CAGR labels, bands — comes from the chart's plan (core/plan/chart_plan.h), made
// anew after each change, the same plan the deck is written from.
#include "app/charts/chart_run.h"
#include "app/common/display.h"
#include "app/uncertainty/uncertainty_result.h"
#include "core/plan/chart_plan.h"
#include "core/scenario/scenario.h"

#include <QFrame>
#include <QList>
#include <QMargins>
#include <QPointF>
#include <QRect>

#include <memory>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QAreaSeries;
class QBarSet;
class QGraphicsPathItem;
class QGraphicsSimpleTextItem;
class QChart;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace jevons::app {

class ActualsStyle;
class CagrArrowItem;
class ChartView;
class Document;
class ValueLabelsItem;

class ChartCard : public QFrame {
    Q_OBJECT
public:
    /// @param runs at least one; runs[0] is the one labelled and annotated.
    ChartCard(Document* document, core::ChartDef definition, std::vector<ChartRun> runs,
              QWidget* parent = nullptr);
    ~ChartCard() override;

    [[nodiscard]] const core::ChartDef& definition() const { return m_def; }
    /// @brief What the card shows, as of the latest results (and simulation).
    [[nodiscard]] const core::ChartPlan& plan() const { return m_plan; }
    [[nodiscard]] QChart* chart() const { return m_chart; }
    [[nodiscard]] ChartView* view() const { return m_view; }
    [[nodiscard]] QLabel* sourceLabel() const { return m_source; }

    /// @brief Points plotted for output `ref` of run `run` as (year, value in display units);
    /// for stacked charts the segment's own values, not the running sum. Empty if not shown. A
    /// year in which the output has no value (before a cagr series starts) has no point.
    [[nodiscard]] QList<QPointF> plottedPoints(const QString& ref, int run = 0) const;
    /// @brief Whether the chart plots (or annotates) series `seriesIndex`.
    [[nodiscard]] bool shows(int seriesIndex) const;
    /// @brief How many times values were replaced after an edit (tests: only affected cards).
    [[nodiscard]] long refreshCount() const { return m_refreshes; }
    [[nodiscard]] QList<CagrArrowItem*> cagrItems() const;
    [[nodiscard]] ValueLabelsItem* valueLabels() const { return m_labels; }
    [[nodiscard]] QAbstractAxis* yearAxis() const { return m_xAxis; }
    [[nodiscard]] QValueAxis* valueAxis() const { return m_yAxis; }
    [[nodiscard]] QValueAxis* secondaryAxis() const { return m_y2Axis; }
    /// @brief How the file's actuals are drawn on this card (solid history, dashed forecast).
    [[nodiscard]] const ActualsStyle& actualsStyle() const { return *m_actuals; }

    // Uncertainty (issue 5): fan charts on line charts, CAGR ranges on every chart.

    /// @brief Show the bands of `result` (null = none: the chart is exactly as without). Contract:
    /// `result` was simulated with run 0's values. Line charts get a P10–P90 and a P25–P75 band
    /// around each line of run 0, updated in place; CAGR arrows read "CAGR 38–52%" (P10–P90).
    void setUncertainty(UncertaintyResult result);
    [[nodiscard]] const UncertaintyResult& uncertainty() const { return m_uncertainty; }
    /// @brief Band edge `which` ("p10", "p25", "p75", "p90") of output `ref` as (year, value in
    /// display units); empty when the chart draws no band for it.
    [[nodiscard]] QList<QPointF> bandPoints(const QString& ref, const QString& which) const;
    /// @brief Band series (QAreaSeries) in the chart: 0 when uncertainty is off.
    [[nodiscard]] int bandSeriesCount() const;
    /// @brief The caption stating the percentile convention, or empty when no band is drawn.
    [[nodiscard]] QString uncertaintyCaption() const;

    // Anchors and direct manipulation (indices into Scenario::anchors).

    [[nodiscard]] QList<int> anchorsShown() const;
    [[nodiscard]] QString anchorToolTip(int anchorIndex) const;
    /// @brief A published range's bar with its caps, in view coordinates; empty for a point
    /// anchor or one not shown.
    [[nodiscard]] QRect rangeBarViewRect(int anchorIndex) const;
    /// @brief View coordinates of the model's point at the anchor's year (where a drag starts).
    [[nodiscard]] QPoint anchorViewPosition(int anchorIndex) const;
    /// @brief The draggable anchor whose marker or model point is under `viewPos`, or -1.
    [[nodiscard]] int draggableAnchorAt(QPoint viewPos) const;
    bool beginAnchorDrag(int anchorIndex);
    /// @brief Drag the anchored series to a value in display units (e.g. 50 = US$50B, 30 = 30%;
    /// in stacked charts the series' own value, not the stack's top).
    void dragAnchorTo(double displayValue);
    void dragAnchorToViewPosition(QPoint viewPos);
    void endAnchorDrag();

    // Out of view (ChartGrid): what changed is noted and drawn when the card comes into view.

    /// @brief Note that `seriesIndices` changed while the card was out of view.
    void markStale(const QList<int>& seriesIndices);
    /// @brief Keep `result` to show when the card comes into view (setUncertainty then).
    void deferUncertainty(UncertaintyResult result);
    [[nodiscard]] bool isStale() const { return m_stale; }
    /// @brief Draw what changed while out of view; nothing when the card is up to date.
    void catchUp();

    /// @brief After a structural edit that left this chart's definition as it was: draw from
    /// `runs` (the document's new evaluator) with the values replaced in place. False, with
    /// nothing changed, when the card must be built again instead: every name it draws must
    /// resolve to the same output with the same unit and legend name as when it was built, and
    /// it must show a single live run.
    bool rebind(std::vector<ChartRun> runs);

public slots:
    void onResultsChanged(const QList<int>& seriesIndices);

signals:
    /// @brief The plan's axis units are no longer those the card was built in (an edit took an
    /// axis in 万台 past 10,000, now 亿台): the card must be built again (ChartGrid replaces it).
    void axisUnitsChanged();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Plotted;
    struct AnchorMark;
    /// A name the chart draws (series, right-hand axis, CAGR arrow) as the model resolves it.
    struct Resolved {
        std::string name;
        bool found = false;
        core::OutputRef ref{};
        core::Unit unit = core::Unit::Number;
        std::string legend;
        bool operator==(const Resolved&) const = default;
    };
    /// @brief Every name of m_def as the document's current model resolves it.
    [[nodiscard]] std::vector<Resolved> resolveNames() const;
    void build();
    void addLineSeries(Plotted& p, QValueAxis* yAxis, const QString& name, const QColor& color,
                       Qt::PenStyle style);
    void refresh(bool all, const QList<int>& seriesIndices);
    /// @brief m_plan from the runs' results and m_uncertainty; kept as it was if the chart
    /// cannot be planned (a series it names is gone). False then.
    bool rebuildPlan();
    /// @brief The units values on an axis are shown in, as the card was built: the plan's
    /// (ChartPlan::primaryUnits, secondaryUnits; 万台 stepped up to 亿台 on an axis reaching
    /// 10,000). Labels, anchors, actuals and CAGR arrows convert with these.
    [[nodiscard]] const DisplayPreferences& axisUnits(bool secondary) const {
        return m_axisUnits[secondary ? 1 : 0];
    }
    /// @brief The plan's values of `p` on screen: percentages as 25 (not 0.25), NaN = no value.
    [[nodiscard]] QList<double> planValues(const Plotted& p) const;
    void updateAnchors();
    void fitTitle();
    void fitLegend();
    void updateAxes();
    void relayoutOverlays();
    /// @brief Band points from m_uncertainty; false when none changed.
    bool updateBands();
    [[nodiscard]] bool sameCagrRanges(const core::MonteCarloResult& previous) const;
    void createBands();
    void removeBands();
    void placeCaption();
    [[nodiscard]] bool drawsBands() const;
    [[nodiscard]] double x(int year) const;
    [[nodiscard]] QPointF chartPoint(int year, double displayValue, bool secondary) const;
    [[nodiscard]] QPoint toView(QPointF chartPos) const;
    [[nodiscard]] const AnchorMark* mark(int anchorIndex) const;

    Document* m_document;
    core::ChartDef m_def;
    std::vector<ChartRun> m_runs;
    core::ChartPlan m_plan;
    DisplayPreferences m_axisUnits[2];  ///< axisUnits(): primary, secondary
    int m_from = 0;
    int m_to = 0;
    bool m_categoryX = false;
    bool m_compare = false;
    QChart* m_chart = nullptr;
    ChartView* m_view = nullptr;
    QLabel* m_source = nullptr;
    QAbstractAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    QValueAxis* m_y2Axis = nullptr;
    QAbstractSeries* m_primaryMapper = nullptr;    ///< a series on the primary axes
    QAbstractSeries* m_secondaryMapper = nullptr;  ///< a series on the secondary axes
    std::vector<Plotted> m_plotted;
    std::vector<AnchorMark> m_anchors;
    QScatterSeries* m_anchorSeries = nullptr;
    QScatterSeries* m_anchorSeries2 = nullptr;
    std::vector<QLineSeries*> m_totals;  ///< compare mode, stacked charts: other runs' totals
    std::vector<CagrArrowItem*> m_cagr;
    ValueLabelsItem* m_labels = nullptr;
    std::unique_ptr<ActualsStyle> m_actuals;
    std::vector<int> m_seriesShown;
    QString m_title;
    bool m_shortYears = false;
    int m_dragAnchor = -1;
    long m_refreshes = 0;
    UncertaintyResult m_uncertainty;
    bool m_stale = false;
    QList<int> m_staleSeries;   ///< changed while out of view
    bool m_staleBands = false;  ///< m_deferred waits to be shown
    UncertaintyResult m_deferred;
    QGraphicsSimpleTextItem* m_caption = nullptr;  ///< percentile convention under the plot
    QMargins m_baseMargins;
    std::vector<Resolved> m_resolved;  ///< resolveNames() when built
};

}  // namespace jevons::app
