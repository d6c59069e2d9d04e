// ChartCard uncertainty: fan bands, their caption, setUncertainty and catching up out of view.
#include "app/charts/chart_card.h"

#include "app/charts/chart_card_internal.h"
#include "app/charts/palette.h"
#include "app/common/text_wrap.h"

#include <QAreaSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace jevons::app {
namespace {

constexpr int kOuterAlpha = 46;  ///< fill of the P10–P90 band (of 255)
constexpr int kInnerAlpha = 84;  ///< fill of the P25–P75 band, drawn over the outer one

}  // namespace

void ChartCard::markStale(const QList<int>& seriesIndices) {
    m_stale = true;
    for (const int s : seriesIndices)
        if (!m_staleSeries.contains(s)) m_staleSeries.append(s);
}

void ChartCard::deferUncertainty(UncertaintyResult result) {
    m_stale = true;
    m_staleBands = true;
    m_deferred = std::move(result);
}

void ChartCard::catchUp() {
    if (!m_stale) return;
    m_stale = false;
    if (!m_staleSeries.isEmpty()) refresh(false, std::exchange(m_staleSeries, {}));
    if (m_staleBands) {
        m_staleBands = false;
        setUncertainty(std::exchange(m_deferred, nullptr));
    }
}

bool ChartCard::drawsBands() const {
    // Fans belong on line charts of one run (not in compare mode, where lines are scenarios).
    return m_uncertainty && m_def.type == core::ChartType::Line && m_runs.size() == 1;
}

void ChartCard::setUncertainty(UncertaintyResult result) {
    if (!result && !m_uncertainty) return;
    // After an edit every card gets the new simulation; most of them show series it did not
    // move (same seed, same inputs): keep those as they are.
    const bool wasOn = m_uncertainty != nullptr;
    const UncertaintyResult previous = std::exchange(m_uncertainty, std::move(result));
    rebuildPlan();
    if (drawsBands()) {
        createBands();
        if (!updateBands() && wasOn && sameCagrRanges(*previous)) return;
    } else {
        removeBands();
        if (wasOn && m_uncertainty && sameCagrRanges(*previous)) return;
    }
    updateAxes();
    relayoutOverlays();
}

bool ChartCard::sameCagrRanges(const core::MonteCarloResult& previous) const {
    for (const auto& c : m_def.cagr) {
        const core::CagrRange* a = previous.cagrRange(c.series, c.from, c.to);
        const core::CagrRange* b = m_uncertainty->cagrRange(c.series, c.from, c.to);
        if (!a || !b) {
            if (a != b) return false;
            continue;
        }
        if (a->cagr.p10 != b->cagr.p10 || a->cagr.p90 != b->cagr.p90 || a->problem != b->problem)
            return false;
    }
    return true;
}

void ChartCard::createBands() {
    bool created = false;
    for (Plotted& p : m_plotted) {
        if (!p.line || p.run != 0 || p.outer) continue;
        QValueAxis* yAxis = p.secondary ? m_y2Axis : m_yAxis;
        p.p10 = new QLineSeries(this);
        p.p25 = new QLineSeries(this);
        p.p75 = new QLineSeries(this);
        p.p90 = new QLineSeries(this);
        p.outer = new QAreaSeries(p.p90, p.p10);
        p.inner = new QAreaSeries(p.p75, p.p25);
        for (auto [area, alpha] :
             {std::pair{p.outer, kOuterAlpha}, std::pair{p.inner, kInnerAlpha}}) {
            QColor fill = p.color;
            fill.setAlpha(alpha);
            area->setColor(fill);
            area->setPen(Qt::NoPen);
            area->setName(QStringLiteral("band"));
            m_chart->addSeries(area);
            area->attachAxis(m_xAxis);
            area->attachAxis(yAxis);
            for (QLegendMarker* marker : m_chart->legend()->markers(area))
                marker->setVisible(false);
        }
        created = true;
    }
    if (!created) return;
    // Series paint in the order they were added: put the lines and the anchors back on top.
    auto raise = [this](QAbstractSeries* series, QValueAxis* yAxis, bool hideMarker) {
        m_chart->removeSeries(series);
        m_chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(yAxis);
        if (hideMarker)
            for (QLegendMarker* marker : m_chart->legend()->markers(series))
                marker->setVisible(false);
    };
    for (Plotted& p : m_plotted)
        if (p.line) raise(p.line, p.secondary ? m_y2Axis : m_yAxis, false);
    raise(m_anchorSeries, m_yAxis, true);
    if (m_anchorSeries2) raise(m_anchorSeries2, m_y2Axis, true);
    if (!m_caption) {
        m_caption = new QGraphicsSimpleTextItem(m_chart);
        m_caption->setFont(palette::font(palette::kSourcePt));
        m_caption->setBrush(palette::kSlate);
        m_caption->setZValue(20);
        m_baseMargins = m_chart->margins();
    }
}

