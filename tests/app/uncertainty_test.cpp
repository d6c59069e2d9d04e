// Uncertainty in the dashboard (issue 5): fan bands on line charts equal the core's Monte Carlo
// of the current values, CAGR arrows read the core's P10–P90, the range editor applies one undo
// step that the file keeps, bands follow edits (coalesced; the simulation runs on the engine's
// worker, so the tests wait for its result) and vanish when uncertainty is off, and exported
// pictures and presentation slides carry the bands. The worker itself:
// uncertainty_worker_test.cpp.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/export/chart_renderer.h"
#include "app/presentation/presentation_window.h"
#include "app/uncertainty/distribution_dialog.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/plan/chart_plan.h"
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "test_support.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QValueAxis>

#include <cmath>

using namespace jevons::app;
namespace core = jevons::core;

namespace {

const QString kRange = QStringLiteral("asic_market_range");
const QString kMarket = QStringLiteral("asic_market");

/// The core's simulation of the document's current values, as the engine should run it.
core::MonteCarloResult simulate(const Document& doc, const core::Scenario& scenario,
                                int paths = 0) {
    core::MonteCarloOptions options;
    options.values = doc.evaluator().assumptionValues();
    options.scenario = "base";
    if (scenario.uncertainty) {
        options.paths = scenario.uncertainty->paths;
        options.seed = scenario.uncertainty->seed;
    }
    if (paths > 0) options.paths = paths;
    return core::runMonteCarlo(doc.model(), core::SamplingPlan::make(scenario), options);
}

/// Band edge `which` of `ref` from a core result over [from, to], in display units.
QList<QPointF> coreBand(const Document& doc, const core::MonteCarloResult& r, const QString& ref,
                        const QString& which, int from, int to) {
    const auto out = doc.model().resolve(ref.toStdString());
    const core::OutputBands* b = r.bands(*out);
    const std::vector<double>& v = which == QStringLiteral("p10")   ? b->p10
                                   : which == QStringLiteral("p25") ? b->p25
                                   : which == QStringLiteral("p75") ? b->p75
                                                                    : b->p90;
    QList<QPointF> points;
    for (int y = from; y <= to; ++y)
        points.append({double(y), displayValue(doc.displayPreferences(),
                                               v[std::size_t(y - r.years.first)], b->unit)});
    return points;
}

void verifySame(const QList<QPointF>& got, const QList<QPointF>& want) {
    QCOMPARE(got.size(), want.size());
    for (int i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].x(), want[i].x());
        QVERIFY2(
            std::abs(got[i].y() - want[i].y()) <= 1e-9 * std::max(1.0, std::abs(want[i].y())),
            qPrintable(
                QStringLiteral("%1: %2 vs %3").arg(want[i].x()).arg(got[i].y()).arg(want[i].y())));
    }
}

// Pixels close to `colour` (each channel within `tolerance`).
int pixelsNear(const QImage& image, QColor colour, int tolerance) {
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            if (std::abs(qRed(line[x]) - colour.red()) <= tolerance &&
                std::abs(qGreen(line[x]) - colour.green()) <= tolerance &&
                std::abs(qBlue(line[x]) - colour.blue()) <= tolerance)
                ++n;
    }
    return n;
}

/// With JEVONS_TEST_SHOTS=DIR, save a picture of `widget` there to look at.
void saveShot(QWidget* widget, const char* name) {
    const QString dir = qEnvironmentVariable("JEVONS_TEST_SHOTS");
    if (dir.isEmpty()) return;
    widget->show();
    QCoreApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name));
}

/// A window laid out on screen (CAGR arrows are placed once the plot areas exist).
std::unique_ptr<MainWindow> shownWindow() {
    auto w = test::makeWindow(nullptr);
    w->resize(1600, 1000);
    w->show();
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
    return w;
}

}  // namespace

class UncertaintyTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void bandsEqualTheCoreOnTheDefaultForecast();
    void captionStatesTheConvention();
    void cagrArrowsReadTheCoreRange();
    void rangeEditIsOneUndoStepAndMovesTheBands();
    void refusedRangeKeepsTheOldOne();
    void rangeIsSavedInTheFile();
    void offMeansNoBands();
    void dragIsCoalescedAndLive();
    void exportedPictureHasBands();
    void presentationHasBands();
    void compareModeDrawsNoBands();
    void rangeSummaries();
};

void UncertaintyTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // never the reader's settings
    QCoreApplication::setOrganizationName(QStringLiteral("JevonsUncertaintyTest"));
    QCoreApplication::setApplicationName(QStringLiteral("uncertainty_test"));
    QSettings().clear();
}

void UncertaintyTest::cleanup() { QSettings().clear(); }

void UncertaintyTest::bandsEqualTheCoreOnTheDefaultForecast() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    QVERIFY(engine->isEnabled());  // the default forecast has ranges: on by default
    QVERIFY(engine->toggleAction()->isChecked());
    const Document& doc = *w->document();
    const core::MonteCarloResult want = simulate(doc, doc.scenario());
    QCOMPARE(engine->current()->paths, 10000);
    ChartCard* card = w->chartGrid()->card(kRange);
    QVERIFY(card);
    QCOMPARE(card->bandSeriesCount(), 2);  // P10–P90 and P25–P75 around the one line
    for (const QString& which : {QStringLiteral("p10"), QStringLiteral("p25"),
                                 QStringLiteral("p75"), QStringLiteral("p90")})
        verifySame(card->bandPoints(kMarket, which),
                   coreBand(doc, want, kMarket, which, 2023, 2030));
    // The line stays the deterministic forecast, inside the band: 42.9 in 2028.
    const QList<QPointF> line = card->plottedPoints(kMarket);
    QVERIFY(std::abs(line[5].y() - 42.9) < 0.05);
    QVERIFY(card->bandPoints(kMarket, QStringLiteral("p10"))[5].y() < line[5].y());
    QVERIFY(card->bandPoints(kMarket, QStringLiteral("p90"))[5].y() > line[5].y());
    // Every line chart has its fan; column charts have none.
    QCOMPARE(w->chartGrid()->card(QStringLiteral("asic_share"))->bandSeriesCount(), 2);
    QCOMPARE(w->chartGrid()->card(kMarket)->bandSeriesCount(), 0);
    // The y axis holds the whole fan.
    QVERIFY(card->valueAxis()->max() >=
            card->bandPoints(kMarket, QStringLiteral("p90")).last().y());
}

void UncertaintyTest::captionStatesTheConvention() {
    auto w = test::makeWindow(nullptr);
    ChartCard* card = w->chartGrid()->card(kRange);
    QCOMPARE(card->uncertaintyCaption(),
             QStringLiteral("Shaded: P10\u2013P90 and P25\u2013P75 of 10,000 simulated paths "
                            "\u00b7 line: the forecast at the set values"));
    QCOMPARE(w->chartGrid()->card(kMarket)->uncertaintyCaption(), QString());  // no fan, no caption
}

void UncertaintyTest::cagrArrowsReadTheCoreRange() {
    auto w = shownWindow();
    const Document& doc = *w->document();
    const core::MonteCarloResult want = simulate(doc, doc.scenario());
    const core::CagrRange* range = want.cagrRange("asic_market", 2023, 2028);
    QVERIFY(range && range->problem.empty());
    // The deterministic 45.4% lies inside the simulated P10–P90.
    QVERIFY(range->cagr.p10 < 0.454 && range->cagr.p90 > 0.454);
    const QString text = QStringLiteral("+45.4% CAGR (P10\u2013P90 %1\u2013%2%)")
                             .arg(QString::number(range->cagr.p10 * 100.0, 'f', 0),
                                  QString::number(range->cagr.p90 * 100.0, 'f', 0));
    for (const QString& id : {kMarket, kRange}) {  // column and line charts alike
        ChartCard* card = w->chartGrid()->card(id);
        QCOMPARE(card->cagrItems().size(), qsizetype(1));
        QCOMPARE(card->cagrItems().front()->text(), text);
    }
}

