// ChartCard overlays: value labels, CAGR arrows, category year labels, anchors and their drag.
#include "app/charts/chart_card.h"

#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_card_internal.h"
#include "app/charts/chart_view.h"
#include "app/charts/palette.h"
#include "app/charts/value_labels_item.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "core/eval/derived.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QLineF>
#include <QLineSeries>
#include <QLocale>
#include <QPainterPath>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace jevons::app {
namespace {

using chart_card_detail::kBarWidth;
using chart_card_detail::orZero;

constexpr qreal kLabelGap = 4.0;    ///< px between a bar top and its label
constexpr qreal kCagrClear = 26.0;  ///< px from a bar top to the CAGR arrow tip (label room)
constexpr qreal kCagrAbove = 26.0;  ///< px from the highest label to the CAGR bracket
constexpr qreal kHitRadius = 12.0;  ///< px around a draggable point
constexpr qreal kRangeCap = 7.0;    ///< px either side of a published range's ends (its caps)

QString formatNumber(const DisplayPreferences& units, double v, core::Unit unit) {
    const bool percent = core::defaultDisplay(unit) == core::DisplayUnit::Percent;
    QString text = std::abs(v) >= 1000.0 ? QLocale().toString(v, 'f', 0)
                                         : QLocale().toString(v, 'f', valueDecimals(units, unit));
    if (percent) text += QStringLiteral("%");
    return text;
}

}  // namespace

void ChartCard::updateAnchors() {
    const bool stacked =
        m_def.type == core::ChartType::StackedColumn || m_def.type == core::ChartType::StackedArea;
    QList<QPointF> primary, secondary;
    for (AnchorMark& m : m_anchors) {
        m.base = 0.0;
        if (stacked && !m.secondary) {
            for (const Plotted& p : m_plotted) {
                if (p.run != 0 || p.secondary || p.stack < 0) continue;
                if (p.ref == m.ref) break;
                m.base += orZero(p.shown.value(m.year - m_from));
            }
        }
        if (m.isRange()) continue;  // drawn as a bar by relayoutOverlays, not a diamond
        (m.secondary ? secondary : primary).append({x(m.year), m.base + m.shown});
    }
    if (m_anchorSeries->points() != primary) m_anchorSeries->replace(primary);
    if (m_anchorSeries2 && m_anchorSeries2->points() != secondary)
        m_anchorSeries2->replace(secondary);
}

