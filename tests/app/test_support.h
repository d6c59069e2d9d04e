#pragma once
// Shared helpers for the dashboard tests: the default forecast, a window that never blocks on a
// dialog, and comparing plotted points with the core Evaluator.
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/mainwindow.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/eval/evaluator.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QScrollArea>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <utility>

namespace jevons::app::test {

inline QString defaultForecast() { return QStringLiteral(JEVONS_FORECASTS_DIR "/default.json"); }

/// @brief A main window on the default forecast whose prompts answer Discard and whose error
/// messages are collected in `messages`; settled: with uncertainty on, the first simulation
/// (which runs on the engine's worker) has drawn its bands.
inline std::unique_ptr<MainWindow> makeWindow(QStringList* messages) {
    auto window = std::make_unique<MainWindow>();
    window->setUnsavedChangesPrompt([](QWidget*) { return QMessageBox::Discard; });
    window->setMessageSink([messages](const QString&, const QString& text) {
        if (messages) messages->append(text);
    });
    window->openFile(defaultForecast());
    if (UncertaintyEngine* engine = window->uncertaintyEngine()) (void)engine->current();
    return window;
}

/// @brief Scroll `widget` into view in the scroll area that holds it, as a user would to look at
/// it: a chart card out of view in a shown window is drawn only then (ChartGrid).
/// @brief `scenario` with one more series at the end: a formula in US$B, labelled in English.
inline jevons::core::Scenario withFormulaSeries(jevons::core::Scenario scenario,
                                                const std::string& id, const std::string& label,
                                                const std::string& expr) {
    jevons::core::SeriesDef added;
    added.id = id;
    added.label = {label, ""};
    added.unit = jevons::core::Unit::UsdBillion;
    added.kind = jevons::core::SeriesKind::Formula;
    added.expr = expr;
    scenario.series.push_back(std::move(added));
    return scenario;
}

inline void bringIntoView(QWidget* widget) {
    for (QWidget* p = widget->parentWidget(); p; p = p->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(p)) {
            area->ensureWidgetVisible(widget);
            break;
        }
    QCoreApplication::processEvents();
}

/// @brief The values of `ref` over [from, to] in `document`'s display units, as (year, value);
/// a year without a value (before a series starts) has no point, as charts draw it.
inline QList<QPointF> expectedPoints(const Document& document, const QString& ref, int from,
                                     int to) {
    const core::Evaluator& e = document.evaluator();
    const auto r = e.model().resolve(ref.toStdString());
    const Eigen::ArrayXd row = e.values(ref.toStdString());
    QList<QPointF> out;
    for (int y = from; y <= to; ++y)
        if (const double v = row(e.years().column(y)); v == v)  // not NaN
            out.append(
                {double(y), displayValue(document.displayPreferences(), v, e.model().unitOf(*r))});
    return out;
}

}  // namespace jevons::app::test