void UncertaintyTest::rangeEditIsOneUndoStepAndMovesTheBands() {
    auto w = test::makeWindow(nullptr);
    Document* doc = w->document();
    UncertaintyEngine* engine = w->uncertaintyEngine();
    ChartCard* card = w->chartGrid()->card(kRange);
    const QList<QPointF> p90Before = card->bandPoints(kMarket, QStringLiteral("p90"));
    const int steps = doc->undoStack()->count();

    AssumptionSlider* row = w->assumptionsPanel()->slider(QStringLiteral("asic_share_2028"));
    QVERIFY(row);
    QCOMPARE(row->rangeButton()->text(), QStringLiteral("20\u201335%"));  // PERT 20/25/35%
    auto* dialog = qobject_cast<DistributionDialog*>(row->openRangeDialog());
    QVERIFY(dialog);
    QVERIFY(dialog->type() == std::optional(core::DistributionType::Pert));
    QCOMPARE(dialog->field(QStringLiteral("mode"))->value(), 25.0);  // display units
    dialog->setType(core::DistributionType::Uniform);
    dialog->field(QStringLiteral("min"))->setValue(20.0);
    dialog->field(QStringLiteral("max"))->setValue(35.0);
    saveShot(dialog, "range_dialog.png");
    QVERIFY(dialog->apply());
    dialog->close();

    const core::Assumption* a = doc->scenario().findAssumption("asic_share_2028");
    QVERIFY(a->distribution);
    QVERIFY(a->distribution->type == core::DistributionType::Uniform);
    QCOMPARE(a->distribution->min, 0.2);
    QCOMPARE(a->distribution->max, 0.35);
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QVERIFY(doc->isModified());
    QCOMPARE(row->rangeButton()->text(), QStringLiteral("20\u201335%"));
    QVERIFY(row->rangeButton()->toolTip().startsWith(QStringLiteral("Uniform")));

    (void)engine->current();  // waits for the worker
    const core::MonteCarloResult want = simulate(*doc, doc->scenario());
    const QList<QPointF> p90After = card->bandPoints(kMarket, QStringLiteral("p90"));
    verifySame(p90After, coreBand(*doc, want, kMarket, QStringLiteral("p90"), 2023, 2030));
    // Uniform puts more weight near 35% than PERT (mode 25%): the 2028 P90 rises.
    QVERIFY(p90After[5].y() > p90Before[5].y() + 0.5);

    doc->undoStack()->undo();
    QVERIFY(doc->scenario().findAssumption("asic_share_2028")->distribution->type ==
            core::DistributionType::Pert);
    (void)engine->current();  // waits for the worker
    verifySame(card->bandPoints(kMarket, QStringLiteral("p90")), p90Before);
    doc->undoStack()->redo();
    (void)engine->current();  // waits for the worker
    verifySame(card->bandPoints(kMarket, QStringLiteral("p90")), p90After);
}

void UncertaintyTest::refusedRangeKeepsTheOldOne() {
    auto w = test::makeWindow(nullptr);
    Document* doc = w->document();
    const core::Assumption before = *doc->scenario().findAssumption("asic_share_2028");
    const int steps = doc->undoStack()->count();
    DistributionDialog dialog(doc, before);
    dialog.setType(core::DistributionType::Uniform);
    dialog.field(QStringLiteral("min"))->setValue(35.0);
    dialog.field(QStringLiteral("max"))->setValue(20.0);
    QVERIFY(!dialog.apply());
    QVERIFY(!dialog.errorLabel()->isHidden());
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("asic_share_2028")),
             qPrintable(dialog.errorLabel()->text()));
    // Outside a share's domain.
    dialog.setType(core::DistributionType::Pert);
    dialog.field(QStringLiteral("min"))->setValue(-10.0);
    dialog.field(QStringLiteral("mode"))->setValue(25.0);
    dialog.field(QStringLiteral("max"))->setValue(35.0);
    QVERIFY(!dialog.apply());
    QVERIFY(*doc->scenario().findAssumption("asic_share_2028") == before);
    QCOMPARE(doc->undoStack()->count(), steps);
    QVERIFY(!doc->isModified());
}

