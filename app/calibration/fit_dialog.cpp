#include "app/calibration/fit_dialog.h"

#include "app/charts/chart_builder.h"
#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/document/command_text.h"
#include "app/document/document.h"
#include "core/calibration/accept_fit.h"
#include "core/calibration/fit_kinds.h"
#include "core/calibration/import_actuals.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace jevons::app {
namespace {

QString number(double v) { return QLocale().toString(v, 'g', 4); }

/// Parameter names of a kind, in the order the table shows them.
QStringList parameterNames(core::FitKind kind) {
    QStringList names;
    for (const std::string_view name : core::fitKindInfo(kind).parameters)
        names << QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    return names;
}

}  // namespace

FitDialog::FitDialog(Document* document, const QString& seriesId, QWidget* parent)
    : QDialog(parent), m_document(document) {
    setObjectName(QStringLiteral("fitDialog"));
    setWindowTitle(tr("Fit curve to actuals"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_series = new QComboBox;
    m_series->setObjectName(QStringLiteral("fitSeries"));
    const core::Scenario& scenario = m_document->scenario();
    for (const auto& a : scenario.actuals) {
        const core::SeriesDef* def = scenario.findSeries(a.series);
        if (!def) continue;
        m_series->addItem(labelText(def->label, m_document->language()) + QStringLiteral(" (") +
                              toQString(def->id) + QStringLiteral(")"),
                          toQString(def->id));
    }
    form->addRow(tr("Series:"), m_series);
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("fitKind"));
    m_kind->addItem(tr("CAGR (log-linear least squares)"), int(core::FitKind::Cagr));
    m_kind->addItem(tr("Logistic S-curve"), int(core::FitKind::Logistic));
    m_kind->addItem(tr("Gompertz S-curve"), int(core::FitKind::Gompertz));
    m_kind->addItem(tr("Bass diffusion (three methods)"), int(core::FitKind::Bass));
    m_kind->setCurrentIndex(3);
    form->addRow(tr("Curve:"), m_kind);
    m_ceilingRow = new QWidget;
    auto* ceilingLayout = new QHBoxLayout(m_ceilingRow);
    ceilingLayout->setContentsMargins(0, 0, 0, 0);
    m_fixCeiling = new QCheckBox(tr("Fix the ceiling at"));
    m_ceiling = new QDoubleSpinBox;
    m_ceiling->setRange(0.0, 1e12);
    m_ceiling->setDecimals(4);
    ceilingLayout->addWidget(m_fixCeiling);
    ceilingLayout->addWidget(m_ceiling);
    ceilingLayout->addStretch();
    form->addRow(tr("Ceiling:"), m_ceilingRow);
    m_timing = new QComboBox;
    m_timing->setObjectName(QStringLiteral("fitBassTiming"));
    m_timing->addItem(tr("End of year: S(t) = m·f(t), as published fits"),
                      int(core::BassTiming::End));
    m_timing->addItem(tr("Mid-year: S(t) = m·f(t − ½)"), int(core::BassTiming::Mid));
    m_timing->setCurrentIndex(m_timing->findData(int(core::kDefaultBassTiming)));
    m_timing->setToolTip(
        tr("Where in year t the adoption rate stands for the year's sales in the NLS fit on "
           "m·f(t); t = 1 in the launch year (the first year with sales). Accepting the fit "
           "keeps the convention in the series."));
    form->addRow(tr("Bass density timing:"), m_timing);
    layout->addLayout(form);
    m_data = new QLabel;
    m_data->setWordWrap(true);
    layout->addWidget(m_data);

    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("fitTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setMinimumHeight(190);
    layout->addWidget(m_table);
    m_acceptRow = new QHBoxLayout;
    layout->addLayout(m_acceptRow);

    auto* charts = new QSplitter(Qt::Horizontal);
    m_fitView = new QChartView(new QChart);
    m_residualView = new QChartView(new QChart);
    for (QChartView* v : {m_fitView, m_residualView}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumSize(380, 280);
        charts->addWidget(v);
    }
    layout->addWidget(charts, 1);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("fitMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B02A2A;"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (!seriesId.isEmpty()) m_series->setCurrentIndex(std::max(0, m_series->findData(seriesId)));
    connect(m_series, &QComboBox::currentIndexChanged, this, &FitDialog::refit);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &FitDialog::refit);
    connect(m_fixCeiling, &QCheckBox::toggled, this, &FitDialog::refit);
    connect(m_timing, &QComboBox::currentIndexChanged, this, &FitDialog::refit);
    connect(m_ceiling, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_fixCeiling->isChecked()) refit();
    });
    resize(980, 760);
    refit();
}

