// Uncertainty while editing (issue 5, item 7; issue 16, item 3): with the fan charts on, one
// slider step on the default forecast, measured the way a user sees it: the whole 1600×1000
// window as an image, re-rendered or as the screen gets it (screen_image.h). The engine runs the
// Monte Carlo (10,000 paths, the file's setting; 2,000 inside a drag) on its worker thread, so an
// edit shows in two steps:
//   lines_*  edit → the event-loop turn that redraws the lines → window rendered;
//   bands_*  edit → the worker's result handed to the cards → window rendered again.
// The next edit waits for the bands. Inside a drag the grid holds a quick run's bands for the
// next edit's repaint (ChartGrid::kBandHoldMs at most): with no next edit here, bands_* of
// drag 1 include that wait. BM_SliderDrag60Hz drags a real slider at 60 moves/s for
// 5 s through the event loop and reports the longest stretch the GUI thread was busy in one go
// (BusyMeter): a frame is 16.7 ms.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/charts/chart_grid.h"
#include "app/document/document.h"
#include "app/mainwindow.h"
#include "app/uncertainty/uncertainty_engine.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTimer>

#include "percentiles.h"
#include "screen_image.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <memory>
#include <utility>
#include <vector>

using namespace jevons::app;
using Clock = std::chrono::steady_clock;

