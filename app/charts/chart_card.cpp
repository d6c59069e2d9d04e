#include "app/charts/chart_card.h"

#include "app/charts/actuals_style.h"
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_builder.h"
#include "app/charts/chart_view.h"
#include "app/charts/palette.h"
#include "app/charts/value_labels_item.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "core/eval/derived.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace jevons::app {
namespace {

constexpr qreal kBarWidth = 0.62;
constexpr qreal kLabelGap = 4.0;    ///< px between a bar top and its label
constexpr qreal kCagrClear = 26.0;  ///< px from a bar top to the CAGR arrow tip (label room)
constexpr qreal kCagrAbove = 26.0;  ///< px from the highest label to the CAGR bracket
constexpr qreal kHitRadius = 12.0;  ///< px around a draggable point
constexpr int kOuterAlpha = 46;     ///< fill of the P10–P90 band (of 255)
constexpr int kInnerAlpha = 84;     ///< fill of the P25–P75 band, drawn over the outer one

QString formatNumber(double v, core::Unit unit) {
    const bool percent = core::defaultDisplay(unit) == core::DisplayUnit::Percent;
    QString text = std::abs(v) >= 1000.0 ? QLocale().toString(v, 'f', 0)
                                         : QLocale().toString(v, 'f', valueDecimals(unit));
    if (percent) text += QStringLiteral("%");
    return text;
}

bool isColumnType(core::ChartType t) {
    return t == core::ChartType::Column || t == core::ChartType::StackedColumn ||
           t == core::ChartType::Combo;
}

/// A stacked or summed value: a year without a value (NaN) adds nothing.
double orZero(double v) { return std::isnan(v) ? 0.0 : v; }

}  // namespace

struct ChartCard::Plotted {
    std::string refName;
    core::OutputRef ref;
    core::Unit unit = core::Unit::Number;
    int run = 0;
    bool secondary = false;
    int stack = -1;  ///< position in a stack (stacked charts), bottom = 0
    QColor color;
    QBarSet* bars = nullptr;
    QXYSeries* line = nullptr;
    QLineSeries* upper = nullptr;  ///< stacked area
    QLineSeries* lower = nullptr;
    QList<double> shown;  ///< display values, one per year of the chart
    // Fan bands (line charts, run 0, uncertainty on): edges and the two filled areas.
    QLineSeries* p10 = nullptr;
    QLineSeries* p25 = nullptr;
    QLineSeries* p75 = nullptr;
    QLineSeries* p90 = nullptr;
    QAreaSeries* outer = nullptr;  ///< P10–P90, light
    QAreaSeries* inner = nullptr;  ///< P25–P75, darker
    QList<double> bandLow;         ///< P10 per year (display units); empty without bands
    QList<double> bandHigh;        ///< P90 per year
};

struct ChartCard::AnchorMark {
    int index = -1;
    core::OutputRef ref;
    core::Unit unit = core::Unit::Number;
    int year = 0;
    double shown = 0.0;
    double base = 0.0;  ///< stacked charts: the stack below the anchored series (display units)
    bool secondary = false;
    bool draggable = false;
    QString toolTip;
};

ChartCard::ChartCard(Document* document, core::ChartDef definition, std::vector<ChartRun> runs,
                     QWidget* parent)
    : QFrame(parent), m_document(document), m_def(std::move(definition)), m_runs(std::move(runs)) {
    setObjectName(QStringLiteral("chartCard"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral(
        "#chartCard { background: white; border: 1px solid #DADFE4; border-radius: 4px; }"));
    build();
}

ChartCard::~ChartCard() = default;

double ChartCard::x(int year) const { return m_categoryX ? year - m_from : year; }

void ChartCard::addLineSeries(Plotted& p, QValueAxis* yAxis, const QString& name,
                              const QColor& color, Qt::PenStyle style) {
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color, 3.0);
    pen.setStyle(style);
    pen.setCapStyle(Qt::RoundCap);
    series->setPen(pen);
    m_chart->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(yAxis);
    p.line = series;
    if (p.run == 0) m_actuals->addLine(series, p.refName, p.unit, yAxis, color);
}