QStringList FitDialog::seriesIds() const {
    QStringList out;
    for (int i = 0; i < m_series->count(); ++i) out << m_series->itemData(i).toString();
    return out;
}

QString FitDialog::seriesId() const { return m_series->currentData().toString(); }

void FitDialog::setSeries(const QString& id) {
    const int i = m_series->findData(id);
    if (i >= 0) m_series->setCurrentIndex(i);
}

void FitDialog::setFixedCeiling(std::optional<double> ceiling) {
    const QSignalBlocker block(m_ceiling);
    if (ceiling) m_ceiling->setValue(*ceiling);
    m_fixCeiling->setChecked(ceiling.has_value());
    refit();
}

QString FitDialog::methodName(core::FitMethod method, bool ceilingFixed) const {
    switch (method) {
        case core::FitMethod::Ols:
            return kind() == core::FitKind::Cagr ? tr("OLS on logs") : tr("OLS (Bass 1969)");
        case core::FitMethod::Nls:
            return ceilingFixed ? tr("NLS (ceiling fixed)") : tr("NLS (ceiling free)");
        case core::FitMethod::NlsDifference:
            return tr("NLS on m·[F(t)−F(t−1)]");
        case core::FitMethod::NlsDensity:
            return bassTiming() == core::BassTiming::Mid ? tr("NLS on m·f(t − ½)")
                                                         : tr("NLS on m·f(t)");
    }
    return {};
}

core::BassTiming FitDialog::bassTiming() const {
    return static_cast<core::BassTiming>(m_timing->currentData().toInt());
}

void FitDialog::setBassTiming(core::BassTiming timing) {
    m_timing->setCurrentIndex(std::max(0, m_timing->findData(int(timing))));
}

core::FitKind FitDialog::kind() const {
    return static_cast<core::FitKind>(m_kind->currentData().toInt());
}

void FitDialog::setKind(core::FitKind kind) {
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(kind))));
}

void FitDialog::refit() {
    m_outcomes.clear();
    m_message->clear();
    const std::string id = seriesId().toStdString();
    const core::Scenario& scenario = m_document->scenario();
    const bool sCurve = kind() == core::FitKind::Logistic || kind() == core::FitKind::Gompertz;
    m_ceilingRow->setEnabled(sCurve);
    m_timing->setEnabled(kind() == core::FitKind::Bass);
    if (seriesId() != m_ceilingFor && !id.empty()) {
        // A ceiling to start from: the series' own (an S-curve's), else 1.5 x the largest actual.
        m_ceilingFor = seriesId();
        double ceiling = 0.0;
        for (const auto& [year, v] : scenario.findActuals(id)->values)
            ceiling = std::max(ceiling, v);
        ceiling *= 1.5;
        const core::SeriesDef* def = scenario.findSeries(id);
        if (def && def->params.count("ceiling")) {
            const core::Param& p = def->params.at("ceiling");
            ceiling = p.isLiteral() ? p.literal() : m_document->evaluator().assumption(p.ref());
        }
        const QSignalBlocker block(m_ceiling);
        m_ceiling->setValue(ceiling);
    }
    const std::optional<double> fixedCeiling =
        sCurve && m_fixCeiling->isChecked() ? std::optional(m_ceiling->value()) : std::nullopt;
    std::vector<std::pair<core::FitMethod, QString>> methods;
    for (const core::FitMethod method : core::fitKindInfo(kind()).methods)
        methods.emplace_back(method, methodName(method, fixedCeiling.has_value()));
    if (id.empty()) {
        m_data->setText(
            tr("No series has actuals: import them first (File \u2192 Import "
               "actuals\u2026 or Edit \u2192 Paste actuals)."));
    } else {
        const core::SeriesActuals* a = scenario.findActuals(id);
        m_data->setText(tr("%1 years of actuals, %2\u2013%3; source: %4")
                            .arg(a->values.size())
                            .arg(a->values.begin()->first)
                            .arg(a->values.rbegin()->first)
                            .arg(toQString(a->source)));
    }
    for (const auto& [method, name] : methods) {
        Outcome o;
        o.method = method;
        o.name = name;
        try {
            const core::DataPoints data = core::actualPoints(scenario, id);
            o.fit =
                core::fitActuals(kind(), data, {method, fixedCeiling, std::nullopt, bassTiming()});
        } catch (const std::exception& e) {
            o.error = QString::fromStdString(e.what());
        }
        m_outcomes.push_back(std::move(o));
    }
    fillTable();
    fillCharts();
}

