// ChartCard: construction, refresh, and the plan -> QtCharts mapping of lines, bars and areas.
#include "app/charts/chart_card.h"

#include "app/charts/actuals_style.h"
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_builder.h"
#include "app/charts/chart_card_internal.h"
#include "app/charts/chart_view.h"
#include "app/charts/palette.h"
#include "app/charts/value_labels_item.h"
#include "app/common/display.h"
#include "app/common/text_wrap.h"
#include "app/document/document.h"
#include "core/eval/derived.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
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

using chart_card_detail::kBarWidth;
using chart_card_detail::orZero;

bool isColumnType(core::ChartType t) {
    return t == core::ChartType::Column || t == core::ChartType::StackedColumn ||
           t == core::ChartType::Combo;
}

}  // namespace

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

std::vector<ChartCard::Resolved> ChartCard::resolveNames() const {
    const core::Model& model = m_document->model();
    const std::string language = m_document->language().toStdString();
    std::vector<core::OutputRef> plotted;
    for (const auto* names : {&m_def.series, &m_def.secondary})
        for (const auto& name : *names)
            if (const auto r = model.resolve(name)) plotted.push_back(*r);
    std::vector<Resolved> out;
    const auto add = [&](const std::string& name) {
        Resolved r;
        r.name = name;
        if (const auto ref = model.resolve(name)) {
            r.found = true;
            r.ref = *ref;
            r.unit = model.unitOf(*ref);
            r.legend = core::planLegendName(model, *ref, plotted, language);
        }
        out.push_back(std::move(r));
    };
    for (const auto* names : {&m_def.series, &m_def.secondary})
        for (const auto& name : *names) add(name);
    for (const auto& c : m_def.cagr) add(c.series);
    return out;
}

bool ChartCard::rebind(std::vector<ChartRun> runs) {
    if (m_runs.size() != 1 || runs.size() != 1 || !runs.front().live) return false;
    if (resolveNames() != m_resolved) return false;
    m_runs = std::move(runs);
    const core::ChartPlan drawn = m_plan;
    // A structural edit elsewhere in the forecast (a series no chart shows, a renamed
    // assumption): the same plan, nothing on the card to change or repaint.
    if (rebuildPlan() && m_plan == drawn) return true;
    refresh(true, {});
    return true;
}

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
    if (p.run == 0)
        m_actuals->addLine(series, p.refName, p.unit, axisUnits(p.secondary), yAxis, color);
}

