// Calibration in the dashboard (issue 6): paste ten years of unit sales generated from a known
// Bass curve, fit them by each method, accept one, undo; the chart draws the actuals solid and
// the forecast dashed from the last actual; the data table marks actual years.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/calibration/calibration_actions.h"
#include "app/calibration/fit_dialog.h"
#include "app/calibration/import_actuals_dialog.h"
#include "app/charts/actuals_style.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/charts/chart_view.h"
#include "app/document/document.h"
#include "app/i18n/interface_language.h"
#include "app/table/series_table_model.h"
#include "core/calibration/bass_fit.h"
#include "core/calibration/import_actuals.h"
#include "core/calibration/s_curve_fit.h"
#include "core/models/bass.h"
#include "test_support.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cmath>

using namespace jevons::app;
namespace core = jevons::core;

namespace {

constexpr double kP = 0.03;
constexpr double kQ = 0.38;
constexpr double kM = 500.0;  // M units
constexpr int kLaunch = 2023;
constexpr int kYears = 10;  // 2023-2032

/// Yearly unit sales m [F(t) - F(t-1)] of the Bass curve above (the model's closed form).
std::vector<double> bassSales() {
    const core::Paths one = core::Paths::Constant(1, 1.0);
    const core::BassOutputs out =
        core::bassSeries({kLaunch, kLaunch + kYears - 1}, {kP * one, kQ * one, kM * one, kLaunch});
    std::vector<double> v;
    for (Eigen::Index c = 0; c < out.adoptions.cols(); ++c) v.push_back(out.adoptions(0, c));
    return v;
}

/// The sales as spreadsheet cells: a header row, then "year<TAB>value" at full precision.
QString pastedCells(const std::vector<double>& sales) {
    QString text = QStringLiteral("Year\tSmart speakers\n");
    for (int i = 0; i < kYears; ++i)
        text += QString::number(kLaunch + i) + QLatin1Char('\t') +
                QString::number(sales[static_cast<std::size_t>(i)], 'g', 17) + QLatin1Char('\n');
    return text;
}

QString cellText(double value, std::optional<double> se) {
    QString text = QLocale().toString(value, 'g', 4);
    if (se) text += QStringLiteral(" \u00B1 ") + QLocale().toString(*se, 'g', 4);
    return text;
}

QLineSeries* actualsLine(ChartCard* card, const QString& ref) {
    for (QAbstractSeries* s : card->chart()->series())
        if (s->objectName() == QStringLiteral("actuals:") + ref)
            return qobject_cast<QLineSeries*>(s);
    return nullptr;
}

}  // namespace

class CalibrationTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pasteFitCompareAcceptUndo() {
        auto window = test::makeWindow(nullptr);
        Document* doc = window->document();
        const core::Scenario original = doc->scenario();
        const std::vector<double> sales = bassSales();

        // Paste: the preview shows the parsed table; the column becomes a new series.
        ImportActualsDialog import(doc, pastedCells(sales), QStringLiteral("pasted data"));
        QVERIFY2(import.isParsed(), qPrintable(import.parseError()));
        QCOMPARE(import.preview()->rowCount(), kYears);
        QCOMPARE(import.preview()->columnCount(), 1);
        import.mapToNewSeries(0, QStringLiteral("speakers"), core::Unit::MillionUnits);
        QString error;
        QVERIFY(!import.apply(&error));  // no source yet
        QVERIFY(error.contains(QStringLiteral("where the actuals come from")));
        QCOMPARE(doc->undoStack()->count(), 0);
        import.setSource(QStringLiteral("Illustrative: Bass p 0.03, q 0.38, m 500"));
        QVERIFY2(import.apply(&error), qPrintable(error));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(doc->isModified());
        const core::Scenario imported = doc->scenario();
        const core::SeriesActuals* actuals = imported.findActuals("speakers");
        QVERIFY(actuals);
        QCOMPARE(int(actuals->values.size()), kYears);
        for (int i = 0; i < kYears; ++i)
            QCOMPARE(actuals->values.at(kLaunch + i), sales[static_cast<std::size_t>(i)]);