void ChartCard::build() {
    const core::Scenario& scenario = m_document->scenario();
    const core::Model& model = m_document->model();
    const QString language = m_document->language();
    const core::YearRange years = model.years();
    m_from = m_def.fromYear ? std::max(m_def.fromYear, years.first) : years.first;
    m_to = m_def.toYear ? std::min(m_def.toYear, years.last) : years.last;
    if (m_to < m_from) m_to = m_from;
    m_categoryX = isColumnType(m_def.type);
    m_compare = m_runs.size() > 1;

    m_chart = new QChart;
    m_title = labelText(m_def.title, language);
    styleChart(m_chart, m_title);

    struct Ref {
        std::string name;
        core::OutputRef ref;
        QString label;
    };
    auto resolveAll = [&](const std::vector<std::string>& names) {
        std::vector<Ref> out;
        for (const auto& name : names) {
            const auto r = model.resolve(name);
            if (!r) continue;
            const auto& def = scenario.series[static_cast<std::size_t>(r->series)];
            QString label = labelText(def.label, language);
            if (r->output > 0) {
                const auto outputs = core::Model::outputNames(def.kind);
                label += QStringLiteral(" (") +
                         toQString(outputs[static_cast<std::size_t>(r->output)])
                             .replace(QLatin1Char('_'), QLatin1Char(' ')) +
                         QStringLiteral(")");
            }
            out.push_back({name, *r, label});
            m_seriesShown.push_back(r->series);
        }
        return out;
    };
    const std::vector<Ref> primary = resolveAll(m_def.series);
    const std::vector<Ref> secondary = resolveAll(m_def.secondary);
    for (const auto& c : m_def.cagr)
        if (const auto r = model.resolve(c.series)) m_seriesShown.push_back(r->series);

    // Axes.
    if (m_categoryX)
        m_xAxis = makeYearCategoryAxis(m_from, m_to);
    else
        m_xAxis = makeYearValueAxis(m_from, m_to);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    const core::Unit unit1 = primary.empty() ? core::Unit::Number : model.unitOf(primary[0].ref);
    m_yAxis = makeValueAxis(unitSuffix(unit1, language));
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    if (!secondary.empty()) {
        m_y2Axis = makeValueAxis(unitSuffix(model.unitOf(secondary[0].ref), language));
        m_y2Axis->setGridLineVisible(false);
        m_chart->addAxis(m_y2Axis, Qt::AlignRight);
    }
    m_actuals =
        std::make_unique<ActualsStyle>(m_chart, m_xAxis, scenario, m_from, m_to, m_categoryX);

    const int nRuns = static_cast<int>(m_runs.size());
    auto nameOf = [&](const Ref& r, int run, bool many) {
        if (!m_compare) return r.label;
        return many ? m_runs[static_cast<std::size_t>(run)].name + QStringLiteral(" · ") + r.label
                    : m_runs[static_cast<std::size_t>(run)].name;
    };
    const bool manyPrimary = primary.size() > 1;
    int legendEntries = 0;

    // Primary series.
    switch (m_def.type) {
        case core::ChartType::Column:
        case core::ChartType::Combo: {
            auto* bars = new QBarSeries;
            bars->setBarWidth(kBarWidth);
            for (int run = 0; run < nRuns; ++run) {
                for (std::size_t i = 0; i < primary.size(); ++i) {
                    Plotted p;
                    p.refName = primary[i].name;
                    p.ref = primary[i].ref;
                    p.unit = model.unitOf(p.ref);
                    p.run = run;
                    p.color = palette::runTint(palette::seriesColor(static_cast<int>(i)), run);
                    p.bars = new QBarSet(nameOf(primary[i], run, manyPrimary));
                    p.bars->setColor(p.color);
                    p.bars->setBorderColor(p.color);
                    if (run == 0) m_actuals->addBars(p.bars, p.refName, p.unit, p.color);
                    bars->append(p.bars);
                    m_plotted.push_back(std::move(p));
                    ++legendEntries;
                }
            }
            m_chart->addSeries(bars);
            bars->attachAxis(m_xAxis);
            bars->attachAxis(m_yAxis);
            break;
        }
        case core::ChartType::StackedColumn: {
            auto* bars = new QStackedBarSeries;
            bars->setBarWidth(kBarWidth);
            for (std::size_t i = 0; i < primary.size(); ++i) {
                Plotted p;
                p.refName = primary[i].name;
                p.ref = primary[i].ref;
                p.unit = model.unitOf(p.ref);
                p.stack = static_cast<int>(i);
                p.color = palette::seriesColor(static_cast<int>(i));
                p.bars = new QBarSet(nameOf(primary[i], 0, manyPrimary));
                p.bars->setColor(p.color);
                p.bars->setBorderColor(Qt::white);
                m_actuals->addBars(p.bars, p.refName, p.unit, p.color);
                bars->append(p.bars);
                m_plotted.push_back(std::move(p));
                ++legendEntries;
            }
            m_chart->addSeries(bars);
            bars->attachAxis(m_xAxis);
            bars->attachAxis(m_yAxis);
            break;
        }
        case core::ChartType::StackedArea: {
            for (std::size_t i = 0; i < primary.size(); ++i) {
                Plotted p;
                p.refName = primary[i].name;
                p.ref = primary[i].ref;
                p.unit = model.unitOf(p.ref);
                p.stack = static_cast<int>(i);
                p.color = palette::seriesColor(static_cast<int>(i));
                p.upper = new QLineSeries(this);
                p.lower = new QLineSeries(this);
                auto* area = new QAreaSeries(p.upper, p.lower);
                area->setName(nameOf(primary[i], 0, manyPrimary));
                area->setColor(p.color);
                area->setBorderColor(Qt::white);
                m_chart->addSeries(area);
                area->attachAxis(m_xAxis);
                area->attachAxis(m_yAxis);
                m_plotted.push_back(std::move(p));
                ++legendEntries;
            }
            break;
        }
        case core::ChartType::Line: {
            for (int run = 0; run < nRuns; ++run) {
                for (std::size_t i = 0; i < primary.size(); ++i) {
                    Plotted p;
                    p.refName = primary[i].name;
                    p.ref = primary[i].ref;
                    p.unit = model.unitOf(p.ref);
                    p.run = run;
                    p.color = palette::seriesColor(static_cast<int>(i));
                    addLineSeries(p, m_yAxis, nameOf(primary[i], run, manyPrimary), p.color,
                                  m_runs[static_cast<std::size_t>(run)].style);
                    m_plotted.push_back(std::move(p));
                    ++legendEntries;
                }
            }
            break;
        }
    }
    // Compare mode on stacked charts: the other scenarios' totals as styled lines.
    const bool stacked =
        m_def.type == core::ChartType::StackedColumn || m_def.type == core::ChartType::StackedArea;
    if (stacked && m_compare) {
        for (int run = 1; run < nRuns; ++run) {
            auto* total = new QLineSeries;
            total->setName(m_runs[static_cast<std::size_t>(run)].name + tr(" · total"));
            QPen pen(palette::kInk, 2.5);
            pen.setStyle(m_runs[static_cast<std::size_t>(run)].style);
            total->setPen(pen);
            m_chart->addSeries(total);
            total->attachAxis(m_xAxis);
            total->attachAxis(m_yAxis);
            m_totals.push_back(total);
            ++legendEntries;
        }
    }
    // Secondary lines (combo: right-hand axis).
    const bool manySecondary = secondary.size() > 1;
    for (int run = 0; run < nRuns; ++run) {
        for (std::size_t i = 0; i < secondary.size(); ++i) {
            Plotted p;
            p.refName = secondary[i].name;
            p.ref = secondary[i].ref;
            p.unit = model.unitOf(p.ref);
            p.run = run;
            p.secondary = true;
            p.color = palette::seriesColor(static_cast<int>(primary.size() + i));
            addLineSeries(p, m_y2Axis, nameOf(secondary[i], run, manySecondary), p.color,
                          m_runs[static_cast<std::size_t>(run)].style);
            m_plotted.push_back(std::move(p));
            ++legendEntries;
        }
    }

    // Anchors: published points as red diamonds; they also map chart positions for overlays.
    auto makeScatter = [&](QValueAxis* yAxis) {
        auto* s = new QScatterSeries;
        s->setName(tr("Published"));
        s->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
        s->setMarkerSize(15);
        s->setColor(palette::kAnchor);
        s->setBorderColor(Qt::white);
        QPen border(Qt::white, 2.0);
        s->setPen(border);
        m_chart->addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(yAxis);
        connect(s, &QScatterSeries::hovered, this, [this, yAxis](const QPointF& point, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            for (const AnchorMark& m : m_anchors) {
                if ((m.secondary ? m_y2Axis : m_yAxis) != yAxis) continue;
                if (std::abs(x(m.year) - point.x()) < 1e-6 &&
                    std::abs(m.base + m.shown - point.y()) <=
                        1e-6 * std::max(1.0, std::abs(m.base + m.shown))) {
                    QToolTip::showText(QCursor::pos(), m.toolTip, m_view);
                    return;
                }
            }
        });
        return s;
    };
    m_anchorSeries = makeScatter(m_yAxis);
    m_primaryMapper = m_anchorSeries;
    if (m_y2Axis) {
        m_anchorSeries2 = makeScatter(m_y2Axis);
        m_secondaryMapper = m_anchorSeries2;
    }
    if (m_def.showAnchors) {
        for (std::size_t i = 0; i < scenario.anchors.size(); ++i) {
            const core::Anchor& a = scenario.anchors[i];
            if (a.year < m_from || a.year > m_to) continue;
            const auto r = model.resolve(a.series);
            if (!r) continue;
            auto in = [&](const std::vector<Ref>& refs) {
                return std::any_of(refs.begin(), refs.end(),
                                   [&](const Ref& ref) { return ref.ref == *r; });
            };
            const bool onPrimary = in(primary);
            if (!onPrimary && !in(secondary)) continue;
            AnchorMark m;
            m.index = static_cast<int>(i);
            m.ref = *r;
            m.unit = model.unitOf(*r);
            m.year = a.year;
            m.shown = displayValue(a.value, m.unit);
            m.secondary = !onPrimary;
            m.draggable = !a.drives.empty() && scenario.findAssumption(a.drives) != nullptr;
            QStringList tip;
            tip << QStringLiteral("<b>%1</b>").arg(toQString(a.figure).toHtmlEscaped());
            if (const core::Source* s = scenario.findSource(a.source)) {
                tip << toQString(s->publisher).toHtmlEscaped() +
                           (s->date.empty() ? QString()
                                            : QStringLiteral(", ") + toQString(s->date));
                tip << QStringLiteral("<i>%1</i>").arg(toQString(s->title).toHtmlEscaped());
            }
            tip << tr("Published: %1 (%2)")
                       .arg(formatDisplay(a.value, m.unit, language))
                       .arg(a.year);
            if (m.draggable) {
                const core::Assumption* driven = scenario.findAssumption(a.drives);
                tip << tr("Drag the point to refit: edits \u201c%1\u201d")
                           .arg(labelText(driven->label, language).toHtmlEscaped());
            }
            m.toolTip = tip.join(QStringLiteral("<br>"));
            m_anchors.push_back(std::move(m));
        }
    }

    for (const auto& c : m_def.cagr) {
        (void)c;
        m_cagr.push_back(new CagrArrowItem(m_chart));
    }
    m_labels = new ValueLabelsItem(m_chart);

    // Legend: only when it tells series apart; never for the anchor markers.
    m_chart->legend()->setVisible(legendEntries > 1);
    // Qt 6.4 draws bar-set legend markers "from series" as empty squares: fill them.
    for (QLegendMarker* marker : m_chart->legend()->markers())
        if (marker->type() == QLegendMarker::LegendMarkerTypeBar)
            marker->setShape(QLegend::MarkerShapeRectangle);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(m_anchorSeries),
                               static_cast<QAbstractSeries*>(m_anchorSeries2)}) {
        if (!s) continue;
        for (QLegendMarker* marker : m_chart->legend()->markers(s)) marker->setVisible(false);
    }

    m_view = new ChartView(m_chart, this, this);
    m_view->setMinimumHeight(300);
    m_source = new QLabel(labelText(m_def.sourceLine, language), this);
    m_source->setWordWrap(true);
    m_source->setFont(palette::font(palette::kSourcePt));
    m_source->setStyleSheet(QStringLiteral("color: #6C757D; background: white; border: none;"));
    m_source->setContentsMargins(8, 0, 8, 4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_source);

    refresh(true, {});
    connect(m_chart, &QChart::plotAreaChanged, this, &ChartCard::relayoutOverlays);
}