void ChartCard::removeBands() {
    for (Plotted& p : m_plotted) {
        for (QAreaSeries** area : {&p.outer, &p.inner}) {
            if (!*area) continue;
            m_chart->removeSeries(*area);
            delete std::exchange(*area, nullptr);
        }
        for (QLineSeries** edge : {&p.p10, &p.p25, &p.p75, &p.p90})
            delete std::exchange(*edge, nullptr);
        p.bandLow.clear();
        p.bandHigh.clear();
    }
    if (m_caption) {
        delete std::exchange(m_caption, nullptr);
        m_chart->setMargins(m_baseMargins);
    }
}

bool ChartCard::updateBands() {
    bool changed = false;
    for (Plotted& p : m_plotted) {
        if (!p.outer) continue;
        const core::PlanBand* band = nullptr;
        for (const core::PlanBand& b : m_plan.bands)
            if (m_plan.series[b.series].ref == p.refName && m_plan.series[b.series].run == 0)
                band = &b;
        QList<QPointF> e10, e25, e75, e90;
        p.bandLow.clear();
        p.bandHigh.clear();
        if (band) {
            const bool percent =
                m_plan.series[band->series].numberFormat.find('%') != std::string::npos;
            const double k = percent ? 100.0 : 1.0;
            for (std::size_t i = 0; i < band->p50.size(); ++i) {
                p.bandLow.append(band->p10[i] * k);  // NaN without a value: kept for the indices
                p.bandHigh.append(band->p90[i] * k);
                if (std::isnan(band->p50[i])) continue;  // no band where there is no value
                const double year = x(m_from + static_cast<int>(i));
                e10.append({year, band->p10[i] * k});
                e25.append({year, band->p25[i] * k});
                e75.append({year, band->p75[i] * k});
                e90.append({year, band->p90[i] * k});
            }
        }
        if (p.p10->points() == e10 && p.p25->points() == e25 && p.p75->points() == e75 &&
            p.p90->points() == e90)
            continue;
        p.p10->replace(e10);
        p.p25->replace(e25);
        p.p75->replace(e75);
        p.p90->replace(e90);
        changed = true;
    }
    return changed;
}

QString ChartCard::uncertaintyCaption() const {
    if (!m_caption || !m_uncertainty) return {};
    return tr("Shaded: P10\u2013P90 and P25\u2013P75 of %1 simulated paths \u00b7 line: the "
              "forecast at the set values")
        .arg(QLocale(QLocale::English).toString(m_uncertainty->paths));
}

void ChartCard::placeCaption() {
    if (!m_caption) return;
    const QString text = uncertaintyCaption();
    const QFontMetricsF fm(m_caption->font());
    const qreal left = std::max<qreal>(8, m_chart->plotArea().left() - 40);
    const qreal room = m_chart->size().width() - left - 8;
    // One line where it fits, else broken after the middle dot, and each part where it must.
    QStringList parts{text};
    if (fm.horizontalAdvance(text) > room) parts = text.split(QStringLiteral(" \u00b7 "));
    QStringList wrapped;
    for (const QString& part : parts) wrapped << wrapLines(part, m_caption->font(), room);
    const QString shown = wrapped.join(QLatin1Char('\n'));
    if (m_caption->text() != shown) m_caption->setText(shown);
    const int lines = static_cast<int>(shown.count(QLatin1Char('\n'))) + 1;
    // CJK glyphs come from a fallback font taller than the metrics say: leave room below.
    const int height = static_cast<int>(std::ceil(fm.lineSpacing() * lines)) + 8;
    const QMargins wanted = m_baseMargins + QMargins(0, 0, 0, height);
    if (m_chart->margins() != wanted) m_chart->setMargins(wanted);  // lays out again
    m_caption->setPos(std::max<qreal>(8, m_chart->plotArea().left() - 40),
                      m_chart->size().height() - height);
}

QList<QPointF> ChartCard::bandPoints(const QString& ref, const QString& which) const {
    const std::string name = ref.toStdString();
    for (const Plotted& p : m_plotted) {
        if (p.refName != name || p.run != 0 || !p.outer) continue;
        const QLineSeries* edge = which == QStringLiteral("p10")   ? p.p10
                                  : which == QStringLiteral("p25") ? p.p25
                                  : which == QStringLiteral("p75") ? p.p75
                                  : which == QStringLiteral("p90") ? p.p90
                                                                   : nullptr;
        return edge ? edge->points() : QList<QPointF>{};
    }
    return {};
}

int ChartCard::bandSeriesCount() const {
    int n = 0;
    for (const QAbstractSeries* s : m_chart->series())
        if (s->type() == QAbstractSeries::SeriesTypeArea && s->name() == QStringLiteral("band"))
            ++n;
    return n;
}

}  // namespace jevons::app