void ChartCard::build() {
    const core::Scenario& scenario = m_document->scenario();
    const core::Model& model = m_document->model();
    const QString language = m_document->language();
    // The plan first: the card is built in its axis units.
    if (!rebuildPlan())
        m_plan.primaryUnits = m_plan.secondaryUnits = m_document->displayPreferences();
    m_axisUnits[0] = m_plan.primaryUnits;
    m_axisUnits[1] = m_plan.secondaryUnits;
    const core::YearRange years = model.years();
    m_from = m_def.fromYear ? std::max(m_def.fromYear, years.first) : years.first;
    m_to = m_def.toYear ? std::min(m_def.toYear, years.last) : years.last;
    if (m_to < m_from) m_to = m_from;
    m_categoryX = isColumnType(m_def.type);
    m_compare = m_runs.size() > 1;

    m_chart = new QChart;
    // The plan's title names the unit shown ("（亿美元）" where the file says "（十亿美元）").
    m_title = m_plan.title.empty() ? labelText(m_def.title, language) : toQString(m_plan.title);
    styleChart(m_chart, m_title);

    struct Ref {
        std::string name;
        core::OutputRef ref;
        QString label;
    };
    // Legend entries as the plan names them (planLegendName), from every plotted output.
    std::vector<core::OutputRef> plotted;
    for (const auto* names : {&m_def.series, &m_def.secondary})
        for (const auto& name : *names)
            if (const auto r = model.resolve(name)) plotted.push_back(*r);
    auto resolveAll = [&](const std::vector<std::string>& names) {
        std::vector<Ref> out;
        for (const auto& name : names) {
            const auto r = model.resolve(name);
            if (!r) continue;
            const QString label =
                toQString(core::planLegendName(model, *r, plotted, language.toStdString()));
            out.push_back({name, *r, label});
            m_seriesShown.push_back(r->series);
        }
        return out;
    };
    m_resolved = resolveNames();
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
    m_yAxis = makeValueAxis(unitSuffix(axisUnits(false), unit1, language));
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    if (!secondary.empty()) {
        m_y2Axis =
            makeValueAxis(unitSuffix(axisUnits(true), model.unitOf(secondary[0].ref), language));
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
                    if (run == 0)
                        m_actuals->addBars(p.bars, p.refName, p.unit, axisUnits(p.secondary),
                                           p.color);
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
                m_actuals->addBars(p.bars, p.refName, p.unit, axisUnits(p.secondary), p.color);
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
            m.secondary = !onPrimary;
            m.shown = displayValue(axisUnits(m.secondary), a.value, m.unit);
            if (a.isRange()) m.shownHigh = displayValue(axisUnits(m.secondary), a.high, m.unit);
            m.draggable =
                !a.isRange() && !a.drives.empty() && scenario.findAssumption(a.drives) != nullptr;
            QStringList tip;
            tip << QStringLiteral("<b>%1</b>").arg(labelText(a.figure, language).toHtmlEscaped());
            if (const core::Source* s = scenario.findSource(a.source)) {
                tip << labelText(s->publisher, language).toHtmlEscaped() +
                           (s->date.empty() ? QString()
                                            : QStringLiteral(", ") + toQString(s->date));
                tip << QStringLiteral("<i>%1</i>")
                           .arg(labelText(s->title, language).toHtmlEscaped());
            }
            const QString published =
                a.isRange()
                    ? QString(formatDisplay(axisUnits(m.secondary), a.value, m.unit, language) +
                              QStringLiteral(" \u2013 ") +
                              formatDisplay(axisUnits(m.secondary), a.high, m.unit, language))
                    : formatDisplay(axisUnits(m.secondary), a.value, m.unit, language);
            tip << tr("Published: %1 (%2)").arg(published).arg(a.year);
            if (m.draggable) {
                const core::Assumption* driven = scenario.findAssumption(a.drives);
                tip << tr("Drag the point to refit: edits \u201c%1\u201d")
                           .arg(labelText(driven->label, language).toHtmlEscaped());
            }
            m.toolTip = tip.join(QStringLiteral("<br>"));
            if (m.isRange()) {  // a bar with caps, placed by relayoutOverlays
                m.bar = new QGraphicsPathItem(m_chart);
                m.bar->setZValue(15);
                QPen pen(palette::kAnchor, 3.0);
                pen.setCapStyle(Qt::FlatCap);
                m.bar->setPen(pen);
                m.bar->setToolTip(m.toolTip);
            }
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
    fitLegend();
}

void ChartCard::fitLegend() {
    // QtCharts lays the legend out in one row and cuts the longest entries to "..." when they do
    // not fit: in a narrow card, a smaller type (down to 2 pt less) keeps them whole.
    QLegend* legend = m_chart->legend();
    if (!legend->isVisible()) return;
    QStringList labels;
    for (const QLegendMarker* marker : legend->markers())
        if (marker->isVisible()) labels << marker->label();
    const qreal available = width() - 24;
    qreal size = palette::kAxisPt;
    for (; size > palette::kAxisPt - 2; size -= 0.5) {
        const QFontMetricsF fm(palette::font(size));
        // Each entry: its marker (a square the text's height), the gaps around it, the text.
        qreal needed = 16;
        for (const QString& label : labels)
            needed += fm.height() + 16 + fm.horizontalAdvance(label);
        if (needed <= available) break;
    }
    if (legend->font().pointSizeF() != size) legend->setFont(palette::font(size));
}

void ChartCard::fitTitle() {
    // A long title wraps (between words, or between Chinese characters) rather than ending in
    // "...". QChart titles take HTML.
    QStringList lines = wrapLines(m_title, m_chart->titleFont(), width() - 40);
    for (QString& line : lines) line = line.toHtmlEscaped();
    const QString text = lines.join(QStringLiteral("<br>"));
    if (m_chart->title() != text) m_chart->setTitle(text);
}

void ChartCard::onResultsChanged(const QList<int>& seriesIndices) { refresh(false, seriesIndices); }

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
    if (m_plan.primaryUnits != m_axisUnits[0] || m_plan.secondaryUnits != m_axisUnits[1]) {
        emit axisUnitsChanged();  // drawn again in the new units, by a new card
        return;
    }

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

bool ChartCard::rebuildPlan() {
    const std::string language = m_document->language().toStdString();
    const DisplayPreferences& units = m_document->displayPreferences();
    try {
        core::ChartPlan plan =
            core::buildChartPlan(*m_runs.front().evaluator, m_def, language,
                                 m_runs.front().name.toStdString(), units, m_uncertainty.get());
        for (std::size_t r = 1; r < m_runs.size(); ++r)
            core::addCompareRun(plan, *m_runs[r].evaluator, m_def, static_cast<int>(r),
                                m_runs[r].name.toStdString());
        m_plan = std::move(plan);
    } catch (const std::exception&) {
        return false;  // a chart naming a series that is gone: it keeps what it showed
    }
    // The plan's labels: "+45.4% CAGR", with a simulation "+45.4% CAGR (P10–P90 39–53%)".
    for (std::size_t k = 0; k < m_cagr.size() && k < m_plan.cagr.size(); ++k)
        m_cagr[k]->setText(toQString(m_plan.cagr[k].text));
    return true;
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

}  // namespace jevons::app
