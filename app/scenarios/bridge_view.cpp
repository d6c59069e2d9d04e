#include "app/scenarios/bridge_view.h"

#include "app/charts/chart_builder.h"
#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/common/text_wrap.h"
#include "app/document/document.h"
#include "app/uncertainty/histogram_view.h"
#include "app/uncertainty/uncertainty_dock.h"
#include "core/bridge/bridge_plan.h"
#include "core/deck/chart_xml.h"
#include "core/text/number_text.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStackedBarSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace jevons::app {
namespace {

QColor planColour(const core::ChartPlan& plan, std::size_t series) {
    return QColor(QLatin1Char('#') +
                  QString::fromStdString(core::deck::seriesColour(plan, series)));
}

void fillScenarioCombo(QComboBox* box, const Document& document, const QString& id) {
    const QSignalBlocker block(box);
    box->clear();
    if (!document.isLoaded()) return;
    const core::Scenario& scenario = document.scenario();
    if (!scenario.findScenario("base")) box->addItem(QObject::tr("Base"), QStringLiteral("base"));
    for (const core::ScenarioDef& s : scenario.scenarios)
        box->addItem(s.label.empty() ? toQString(s.id) : labelText(s.label, document.language()),
                     toQString(s.id));
    box->setCurrentIndex(std::max(0, box->findData(id)));
}

}  // namespace

BridgeView::BridgeView(Document* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_from(new QComboBox),
      m_to(new QComboBox),
      m_output(new QComboBox),
      m_year(new QComboBox),
      m_fromLabel(new QLabel),
      m_toLabel(new QLabel),
      m_outputLabel(new QLabel),
      m_yearLabel(new QLabel),
      m_view(new QChartView),
      m_chart(new QChart),
      m_caption(new QLabel) {
    setObjectName(QStringLiteral("bridgeView"));
    m_from->setObjectName(QStringLiteral("bridgeFrom"));
    m_to->setObjectName(QStringLiteral("bridgeTo"));
    m_output->setObjectName(QStringLiteral("bridgeOutput"));
    m_year->setObjectName(QStringLiteral("bridgeYear"));
    m_caption->setObjectName(QStringLiteral("bridgeCaption"));
    m_caption->setWordWrap(true);
    m_output->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_output->setMinimumContentsLength(16);
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(420, 280);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    auto* choices = new QGridLayout;
    choices->addWidget(m_fromLabel, 0, 0);
    choices->addWidget(m_from, 0, 1);
    choices->addWidget(m_toLabel, 0, 2);
    choices->addWidget(m_to, 0, 3);
    choices->addWidget(m_outputLabel, 1, 0);
    choices->addWidget(m_output, 1, 1);
    choices->addWidget(m_yearLabel, 1, 2);
    choices->addWidget(m_year, 1, 3);
    choices->setColumnStretch(1, 1);
    choices->setColumnStretch(3, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(choices);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    for (QComboBox* box : {m_from, m_to, m_output, m_year})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling) schedule();
        });
    const auto rebuild = [this] {
        rebuildChoices();
        schedule();
    };
    connect(m_document, &Document::documentReset, this, rebuild);
    connect(m_document, &Document::languageChanged, this, rebuild);  // and View → Units
    connect(m_document, &Document::scenariosChanged, this, rebuild);
    connect(m_document, &Document::resultsChanged, this, [this] { schedule(); });
    // Clicking a scenario (compare mode) shows what moves it away from the first one.
    connect(m_document, &Document::activeScenarioChanged, this, [this](const QString& id) {
        if (id != fromScenario()) {
            const int at = m_to->findData(id);
            if (at >= 0) m_to->setCurrentIndex(at);
        }
        schedule();
    });
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu* menu = chartPictureMenu(m_view, QStringLiteral("bridge"), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->mapToGlobal(at));
    });
    retranslate();
    rebuildChoices();
}

QString BridgeView::fromScenario() const { return m_from->currentData().toString(); }
QString BridgeView::toScenario() const { return m_to->currentData().toString(); }
QString BridgeView::output() const { return m_output->currentData().toString(); }
int BridgeView::year() const { return m_year->currentData().toInt(); }

