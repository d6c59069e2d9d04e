// The uncertainty engine's worker (issue 16, item 3): the Monte Carlo runs off the GUI thread,
// the latest request wins and only its result is published, byte for byte the synchronous
// simulation of those values; a superseded run is stopped by its token; an edit returns while
// the simulation is still running and the event loop keeps turning; turning uncertainty off,
// loading another file and closing the window stop the run in progress cleanly.
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/charts/chart_view.h"
#include "app/document/document.h"
#include "app/uncertainty/simulation.h"
#include "app/uncertainty/simulation_progress.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "test_support.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <set>

using namespace jevons::app;
namespace core = jevons::core;

namespace {

const QString kShare = QStringLiteral("asic_share_2023");  // fixed: no range follows it
/// Paths of the long run: ~10 times the default forecast's 10,000.
constexpr int kLongPaths = 100000;

/// The series the default forecast's charts draw (its cards, slides and pictures): the engine
/// simulates these, not efficiency_multiplier or glasses_installed.
const char* const kCharted[] = {
    "accel_market", "asic_share",        "asic_market", "gpu_market",    "meta_capex",
    "msft_capex",   "hyperscaler_capex", "compute",     "glasses_sales", "glasses_penetration"};

/// The core's simulation of the document's current values, here and now, as the engine asks:
/// the charted series (a series' bands do not depend on which others are run).
core::MonteCarloResult simulateNow(const Document& doc, int paths = 0) {
    core::MonteCarloOptions options;
    for (const char* id : kCharted) options.series.push_back(doc.model().seriesIndex(id));
    std::sort(options.series.begin(), options.series.end());
    options.values = doc.evaluator().assumptionValues();
    options.scenario = "base";
    options.paths = paths > 0 ? paths : doc.scenario().uncertainty->paths;
    options.seed = doc.scenario().uncertainty->seed;
    return core::runMonteCarlo(doc.model(), core::SamplingPlan::make(doc.scenario()), options);
}

bool sameBytes(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// Every band and CAGR range bit for bit.
bool identical(const core::MonteCarloResult& a, const core::MonteCarloResult& b) {
    if (a.paths != b.paths || a.seed != b.seed || a.outputs.size() != b.outputs.size() ||
        a.cagr.size() != b.cagr.size())
        return false;
    for (std::size_t k = 0; k < a.outputs.size(); ++k) {
        const auto& x = a.outputs[k];
        const auto& y = b.outputs[k];
        if (!(x.ref == y.ref) || !sameBytes(x.p10, y.p10) || !sameBytes(x.p25, y.p25) ||
            !sameBytes(x.p50, y.p50) || !sameBytes(x.p75, y.p75) || !sameBytes(x.p90, y.p90) ||
            !sameBytes(x.mean, y.mean))
            return false;
    }
    for (std::size_t k = 0; k < a.cagr.size(); ++k)
        if (std::memcmp(&a.cagr[k].cagr, &b.cagr[k].cagr, sizeof(core::BandPercentiles)) != 0 ||
            a.cagr[k].problem != b.cagr[k].problem)
            return false;
    return true;
}

/// The default forecast with `paths` paths per full run, loaded into `doc` (the engine resets
/// and starts its first run on the worker).
void loadWithPaths(Document* doc, int paths) {
    core::Scenario s = doc->scenario();
    s.uncertainty->paths = paths;
    doc->load(std::move(s));
}

/// Wait until the engine has handled every run it started, stale ones included: each ran to
/// the end (published, failed or dropped) or was stopped.
bool settled(UncertaintyEngine* engine) {
    return QTest::qWaitFor(
        [engine] {
            return !engine->isPending() &&
                   engine->requestCount() == engine->runCount() + engine->cancelledCount();
        },
        120000);
}

}  // namespace

class UncertaintyWorkerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void publishedResultIsTheSynchronousSimulation();
    void latestRequestWins();
    void staleRunIsCancelled();
    void editReturnsWhileTheSimulationRuns();
    void currentWaitsForTheValuesNow();
    void offAndResetStopTheRunInProgress();
    void closingTheWindowDuringARunIsClean();
    void aDragsBandsAreDrawnWithTheNextEdit();
    void aLongRunShowsProgressAndCancelStopsIt();
    void aValueEditSimulatesOnlyWhatItReaches();
    void aForecastOverTheMemoryBudgetOpensWithUncertaintyOff();
};

void UncertaintyWorkerTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("JevonsUncertaintyWorkerTest"));
    QSettings().clear();  // on: the default forecast has ranges
}

void UncertaintyWorkerTest::cleanup() { QSettings().clear(); }

void UncertaintyWorkerTest::publishedResultIsTheSynchronousSimulation() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    QVERIFY(engine->result());
    QVERIFY(identical(*engine->result(), simulateNow(*doc)));
    // After an edit the worker's result arrives through the event loop, and is the same again.
    QSignalSpy spy(engine, &UncertaintyEngine::resultChanged);
    QVERIFY(doc->editAssumption(kShare, 0.13));
    QVERIFY(spy.wait(60000));
    QCOMPARE(spy.count(), 1);
    const auto published = spy.front().front().value<UncertaintyResult>();
    QVERIFY(published && published == engine->result());
    QVERIFY(identical(*published, simulateNow(*doc)));
    // And the command line's synchronous path gives the same numbers.
    const core::SamplingPlan plan = core::SamplingPlan::make(doc->scenario());
    QVERIFY(identical(*simulateCurrentValues(*doc, plan), *published));
}

void UncertaintyWorkerTest::latestRequestWins() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    QVERIFY(settled(engine));
    const long requests = engine->requestCount();
    const long cancelled = engine->cancelledCount();
    const long dropped = engine->droppedCount();
    QSignalSpy spy(engine, &UncertaintyEngine::resultChanged);
    // Five quick edits, each handed to the worker at once (as five event-loop turns would).
    for (const double v : {0.11, 0.12, 0.13, 0.14, 0.15}) {
        QVERIFY(doc->editAssumption(kShare, v));
        engine->flush();
    }
    QCOMPARE(engine->requestCount(), requests + 5);
    QVERIFY(engine->isPending());
    QVERIFY(settled(engine));
    // Only the last values' result is published, and it is the simulation of those values.
    QCOMPARE(spy.count(), 1);
    const auto published = spy.front().front().value<UncertaintyResult>();
    QVERIFY(published);
    QVERIFY(identical(*published, simulateNow(*doc)));
    // The four superseded requests were stopped (or, had one ended first, dropped unseen).
    QCOMPARE((engine->cancelledCount() - cancelled) + (engine->droppedCount() - dropped), 4L);
    qInfo("5 requests: %ld cancelled, %ld dropped, 1 published",
          engine->cancelledCount() - cancelled, engine->droppedCount() - dropped);
}

void UncertaintyWorkerTest::staleRunIsCancelled() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    QVERIFY(settled(engine));
    loadWithPaths(doc, kLongPaths);  // the worker starts a long run of the new file
    QVERIFY(engine->isPending());
    QTest::qWait(20);  // let it get going
    const long cancelled = engine->cancelledCount();
    const long runs = engine->runCount();
    const long dropped = engine->droppedCount();
    // A drag starts: its quick run supersedes the long one, which stops on its token rather
    // than running to the end.
    doc->beginInteractiveEdit();
    QVERIFY(doc->editAssumption(kShare, 0.12));
    engine->flush();
    QTRY_VERIFY_WITH_TIMEOUT(!engine->isPending(), 60000);
    QCOMPARE(engine->result()->paths, UncertaintyEngine::kDragPaths);
    QVERIFY(identical(*engine->result(), simulateNow(*doc, UncertaintyEngine::kDragPaths)));
    QVERIFY(settled(engine));
    QCOMPARE(engine->cancelledCount(), cancelled + 1);
    QCOMPARE(engine->runCount(), runs + 1);  // the drag's run only
    QCOMPARE(engine->droppedCount(), dropped);
    doc->endInteractiveEdit();
}

