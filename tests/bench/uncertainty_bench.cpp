// Uncertainty while editing (issue 5, item 7): with the fan charts on, one slider step on the
// default forecast to bands redrawn. The engine runs the Monte Carlo (10,000 paths, the file's
// setting) on the GUI thread once per event-loop turn after an edit; what is measured is the
// edit, that run, the cards' band update and (…Repaint) the window rendered. BM_Drag… are the
// same steps inside one slider drag, where the engine simulates its first 2,000 paths.
#include "app/document/document.h"
#include "app/mainwindow.h"
#include "app/uncertainty/uncertainty_engine.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

using namespace jevons::app;
using Clock = std::chrono::steady_clock;

namespace {

std::unique_ptr<MainWindow> openWindow() {
    auto window = std::make_unique<MainWindow>();
    window->setMessageSink(
        [](const QString&, const QString& text) { qFatal("%s", qPrintable(text)); });
    window->openFile(QStringLiteral(JEVONS_FORECASTS_DIR "/default.json"));
    window->resize(1600, 1000);
    window->show();
    QCoreApplication::processEvents();
    if (!window->uncertaintyEngine()->isEnabled()) qFatal("uncertainty is off");
    return window;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

void setPercentiles(benchmark::State& state, const std::vector<double>& ms) {
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p95_ms"] = percentile(ms, 0.95);
    state.counters["max_ms"] = percentile(ms, 1.0);
}

// A step of a fixed assumption (the ASIC share in 2023) that every ASIC fan depends on.
void editAndSettle(MainWindow& window, int i) {
    window.document()->editAssumption(QStringLiteral("asic_share_2023"), 0.10 + 0.005 * (i % 30));
    QCoreApplication::processEvents();  // the coalesced run and the band update
    if (window.uncertaintyEngine()->isPending()) qFatal("bands not updated");
}

void BM_EditToBands(benchmark::State& state) {
    auto window = openWindow();
    std::vector<double> ms, mc;
    int i = 0;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        editAndSettle(*window, i++);
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        state.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
        mc.push_back(window->uncertaintyEngine()->lastRunMilliseconds());
    }
    setPercentiles(state, ms);
    state.counters["monte_carlo_p50_ms"] = percentile(mc, 0.5);
}
BENCHMARK(BM_EditToBands)->UseManualTime()->Iterations(100)->Unit(benchmark::kMillisecond);

void BM_EditToBandsRepaint(benchmark::State& state) {
    auto window = openWindow();
    QImage image(window->size(), QImage::Format_ARGB32_Premultiplied);
    window->render(&image);
    std::vector<double> ms;
    int i = 0;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        editAndSettle(*window, i++);
        window->render(&image);
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        state.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
    }
    setPercentiles(state, ms);
}
BENCHMARK(BM_EditToBandsRepaint)->UseManualTime()->Iterations(100)->Unit(benchmark::kMillisecond);

void BM_DragToBandsRepaint(benchmark::State& state) {
    auto window = openWindow();
    QImage image(window->size(), QImage::Format_ARGB32_Premultiplied);
    window->render(&image);
    window->document()->beginInteractiveEdit();
    std::vector<double> ms, mc;
    int i = 0;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        editAndSettle(*window, i++);
        window->render(&image);
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        state.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
        mc.push_back(window->uncertaintyEngine()->lastRunMilliseconds());
    }
    window->document()->endInteractiveEdit();
    setPercentiles(state, ms);
    state.counters["monte_carlo_p50_ms"] = percentile(mc, 0.5);
}
BENCHMARK(BM_DragToBandsRepaint)->UseManualTime()->Iterations(100)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    benchmark::Initialize(&argc, argv);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("JevonsUncertaintyBench"));
    QSettings().clear();  // uncertainty on by default (the file has ranges)
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