        // Fit by each Bass method: the table shows the core's parameters.
        FitDialog fit(doc, QStringLiteral("speakers"));
        QCOMPARE(fit.seriesIds(), QStringList{QStringLiteral("speakers")});
        fit.setKind(core::FitKind::Bass);
        QCOMPARE(int(fit.outcomes().size()), 3);
        const core::DataPoints data = core::actualPoints(doc->scenario(), "speakers");
        const core::FitMethod methods[] = {core::FitMethod::Ols, core::FitMethod::NlsDifference,
                                           core::FitMethod::NlsDensity};
        for (int c = 0; c < 3; ++c) {
            const auto& outcome = fit.outcomes()[static_cast<std::size_t>(c)];
            QCOMPARE(outcome.method, methods[c]);
            QVERIFY2(outcome.fit.has_value(), qPrintable(outcome.error));
            const core::FitResult expected = core::fitBass(data, methods[c]);
            const char* names[] = {"p", "q", "m"};
            for (int r = 0; r < 3; ++r) {
                const core::FitParameter& p = expected.parameter(names[r]);
                QCOMPARE(outcome.fit->value(names[r]), p.value);
                QCOMPARE(fit.table()->item(r, c)->text(), cellText(p.value, p.stdError));
            }
            QCOMPARE(fit.table()->item(3, c)->text(),
                     QLocale().toString(expected.rSquared, 'f', 4));
            QCOMPARE(fit.table()->item(5, c)->text(), QString::number(kYears));
        }
        // NLS on differences is exact on closed-form data: p, q, m to 1e-6 relative.
        const core::FitResult& nls = *fit.outcomes()[1].fit;
        QVERIFY(std::abs(nls.value("p") / kP - 1.0) < 1e-6);
        QVERIFY(std::abs(nls.value("q") / kQ - 1.0) < 1e-6);
        QVERIFY(std::abs(nls.value("m") / kM - 1.0) < 1e-6);
        QVERIFY(fit.fitChart()->chart()->series().size() >= 4);  // 3 fits + actuals

        // A method that fails shows the core's message: two years are too few.
        {
            core::Scenario few = doc->scenario();
            auto& values = few.actuals.back().values;
            values.erase(values.begin(), std::next(values.begin(), kYears - 2));
            Document small;
            small.load(few);
            FitDialog tooFew(&small, QStringLiteral("speakers"));
            tooFew.setKind(core::FitKind::Bass);
            for (const auto& o : tooFew.outcomes()) {
                QVERIFY(!o.fit);
                QVERIFY2(o.error.contains(QStringLiteral("at least 3")), qPrintable(o.error));
                QVERIFY(!tooFew.acceptOutcome(0));
            }
            QCOMPARE(tooFew.table()->item(0, 0)->text(), tooFew.outcomes()[0].error);
        }

        // Accept NLS on differences: one undo step; assumptions speakers_p/_q/_m hold the fit.
        QVERIFY2(fit.acceptOutcome(1, &error), qPrintable(error));
        QCOMPARE(doc->undoStack()->count(), 2);
        const core::SeriesDef* series = doc->scenario().findSeries("speakers");
        QVERIFY(series);
        QCOMPARE(series->kind, core::SeriesKind::Bass);
        for (const char* name : {"p", "q", "m"}) {
            const std::string id = std::string("speakers_") + name;
            QCOMPARE(series->params.at(name), core::Param{id});
            const core::Assumption* a = doc->scenario().findAssumption(id);
            QVERIFY(a);
            QCOMPARE(a->value, nls.value(name));
            QCOMPARE(doc->evaluator().assumption(id), nls.value(name));
            QVERIFY2(a->provenance.figure.en.find("fitted to") != std::string::npos,
                     a->provenance.figure.en.c_str());
            QVERIFY(window->assumptionsPanel()->slider(QString::fromStdString(id)));
        }
        QVERIFY(doc->scenario().findActuals("speakers"));  // the history stays