void UncertaintyWorkerTest::editReturnsWhileTheSimulationRuns() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    loadWithPaths(doc, kLongPaths);
    QVERIFY(settled(engine));
    QSignalSpy spy(engine, &UncertaintyEngine::resultChanged);
    // The event loop keeps turning while the worker simulates: a 5 ms timer ticks meanwhile.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, &ticker, [&ticks] { ++ticks; });
    QElapsedTimer clock;
    clock.start();
    QVERIFY(doc->editAssumption(kShare, 0.12));
    engine->flush();  // the request goes to the worker now
    const double editMs = double(clock.nsecsElapsed()) / 1e6;
    QVERIFY(engine->isPending());  // the edit returned before its simulation ended
    QCOMPARE(spy.count(), 0);
    ticker.start();
    int ticksAtResult = -1;
    connect(engine, &UncertaintyEngine::resultChanged, &ticker,
            [&ticks, &ticksAtResult] { ticksAtResult = ticks; });
    QVERIFY(spy.wait(120000));
    const double resultMs = double(clock.nsecsElapsed()) / 1e6;
    QCOMPARE(engine->result()->paths, kLongPaths);
    QVERIFY(identical(*engine->result(), simulateNow(*doc)));
    QVERIFY2(ticksAtResult >= 2, qPrintable(QString::number(ticksAtResult)));
    QVERIFY2(editMs < engine->lastRunMilliseconds(),
             qPrintable(QStringLiteral("edit %1 ms, run %2 ms")
                            .arg(editMs)
                            .arg(engine->lastRunMilliseconds())));
    qInfo(
        "edit returned after %.2f ms; %d-path result after %.0f ms (%.0f ms on the worker); "
        "%d timer ticks meanwhile",
        editMs, kLongPaths, resultMs, engine->lastRunMilliseconds(), ticksAtResult);
}

void UncertaintyWorkerTest::currentWaitsForTheValuesNow() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    // No event loop between the edit and current(): it requests and waits.
    QVERIFY(doc->editAssumption(kShare, 0.14));
    UncertaintyResult now = engine->current();
    QVERIFY(now && now == engine->result());
    QVERIFY(!engine->isPending());
    QVERIFY(identical(*now, simulateNow(*doc)));
    // During a drag: the drag's paths; after it, the file's count again.
    doc->beginInteractiveEdit();
    QVERIFY(doc->editAssumption(kShare, 0.16));
    now = engine->current();
    QCOMPARE(now->paths, UncertaintyEngine::kDragPaths);
    QVERIFY(identical(*now, simulateNow(*doc, UncertaintyEngine::kDragPaths)));
    doc->endInteractiveEdit();
    now = engine->current();
    QCOMPARE(now->paths, 10000);
    QVERIFY(identical(*now, simulateNow(*doc)));
    // The worker's own notice of the runs current() took over changes nothing later.
    QSignalSpy spy(engine, &UncertaintyEngine::resultChanged);
    QTest::qWait(50);
    QVERIFY(settled(engine));
    QCOMPARE(spy.count(), 0);
}

void UncertaintyWorkerTest::offAndResetStopTheRunInProgress() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    QSignalSpy spy(engine, &UncertaintyEngine::resultChanged);
    // Off while the long run is in progress: its bands never arrive.
    loadWithPaths(doc, kLongPaths);
    engine->setEnabled(false);
    QVERIFY(!engine->isPending());
    QVERIFY(settled(engine));
    for (const QList<QVariant>& args : std::as_const(spy))
        QVERIFY(!args[0].value<UncertaintyResult>());
    // Another file loaded while the long run is in progress: only the new file's bands arrive.
    engine->setEnabled(true);
    QVERIFY(engine->isPending());
    spy.clear();
    doc->load(core::loadScenarioFile(test::defaultForecast().toStdString()));
    QVERIFY(settled(engine));
    QVERIFY(!spy.isEmpty());
    for (const QList<QVariant>& args : std::as_const(spy))
        if (const auto r = args[0].value<UncertaintyResult>()) QCOMPARE(r->paths, 10000);
    QVERIFY(identical(*engine->result(), simulateNow(*doc)));
}

void UncertaintyWorkerTest::closingTheWindowDuringARunIsClean() {
    auto w = test::makeWindow(nullptr);
    loadWithPaths(w->document(), kLongPaths);
    QVERIFY(w->uncertaintyEngine()->isPending());
    QTest::qWait(20);
    // The engine stops the run and waits for the worker; the run's snapshot outlives the
    // document (the AddressSanitizer build checks nothing is read after it is freed).
    QElapsedTimer clock;
    clock.start();
    w.reset();
    qInfo("window closed %.1f ms into a %d-path run", double(clock.nsecsElapsed()) / 1e6,
          kLongPaths);
    QCoreApplication::processEvents();
}

namespace {
/// Paint events delivered to one widget.
class PaintCount : public QObject {
public:
    explicit PaintCount(QWidget* w) { w->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::Paint) ++count;
        return false;
    }
};
}  // namespace