void ChartCard::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    fitTitle();
}

void ChartCard::fitTitle() {
    // A long title wraps onto two lines rather than ending in "...". QChart titles take HTML.
    const QFontMetricsF fm(m_chart->titleFont());
    const qreal available = width() - 40;
    QString text = m_title.toHtmlEscaped();
    if (fm.horizontalAdvance(m_title) > available && available > 0) {
        const QStringList words = m_title.split(QLatin1Char(' '));
        QString first;
        int i = 0;
        for (; i < words.size(); ++i) {
            const QString next = first.isEmpty() ? words[i] : first + QLatin1Char(' ') + words[i];
            if (fm.horizontalAdvance(next) > available && !first.isEmpty()) break;
            first = next;
        }
        if (i < words.size())
            text = first.toHtmlEscaped() + QStringLiteral("<br>") +
                   QStringList(words.mid(i)).join(QLatin1Char(' ')).toHtmlEscaped();
    }
    if (m_chart->title() != text) m_chart->setTitle(text);
}

void ChartCard::onResultsChanged(const QList<int>& seriesIndices) { refresh(false, seriesIndices); }

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

bool ChartCard::shows(int seriesIndex) const {
    return std::find(m_seriesShown.begin(), m_seriesShown.end(), seriesIndex) !=
           m_seriesShown.end();
}

