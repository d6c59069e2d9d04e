// Structural edits through the model editor on a large forecast, measured to the repainted
// window (issue 14): adding a series, and renaming an assumption referenced 100 times, in a
// 500-series forecast, with the editor's dock open. Target: each p95 <= 16 ms. An iteration is
// ModelEditor::apply (the edit checked as the loader would read it, one undo step), the event
// loop, and the 1600x1000 window's image: every widget re-rendered (screen 0) or as the screen
// gets it, the event loop's repaint of what the edit dirtied (screen 1; see screen_image.h).
#include "app/document/document.h"
#include "app/editor/model_editor.h"
#include "app/mainwindow.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/edit/model_edit.h"
#include "core/scenario/scenario_json.h"

#include <benchmark/benchmark.h>

#include "percentiles.h"
#include "screen_image.h"

#include <QApplication>
#include <QImage>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

using namespace jevons::app;
using Clock = std::chrono::steady_clock;

namespace {

using jevons::bench::percentile;
using jevons::bench::setPercentiles;

/// A forecast of `nSeries` series over 2023–2035: ten start values and one growth rate
/// ("driver") that the first `refs` series grow at (cagr, so `refs` references), the rest
/// formulas over two earlier series; six line charts of four series each.
std::string largeForecast(int nSeries, int refs) {
    std::string a, s, c;
    for (int k = 0; k < 10; ++k)
        a += ",\"base_" + std::to_string(k) + "\":{\"label\":\"Base " + std::to_string(k) +
             "\",\"group\":\"Starts\",\"unit\":\"US$B\",\"value\":" + std::to_string(10 + k) +
             ",\"min\":0,\"max\":100,\"step\":0.5}";
    a = "\"driver\":{\"label\":\"Growth\",\"group\":\"Growth\",\"unit\":\"rate\",\"value\":0.1,"
        "\"min\":0,\"max\":0.5,\"step\":0.005}" +
        a;
    for (int i = 0; i < nSeries; ++i) {
        const std::string id = "s_" + std::to_string(i);
        std::string body;
        if (i < refs)
            body = "\"kind\":\"cagr\",\"start\":{\"year\":2023,\"value\":\"base_" +
                   std::to_string(i % 10) +
                   "\"},\"segments\":[{\"until\":2035,\"rate\":\"driver\"}]";
        else
            body = "\"kind\":\"formula\",\"expr\":\"s_" + std::to_string(i - refs) + " * 0.5 + s_" +
                   std::to_string(i - refs + 1) + " * 0.25\"";
        s += std::string(i ? "," : "") + "\"" + id + "\":{\"label\":\"Series " + std::to_string(i) +
             "\",\"unit\":\"US$B\"," + body + "}";
    }
    for (int k = 0; k < 6; ++k) {
        c += std::string(k ? "," : "") + "\"chart_" + std::to_string(k) + "\":{\"title\":\"Chart " +
             std::to_string(k) + "\",\"type\":\"line\",\"series\":[";
        for (int j = 0; j < 4; ++j)
            c += std::string(j ? "," : "") + "\"s_" + std::to_string(k * 80 + j * 7) + "\"";
        c += "]}";
    }
    return "{\"schema\":1,\"meta\":{\"title\":\"Large\"},\"years\":{\"first\":2023,\"last\":2035},"
           "\"assumptions\":{" +
           a + "},\"series\":{" + s + "},\"charts\":{" + c + "}}";
}

std::unique_ptr<MainWindow> openLarge() {
    auto window = std::make_unique<MainWindow>();
    window->uncertaintyEngine()->setEnabled(false);
    window->setMessageSink(
        [](const QString&, const QString& text) { qFatal("%s", qPrintable(text)); });
    window->document()->loadUntitled(jevons::core::parseScenario(largeForecast(500, 100)));
    window->resize(1600, 1000);
    window->show();
    window->findChild<ModelEditor*>()->show();
    QCoreApplication::processEvents();
    return window;
}

/// Arguments: add a series (rename 0: a formula over two others) or rename "driver" (rename 1:
/// 100 references, back and forth); the image by QWidget::render (screen 0) or the backing
/// store after the event loop's repaint (screen 1).
void BM_StructuralEdit(benchmark::State& state) {
    auto window = openLarge();
    const bool screen = state.range(1) != 0;
    Document* doc = window->document();
    auto* editor = window->findChild<ModelEditor*>();
    QImage image(window->size(), QImage::Format_ARGB32_Premultiplied);
    window->render(&image);
    if (screen && jevons::bench::screenImage(window.get()).size() != window->size()) {
        state.SkipWithError("this platform's backing store is not an image");
        return;
    }
    // A structural edit that no chart shows repaints no chart (ChartCard::rebind), but the
    // editor's tree, the data table and the panel: any repaint proves the turn was measured.
    jevons::bench::PaintCounter paints(false);
    std::vector<double> ms;
    int i = 0;
    for (auto _ : state) {
        jevons::core::Scenario next;
        QString id;
        if (state.range(0) == 0) {
            next = doc->scenario();
            jevons::core::SeriesDef d;
            d.id = "added_" + std::to_string(i);
            d.label = {"Added", ""};
            d.unit = jevons::core::Unit::UsdBillion;
            d.kind = jevons::core::SeriesKind::Formula;
            d.expr = "s_10 + s_20";
            id = QString::fromStdString(d.id);
            next.series.push_back(std::move(d));
        } else {
            const std::string from = i % 2 ? "rate_a" : "driver";
            const std::string to = i % 2 ? "driver" : "rate_a";
            next = jevons::core::edit::renamed(doc->scenario(), from, to);
            id = QString::fromStdString(to);
        }
        ++i;
        paints.take();
        const auto t0 = Clock::now();
        if (!editor->apply(
                next, QStringLiteral("bench"),
                state.range(0) == 0 ? ModelEditor::Kind::Series : ModelEditor::Kind::Assumption,
                id)) {
            state.SkipWithError(qPrintable(editor->problem()));
            return;
        }
        QCoreApplication::processEvents();
        jevons::bench::takeWindowImage(window.get(), screen, image);
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        if (paints.take() == 0) {
            state.SkipWithError("the edit's turn of the event loop repainted nothing");
            return;
        }
        state.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
    }
    setPercentiles(state, ms);
}
BENCHMARK(BM_StructuralEdit)
    ->ArgNames({"rename", "screen"})
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->UseManualTime()
    ->Iterations(40)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    benchmark::Initialize(&argc, argv);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);  // recent files and autosave go to a test location
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