// Inside a drag in a shown window, a quick run's bands wait for the next edit and are drawn in
// its repaint (one repaint per slider step, not one for the lines and another for the bands);
// when no edit follows (the drag paused), they are drawn ChartGrid::kBandHoldMs later; after
// the drag they are drawn at once.
void UncertaintyWorkerTest::aDragsBandsAreDrawnWithTheNextEdit() {
    auto w = test::makeWindow(nullptr);
    w->resize(1600, 1000);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    ChartGrid* grid = w->chartGrid();
    ChartCard* card = grid->cards().first();  // the ASIC market: its CAGR range moves with kShare
    QVERIFY(settled(engine));
    QCoreApplication::processEvents();
    PaintCount paints(card->view()->viewport());

    // What the grid did with each result, seen right after it (this slot is connected after
    // the grid's), and, for the first, the next slider step taken at that moment.
    struct Arrival {
        UncertaintyResult result;
        bool held = false;
        bool shownAfterNextStep = false;
    };
    QList<Arrival> arrivals;
    bool stepOnArrival = true;
    QObject context;
    connect(engine, &UncertaintyEngine::resultChanged, &context, [&] {
        Arrival a{engine->result(), grid->holdsBands() && card->uncertainty() != engine->result()};
        if (stepOnArrival) {
            stepOnArrival = false;
            QVERIFY(doc->editAssumption(kShare, 0.13));  // the next step releases the bands
            a.shownAfterNextStep = !grid->holdsBands() && card->uncertainty() == a.result;
            paints.count = 0;
        }
        arrivals.append(a);
    });

    doc->beginInteractiveEdit();
    QVERIFY(doc->editAssumption(kShare, 0.12));
    QVERIFY(QTest::qWaitFor([&] { return !arrivals.isEmpty(); }, 60000));
    QVERIFY(arrivals[0].held);                // published inside the drag: held
    QVERIFY(arrivals[0].shownAfterNextStep);  // and handed to the cards with the next step
    QCoreApplication::processEvents();
    QCOMPARE(paints.count, 1);  // the step's lines and the held bands in one repaint

    // The drag pauses after 0.13: its bands are held, then drawn without another edit.
    QVERIFY(QTest::qWaitFor([&] { return arrivals.size() == 2; }, 60000));
    QVERIFY(arrivals[1].held);
    QVERIFY(arrivals[1].result != arrivals[0].result);
    QVERIFY(QTest::qWaitFor([&] { return card->uncertainty() == arrivals[1].result; }, 1000));
    QVERIFY(!grid->holdsBands());
    doc->endInteractiveEdit();

    // Outside a drag the bands are drawn as they come.
    QVERIFY(settled(engine));
    QVERIFY(doc->editAssumption(kShare, 0.14));
    const qsizetype before = arrivals.size();
    QVERIFY(
        QTest::qWaitFor([&] { return arrivals.size() > before && !engine->isPending(); }, 60000));
    QVERIFY(!arrivals.last().held);
    QCOMPARE(card->uncertainty(), engine->result());
}