void UncertaintyTest::rangeIsSavedInTheFile() {
    auto w = test::makeWindow(nullptr);
    Document* doc = w->document();
    core::DistributionSpec spec;
    spec.type = core::DistributionType::Lognormal;
    spec.p5 = 1.0;
    spec.p95 = 2.2;
    QVERIFY(doc->editDistribution(QStringLiteral("elasticity"), spec));
    QVERIFY(doc->editDistribution(
        QStringLiteral("accel_growth_late"),
        core::DistributionSpec{core::DistributionType::Normal, 0, 0, 0, 0.15, 0.03, 0, 0}));
    QVERIFY(doc->editDistribution(QStringLiteral("glasses_2035"), std::nullopt));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ranges.json"));
    QVERIFY(doc->save(path));
    QVERIFY(!doc->isModified());
    const core::Scenario loaded = core::loadScenarioFile(path.toStdString());
    QVERIFY(loaded.findAssumption("elasticity")->distribution == std::optional(spec));
    QCOMPARE(loaded.findAssumption("accel_growth_late")->distribution->sd, 0.03);
    QVERIFY(!loaded.findAssumption("glasses_2035")->distribution);
    QVERIFY(loaded == doc->scenario());
}

void UncertaintyTest::offMeansNoBands() {
    auto w = shownWindow();
    UncertaintyEngine* engine = w->uncertaintyEngine();
    QAction* toggle = engine->toggleAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    toggle->trigger();
    QVERIFY(!engine->isEnabled());
    QVERIFY(!engine->result());
    QCOMPARE(QSettings().value(QString::fromLatin1(UncertaintyEngine::kSettingsKey)).toBool(),
             false);
    for (ChartCard* card : w->chartGrid()->cards()) {
        QCOMPARE(card->bandSeriesCount(), 0);
        QCOMPARE(card->uncertaintyCaption(), QString());
    }
    ChartCard* column = w->chartGrid()->card(kMarket);
    QCOMPARE(column->cagrItems().front()->text(), QStringLiteral("+45.4% CAGR"));
    // Edits run no simulation while off.
    const long runs = engine->runCount();
    const long requests = engine->requestCount();
    w->document()->editAssumption(QStringLiteral("accel_2023"), 50.0);
    QCoreApplication::processEvents();
    QCOMPARE(engine->runCount(), runs);
    QCOMPARE(engine->requestCount(), requests);
    // The choice is remembered: a new window starts off.
    auto again = test::makeWindow(nullptr);
    QVERIFY(!again->uncertaintyEngine()->isEnabled());
    QCOMPARE(again->chartGrid()->card(kRange)->bandSeriesCount(), 0);
    toggle->trigger();
    QVERIFY(engine->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(w->chartGrid()->card(kRange)->bandSeriesCount(), 2, 30000);
}

void UncertaintyTest::dragIsCoalescedAndLive() {
    auto w = test::makeWindow(nullptr);
    Document* doc = w->document();
    UncertaintyEngine* engine = w->uncertaintyEngine();
    ChartCard* card = w->chartGrid()->card(kRange);
    const long runs = engine->runCount();
    const long requests = engine->requestCount();
    // A drag of a fixed assumption: three moves in one event-loop turn, one simulation after,
    // of the first kDragPaths paths, on the worker.
    doc->beginInteractiveEdit();
    for (double v : {0.14, 0.15, 0.17})
        QVERIFY(doc->editAssumption(QStringLiteral("asic_share_2023"), v));
    QVERIFY(engine->isPending());
    QTRY_VERIFY_WITH_TIMEOUT(!engine->isPending(), 30000);
    QCOMPARE(engine->requestCount(), requests + 1);
    QCOMPARE(engine->runCount(), runs + 1);
    QCOMPARE(engine->result()->paths, UncertaintyEngine::kDragPaths);
    QVERIFY(card->uncertaintyCaption().contains(QStringLiteral(" 2,000 simulated paths")));
    verifySame(card->bandPoints(kMarket, QStringLiteral("p10")),
               coreBand(*doc, simulate(*doc, doc->scenario(), UncertaintyEngine::kDragPaths),
                        kMarket, QStringLiteral("p10"), 2023, 2030));
    // The next move updates the bands again, still inside the same drag.
    QVERIFY(doc->editAssumption(QStringLiteral("asic_share_2023"), 0.12));
    QTRY_VERIFY_WITH_TIMEOUT(!engine->isPending(), 30000);
    QCOMPARE(engine->runCount(), runs + 2);
    verifySame(card->bandPoints(kMarket, QStringLiteral("p75")),
               coreBand(*doc, simulate(*doc, doc->scenario(), UncertaintyEngine::kDragPaths),
                        kMarket, QStringLiteral("p75"), 2023, 2030));
    qInfo("Monte Carlo while dragging, %d paths: %.1f ms", UncertaintyEngine::kDragPaths,
          engine->lastRunMilliseconds());
    // Released: the file's 10,000 paths follow by themselves.
    doc->endInteractiveEdit();
    QTRY_COMPARE_WITH_TIMEOUT(engine->result()->paths, 10000, 30000);
    QCOMPARE(engine->runCount(), runs + 3);
    const core::MonteCarloResult want = simulate(*doc, doc->scenario());
    for (const QString& which : {QStringLiteral("p10"), QStringLiteral("p90")})
        verifySame(card->bandPoints(kMarket, which),
                   coreBand(*doc, want, kMarket, which, 2023, 2030));
    QVERIFY(card->uncertaintyCaption().contains(QStringLiteral(" 10,000 simulated paths")));
    qInfo("Monte Carlo of the default forecast, 10,000 paths: %.1f ms",
          engine->lastRunMilliseconds());
}

void UncertaintyTest::exportedPictureHasBands() {
    auto w = test::makeWindow(nullptr);
    const Document& doc = *w->document();
    const ChartRenderer with(doc, {}, w->uncertaintyEngine()->current());
    const ChartRenderer without(doc);
    const core::ChartDef* chart = with.chart(kRange);
    QVERIFY(chart);
    // The P10–P90 fill: navy at alpha 46/255 over white.
    const QColor navy(0x1F, 0x3A, 0x5F);
    auto over = [](int c, int alpha) { return 255 + (c - 255) * alpha / 255; };
    const QColor outer(over(navy.red(), 46), over(navy.green(), 46), over(navy.blue(), 46));
    const QImage banded = with.image(*chart);
    const QImage plain = without.image(*chart);
    if (!qEnvironmentVariableIsEmpty("JEVONS_TEST_SHOTS"))
        banded.save(qEnvironmentVariable("JEVONS_TEST_SHOTS") + QStringLiteral("/fan_export.png"));
    const int bandPixels = pixelsNear(banded, outer, 3);
    const int plainPixels = pixelsNear(plain, outer, 3);  // anti-aliased line edges only
    QVERIFY2(bandPixels > 5000 && plainPixels * 20 < bandPixels,
             qPrintable(QStringLiteral("%1 vs %2").arg(bandPixels).arg(plainPixels)));
    // Picture decks draw with the same renderer, at the deck's picture size.
    const std::string deckPng = deckPictureRenderer(with)(*chart, core::ChartPlan{});
    const QImage deckImage = QImage::fromData(reinterpret_cast<const uchar*>(deckPng.data()),
                                              static_cast<int>(deckPng.size()));
    QVERIFY(pixelsNear(deckImage, outer, 3) > 5000);
    // The SVG carries the caption as text.
    QVERIFY(with.svg(*chart).contains("simulated paths"));
    QVERIFY(!without.svg(*chart).contains("simulated paths"));
}

void UncertaintyTest::presentationHasBands() {
    auto w = test::makeWindow(nullptr);
    PresentationWindow p(w->document());
    p.setUncertaintyEngine(w->uncertaintyEngine());
    const auto& charts = w->document()->scenario().charts;
    int slide = -1;
    for (std::size_t i = 0; i < charts.size(); ++i)
        if (charts[i].id == "asic_market_range") slide = int(i);
    QVERIFY(slide >= 0);
    p.setSlide(slide);
    QCOMPARE(p.card()->bandSeriesCount(), 2);
    // The dark theme lifts dark colours but keeps the bands translucent (the line shows
    // through them; opaque bands once hid it).
    p.setTheme(PresentationWindow::Theme::Dark);
    int bands = 0;
    for (QAbstractSeries* series : p.card()->chart()->series())
        if (auto* area = qobject_cast<QAreaSeries*>(series)) {
            ++bands;
            QVERIFY2(area->color().alpha() < 128, qPrintable(area->color().name(QColor::HexArgb)));
            QVERIFY(area->color().lightnessF() > 0.5);
        }
    QCOMPARE(bands, 2);
    w->uncertaintyEngine()->setEnabled(false);
    QCOMPARE(p.card()->bandSeriesCount(), 0);
}

void UncertaintyTest::compareModeDrawsNoBands() {
    // Compare mode's lines are scenarios: no fan (it would belong to one of them only).
    auto w = test::makeWindow(nullptr);
    w->setCompareMode(true);
    ChartCard* card = w->chartGrid()->card(kRange);
    QCOMPARE(card->bandSeriesCount(), 0);
    QVERIFY(!card->uncertainty());
    w->setCompareMode(false);
    QCOMPARE(w->chartGrid()->card(kRange)->bandSeriesCount(), 2);
}

void UncertaintyTest::rangeSummaries() {
    core::Assumption a;
    a.unit = core::Unit::UsdBillion;
    a.value = 171.6;
    const DisplayPreferences units;  // the defaults: US$B, one decimal for percentages
    QCOMPARE(rangeSummary(units, a), QStringLiteral("\u00b1"));
    a.distribution =
        core::DistributionSpec{core::DistributionType::Lognormal, 0, 0, 0, 0, 0, 140, 200};
    QCOMPARE(rangeSummary(units, a), QStringLiteral("140\u2013200"));
    QCOMPARE(rangeDescription(units, a, QStringLiteral("en")),
             QStringLiteral("Lognormal: 90% between 140.0 US$B and 200.0 US$B"));
    a.unit = core::Unit::Rate;
    a.distribution =
        core::DistributionSpec{core::DistributionType::Normal, 0, 0, 0, 0.12, 0.05, 0, 0};
    QCOMPARE(rangeSummary(units, a), QStringLiteral("12 \u00b1 5%"));
    // A coefficient well below 1 keeps two significant digits (a Bass p read "0\u20130").
    a.unit = core::Unit::Multiple;
    a.distribution =
        core::DistributionSpec{core::DistributionType::Triangular, 0.003, 0.005, 0.007, 0, 0, 0, 0};
    QCOMPARE(rangeSummary(units, a), QStringLiteral("0.003\u20130.007"));
    a.distribution->min = 0.3;
    a.distribution->max = 0.55;
    QCOMPARE(rangeSummary(units, a), QStringLiteral("0.3\u20130.55"));
}

QTEST_MAIN(UncertaintyTest)
#include "uncertainty_test.moc"