void FitDialog::fillTable() {
    const QStringList names = parameterNames(kind());
    const core::SeriesDef* def = m_document->scenario().findSeries(seriesId().toStdString());
    const QString unit =
        def ? unitSuffix(m_document->displayPreferences(), def->unit, m_document->language())
            : QString();
    QStringList rows;
    for (const QString& n : names) {
        const bool inUnit =
            n == QLatin1String("m") || n == QLatin1String("ceiling") || n == QLatin1String("start");
        rows << (inUnit && !unit.isEmpty() ? n + QStringLiteral(" (") + unit + QStringLiteral(")")
                                           : n);
    }
    rows << tr("R\u00B2") << (unit.isEmpty() ? tr("RMSE") : tr("RMSE (%1)").arg(unit))
         << tr("Points");
    m_table->clear();
    m_table->clearSpans();
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setColumnCount(static_cast<int>(m_outcomes.size()));
    m_table->setVerticalHeaderLabels(rows);
    QStringList headers;
    for (const Outcome& o : m_outcomes) headers << o.name;
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < static_cast<int>(m_outcomes.size()); ++c) {
        const Outcome& o = m_outcomes[static_cast<std::size_t>(c)];
        auto put = [&](int r, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(r, c, item);
        };
        if (!o.fit) {
            put(0, o.error);
            m_table->item(0, c)->setToolTip(o.error);
            m_table->item(0, c)->setForeground(QColor(0xB0, 0x2A, 0x2A));
            m_table->setSpan(0, c, static_cast<int>(rows.size()), 1);
            continue;
        }
        for (int r = 0; r < names.size(); ++r) {
            const core::FitParameter& p = o.fit->parameter(names[r].toStdString());
            QString text = number(p.value);
            if (p.stdError) text += QStringLiteral(" \u00B1 ") + number(*p.stdError);
            if (p.fixed) text += tr(" (fixed)");
            put(r, text);
        }
        put(static_cast<int>(names.size()), QLocale().toString(o.fit->rSquared, 'f', 4));
        put(static_cast<int>(names.size()) + 1, number(o.fit->rmse));
        put(static_cast<int>(names.size()) + 2, QString::number(o.fit->n));
    }
    m_table->resizeRowsToContents();

    // One Accept button per method that gave a fit.
    while (QLayoutItem* item = m_acceptRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_acceptButtons.clear();
    m_acceptRow->addStretch();
    for (int i = 0; i < static_cast<int>(m_outcomes.size()); ++i) {
        const Outcome& o = m_outcomes[static_cast<std::size_t>(i)];
        auto* b = new QPushButton(tr("Accept %1").arg(o.name));
        b->setEnabled(o.fit.has_value());
        b->setToolTip(tr("Use these parameters as assumptions of the series (one undo step)"));
        connect(b, &QPushButton::clicked, this, [this, i] {
            if (acceptOutcome(i)) QDialog::accept();
        });
        m_acceptRow->addWidget(b);
        m_acceptButtons.append(b);
    }
}