void UncertaintyWorkerTest::aLongRunShowsProgressAndCancelStopsIt() {
    // Issue 19: a run over 0.3 s shows "Simulating N paths" and a progress bar in the status bar,
    // with a Cancel button that stops it. Three million paths: seconds, whatever the machine.
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    auto* progress = w->findChild<SimulationProgress*>(QStringLiteral("simulationProgress"));
    QVERIFY(progress);
    QVERIFY(progress->isHidden());
    loadWithPaths(doc, 3000000);
    // A large run's first bands come from the first 2,000 paths, then the full run starts.
    QTRY_VERIFY_WITH_TIMEOUT(engine->result() && engine->result()->paths == 2000, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!progress->isHidden(), 30000);
    auto* label = progress->findChild<QLabel*>();
    auto* bar = progress->findChild<QProgressBar*>();
    QVERIFY(label && bar);
    QCOMPARE(label->text(), QStringLiteral("Simulating 3,000,000 paths"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 30000);
    QVERIFY(bar->value() < 100);
    // Cancel, as a user would: the run stops, no bands are left of other values, it says why.
    QSignalSpy failed(engine, &UncertaintyEngine::failed);
    auto* cancel = progress->findChild<QToolButton*>(QStringLiteral("cancelSimulation"));
    QVERIFY(cancel);
    const long cancelled = engine->cancelledCount();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(progress->isHidden());
    QVERIFY(!engine->isPending());
    QVERIFY(!engine->result());
    QCOMPARE(failed.size(), 1);
    QVERIFY(engine->problem().contains(QStringLiteral("cancelled")));
    QVERIFY(settled(engine));
    QCOMPARE(engine->cancelledCount(), cancelled + 1);
    // The next edit simulates again.
    QVERIFY(doc->editAssumption(kShare, 0.15));
    QVERIFY(engine->isPending());
    engine->setEnabled(false);  // do not wait for three million paths
    QVERIFY(settled(engine));
}

void UncertaintyWorkerTest::aValueEditSimulatesOnlyWhatItReaches() {
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    Document* doc = w->document();
    QVERIFY(settled(engine));
    // The file's first run: the ten series its charts draw, of twelve.
    const int charted = static_cast<int>(std::size(kCharted));
    QCOMPARE(engine->lastRunSeries(), charted);
    QCOMPARE(static_cast<int>(doc->scenario().series.size()), 12);
    std::set<int> shown;
    for (const auto& b : engine->result()->outputs) shown.insert(b.ref.series);
    QCOMPARE(static_cast<int>(shown.size()), charted);
    QVERIFY(!shown.count(doc->model().seriesIndex("glasses_installed")));
    QSignalSpy spy(engine, &UncertaintyEngine::resultChanged);
    // AI glasses in 2029 reach the three glasses series, two of them charted: only those are
    // simulated and merged into the published result, which is then the full simulation of the
    // new values bit for bit.
    const QString glasses = QStringLiteral("glasses_2029");
    const double was = doc->evaluator().assumptionValues().at(glasses.toStdString());
    QVERIFY(doc->editAssumption(glasses, was * 1.05));
    QVERIFY(spy.wait(60000));
    QCOMPARE(engine->lastRunSeries(), 2);
    QVERIFY(identical(*engine->result(), simulateNow(*doc)));
    // A second edit builds on the merged result.
    QVERIFY(doc->editAssumption(kShare, 0.13));
    QVERIFY(spy.wait(60000));
    QVERIFY(engine->lastRunSeries() > 0 && engine->lastRunSeries() < charted);
    QVERIFY(identical(*engine->result(), simulateNow(*doc)));
    // Paths changed (a structural change of the run): every charted series again.
    loadWithPaths(doc, 3000);
    QVERIFY(settled(engine));
    QCOMPARE(engine->lastRunSeries(), charted);
    QVERIFY(identical(*engine->result(), simulateNow(*doc)));
}

void UncertaintyWorkerTest::aForecastOverTheMemoryBudgetOpensWithUncertaintyOff() {
    // Issue 17: a simulation over the memory budget (the setting, here 1 MiB) is refused before
    // it allocates; the forecast opens with uncertainty off and the status bar says why. The
    // reader's preference is left alone, and turning uncertainty on tries again.
    QSettings().setValue(QString::fromLatin1(UncertaintyEngine::kBudgetKey), 1);
    auto w = test::makeWindow(nullptr);
    UncertaintyEngine* engine = w->uncertaintyEngine();
    QVERIFY(settled(engine));
    QVERIFY(!engine->isEnabled());
    QVERIFY(!engine->result());
    QAction* toggle = engine->toggleAction();
    QVERIFY(!toggle->isChecked());
    QVERIFY(engine->problem().startsWith(QStringLiteral("Uncertainty off for this forecast")));
    QVERIFY2(engine->problem().contains(QStringLiteral("more than its budget of 1 MiB")),
             qPrintable(engine->problem()));
    QVERIFY(engine->problem().contains(QString::fromLatin1(UncertaintyEngine::kBudgetKey)));
    QCOMPARE(w->statusBar()->currentMessage(), engine->problem());
    QVERIFY(QSettings().value(QString::fromLatin1(UncertaintyEngine::kSettingsKey), true).toBool());
    // A larger budget, and the reader turns uncertainty back on with its shortcut.
    QSettings().setValue(QString::fromLatin1(UncertaintyEngine::kBudgetKey), 2048);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QTest::keyClick(w.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(engine->isEnabled());
    QVERIFY(toggle->isChecked());
    QVERIFY(settled(engine));
    QVERIFY(engine->result());
    QCOMPARE(engine->result()->paths, 10000);
}

QTEST_MAIN(UncertaintyWorkerTest)
#include "uncertainty_worker_test.moc"