namespace {

using jevons::bench::percentile;
using jevons::bench::setPercentiles;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// Process events until the engine has published the result of the current values.
void waitForBands(UncertaintyEngine* engine) {
    while (engine->isPending()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

/// ... and until the grid has drawn them (in a drag it holds them for the next edit, at most
/// ChartGrid::kBandHoldMs).
void waitForBandsDrawn(MainWindow* window) {
    waitForBands(window->uncertaintyEngine());
    while (window->chartGrid()->holdsBands())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

std::unique_ptr<MainWindow> openWindow(bool uncertainty = true) {
    auto window = std::make_unique<MainWindow>();
    window->uncertaintyEngine()->setEnabled(uncertainty);
    window->setMessageSink(
        [](const QString&, const QString& text) { qFatal("%s", qPrintable(text)); });
    window->openFile(QStringLiteral(JEVONS_FORECASTS_DIR "/default.json"));
    window->resize(1600, 1000);
    window->show();
    QCoreApplication::processEvents();
    if (window->uncertaintyEngine()->isEnabled() != uncertainty) qFatal("uncertainty not set");
    waitForBands(window->uncertaintyEngine());
    return window;
}

// Edits of a fixed assumption (the ASIC share in 2023) that every ASIC fan depends on; inside a
// drag (drag 1) or each its own edit (drag 0). The window's image by a full re-render of every
// widget (screen 0: QWidget::render) or as the screen gets it (screen 1: the event loop's repaint
// of what changed, then the backing store copied; see screen_image.h). Iteration time: edit ->
// bands repainted.
void BM_EditToLinesAndBands(benchmark::State& state) {
    const bool drag = state.range(0) != 0;
    const bool screen = state.range(1) != 0;
    auto window = openWindow();
    UncertaintyEngine* engine = window->uncertaintyEngine();
    QImage image(window->size(), QImage::Format_ARGB32_Premultiplied);
    window->render(&image);
    if (screen && jevons::bench::screenImage(window.get()).size() != window->size()) {
        state.SkipWithError("this platform's backing store is not an image");
        return;
    }
    const auto snapshot = [&] { jevons::bench::takeWindowImage(window.get(), screen, image); };
    jevons::bench::PaintCounter paints;
    if (drag) window->document()->beginInteractiveEdit();
    std::vector<double> lines, bands, mc;
    int i = 0;
    for (auto _ : state) {
        paints.take();
        const auto t0 = Clock::now();
        window->document()->editAssumption(QStringLiteral("asic_share_2023"),
                                           0.10 + 0.005 * (i++ % 30));
        QCoreApplication::processEvents();  // the lines, and the request handed to the worker
        snapshot();
        lines.push_back(msSince(t0));
        const int linePaints = paints.take();
        // A short run (a drag's 2,000 paths) may finish within the lines' turn: then the bands
        // were repainted with the lines.
        const bool bandsWithLines = !engine->isPending() && !window->chartGrid()->holdsBands();
        waitForBandsDrawn(window.get());
        QCoreApplication::processEvents();  // the repaint the bands asked for
        snapshot();
        const double ms = msSince(t0);
        if (linePaints == 0 || (paints.take() == 0 && !bandsWithLines)) {
            state.SkipWithError("an edit's lines or bands were not repainted in their turn");
            return;
        }
        bands.push_back(ms);
        state.SetIterationTime(ms / 1e3);
        mc.push_back(engine->lastRunMilliseconds());
    }
    if (drag) window->document()->endInteractiveEdit();
    setPercentiles(state, lines, "lines_");
    setPercentiles(state, bands, "bands_");
    state.counters["monte_carlo_p50_ms"] = percentile(mc, 0.5);
}
BENCHMARK(BM_EditToLinesAndBands)
    ->ArgNames({"drag", "screen"})
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->UseManualTime()
    ->Iterations(200)
    ->Unit(benchmark::kMillisecond);

/// Busy stretches of the GUI thread: every event it handles (QApplication::notify at the top
/// level: input, timers, posted events, paints), merged with the next one when the thread went
/// back to the event loop for less than kMergeNs in between (it did not really get to idle).
/// Wall time, and the thread's CPU time (what the load of the machine does not inflate).
class BusyMeter {
public:
    static constexpr qint64 kMergeNs = 250000;  // 0.25 ms

    BusyMeter() { m_clock.start(); }
    void begin() {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_end >= 0 && now - m_end < kMergeNs) return;  // the same stretch goes on
        close();
        m_start = now;
        m_cpuStart = threadCpuNs();
    }
    void end() {
        m_end = m_clock.nsecsElapsed();
        m_cpuEnd = threadCpuNs();
    }
    /// @brief The stretches in milliseconds: wall, CPU.
    [[nodiscard]] std::pair<std::vector<double>, std::vector<double>> finish() {
        close();
        return {m_wall, m_cpu};
    }

private:
    static qint64 threadCpuNs() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void close() {
        if (m_start < 0 || m_end < m_start) return;
        m_wall.push_back(double(m_end - m_start) / 1e6);
        m_cpu.push_back(double(m_cpuEnd - m_cpuStart) / 1e6);
        m_start = -1;
    }
    QElapsedTimer m_clock;
    qint64 m_start = -1, m_end = -1, m_cpuStart = 0, m_cpuEnd = 0;
    std::vector<double> m_wall, m_cpu;
};

BusyMeter* g_meter = nullptr;  // set while a drag is measured

/// QApplication that hands every top-level event to g_meter.
class MeteredApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        BusyMeter* meter = m_depth == 0 ? g_meter : nullptr;
        ++m_depth;
        if (meter) meter->begin();
        const bool handled = QApplication::notify(receiver, event);
        if (meter) meter->end();
        --m_depth;
        return handled;
    }

private:
    int m_depth = 0;
};

/// Let the event loop run for `ms` milliseconds.
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The ASIC share of 2023 dragged back and forth through its slider, one move every 16.7 ms for
// 5 s, everything (moves, repaints, the worker's results) through the event loop.
void BM_SliderDrag60Hz(benchmark::State& state) {
    auto window = openWindow(state.range(0) != 0);
    UncertaintyEngine* engine = window->uncertaintyEngine();
    AssumptionSlider* row = window->assumptionsPanel()->slider(QStringLiteral("asic_share_2023"));
    if (!row) qFatal("no slider for asic_share_2023");
    QSlider* slider = row->slider();
    std::vector<double> wall, cpu;
    long moves = 0;
    long published = 0;
    const long cancelled = engine->cancelledCount();
    const long dropped = engine->droppedCount();
    QObject counter;
    QObject::connect(engine, &UncertaintyEngine::resultChanged, &counter, [&] { ++published; });
    for (auto _ : state) {
        BusyMeter meter;
        QEventLoop loop;
        QTimer ticks;
        ticks.setTimerType(Qt::PreciseTimer);
        ticks.setInterval(1000 / 60);
        const int lo = slider->minimum();
        const int span = std::max(1, slider->maximum() - slider->minimum());
        int step = 0;
        QObject::connect(&ticks, &QTimer::timeout, &loop, [&] {
            // A triangle wave over the slider's range, a full sweep each way per second.
            const int phase = step++ % 120;
            const int at = phase < 60 ? phase : 120 - phase;
            slider->setValue(lo + span * at / 60);
            ++moves;
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        slider->setSliderDown(true);  // sliderPressed: the drag (an interactive edit) begins
        ticks.start();
        g_meter = &meter;
        const auto t0 = Clock::now();
        loop.exec();
        state.SetIterationTime(msSince(t0) / 1e3);
        g_meter = nullptr;
        ticks.stop();
        slider->setSliderDown(false);
        auto [w, c] = meter.finish();
        wall.insert(wall.end(), w.begin(), w.end());
        cpu.insert(cpu.end(), c.begin(), c.end());
        spin(300);  // the full run after the drag
        waitForBands(engine);
    }
    state.counters["busy_max_ms"] = percentile(wall, 1.0);
    state.counters["busy_p99_ms"] = percentile(wall, 0.99);
    state.counters["busy_p50_ms"] = percentile(wall, 0.50);
    state.counters["busy_cpu_max_ms"] = percentile(cpu, 1.0);
    state.counters["stretches"] = double(wall.size());
    state.counters["moves"] = double(moves);
    state.counters["bands_published"] = double(published);
    state.counters["runs_cancelled"] = double(engine->cancelledCount() - cancelled);
    state.counters["runs_dropped"] = double(engine->droppedCount() - dropped);
}
BENCHMARK(BM_SliderDrag60Hz)
    ->ArgName("uncertainty")
    ->Arg(1)
    ->Arg(0)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    benchmark::Initialize(&argc, argv);
    MeteredApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("JevonsUncertaintyBench"));
    QSettings().clear();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