void ChartCard::relayoutOverlays() {
    const QRectF plot = m_chart->plotArea();
    if (plot.isEmpty()) return;
    const int n = m_to - m_from + 1;
    QList<ValueLabelsItem::Label> labels;
    // The highest point (smallest y) drawn per year, labels included, for the CAGR brackets.
    QList<qreal> topY(n, plot.bottom());
    auto noteTop = [&](int i, qreal y) { topY[i] = std::min(topY[i], y); };

    const bool stackedColumns = m_def.type == core::ChartType::StackedColumn;
    if (auto* categories = qobject_cast<QBarCategoryAxis*>(m_xAxis)) {
        // "2025" where it fits, else "'25" (a category axis cannot skip labels). The margin is
        // QtCharts' own padding around a category label: with less, "2023" shows as "20...".
        const QFontMetricsF axisFont(categories->labelsFont());
        const bool shortYears =
            axisFont.horizontalAdvance(QStringLiteral("2023")) > plot.width() / n - 14;
        if (shortYears != m_shortYears) {
            m_shortYears = shortYears;
            QStringList names;
            for (int y = m_from; y <= m_to; ++y)
                names << (shortYears
                              ? QStringLiteral("\u2019") +
                                    QString::number(y % 100).rightJustified(2, QLatin1Char('0'))
                              : QString::number(y));
            categories->setCategories(names);
        }
    }
    // Column labels go on every bar when they fit the category width, else on the years that
    // tell the story: first, last, CAGR ends and anchored years.
    const qreal categoryWidth =
        n > 1 ? std::abs(chartPoint(m_from + 1, 0, false).x() - chartPoint(m_from, 0, false).x())
              : plot.width();
    QList<bool> keyYear(n, false);
    keyYear[0] = keyYear[n - 1] = true;
    for (const auto& c : m_def.cagr)
        for (int y : {c.from, c.to})
            if (y >= m_from && y <= m_to) keyYear[y - m_from] = true;
    for (const AnchorMark& m : m_anchors) keyYear[m.year - m_from] = true;
    int barSets = 0;
    for (const Plotted& p : m_plotted)
        if (p.bars) ++barSets;
    bool allFit = true;
    for (const Plotted& p : m_plotted) {
        if (!p.bars || p.run != 0) continue;
        for (double v : p.shown)
            if (!std::isnan(v) &&
                ValueLabelsItem::textWidth(formatNumber(axisUnits(p.secondary), v, p.unit)) >
                    categoryWidth / std::max(1, stackedColumns ? 1 : barSets) - 4)
                allFit = false;
    }
    auto labelled = [&](int i) { return allFit || keyYear[i]; };

    int barIndex = 0;
    QList<double> sums(n, 0.0);
    QList<bool> valued(n, false);  // stacked: some series has a value in the year
    for (const Plotted& p : m_plotted) {
        if (p.bars && !stackedColumns) {
            // Grouped columns: set j of k sits at i - w/2 + (j + 1/2) w/k.
            const qreal offset = -kBarWidth / 2 + (barIndex + 0.5) * kBarWidth / barSets;
            ++barIndex;
            for (int i = 0; i < p.shown.size(); ++i) {
                if (std::isnan(p.shown[i])) continue;  // no value, no column
                const QPointF top =
                    m_chart->mapToPosition(QPointF(i + offset, p.shown[i]), m_primaryMapper);
                noteTop(i, top.y() - (labelled(i) ? 18 : 0));
                if (!m_compare && labelled(i))
                    labels.append({top - QPointF(0, kLabelGap),
                                   formatNumber(axisUnits(p.secondary), p.shown[i], p.unit),
                                   palette::kInk, true});
            }
        } else if (p.bars && stackedColumns) {
            const qreal barPixels = categoryWidth * kBarWidth;
            for (int i = 0; i < p.shown.size(); ++i) {
                if (std::isnan(p.shown[i])) continue;
                valued[i] = true;
                const QPointF bottom = chartPoint(m_from + i, sums[i], false);
                sums[i] += p.shown[i];
                const QPointF top = chartPoint(m_from + i, sums[i], false);
                const QString text = formatNumber(axisUnits(p.secondary), p.shown[i], p.unit);
                if (bottom.y() - top.y() > 20 && !m_compare &&
                    ValueLabelsItem::textWidth(text, false) < barPixels - 4)
                    labels.append({(top + bottom) / 2, text, palette::textOn(p.color), false});
                noteTop(i, top.y());
            }
        } else if (p.upper) {
            for (int i = 0; i < p.shown.size(); ++i) {
                if (std::isnan(p.shown[i])) continue;
                valued[i] = true;
                sums[i] += p.shown[i];
                noteTop(i, chartPoint(m_from + i, sums[i], false).y() - 18);
            }
        } else if (p.line) {
            for (int i = 0; i < p.shown.size(); ++i) {
                if (std::isnan(p.shown[i])) continue;
                const QPointF pt = chartPoint(m_from + i, p.shown[i], p.secondary);
                noteTop(i, pt.y() - 18);
            }
            for (int i = 0; i < p.bandHigh.size() && i < n; ++i)
                noteTop(i, chartPoint(m_from + i, p.bandHigh[i], p.secondary).y() - 6);
            // The last value, right-aligned on its point so it stays inside the chart.
            if (!m_compare && p.run == 0 && !p.shown.isEmpty() && !std::isnan(p.shown.last())) {
                const int last = int(p.shown.size()) - 1;
                const QPointF pt = chartPoint(m_from + last, p.shown[last], p.secondary);
                const ValueLabelsItem::Label label{
                    pt + QPointF(m_categoryX ? categoryWidth / 2 : 4, -8),
                    formatNumber(axisUnits(p.secondary), p.shown[last], p.unit),
                    p.color.darker(115), true, 1.0};
                const QRectF box = ValueLabelsItem::rectFor(label);
                bool collides = false;
                for (const auto& other : std::as_const(labels))
                    collides = collides || box.intersects(ValueLabelsItem::rectFor(other));
                for (const auto& c : m_def.cagr)  // the CAGR arrow comes down on its last year
                    collides = collides || (c.to == m_to && p.secondary);
                if (!collides) labels.append(label);
            }
        }
    }
    if (stackedColumns || m_def.type == core::ChartType::StackedArea) {
        for (int i = 0; i < n; ++i) {
            if (m_def.type == core::ChartType::StackedArea ? i != n - 1 : !labelled(i)) continue;
            if (!valued[i]) continue;
            const core::Unit unit = m_plotted.empty() ? core::Unit::Number : m_plotted[0].unit;
            const QPointF top = chartPoint(m_from + i, sums[i], false);
            const bool area = m_def.type == core::ChartType::StackedArea;
            labels.append({top + QPointF(area ? 4 : 0, -kLabelGap),
                           formatNumber(axisUnits(false), sums[i], unit), palette::kInk, true,
                           area ? 1.0 : 0.5});
            noteTop(i, top.y() - 18);
        }
    }
    for (QLineSeries* total : m_totals)
        for (int i = 0; i < total->count() && i < n; ++i)
            noteTop(i, chartPoint(m_from + i, total->at(i).y(), false).y());
    for (const AnchorMark& m : m_anchors) {
        const double top = m.base + (m.isRange() ? m.shownHigh : m.shown);
        noteTop(m.year - m_from, chartPoint(m.year, top, m.secondary).y() - 10);
        if (!m.bar) continue;
        // A published range: a vertical bar from its low to its high end, with caps.
        const QPointF low = chartPoint(m.year, m.base + m.shown, m.secondary);
        const QPointF high = chartPoint(m.year, top, m.secondary);
        QPainterPath path;
        path.moveTo(low);
        path.lineTo(high);
        for (const QPointF& end : {low, high}) {
            path.moveTo(end - QPointF(kRangeCap, 0));
            path.lineTo(end + QPointF(kRangeCap, 0));
        }
        m.bar->setPath(path);
    }
    m_labels->setLabels(labels);

    // CAGR arrows from run 0's values.
    const ChartRun& run = m_runs.front();
    const core::Model& model = run.evaluator->model();
    for (std::size_t k = 0; k < m_cagr.size(); ++k) {
        const core::CagrAnnotation& c = m_def.cagr[k];
        CagrArrowItem* item = m_cagr[k];
        const auto ref = model.resolve(c.series);
        if (!ref || c.from < m_from || c.to > m_to || c.from >= c.to ||
            !model.hasValue(*ref, c.from)) {  // no value to grow from: no arrow
            item->setVisible(false);
            continue;
        }
        const bool secondary = std::find(m_def.secondary.begin(), m_def.secondary.end(),
                                         c.series) != m_def.secondary.end();
        const Eigen::ArrayXd row = run.evaluator->grid(*ref).row(0).transpose();
        const core::Unit unit = model.unitOf(*ref);
        const int first = run.evaluator->years().first;
        const QPointF a = chartPoint(
            c.from, displayValue(axisUnits(secondary), row(c.from - first), unit), secondary);
        const QPointF b = chartPoint(
            c.to, displayValue(axisUnits(secondary), row(c.to - first), unit), secondary);
        qreal level = std::numeric_limits<qreal>::max();
        for (int y = c.from; y <= c.to; ++y) level = std::min(level, topY[y - m_from]);
        level = std::max(level - kCagrAbove, plot.top() + 12);
        item->setGeometry(a - QPointF(0, kCagrClear), b - QPointF(0, kCagrClear), level,
                          plot.left(), plot.right());
        item->setVisible(true);
    }
    placeCaption();
}

