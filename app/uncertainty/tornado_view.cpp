#include "app/uncertainty/tornado_view.h"

#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/uncertainty/histogram_view.h"
#include "app/uncertainty/output_year_chart.h"
#include "core/plan/axis_scale.h"
#include "core/uncertainty/monte_carlo.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace jevons::app {
namespace {

/// A bar narrower than this fraction of the base (or of 1) is no bar: the assumption does not
/// move the output.
constexpr double kNoSwing = 1e-9;

// `text` in lines of about kWrap characters, broken at spaces (or anywhere, for Chinese).
QStringList wrapped(const QString& text) {
    // Chinese has no spaces and wide characters: shorter lines.
    const qsizetype kWrap = text.contains(QLatin1Char(' ')) ? 24 : 12;
    QStringList lines;
    QString rest = text;
    while (rest.size() > kWrap) {
        qsizetype cut = rest.lastIndexOf(QLatin1Char(' '), kWrap);
        if (cut <= kWrap / 3) cut = rest.indexOf(QLatin1Char(' '), kWrap);
        const bool space = cut > 0;
        if (!space) cut = rest.size() > kWrap + kWrap / 4 ? kWrap : rest.size();
        lines << rest.left(cut).toHtmlEscaped();
        rest = rest.mid(space ? cut + 1 : cut);
    }
    if (!rest.isEmpty()) lines << rest.toHtmlEscaped();
    return lines;
}

}  // namespace

TornadoView::TornadoView(Document* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_output(new QComboBox),
      m_year(new QComboBox),
      m_view(new QChartView),
      m_chart(new QChart),
      m_caption(new QLabel),
      m_outputLabel(new QLabel),
      m_yearLabel(new QLabel) {
    setObjectName(QStringLiteral("tornadoView"));
    m_output->setObjectName(QStringLiteral("tornadoOutput"));
    m_year->setObjectName(QStringLiteral("tornadoYear"));
    m_chart->setMargins(QMargins(4, 4, 24, 4));
    m_view->setMinimumSize(420, 260);
    m_caption->setObjectName(QStringLiteral("tornadoCaption"));
    const OutputYearChartParts parts{m_output, m_year,  m_outputLabel, m_yearLabel,
                                     m_view,   m_chart, m_caption};
    layOutOutputYearChart(this, parts);
    recomputeOnChanges(
        this, m_document, parts, [this] { rebuildChoices(); }, [this] { schedule(); });
    m_centreLine = new QGraphicsLineItem(m_chart);
    m_centreLine->setPen(QPen(palette::kInk, 1.6));
    m_centreLine->setZValue(10);
    m_centreLine->setVisible(false);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    rebuildChoices();
    retranslate();
}

QString TornadoView::output() const {
    refreshStaleChoices();
    return m_output->currentData().toString();
}

int TornadoView::year() const {
    refreshStaleChoices();
    return m_year->currentData().toInt();
}

void TornadoView::setOutput(const QString& ref) {
    refreshStaleChoices();
    const int at = m_output->findData(ref);
    if (at >= 0) m_output->setCurrentIndex(at);
}

void TornadoView::setYear(int year) {
    refreshStaleChoices();
    const int at = m_year->findData(year);
    if (at >= 0) m_year->setCurrentIndex(at);
}

void TornadoView::rebuildChoices() {
    m_choicesStale = true;
    if (isVisible()) refreshStaleChoices();
}

void TornadoView::refreshStaleChoices() const {
    if (!m_choicesStale) return;
    m_choicesStale = false;  // first: output() and year() below read the current choice
    const QString current = m_output->currentData().toString();
    const int currentYear = m_year->currentData().toInt();
    const core::Scenario::Focus focus = m_document->scenario().focus();
    const QString ref = current.isEmpty() ? toQString(focus.ref) : current;
    fillOutputCombo(m_output, *m_document, ref);
    fillYearCombo(m_year, *m_document, currentYear ? currentYear : focus.chartEnd);
}

void TornadoView::retranslate() {
    m_outputLabel->setText(tr("Output:"));
    m_yearLabel->setText(tr("Year:"));
}

void TornadoView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TornadoView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refreshStaleChoices();
    if (m_dirty) schedule();
}

void TornadoView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeLabels();
}

void TornadoView::schedule() {
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    if (m_pending) return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_pending) recompute();
    });
}

void TornadoView::recompute() {
    m_pending = false;
    m_dirty = false;
    if (!m_document->isLoaded()) return clear(QString());
    try {
        const core::SamplingPlan plan = core::SamplingPlan::make(m_document->scenario());
        if (plan.empty())
            return clear(
                tr("No assumption has a range yet: give one a distribution to see "
                   "which assumptions matter most."));
        m_tornado = core::tornado(m_document->model(), plan, output().toStdString(), year(),
                                  m_document->evaluator().assumptionValues(),
                                  m_document->activeScenario().toStdString());
    } catch (const std::exception& e) {
        return clear(QString::fromStdString(e.what()));
    }
    draw();
    emit computed();
}