void BridgeView::setScenarios(const QString& from, const QString& to) {
    for (const auto& [box, id] : {std::pair{m_from, from}, std::pair{m_to, to}}) {
        const int at = box->findData(id);
        if (at >= 0) box->setCurrentIndex(at);
    }
}

void BridgeView::setOutput(const QString& ref) {
    const int at = m_output->findData(ref);
    if (at >= 0) m_output->setCurrentIndex(at);
}

void BridgeView::setYear(int year) {
    const int at = m_year->findData(year);
    if (at >= 0) m_year->setCurrentIndex(at);
}

QStringList BridgeView::labelTexts() const {
    QStringList out;
    for (const QGraphicsSimpleTextItem* label : m_labels) out << label->text();
    return out;
}

void BridgeView::rebuildChoices() {
    if (!m_document->isLoaded()) return;
    m_filling = true;
    const core::Scenario::Focus focus = m_document->scenario().focus();
    const QString from = m_from->count() ? fromScenario() : QStringLiteral("base");
    QString to = toScenario();
    if (to.isEmpty() || m_to->findData(to) < 0) {  // first fill: the active or the first other
        to = m_document->activeScenario();
        if (to == from)
            for (const core::ScenarioDef& s : m_document->scenario().scenarios)
                if (toQString(s.id) != from) {
                    to = toQString(s.id);
                    break;
                }
    }
    fillScenarioCombo(m_from, *m_document, from);
    fillScenarioCombo(m_to, *m_document, to);
    fillOutputCombo(m_output, *m_document, m_output->count() ? output() : toQString(focus.ref));
    fillYearCombo(m_year, *m_document, m_year->count() ? year() : focus.cagrEnd);
    m_filling = false;
}

void BridgeView::schedule() {
    if (!isVisible()) {  // nobody looks: the next showEvent computes it
        m_stale = true;
        return;
    }
    if (m_scheduled) return;  // a drag's many edits in one turn: one bridge
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] { recompute(); });
}

void BridgeView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) recompute();
}

void BridgeView::recompute() {
    m_scheduled = false;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_document->isLoaded()) return;
    ++m_computed;
    m_message.clear();
    const core::Model& model = m_document->model();
    const std::string from = fromScenario().toStdString();
    const std::string to = toScenario().toStdString();
    const auto ref = model.resolve(output().toStdString());
    if (from == to) {
        m_message = tr("Choose two different scenarios to see what moves one to the other.");
    } else if (!ref) {
        m_message = tr("Choose an output.");
    } else {
        try {
            m_bridge = core::computeBridge(model, m_document->scenarioValues(from),
                                           m_document->scenarioValues(to), *ref, year());
            m_plan = core::bridgePlan(model, m_bridge, m_from->currentText().toStdString(),
                                      m_to->currentText().toStdString(),
                                      m_document->language().toStdString(),
                                      m_document->displayPreferences());
        } catch (const core::BridgeError& e) {
            m_message = toQString(e.what());
        } catch (const core::ChartPlanError& e) {
            m_message = toQString(e.what());
        }
    }
    draw();
}

