#include "app/uncertainty/histogram_view.h"

#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/uncertainty/output_year_chart.h"
#include "core/uncertainty/monte_carlo.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <span>

namespace jevons::app {
namespace {

constexpr const char* kMarkerKey = "jevonsMarker";

}  // namespace

QString withUnit(const QString& number, const QString& suffix) {
    if (suffix.isEmpty()) return number;
    if (suffix == QStringLiteral("%")) return number + suffix;
    return number + QLatin1Char(' ') + suffix;
}

QString spinSuffix(const QString& suffix) {
    if (suffix.isEmpty() || suffix == QStringLiteral("%")) return suffix;
    return QLatin1Char(' ') + suffix;
}

QList<QPair<QString, QString>> outputChoices(const Document& document) {
    QList<QPair<QString, QString>> out;
    if (!document.isLoaded()) return out;
    const QString language = document.language();
    for (const core::SeriesDef& def : document.scenario().series) {
        const QString label = labelText(def.label, language);
        const auto names = core::Model::outputNames(def.kind);
        for (std::size_t k = 0; k < names.size(); ++k) {
            const QString id = toQString(def.id);
            if (k == 0)
                out.append({label.isEmpty() ? id : label, id});
            else
                out.append(
                    {(label.isEmpty() ? id : label) + QStringLiteral(" — ") + toQString(names[k]),
                     id + QLatin1Char('.') + toQString(names[k])});
        }
    }
    return out;
}

void fillOutputCombo(QComboBox* box, const Document& document, const QString& ref) {
    const QSignalBlocker block(box);
    box->clear();
    for (const auto& [label, id] : outputChoices(document)) box->addItem(label, id);
    box->setCurrentIndex(std::max(0, box->findData(ref)));
}

void fillYearCombo(QComboBox* box, const Document& document, int year) {
    const QSignalBlocker block(box);
    box->clear();
    if (!document.isLoaded()) return;
    const core::YearRange& years = document.evaluator().years();
    for (int y = years.first; y <= years.last; ++y) box->addItem(QString::number(y), y);
    const int at = box->findData(year);
    box->setCurrentIndex(at >= 0 ? at : box->count() - 1);
}

HistogramView::HistogramView(Document* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_output(new QComboBox),
      m_year(new QComboBox),
      m_view(new QChartView),
      m_chart(new QChart),
      m_caption(new QLabel),
      m_outputLabel(new QLabel),
      m_yearLabel(new QLabel) {
    setObjectName(QStringLiteral("histogramView"));
    m_output->setObjectName(QStringLiteral("histogramOutput"));
    m_year->setObjectName(QStringLiteral("histogramYear"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setMinimumSize(360, 240);
    m_caption->setObjectName(QStringLiteral("histogramCaption"));
    const OutputYearChartParts parts{m_output, m_year,  m_outputLabel, m_yearLabel,
                                     m_view,   m_chart, m_caption};
    layOutOutputYearChart(this, parts);
    recomputeOnChanges(
        this, m_document, parts, [this] { rebuildChoices(); }, [this] { schedule(); });
    connect(this, &HistogramView::computed, m_view, [this] { m_view->update(); });
    rebuildChoices();
    retranslate();
}

QString HistogramView::output() const {
    refreshStaleChoices();
    return m_output->currentData().toString();
}

int HistogramView::year() const {
    refreshStaleChoices();
    return m_year->currentData().toInt();
}

void HistogramView::setOutput(const QString& ref) {
    refreshStaleChoices();
    const int at = m_output->findData(ref);
    if (at >= 0) m_output->setCurrentIndex(at);
}

void HistogramView::setYear(int year) {
    refreshStaleChoices();
    const int at = m_year->findData(year);
    if (at >= 0) m_year->setCurrentIndex(at);
}

void HistogramView::rebuildChoices() {
    m_choicesStale = true;
    if (isVisible()) refreshStaleChoices();
}

void HistogramView::refreshStaleChoices() const {
    if (!m_choicesStale) return;
    m_choicesStale = false;  // first: output() and year() below read the current choice
    const QString current = m_output->currentData().toString();
    const int currentYear = m_year->currentData().toInt();
    const core::Scenario::Focus focus = m_document->scenario().focus();
    const QString ref = current.isEmpty() ? toQString(focus.ref) : current;
    const int y = currentYear ? currentYear : focus.cagrEnd;
    fillOutputCombo(m_output, *m_document, ref);
    fillYearCombo(m_year, *m_document, y);
}

void HistogramView::retranslate() {
    m_outputLabel->setText(tr("Output:"));
    m_yearLabel->setText(tr("Year:"));
}

void HistogramView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void HistogramView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refreshStaleChoices();
    if (m_dirty) schedule();
}

void HistogramView::schedule() {
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

void HistogramView::recompute() {
    m_pending = false;
    m_dirty = false;
    if (!m_document->isLoaded()) return clear(QString());
    const auto ref = m_document->model().resolve(output().toStdString());
    if (!ref) return clear(tr("Choose an output."));
    try {
        const core::SamplingPlan plan = core::SamplingPlan::make(m_document->scenario());
        if (plan.empty())
            return clear(
                tr("No assumption has a range yet: give one a distribution to see the "
                   "spread of outcomes."));
        core::MonteCarloOptions options;
        options.values = m_document->evaluator().assumptionValues();
        options.scenario = m_document->activeScenario().toStdString();
        options.keep = {*ref};
        options.series = {ref->series};  // and what it reads: nothing else is evaluated
        options.chartCagrs = false;
        const core::MonteCarloResult result =
            core::runMonteCarlo(m_document->model(), plan, options);
        const core::Grid* grid = result.grid(*ref);
        if (!grid || !result.years.contains(year())) return clear(tr("Choose a year."));
        if (!m_document->model().hasValue(*ref, year()))
            return clear(
                tr("%1 has no value in %2: the series starts later.").arg(output()).arg(year()));
        const Eigen::ArrayXd values = grid->col(result.years.column(year()));
        m_histogram = core::histogram(
            std::span<const double>(values.data(), static_cast<std::size_t>(values.size())));
        m_paths = result.paths;
        m_seed = result.seed;
    } catch (const std::exception& e) {
        return clear(QString::fromStdString(e.what()));
    }
    draw();
    emit computed();
}

void HistogramView::clear(const QString& why) {
    m_histogram = {};
    m_paths = 0;
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_caption->setText(why);
    emit computed();
}

QLineSeries* HistogramView::marker(const QString& which) const {
    for (QAbstractSeries* s : m_chart->series())
        if (s->property(kMarkerKey).toString() == which) return qobject_cast<QLineSeries*>(s);
    return nullptr;
}

QString HistogramView::caption() const { return m_caption->text(); }

void HistogramView::draw() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    const core::Unit unit =
        m_document->model().unitOf(*m_document->model().resolve(output().toStdString()));
    const QString language = m_document->language();
    const core::Histogram& h = m_histogram;
    // The reader's units, stepped up to 万亿 or 亿台 where the values reach 10,000, as on the
    // chart axes (groupedFor).
    const DisplayPreferences& chosen = m_document->displayPreferences();
    const DisplayPreferences units = chosen.groupedFor(
        unit, std::max(std::abs(displayValue(chosen, h.lower, unit)),
                       std::abs(displayValue(chosen, h.edge(h.counts.size()), unit))));
    const QString suffix = unitSuffix(units, unit, language);
    const int decimals = valueDecimals(units, unit);
    const auto shown = [&](double stored) { return displayValue(units, stored, unit); };

    // The bars as one stepped area: flat across each bin at its count.
    auto* upper = new QLineSeries;
    long highest = 0;
    const double width = h.binWidth > 0 ? h.binWidth : std::max(std::abs(h.lower) * 1e-3, 1e-9);
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        const double left = shown(h.edge(i));
        const double right = shown(h.edge(i) + width);
        const auto count = static_cast<double>(h.counts[i]);
        upper->append(left, 0);
        upper->append(left, count);
        upper->append(right, count);
        upper->append(right, 0);
        highest = std::max(highest, h.counts[i]);
    }
    auto* bars = new QAreaSeries(upper);
    upper->setParent(bars);
    bars->setName(tr("Paths per bin"));
    bars->setColor(QColor(0x9D, 0xC3, 0xE6));
    bars->setBorderColor(QColor(0x5B, 0x9B, 0xD5));
    m_chart->addSeries(bars);

    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(suffix);
    y->setTitleText(tr("Paths"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    for (QValueAxis* axis : {x, y}) {
        axis->setLabelsFont(palette::font(palette::kAxisPt - 1));
        axis->setTitleFont(palette::font(palette::kAxisPt - 1));
        axis->setGridLineColor(palette::kGrid);
    }
    const double lo = shown(h.lower);
    const double hi = shown(h.lower + width * static_cast<double>(h.counts.size()));
    const double pad = (hi - lo) * 0.03;
    x->setRange(lo - pad, hi + pad);
    // Ticks at round values inside the data's range (not stretched to round ends).
    const double raw = (hi - lo) / 6;
    const double power = std::pow(10.0, std::floor(std::log10(raw > 0 ? raw : 1.0)));
    double step = power;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * power) {
            step = m * power;
            break;
        }
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0.0);
    x->setTickInterval(step);
    const int tickDecimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)));
    x->setLabelFormat(QStringLiteral("%.") + QString::number(tickDecimals) + QStringLiteral("f"));
    y->setRange(0, static_cast<double>(highest) * 1.08 + 1);
    y->applyNiceNumbers();
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);

    const QLocale locale =
        language == QStringLiteral("zh") ? QLocale(QLocale::Chinese) : QLocale(QLocale::English);
    const auto text = [&](double stored) {
        return withUnit(locale.toString(shown(stored), 'f', decimals), suffix);
    };
    struct Line {
        const char* key;
        QString name;
        double stored;
        QColor colour;
        Qt::PenStyle style;
    };
    const Line lines[] = {
        {"p10", QStringLiteral("P10 ") + text(h.stats.p10), h.stats.p10, QColor(0x2E, 0x75, 0xB6),
         Qt::DashLine},
        {"p50", QStringLiteral("P50 ") + text(h.stats.p50), h.stats.p50, QColor(0x1F, 0x3A, 0x5F),
         Qt::SolidLine},
        {"p90", QStringLiteral("P90 ") + text(h.stats.p90), h.stats.p90, QColor(0x2E, 0x75, 0xB6),
         Qt::DashLine},
        {"mean", tr("mean %1").arg(text(h.stats.mean)), h.stats.mean, palette::kCoral, Qt::DotLine},
    };
    for (const Line& l : lines) {
        auto* s = new QLineSeries;
        s->setProperty(kMarkerKey, QString::fromLatin1(l.key));
        s->setName(l.name);
        QPen pen(l.colour, 2.2, l.style);
        s->setPen(pen);
        s->append(shown(l.stored), 0);
        s->append(shown(l.stored), y->max());
        m_chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    const QLocale en(QLocale::English);
    m_caption->setText(
        tr("%1 paths, seed %2. P10 is the 10th percentile (a 90% chance of "
           "exceeding it); %3 bins of %4.")
            .arg(en.toString(m_paths), QString::number(m_seed))
            .arg(h.counts.size())
            .arg(withUnit(locale.toString(shown(h.lower + width) - shown(h.lower), 'g', 3),
                          suffix)));
}

}  // namespace jevons::app