void TornadoView::clear(const QString& why) {
    m_tornado = {};
    m_ends.clear();
    m_categories.clear();
    m_low = m_high = nullptr;
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    qDeleteAll(m_endLabels);
    m_endLabels.clear();
    m_centreLine->setVisible(false);
    m_caption->setText(why);
    emit computed();
}

QString TornadoView::caption() const { return m_caption->text(); }

QStringList TornadoView::barLabels() const { return m_categories; }

QList<QPair<double, double>> TornadoView::barEnds() const {
    // Read back from the drawn sets (index 0 is the bottom bar). Same-side bars were stacked:
    // the farther set holds the difference to the nearer.
    QList<QPair<double, double>> out;
    if (!m_low || !m_high) return out;
    for (int i = m_low->count() - 1; i >= 0; --i) {
        const double low = m_low->at(i);
        const double high = m_high->at(i);
        const bool sameSide = (low > 0 && high > 0) || (low < 0 && high < 0);
        const bool lowNearer = std::abs(m_ends[m_low->count() - 1 - i].first - m_centre) <=
                               std::abs(m_ends[m_low->count() - 1 - i].second - m_centre);
        double lowEnd = m_centre + low;
        double highEnd = m_centre + high;
        if (sameSide && lowNearer) highEnd = m_centre + low + high;
        if (sameSide && !lowNearer) lowEnd = m_centre + high + low;
        out.append({lowEnd, highEnd});
    }
    return out;
}