void BridgeView::draw() {
    for (QGraphicsSimpleTextItem* label : m_labels) delete label;
    m_labels.clear();
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (!m_message.isEmpty()) {
        m_chart->setTitle(QString());
        m_caption->setText(m_message);
        return;
    }
    const QFont titleFont = palette::font(palette::kTitlePt, true);
    styleChart(m_chart, wrapLines(toQString(m_plan.title), titleFont, m_view->width() - 24)
                            .join(QStringLiteral("<br>")));
    m_chart->legend()->hide();  // the categories name the bars, as on the slide

    // Shares plot as 25 for 25% (the axis reads in percent); labels format the plan's values.
    const bool percent =
        m_plan.series[core::kWaterfallTotal].numberFormat.find('%') != std::string::npos;
    const double factor = percent ? 100.0 : 1.0;
    auto* series = new QStackedBarSeries;
    for (std::size_t i = 0; i < m_plan.series.size(); ++i) {
        auto* set = new QBarSet(toQString(m_plan.series[i].name));
        for (const double v : m_plan.series[i].values)
            *set << (std::isfinite(v) ? v * factor : 0.0);
        if (i == core::kWaterfallOffset) {
            set->setColor(Qt::transparent);
            set->setBorderColor(Qt::transparent);
        } else {
            set->setColor(planColour(m_plan, i));
            set->setBorderColor(Qt::transparent);
        }
        series->append(set);
    }
    series->setBarWidth(0.66);
    m_chart->addSeries(series);

    const QFont axisFont = palette::font(palette::kAxisPt - 1);
    const qreal slot = std::max<qreal>(
        60.0, (m_view->width() - 90.0) / std::max<std::size_t>(1, m_plan.categories.size()));
    QStringList categories;
    for (const std::string& c : m_plan.categories) {
        QStringList lines = wrapLines(toQString(c), axisFont, slot - 6);
        for (QString& line : lines) line = line.toHtmlEscaped();
        categories << lines.join(QStringLiteral("<br>"));
    }
    auto* x = makeYearCategoryAxis(0, -1);  // styled, empty; the categories follow
    x->append(categories);
    x->setLabelsFont(axisFont);
    x->setTruncateLabels(false);
    auto* y = makeValueAxis(toQString(m_plan.primaryAxisTitle));
    applyScale(y, percent ? core::inPercent(m_plan.primaryScale) : m_plan.primaryScale);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);

    // One label per bar, in the middle of it: the step signed, the totals plain.
    for (std::size_t k = 0; k < m_plan.categories.size(); ++k)
        for (const std::size_t i :
             {core::kWaterfallRise, core::kWaterfallFall, core::kWaterfallTotal}) {
            const core::PlanSeries& s = m_plan.series[i];
            if (!std::isfinite(s.values[k])) continue;
            auto* label = new QGraphicsSimpleTextItem(
                toQString(core::formatAs(s.values[k], s.numberFormat)), m_chart);
            label->setFont(palette::font(palette::kLabelPt - 1, true));
            label->setBrush(i == core::kWaterfallTotal ? QColor(Qt::white) : palette::kInk);
            const double offset = m_plan.series[core::kWaterfallOffset].values[k];
            label->setData(0, static_cast<int>(k));
            label->setData(1, ((std::isfinite(offset) ? offset : 0.0) + s.values[k] / 2) * factor);
            label->setZValue(10);
            m_labels.append(label);
        }
    QString caption = toQString(m_plan.note);
    if (!caption.isEmpty()) caption += QLatin1Char('\n');
    m_caption->setText(caption + toQString(m_plan.sourceLine));
    placeLabels();
}

void BridgeView::placeLabels() {
    if (m_chart->series().isEmpty()) return;
    QAbstractSeries* series = m_chart->series().constFirst();
    for (QGraphicsSimpleTextItem* label : m_labels) {
        const QPointF at = m_chart->mapToPosition(
            QPointF(label->data(0).toInt(), label->data(1).toDouble()), series);
        const QRectF box = label->boundingRect();
        label->setPos(at.x() - box.width() / 2, at.y() - box.height() / 2);
    }
}

void BridgeView::retranslate() {
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    m_outputLabel->setText(tr("Output:"));
    m_yearLabel->setText(tr("Year:"));
}

void BridgeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

QDockWidget* BridgeView::install(QMainWindow* window, Document* document) {
    auto* dock = new QDockWidget(window);
    dock->setObjectName(QStringLiteral("bridgeDock"));
    dock->setWindowTitle(tr("Scenario Bridge"));
    dock->setWidget(new BridgeView(document, dock));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto* uncertainty = window->findChild<QDockWidget*>(QStringLiteral("uncertaintyDock")))
        window->tabifyDockWidget(uncertainty, dock);
    dock->hide();
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("bridgeDockAction"));
    toggle->setText(tr("Scenario &Bridge"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B));
    if (auto* view = window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        view->addAction(toggle);
    window->addAction(toggle);
    return dock;
}

}  // namespace jevons::app