QList<int> ChartCard::anchorsShown() const {
    QList<int> out;
    for (const AnchorMark& m : m_anchors) out.append(m.index);
    return out;
}

const ChartCard::AnchorMark* ChartCard::mark(int anchorIndex) const {
    for (const AnchorMark& m : m_anchors)
        if (m.index == anchorIndex) return &m;
    return nullptr;
}

QRect ChartCard::rangeBarViewRect(int anchorIndex) const {
    const AnchorMark* m = mark(anchorIndex);
    if (!m || !m->bar || !m->bar->isVisible()) return {};
    const QRectF box = m->bar->path().boundingRect();
    return QRect(toView(box.topLeft()), toView(box.bottomRight()));
}

QString ChartCard::anchorToolTip(int anchorIndex) const {
    const AnchorMark* m = mark(anchorIndex);
    return m ? m->toolTip : QString();
}

QPoint ChartCard::toView(QPointF chartPos) const {
    return m_view->mapFromScene(m_chart->mapToScene(chartPos));
}

QPoint ChartCard::anchorViewPosition(int anchorIndex) const {
    const AnchorMark* m = mark(anchorIndex);
    if (!m) return {};
    const core::Evaluator& e = *m_runs.front().evaluator;
    const double shown = displayValue(axisUnits(m->secondary),
                                      e.grid(m->ref)(0, m->year - e.years().first), m->unit);
    return toView(chartPoint(m->year, m->base + shown, m->secondary));
}

int ChartCard::draggableAnchorAt(QPoint viewPos) const {
    if (!m_runs.front().live) return -1;
    for (const AnchorMark& m : m_anchors) {
        if (!m.draggable) continue;
        const QPoint marker = toView(chartPoint(m.year, m.base + m.shown, m.secondary));
        const QPoint model = anchorViewPosition(m.index);
        for (const QPoint& p : {marker, model})
            if (QLineF(p, viewPos).length() <= kHitRadius) return m.index;
    }
    return -1;
}

bool ChartCard::beginAnchorDrag(int anchorIndex) {
    const AnchorMark* m = mark(anchorIndex);
    if (!m || !m->draggable || !m_runs.front().live) return false;
    m_dragAnchor = anchorIndex;
    m_document->beginInteractiveEdit();
    return true;
}

void ChartCard::dragAnchorTo(double shown) {
    const AnchorMark* m = mark(m_dragAnchor);
    if (!m) return;
    const double stored = storedValue(axisUnits(m->secondary), shown, m->unit);
    m_document->dragAnchor(m_dragAnchor, std::max(stored, core::lowerBound(m->unit)));
}

void ChartCard::dragAnchorToViewPosition(QPoint viewPos) {
    const AnchorMark* m = mark(m_dragAnchor);
    if (!m) return;
    const QPointF chartPos = m_chart->mapFromScene(m_view->mapToScene(viewPos));
    const QPointF value =
        m_chart->mapToValue(chartPos, m->secondary ? m_secondaryMapper : m_primaryMapper);
    dragAnchorTo(value.y() - m->base);
}

void ChartCard::endAnchorDrag() {
    if (m_dragAnchor < 0) return;
    m_dragAnchor = -1;
    m_document->endInteractiveEdit();
}

}  // namespace jevons::app