void ChartCard::refresh(bool all, const QList<int>& seriesIndices) {
    const auto affected = [&](const Plotted& p) {
        return all || (m_runs[static_cast<std::size_t>(p.run)].live &&
                       seriesIndices.contains(p.ref.series));
    };
    if (!all && std::none_of(m_plotted.begin(), m_plotted.end(), affected)) return;
    if (!all) ++m_refreshes;
    rebuildPlan();

    bool stackChanged = all;
    for (Plotted& p : m_plotted) {
        if (!affected(p)) continue;
        p.shown = planValues(p);
        if (p.bars) {
            // A year without a value (NaN) gets no column: height 0, and no label.
            QList<double> heights = p.shown;
            for (double& h : heights) h = orZero(h);
            if (p.bars->count() != heights.size()) {
                p.bars->remove(0, p.bars->count());
                p.bars->append(heights);
            } else {
                for (int i = 0; i < heights.size(); ++i)
                    if (p.bars->at(i) != heights[i]) p.bars->replace(i, heights[i]);
            }
        } else if (p.line) {
            // A year without a value has no point: a cagr series starts later, and a forecast
            // after actuals starts at the last actual (the plan's Forecast role).
            QList<QPointF> points;
            points.reserve(p.shown.size());
            for (int i = 0; i < p.shown.size(); ++i)
                if (!std::isnan(p.shown[i])) points.append({x(m_from + i), p.shown[i]});
            p.line->replace(points);
        }
        if (p.stack >= 0) stackChanged = true;
    }

    if (stackChanged && m_def.type == core::ChartType::StackedArea) {
        QList<double> base(m_to - m_from + 1, 0.0);
        for (Plotted& p : m_plotted) {
            if (!p.upper) continue;
            QList<QPointF> lower, upper;
            for (int i = 0; i < base.size(); ++i) {
                lower.append({x(m_from + i), base[i]});
                base[i] += orZero(p.shown.value(i));
                upper.append({x(m_from + i), base[i]});
            }
            p.lower->replace(lower);
            p.upper->replace(upper);
        }
    }
    // Compare mode on stacked charts: the other runs' totals (the plan's Total series).
    for (std::size_t t = 0; t < m_totals.size(); ++t) {
        QList<QPointF> points;  // no total for a year in which no series has a value
        for (const core::PlanSeries& s : m_plan.series) {
            if (s.role != core::SeriesRole::Total || s.run != static_cast<int>(t) + 1) continue;
            const bool percent = s.numberFormat.find('%') != std::string::npos;
            for (std::size_t i = 0; i < s.values.size(); ++i)
                if (!std::isnan(s.values[i]))
                    points.append({x(m_from + static_cast<int>(i)),
                                   percent ? s.values[i] * 100.0 : s.values[i]});
        }
        m_totals[t]->replace(points);
    }
    updateAnchors();
    updateAxes();
    relayoutOverlays();
}

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
        (m.secondary ? secondary : primary).append({x(m.year), m.base + m.shown});
    }
    if (m_anchorSeries->points() != primary) m_anchorSeries->replace(primary);
    if (m_anchorSeries2 && m_anchorSeries2->points() != secondary)
        m_anchorSeries2->replace(secondary);
}