        // The chart: actuals solid through the pasted values; the model dashed from the last
        // actual year on, starting at the last actual.
        ChartCard* card = window->chartGrid()->card(QStringLiteral("speakers"));
        QVERIFY(card);
        QLineSeries* history = actualsLine(card, QStringLiteral("speakers"));
        QVERIFY(history);
        QCOMPARE(history->pen().style(), Qt::SolidLine);
        QCOMPARE(history->count(), kYears);
        for (int i = 0; i < kYears; ++i) {
            QCOMPARE(history->at(i).x(), double(kLaunch + i));
            QCOMPARE(history->at(i).y(), sales[static_cast<std::size_t>(i)]);
        }
        const QList<QPointF> forecast = card->plottedPoints(QStringLiteral("speakers"));
        const int last = kLaunch + kYears - 1;
        const int end = doc->evaluator().years().last;
        QCOMPARE(forecast.size(), end - last + 1);
        QCOMPARE(forecast.first(), QPointF(last, sales.back()));
        const Eigen::ArrayXd model = doc->evaluator().values("speakers");
        for (int i = 1; i < forecast.size(); ++i) {
            QCOMPARE(forecast[i].x(), double(last + i));
            QVERIFY(std::abs(forecast[i].y() - model(doc->evaluator().years().column(last + i))) <
                    1e-9);
        }
        QCOMPARE(card->actualsStyle().lastActualYear("speakers"), last);

        // The data table marks actual years (main output only) with the actual value.
        SeriesTableModel* table = window->tableModel();
        const int row = table->rowOf(QStringLiteral("speakers"));
        QVERIFY(row >= 0);
        const int first = doc->evaluator().years().first;
        QCOMPARE(table->index(row, 2023 - first).data(SeriesTableModel::kActualRole).toDouble(),
                 sales[0]);
        QVERIFY(table->index(row, last - first).data(Qt::BackgroundRole).isValid());
        QVERIFY(!table->index(row, last + 1 - first).data(Qt::BackgroundRole).isValid());
        QVERIFY(!table->index(table->rowOf(QStringLiteral("speakers.cumulative")), 0)
                     .data(SeriesTableModel::kActualRole)
                     .isValid());