void TornadoView::draw() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    qDeleteAll(m_endLabels);
    m_endLabels.clear();
    const QString language = m_document->language();
    // The reader's units, with 亿美元, 亿元 and 万台 stepped up to 万亿 and 亿台 where the values
    // reach 10,000, as on the chart axes: the output's once for all its values, each input's
    // for its own range (groupedFor).
    const DisplayPreferences& chosen = m_document->displayPreferences();
    const core::Unit unit = m_tornado.unit;
    double largestOutput = std::abs(displayValue(chosen, m_tornado.base, unit));
    for (const core::TornadoBar& bar : m_tornado.bars)
        largestOutput =
            std::max({largestOutput, std::abs(displayValue(chosen, bar.lowOutput, unit)),
                      std::abs(displayValue(chosen, bar.highOutput, unit))});
    const DisplayPreferences units = chosen.groupedFor(unit, largestOutput);
    const auto shown = [&](double stored) { return displayValue(units, stored, unit); };
    const QLocale locale =
        language == QStringLiteral("zh") ? QLocale(QLocale::Chinese) : QLocale(QLocale::English);
    const auto text = [&](double shownValue, core::Unit u, int decimals,
                          const DisplayPreferences& in) {
        const QString suffix = unitSuffix(in, u, language);
        return withUnit(locale.toString(shownValue, 'f', decimals), suffix);
    };
    m_centre = shown(m_tornado.base);

    m_ends.clear();
    m_categories.clear();
    const core::Scenario& scenario = m_document->scenario();
    int still = 0;
    for (const core::TornadoBar& bar : m_tornado.bars) {
        if (!(bar.swing() > kNoSwing * std::max(1.0, std::abs(m_tornado.base)))) {
            ++still;  // does not move the output: no bar
            continue;
        }
        const core::Assumption& a =
            scenario.assumptions.at(static_cast<std::size_t>(bar.assumption));
        const QString name =
            labelText(a.label, language).isEmpty() ? toQString(a.id) : labelText(a.label, language);
        const DisplayPreferences inputUnits = chosen.groupedFor(
            a.unit, std::max(std::abs(displayValue(chosen, bar.lowInput, a.unit)),
                             std::abs(displayValue(chosen, bar.highInput, a.unit))));
        const double lo = displayValue(inputUnits, bar.lowInput, a.unit);
        const double hi = displayValue(inputUnits, bar.highInput, a.unit);
        const double big = std::max(std::abs(lo), std::abs(hi));
        const int decimals = a.unit == core::Unit::Share || a.unit == core::Unit::Rate
                                 ? valueDecimals(inputUnits, a.unit)
                                 : (big >= 1000 ? 0 : (big >= 10 ? 1 : 2));
        // "20.9%–31.8%", "145.6–192.3 US$B": the unit once, after the high end
        const QString low = unitSuffix(inputUnits, a.unit, language) == QStringLiteral("%")
                                ? text(lo, a.unit, decimals, inputUnits)
                                : locale.toString(lo, 'f', decimals);
        const QString range = low + QStringLiteral("–") + text(hi, a.unit, decimals, inputUnits);
        m_separator =
            language == QStringLiteral("zh") ? QStringLiteral("：") : QStringLiteral(": ");
        m_categories.append(name + m_separator + range);
        m_ends.append({shown(bar.lowOutput), shown(bar.highOutput)});
    }

    auto* series = new QHorizontalStackedBarSeries;
    m_low = new QBarSet(tr("Assumption at its P10"));
    m_high = new QBarSet(tr("Assumption at its P90"));
    m_low->setColor(QColor(0x9D, 0xC3, 0xE6));
    m_high->setColor(QColor(0x1F, 0x4E, 0x79));
    m_low->setBorderColor(Qt::transparent);
    m_high->setBorderColor(Qt::transparent);
    QStringList categories;
    // Bottom to top: the narrowest bar first, so the widest is on top.
    for (qsizetype i = m_ends.size() - 1; i >= 0; --i) {
        const double low = m_ends[i].first - m_centre;
        const double high = m_ends[i].second - m_centre;
        const bool sameSide = (low > 0 && high > 0) || (low < 0 && high < 0);
        if (sameSide && std::abs(low) <= std::abs(high)) {
            *m_low << low;
            *m_high << high - low;
        } else if (sameSide) {
            *m_low << low - high;
            *m_high << high;
        } else {
            *m_low << low;
            *m_high << high;
        }
        // Axis labels are rich text: a long name wraps, the inputs go on a line of their own.
        const QString& full = m_categories[i];
        const qsizetype colon = full.lastIndexOf(m_separator);
        QString label = full.toHtmlEscaped();
        if (colon > 0)
            label = wrapped(full.left(colon)).join(QStringLiteral("<br>")) +
                    QStringLiteral("<br>") + full.mid(colon + m_separator.size()).toHtmlEscaped();
        categories << label;
    }
    series->append(m_low);
    series->append(m_high);
    series->setBarWidth(0.62);
    m_chart->addSeries(series);

    auto* y = new QBarCategoryAxis;
    y->append(categories);
    y->setLabelsFont(palette::font(palette::kAxisPt - 1));
    y->setGridLineVisible(false);
    y->setTruncateLabels(false);  // "Accelerated-compute market, 2028: 145.6–192.3 US$B" whole
    // The value axis in absolute display values, centred on the base: bars are drawn relative.
    double lo = m_centre;
    double hi = m_centre;
    for (const auto& [a, b] : m_ends) {
        lo = std::min({lo, a, b});
        hi = std::max({hi, a, b});
    }
    // A third of the swing on each side for the end labels; the one axis rule (core).
    const core::AxisScale scale =
        core::niceScale(lo, hi, {.margin = 0.35, .includeZero = false, .steps = 6});
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int k = 0; k < scale.ticks; ++k) {
        const double v = scale.min + k * scale.step;
        x->append(locale.toString(v, 'f', scale.decimals), v - m_centre);
    }
    lo = scale.min;
    hi = scale.max;
    x->setRange(lo - m_centre, hi - m_centre);
    x->setTitleText(unitSuffix(units, unit, language));
    x->setLabelsFont(palette::font(palette::kAxisPt - 1));
    x->setTitleFont(palette::font(palette::kAxisPt - 1));
    x->setGridLineColor(palette::kGrid);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);

    const int outDecimals = valueDecimals(units, unit);
    for (qsizetype i = 0; i < m_ends.size(); ++i)
        for (const double end : {m_ends[i].first, m_ends[i].second}) {
            auto* label = new QGraphicsSimpleTextItem(locale.toString(end, 'f', outDecimals),
                                                      m_chart);  // unit: axis
            label->setFont(palette::font(palette::kAxisPt - 2));
            label->setBrush(palette::kInk);
            label->setData(0, end);
            label->setData(1, static_cast<int>(m_ends.size() - 1 - i));  // category index
            m_endLabels.append(label);
        }
    m_centreLine->setVisible(true);
    const QString still_ =
        still > 0 ? tr("%n assumption(s) with a range do not move it.", nullptr, still) : QString();
    m_caption->setText(
        tr("Centre line: %1 (%2 in %3 with every assumption at its current value). Each bar "
           "swings one assumption from its P10 to its P90, the others held; widest first.")
            .arg(text(m_centre, unit, outDecimals, units), m_output->currentText(),
                 QString::number(m_tornado.year)) +
        (still_.isEmpty() ? QString() : QLatin1Char(' ') + still_));
    placeLabels();
}

void TornadoView::placeLabels() {
    if (!m_low || m_chart->series().isEmpty()) return;
    QAbstractSeries* series = m_chart->series().constFirst();
    const QRectF plot = m_chart->plotArea();
    const double x = m_chart->mapToPosition(QPointF(0, 0), series).x();
    m_centreLine->setLine(x, plot.top(), x, plot.bottom());
    for (QGraphicsSimpleTextItem* label : m_endLabels) {
        const double end = label->data(0).toDouble();
        const int index = label->data(1).toInt();
        const QPointF at = m_chart->mapToPosition(QPointF(end - m_centre, index), series);
        const QRectF box = label->boundingRect();
        const double x = end >= m_centre ? at.x() + 4 : at.x() - box.width() - 4;
        label->setPos(x, at.y() - box.height() / 2);
    }
}

}  // namespace jevons::app