void ChartCard::updateAxes() {
    // The plan's scales (the deck's too), percentages shown as 25 rather than 0.25.
    const auto onScreen = [this](core::AxisSide side) {
        const core::AxisScale& scale =
            side == core::AxisSide::Primary ? m_plan.primaryScale : m_plan.secondaryScale;
        for (const core::PlanSeries& s : m_plan.series)
            if (s.axis == side)
                return s.numberFormat.find('%') != std::string::npos ? core::inPercent(scale)
                                                                     : scale;
        return scale;
    };
    applyScale(m_yAxis, onScreen(core::AxisSide::Primary));
    if (m_y2Axis) applyScale(m_y2Axis, onScreen(core::AxisSide::Secondary));
}

void ChartCard::rebuildPlan() {
    const std::string language = m_document->language().toStdString();
    const core::DisplayChoice& units = displayPreferences();
    try {
        core::ChartPlan plan =
            core::buildChartPlan(*m_runs.front().evaluator, m_def, language,
                                 m_runs.front().name.toStdString(), units, m_uncertainty.get());
        for (std::size_t r = 1; r < m_runs.size(); ++r)
            core::addCompareRun(plan, *m_runs[r].evaluator, m_def, static_cast<int>(r),
                                m_runs[r].name.toStdString(), units);
        m_plan = std::move(plan);
    } catch (const std::exception&) {
        return;  // a chart naming a series that is gone: it keeps what it showed
    }
    // The plan's labels: "+45.4% CAGR", with a simulation "+45.4% CAGR (P10–P90 39–53%)".
    for (std::size_t k = 0; k < m_cagr.size() && k < m_plan.cagr.size(); ++k)
        m_cagr[k]->setText(toQString(m_plan.cagr[k].text));
}