        // Undo: one step back to the imported actuals, one more to the file as it was.
        doc->undoStack()->undo();
        QVERIFY(doc->scenario() == imported);
        QVERIFY(!window->assumptionsPanel()->slider(QStringLiteral("speakers_p")));
        QCOMPARE(doc->scenario().findSeries("speakers")->kind, core::SeriesKind::Points);
        doc->undoStack()->undo();
        QVERIFY(doc->scenario() == original);
        QVERIFY(!window->chartGrid()->card(QStringLiteral("speakers")));
        QVERIFY(!doc->isModified());
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        QCOMPARE(doc->evaluator().assumption("speakers_q"), nls.value("q"));
    }

    void logisticWithTheCeilingFixedOrFree() {
        auto window = test::makeWindow(nullptr);
        Document* doc = window->document();
        // s(t) = 80 / (1 + exp(-0.6 (t - 2028))), 2023-2030.
        QString text = QStringLiteral("year,rings\n");
        for (int y = 2023; y <= 2030; ++y)
            text += QString::number(y) + QLatin1Char(',') +
                    QString::number(80.0 / (1.0 + std::exp(-0.6 * (y - 2028))), 'g', 17) +
                    QLatin1Char('\n');
        ImportActualsDialog import(doc, text, QStringLiteral("rings.csv"));
        import.mapToNewSeries(0, QStringLiteral("rings"), core::Unit::MillionUnits);
        import.setSource(QStringLiteral("Illustrative"));
        QVERIFY(import.apply());
        FitDialog fit(doc, QStringLiteral("rings"));
        fit.setKind(core::FitKind::Logistic);
        fit.setFixedCeiling(80.0);
        QCOMPARE(int(fit.outcomes().size()), 1);
        QVERIFY2(fit.outcomes()[0].fit, qPrintable(fit.outcomes()[0].error));
        const core::FitResult& fixed = *fit.outcomes()[0].fit;
        QVERIFY(fixed.parameter("ceiling").fixed);
        QCOMPARE(fixed.value("ceiling"), 80.0);
        QVERIFY(std::abs(fixed.value("midpoint") - 2028.0) < 1e-6);
        QVERIFY(std::abs(fixed.value("steepness") / 0.6 - 1.0) < 1e-6);
        const core::DataPoints data = core::actualPoints(doc->scenario(), "rings");
        QCOMPARE(fixed.value("midpoint"),
                 core::fitSCurve(core::FitKind::Logistic, data, 80.0).value("midpoint"));
        fit.setFixedCeiling(std::nullopt);
        QVERIFY2(fit.outcomes()[0].fit, qPrintable(fit.outcomes()[0].error));
        QVERIFY(!fit.outcomes()[0].fit->parameter("ceiling").fixed);
        QVERIFY(std::abs(fit.outcomes()[0].fit->value("ceiling") / 80.0 - 1.0) < 1e-4);
        QVERIFY(fit.acceptOutcome(0));
        QCOMPARE(doc->scenario().findSeries("rings")->kind, core::SeriesKind::Logistic);
        QVERIFY(doc->scenario().findAssumption("rings_ceiling"));
    }

    void bassDensityTimingIsChosenAndKeptWhenAccepted() {
        // Issue 18: the NLS fit on m·f(t) at the end of the year (the default, as published
        // fits) or at mid-year; the accepted series reproduces the fitted values.
        for (const auto timing : {core::BassTiming::End, core::BassTiming::Mid}) {
            auto window = test::makeWindow(nullptr);
            Document* doc = window->document();
            ImportActualsDialog import(doc, pastedCells(bassSales()), QStringLiteral("pasted"));
            import.mapToNewSeries(0, QStringLiteral("speakers"), core::Unit::MillionUnits);
            import.setSource(QStringLiteral("Illustrative"));
            QVERIFY(import.apply());
            FitDialog fit(doc, QStringLiteral("speakers"));
            fit.setKind(core::FitKind::Bass);
            QCOMPARE(fit.bassTiming(), core::BassTiming::End);  // the default
            auto* combo = fit.findChild<QComboBox*>(QStringLiteral("fitBassTiming"));
            QVERIFY(combo && combo->isEnabled());
            fit.setBassTiming(timing);
            const bool mid = timing == core::BassTiming::Mid;
            const auto& density = fit.outcomes()[2];
            QCOMPARE(density.name, mid ? QStringLiteral("NLS on m\u00B7f(t \u2212 \u00BD)")
                                       : QStringLiteral("NLS on m\u00B7f(t)"));
            QVERIFY2(density.fit, qPrintable(density.error));
            QCOMPARE(density.fit->timing, std::optional(timing));
            const core::FitResult expected =
                core::fitBass(core::actualPoints(doc->scenario(), "speakers"),
                              core::FitMethod::NlsDensity, std::nullopt, timing);
            QCOMPARE(density.fit->value("p"), expected.value("p"));
            QCOMPARE(fit.table()->item(0, 2)->text(),
                     cellText(expected.value("p"), expected.parameter("p").stdError));
            const std::vector<double> fitted = density.fit->fitted;
            QVERIFY(fit.acceptOutcome(2));
            QCOMPARE(doc->scenario().findSeries("speakers")->form,
                     std::string(mid ? "density-mid" : "density-end"));
            for (int i = 0; i < kYears; ++i)
                QVERIFY(std::abs(doc->evaluator().value("speakers", kLaunch + i) -
                                 fitted[static_cast<std::size_t>(i)]) <=
                        1e-9 * fitted[static_cast<std::size_t>(i)]);
            // Other curves have no timing to choose.
            fit.setKind(core::FitKind::Logistic);
            QVERIFY(!combo->isEnabled());
        }
    }

    void refusedDefinitionsLeaveTheDocumentAsItWas() {
        QStringList messages;
        auto window = test::makeWindow(&messages);
        Document* doc = window->document();
        const core::Scenario original = doc->scenario();
        core::Scenario broken = original;
        broken.series.front().kind = core::SeriesKind::Formula;
        broken.series.front().expr = "nope * 2";  // an unknown name: the model refuses it
        QString error;
        QVERIFY(!doc->replaceDefinitions(broken, QStringLiteral("broken"), &error));
        QVERIFY2(error.contains(QStringLiteral("nope")), qPrintable(error));
        QVERIFY(doc->scenario() == original);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->evaluator().value("asic_market", 2028),
                 core::Evaluator(core::Model::compile(original)).value("asic_market", 2028));
    }

    void parserErrorIsShownVerbatim() {
        auto window = test::makeWindow(nullptr);
        ImportActualsDialog import(window->document(),
                                   QStringLiteral("year,sales\n2020,1\n2021,abc\n"),
                                   QStringLiteral("sales.csv"));
        QVERIFY(!import.isParsed());
        QCOMPARE(import.parseError(), QStringLiteral("line 3, column 2: 'abc' is not a number"));
        auto* label = import.findChild<QLabel*>(QStringLiteral("importMessage"));
        QVERIFY(label);
        QCOMPARE(label->text(), import.parseError());
        QVERIFY(!import.apply());
        QCOMPARE(window->document()->undoStack()->count(), 0);
    }

    void columnChartDrawsActualYearsSolidAndForecastLighter() {
        auto window = test::makeWindow(nullptr);
        Document* doc = window->document();
        ImportActualsDialog import(doc, QStringLiteral("year,AI-glasses sales\n2025,3.5\n2026,7\n"),
                                   QStringLiteral("glasses.csv"));
        QVERIFY2(import.isParsed(), qPrintable(import.parseError()));
        import.mapToSeries(0, QStringLiteral("glasses_sales"));
        import.setSource(QStringLiteral("Illustrative"));
        QVERIFY(import.apply());
        ChartCard* card = window->chartGrid()->card(QStringLiteral("glasses"));  // combo, 2025-
        QVERIFY(card);
        const QList<QPointF> bars = card->plottedPoints(QStringLiteral("glasses_sales"));
        QCOMPARE(bars.at(0), QPointF(2025, 3.5));
        QCOMPARE(bars.at(1), QPointF(2026, 7.0));
        const Eigen::ArrayXd model = doc->evaluator().values("glasses_sales");
        QVERIFY(std::abs(bars.at(2).y() - model(doc->evaluator().years().column(2027))) < 1e-9);
        QBarSet* set = nullptr;
        for (QAbstractSeries* s : card->chart()->series())
            if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
                for (QBarSet* b : bars->barSets())
                    if (b->count() > 0 && std::abs(b->at(0) - 3.5) < 1e-12) set = b;
        QVERIFY(set);
        // Forecast columns (2027 on) are selected, i.e. drawn in the lighter colour.
        QVERIFY(!set->isBarSelected(0));
        QVERIFY(!set->isBarSelected(1));
        QVERIFY(set->isBarSelected(2));
        QVERIFY(set->selectedColor().lightness() > set->color().lightness());
    }

    void editPasteActualsImportsTheClipboard() {
        auto window = test::makeWindow(nullptr);
        Document* doc = window->document();
        auto* actions = window->findChild<CalibrationActions*>();
        QVERIFY(actions);
        QApplication::clipboard()->setText(pastedCells(bassSales()));
        bool seen = false;
        QTimer::singleShot(0, [&] {  // the dialog is modal: answer it from the event loop
            for (QWidget* w : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<ImportActualsDialog*>(w);
                if (!dialog || !dialog->isVisible()) continue;
                seen = true;
                QCOMPARE(dialog->preview()->rowCount(), kYears);
                dialog->mapToNewSeries(0, QStringLiteral("speakers"), core::Unit::MillionUnits);
                dialog->setSource(QStringLiteral("Illustrative"));
                dialog->accept();
            }
        });
        actions->pasteActuals();
        QVERIFY(seen);
        QVERIFY(doc->scenario().findActuals("speakers"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(window->chartGrid()->card(QStringLiteral("speakers")));
    }

    void cardMenuOffersFitCurve() {
        auto window = test::makeWindow(nullptr);
        window->resize(1400, 900);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        ChartCard* card = window->chartGrid()->card(QStringLiteral("capex"));
        QVERIFY(card);
        QWidget* viewport = card->view()->viewport();
        const QPoint at(viewport->width() / 2, viewport->height() / 2);
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, viewport->mapToGlobal(at));
        QApplication::sendEvent(viewport, &click);
        QMenu* popup = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* m = qobject_cast<QMenu*>(w); m && m->isVisible()) popup = m;
        QVERIFY(popup);
        QVERIFY(popup->actions().first()->text().contains(QStringLiteral("Copy")));  // export's
        QVERIFY(popup->actions().last()->text().contains(QStringLiteral("Fit Curve")));
        popup->close();
        auto* tools = window->menuBar()->findChild<QMenu*>(QStringLiteral("toolsMenu"));
        QVERIFY(tools);
        QVERIFY(tools->actions().first()->text().contains(QStringLiteral("Fit Curve")));
    }

    void renderForALook() {
        const QString dir = qEnvironmentVariable("JEVONS_CALIBRATION_SCREENSHOTS");
        if (dir.isEmpty()) QSKIP("set JEVONS_CALIBRATION_SCREENSHOTS=<dir> to render PNGs");
        auto window = test::makeWindow(nullptr);
        Document* doc = window->document();
        ImportActualsDialog import(doc, pastedCells(bassSales()), QStringLiteral("pasted data"));
        import.mapToNewSeries(0, QStringLiteral("speakers"), core::Unit::MillionUnits);
        import.setSource(QStringLiteral("Illustrative"));
        import.resize(760, 600);
        import.grab().save(dir + QStringLiteral("/import-dialog.png"));
        QVERIFY(import.apply());
        FitDialog fit(doc, QStringLiteral("speakers"));
        fit.show();
        QTest::qWait(50);
        fit.grab().save(dir + QStringLiteral("/fit-dialog.png"));
        fit.setBassTiming(core::BassTiming::Mid);
        QTest::qWait(50);
        fit.grab().save(dir + QStringLiteral("/fit-dialog-mid.png"));
        QVERIFY(fit.acceptOutcome(1));
        window->resize(1600, 1000);
        window->show();
        QTest::qWait(100);
        window->grab().save(dir + QStringLiteral("/dashboard-actuals.png"));
        ChartCard* card = window->chartGrid()->card(QStringLiteral("speakers"));
        card->grab().save(dir + QStringLiteral("/card-actuals.png"));
        for (const char* name : {"speakers_p", "speakers_q", "speakers_m"})
            window->assumptionsPanel()
                ->slider(QString::fromLatin1(name))
                ->grab()
                .save(dir + QStringLiteral("/slider-") + QString::fromLatin1(name) +
                      QStringLiteral(".png"));
        ImportActualsDialog glasses(
            doc, QStringLiteral("year,AI-glasses sales\n2025,3.5\n2026,7\n2027,30\n2028,52\n"),
            QStringLiteral("glasses.csv"));
        glasses.mapToSeries(0, QStringLiteral("glasses_sales"));
        glasses.setSource(QStringLiteral("Illustrative"));
        QVERIFY(glasses.apply());
        QTest::qWait(50);
        FitDialog early(doc, QStringLiteral("glasses_sales"));
        early.setKind(core::FitKind::Bass);
        early.show();
        QTest::qWait(50);
        early.grab().save(dir + QStringLiteral("/fit-dialog-early.png"));
        // The same in Chinese (interface and labels).
        QVERIFY(applyInterfaceLanguage(QStringLiteral("zh")));
        doc->setLanguage(QStringLiteral("zh"));
        FitDialog chinese(doc, QStringLiteral("glasses_sales"));
        chinese.show();
        QTest::qWait(50);
        chinese.grab().save(dir + QStringLiteral("/fit-dialog-zh.png"));
        QVERIFY(applyInterfaceLanguage(QStringLiteral("en")));
        doc->setLanguage(QStringLiteral("en"));
        window->chartGrid()
            ->card(QStringLiteral("glasses"))
            ->grab()
            .save(dir + QStringLiteral("/card-glasses.png"));
    }
};

QTEST_MAIN(CalibrationTest)
#include "calibration_test.moc"