void FitDialog::fillCharts() {
    const core::SeriesDef* def = m_document->scenario().findSeries(seriesId().toStdString());
    const core::Unit unit = def ? def->unit : core::Unit::Number;
    const QString language = m_document->language();
    const DisplayPreferences& units = m_document->displayPreferences();
    const QString title = def ? labelText(def->label, language) : QString();
    QChart* fit = new QChart;
    QChart* residual = new QChart;
    styleChart(fit, tr("%1: actuals and fits").arg(title));
    styleChart(residual, tr("Residuals (actual \u2212 fitted)"));
    const core::SeriesActuals* a = def ? m_document->scenario().findActuals(def->id) : nullptr;
    int from = a ? a->values.begin()->first : 2020;
    int to = a ? a->values.rbegin()->first : 2030;
    if (from == to) ++to;
    double lo = 0, hi = 0, rlo = 0, rhi = 0;
    QValueAxis* x1 = makeYearValueAxis(from, to);
    QValueAxis* x2 = makeYearValueAxis(from, to);
    QValueAxis* y1 = makeValueAxis(unitSuffix(units, unit, language));
    QValueAxis* y2 = makeValueAxis(unitSuffix(units, unit, language));
    fit->addAxis(x1, Qt::AlignBottom);
    fit->addAxis(y1, Qt::AlignLeft);
    residual->addAxis(x2, Qt::AlignBottom);
    residual->addAxis(y2, Qt::AlignLeft);
    auto attach = [](QChart* chart, QAbstractSeries* s, QAbstractAxis* x, QAbstractAxis* y) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    };
    for (std::size_t i = 0; i < m_outcomes.size(); ++i) {
        const Outcome& o = m_outcomes[i];
        if (!o.fit) continue;
        // Teal, coral, slate: apart from the navy actuals and from each other; the third
        // dashed, as two NLS fits often lie on top of each other.
        const QColor colors[] = {palette::kTeal, palette::kCoral, palette::kSlate};
        const QColor color = colors[i % 3];
        auto* line = new QLineSeries;
        line->setName(o.name);
        line->setPen(QPen(color, 2.5, i == 2 ? Qt::DashLine : Qt::SolidLine));
        auto* res = new QLineSeries;
        res->setName(o.name);
        res->setPen(QPen(color, 2.0));
        res->setPointsVisible(true);
        for (std::size_t k = 0; k < o.fit->years.size(); ++k) {
            const double f = displayValue(units, o.fit->fitted[k], unit);
            const double r = displayValue(units, o.fit->residuals[k], unit);
            line->append(o.fit->years[k], f);
            res->append(o.fit->years[k], r);
            lo = std::min(lo, f), hi = std::max(hi, f);
            rlo = std::min(rlo, r), rhi = std::max(rhi, r);
        }
        attach(fit, line, x1, y1);
        attach(residual, res, x2, y2);
    }
    auto* points = new QScatterSeries;
    points->setName(tr("Actual"));
    points->setColor(palette::kNavy);
    points->setBorderColor(Qt::white);
    points->setMarkerSize(11);
    if (a) {
        for (const auto& [year, v] : a->values) {
            const double shown = displayValue(units, v, unit);
            points->append(year, shown);
            lo = std::min(lo, shown), hi = std::max(hi, shown);
        }
    }
    attach(fit, points, x1, y1);
    applyScale(y1, core::niceScale(lo, hi, {.headroom = 0.1}));
    const double span = std::max(std::abs(rlo), std::abs(rhi));
    applyScale(y2, span > 0.0 ? core::niceScale(-span, span) : core::niceScale(-1.0, 1.0));
    auto* zero = new QLineSeries;  // the residuals' zero line
    zero->setPen(QPen(palette::kSlate, 1.0, Qt::DashLine));
    zero->append(from - 0.4, 0.0);
    zero->append(to + 0.4, 0.0);
    attach(residual, zero, x2, y2);
    for (QLegendMarker* m : residual->legend()->markers(zero)) m->setVisible(false);
    QChart* oldFit = m_fitView->chart();
    QChart* oldResidual = m_residualView->chart();
    m_fitView->setChart(fit);
    m_residualView->setChart(residual);
    delete oldFit;
    delete oldResidual;
}

bool FitDialog::acceptOutcome(int index, QString* error) {
    QString message;
    if (index < 0 || index >= static_cast<int>(m_outcomes.size())) {
        message = tr("There is no such fit");
    } else if (!m_outcomes[static_cast<std::size_t>(index)].fit) {
        message = m_outcomes[static_cast<std::size_t>(index)].error;
    } else {
        const Outcome& o = m_outcomes[static_cast<std::size_t>(index)];
        const std::string id = seriesId().toStdString();
        core::Scenario edited = m_document->scenario();
        try {
            const core::SeriesActuals* a = edited.findActuals(id);
            core::acceptFit(edited, *o.fit, id, a ? a->source : std::string());
            if (m_document->replaceDefinitions(
                    std::move(edited),
                    tr("Accept %1 fit of %2")
                        .arg(o.name,
                             seriesName(m_document->scenario(), id, m_document->language())),
                    &message))
                return true;
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
    }
    m_message->setText(message);
    if (error) *error = message;
    return false;
}

}  // namespace jevons::app