QList<double> ChartCard::planValues(const Plotted& p) const {
    QList<double> out(m_to - m_from + 1, std::numeric_limits<double>::quiet_NaN());
    for (const core::PlanSeries& s : m_plan.series) {
        if (s.run != p.run || s.ref != p.refName || s.role == core::SeriesRole::Actual ||
            s.role == core::SeriesRole::Total)
            continue;
        const double scale = s.numberFormat.find('%') != std::string::npos ? 100.0 : 1.0;
        for (qsizetype i = 0; i < out.size() && i < static_cast<qsizetype>(s.values.size()); ++i)
            out[i] = s.values[static_cast<std::size_t>(i)] * scale;
        break;
    }
    return out;
}

QPointF ChartCard::chartPoint(int year, double shown, bool secondary) const {
    return m_chart->mapToPosition(QPointF(x(year), shown), secondary && m_secondaryMapper
                                                               ? m_secondaryMapper
                                                               : m_primaryMapper);
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
            if (!std::isnan(v) && ValueLabelsItem::textWidth(formatNumber(v, p.unit)) >
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
                    labels.append({top - QPointF(0, kLabelGap), formatNumber(p.shown[i], p.unit),
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
                const QString text = formatNumber(p.shown[i], p.unit);
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
                    formatNumber(p.shown[last], p.unit), p.color.darker(115), true, 1.0};
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
            labels.append({top + QPointF(area ? 4 : 0, -kLabelGap), formatNumber(sums[i], unit),
                           palette::kInk, true, area ? 1.0 : 0.5});
            noteTop(i, top.y() - 18);
        }
    }
    for (QLineSeries* total : m_totals)
        for (int i = 0; i < total->count() && i < n; ++i)
            noteTop(i, chartPoint(m_from + i, total->at(i).y(), false).y());
    for (const AnchorMark& m : m_anchors)
        noteTop(m.year - m_from, chartPoint(m.year, m.base + m.shown, m.secondary).y() - 10);
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
        const QPointF a = chartPoint(c.from, displayValue(row(c.from - first), unit), secondary);
        const QPointF b = chartPoint(c.to, displayValue(row(c.to - first), unit), secondary);
        qreal level = std::numeric_limits<qreal>::max();
        for (int y = c.from; y <= c.to; ++y) level = std::min(level, topY[y - m_from]);
        level = std::max(level - kCagrAbove, plot.top() + 12);
        item->setGeometry(a - QPointF(0, kCagrClear), b - QPointF(0, kCagrClear), level);
        item->setVisible(true);
    }
    placeCaption();
}

QList<QPointF> ChartCard::plottedPoints(const QString& ref, int run) const {
    const std::string name = ref.toStdString();
    for (const Plotted& p : m_plotted) {
        if (p.refName != name || p.run != run) continue;
        QList<QPointF> out;
        if (p.bars) {
            for (int i = 0; i < p.bars->count(); ++i)
                if (!std::isnan(p.shown.value(i)))  // a year without a value has no column
                    out.append({double(m_from + i), p.bars->at(i)});
        } else if (p.line) {
            for (const QPointF& pt : p.line->points())
                out.append({m_categoryX ? pt.x() + m_from : pt.x(), pt.y()});
        } else if (p.upper) {
            const QList<QPointF> up = p.upper->points();
            const QList<QPointF> low = p.lower->points();
            for (int i = 0; i < up.size(); ++i) out.append({up[i].x(), up[i].y() - low[i].y()});
        }
        return out;
    }
    return {};
}

QList<CagrArrowItem*> ChartCard::cagrItems() const {
    return QList<CagrArrowItem*>(m_cagr.begin(), m_cagr.end());
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
    const double shown = displayValue(e.grid(m->ref)(0, m->year - e.years().first), m->unit);
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
    const double stored = storedValue(shown, m->unit);
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

namespace jevons::app {

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
    const qreal room = m_chart->size().width() - 16;
    // One line where it fits, else broken after the middle dot.
    QString shown = text;
    if (fm.horizontalAdvance(text) > room)
        shown.replace(QStringLiteral(" \u00b7 "), QStringLiteral("\n"));
    if (m_caption->text() != shown) m_caption->setText(shown);
    const int lines = static_cast<int>(shown.count(QLatin1Char('\n'))) + 1;
    // CJK glyphs come from a fallback font taller than the metrics say: leave room below.
    const int height = static_cast<int>(std::ceil(fm.lineSpacing() * lines)) + 8;
    const QMargins wanted = m_baseMargins + QMargins(0, 0, 0, height);
    if (m_chart->margins() != wanted) m_chart->setMargins(wanted);  // lays out again
    const QRectF plot = m_chart->plotArea();
    m_caption->setPos(std::max<qreal>(8, plot.left() - 40), m_chart->size().height() - height);
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
