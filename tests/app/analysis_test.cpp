// Histogram, tornado and goal seek in the dashboard (issue 5, items 4, 5, 6) and the uncertainty
// slides of the deck export (item 8): the views show the core's numbers for the document's
// current values, goal seek applies as one undo step, and the deck gains fan, tornado and
// histogram slides.
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/export/deck_export.h"
#include "app/export/export_deck_dialog.h"
#include "app/i18n/interface_language.h"
#include "app/uncertainty/goal_seek_dialog.h"
#include "app/uncertainty/histogram_view.h"
#include "app/uncertainty/tornado_view.h"
#include "app/uncertainty/uncertainty_dock.h"
#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/percentiles.h"
#include "core/uncertainty/tornado.h"
#include "test_support.h"

#include <QAbstractAxis>
#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <span>

using namespace jevons::app;
namespace core = jevons::core;

namespace {

// Slides in a .pptx, counted with python's zipfile.
int slidesIn(const QString& pptx) {
    QProcess p;
    p.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import sys, re, zipfile; print(sum(1 for n in zipfile.ZipFile("
                        "sys.argv[1]).namelist() if re.fullmatch(r'ppt/slides/slide\\d+\\.xml', "
                        "n)))"),
         pptx});
    p.waitForFinished(30000);
    return p.readAllStandardOutput().trimmed().toInt();
}

core::Tornado coreTornado(const Document& doc, const char* ref, int year) {
    return core::tornado(doc.model(), core::SamplingPlan::make(doc.scenario()), ref, year,
                         doc.evaluator().assumptionValues(), doc.activeScenario().toStdString());
}

}  // namespace

class AnalysisTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    QStringList m_messages;
    QTemporaryDir m_dir;

    Document& doc() { return *m_window->document(); }
    UncertaintyDock* dock() { return m_window->findChild<UncertaintyDock*>(); }

    void checkTornado() {
        TornadoView* view = dock()->tornadoView();
        const core::Tornado t = coreTornado(doc(), "asic_market", 2030);
        const auto ends = view->barEnds();
        // the bars that move the output, in the core's order (the rest do not reach it)
        std::size_t moving = 0;
        while (moving < t.bars.size() && t.bars[moving].swing() > 1e-6) ++moving;
        for (std::size_t i = moving; i < t.bars.size(); ++i)
            QVERIFY(t.bars[i].swing() <= 1e-9 * std::abs(t.base));
        QCOMPARE(ends.size(), qsizetype(moving));
        QVERIFY(moving >= 2);
        const DisplayPreferences& units = doc().displayPreferences();
        QCOMPARE(view->centre(), displayValue(units, t.base, core::Unit::UsdBillion));
        for (std::size_t i = 0; i < moving; ++i) {
            const auto k = static_cast<qsizetype>(i);
            QVERIFY2(qAbs(ends[k].first - displayValue(units, t.bars[i].lowOutput, t.unit)) < 1e-9,
                     t.bars[i].id.c_str());
            QVERIFY2(
                qAbs(ends[k].second - displayValue(units, t.bars[i].highOutput, t.unit)) < 1e-9,
                t.bars[i].id.c_str());
            const core::Assumption* a = doc().scenario().findAssumption(t.bars[i].id);
            QVERIFY(view->barLabels()[k].startsWith(labelText(a->label, doc().language())));
        }
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // never the reader's settings
        QVERIFY(m_dir.isValid());
        m_window = test::makeWindow(&m_messages);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(dock());
    }

    void menusOfferTheDockAndGoalSeek() {
        auto* goal = m_window->findChild<QAction*>(QStringLiteral("goalSeekAction"));
        QVERIFY(goal);
        QCOMPARE(goal->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
        auto* edit = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("editMenu"));
        QVERIFY(edit && edit->actions().contains(goal));
        auto* toggle = m_window->findChild<QAction*>(QStringLiteral("uncertaintyDockAction"));
        QVERIFY(toggle);
        auto* view = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
        QVERIFY(view && view->actions().contains(toggle));
        QVERIFY(dock()->isHidden());
        toggle->trigger();
        QVERIFY(dock()->isVisible());
        QCOMPARE(dock()->tabs()->tabText(0), QStringLiteral("Histogram"));
        QCOMPARE(dock()->tabs()->tabText(1), QStringLiteral("Tornado"));
    }

    void tornadoBarsAreTheCoresInOrder() {
        TornadoView* view = dock()->tornadoView();
        QCOMPARE(view->output(), QStringLiteral("asic_market"));
        QCOMPARE(view->year(), 2030);
        view->recompute();
        checkTornado();
        // widest first, and the ASIC share labelled with its P10–P90 inputs in display units
        const core::Tornado t = coreTornado(doc(), "asic_market", 2030);
        for (std::size_t i = 1; i < t.bars.size(); ++i)
            QVERIFY(t.bars[i - 1].swing() >= t.bars[i].swing());
        const auto it = std::find_if(t.bars.begin(), t.bars.end(),
                                     [](const auto& b) { return b.id == "asic_share_2028"; });
        QVERIFY(it != t.bars.end());
        const QString label = view->barLabels()[it - t.bars.begin()];
        const QString expected =
            QStringLiteral(": %1%–%2%")
                .arg(QLocale(QLocale::English).toString(it->lowInput * 100, 'f', 1),
                     QLocale(QLocale::English).toString(it->highInput * 100, 'f', 1));
        QVERIFY2(label.endsWith(expected), qPrintable(label + QStringLiteral(" vs ") + expected));
        QVERIFY(view->caption().contains(QStringLiteral("Centre line")));
    }

    void tornadoFollowsAnEdit() {
        TornadoView* view = dock()->tornadoView();
        dock()->tabs()->setCurrentWidget(view);
        const double before = view->centre();
        QVERIFY(doc().editAssumption(QStringLiteral("accel_2028"), 190.0));
        QTRY_VERIFY(qAbs(view->centre() - before) > 1.0);  // recomputed on the next turn
        checkTornado();
        doc().undoStack()->undo();
        QTRY_COMPARE(view->centre(), before);
    }

    void histogramMarksTheCoresPercentiles() {
        HistogramView* view = dock()->histogramView();
        QCOMPARE(view->output(), QStringLiteral("asic_market"));
        QCOMPARE(view->year(), 2028);
        view->recompute();
        // the core's own run with the same values
        core::MonteCarloOptions options;
        options.values = doc().evaluator().assumptionValues();
        options.scenario = doc().activeScenario().toStdString();
        const auto ref = *doc().model().resolve("asic_market");
        options.keep = {ref};
        const core::MonteCarloResult r =
            core::runMonteCarlo(doc().model(), core::SamplingPlan::make(doc().scenario()), options);
        const Eigen::ArrayXd column = r.grid(ref)->col(r.years.column(2028));
        const core::Percentiles p = core::percentiles(
            std::span<const double>(column.data(), static_cast<std::size_t>(column.size())));
        QCOMPARE(view->paths(), 10000);
        QCOMPARE(view->histogram().total, 10000L);
        const auto x = [&](const char* which) {
            QLineSeries* s = view->marker(QString::fromLatin1(which));
            return s ? s->at(0).x() : -1.0;
        };
        const auto shown = [&](double stored) {
            return displayValue(doc().displayPreferences(), stored, core::Unit::UsdBillion);
        };
        QVERIFY(qAbs(x("p50") - shown(p.p50)) < 1e-9);
        QVERIFY(qAbs(x("p10") - shown(p.p10)) < 1e-9);
        QVERIFY(qAbs(x("p90") - shown(p.p90)) < 1e-9);
        QVERIFY(qAbs(x("mean") - shown(p.mean)) < 1e-9);
        QVERIFY(qAbs(p.p50 - r.bands(ref)->p50[static_cast<std::size_t>(r.years.column(2028))]) <
                1e-12);
        // the base case's 42.9 lies between P10 and P90; the marker is named with its value
        QVERIFY(p.p10 < 42.9 && 42.9 < p.p90);
        QCOMPARE(
            view->marker(QStringLiteral("p50"))->name(),
            QStringLiteral("P50 %1 US$B").arg(QLocale(QLocale::English).toString(p.p50, 'f', 1)));
        QVERIFY2(view->caption().startsWith(QStringLiteral("10,000 paths, seed 20250209")),
                 qPrintable(view->caption()));
        // a share in %: the marker sits at P50 × 100
        view->setOutput(QStringLiteral("asic_share"));
        view->recompute();
        QVERIFY(x("p50") > 20 && x("p50") < 35);
    }

    void goalSeekAppliesAsOneUndoStep() {
        GoalSeekDialog dialog(&doc());
        dialog.setAssumption(QStringLiteral("asic_share_2028"));
        dialog.setOutput(QStringLiteral("asic_market"));
        dialog.setYear(2030);
        dialog.setTarget(75.0);  // US$B
        const double before = doc().evaluator().assumptionValues().at("asic_share_2028");
        const int steps = doc().undoStack()->index();
        QVERIFY2(dialog.solve(), qPrintable(dialog.message()));
        QVERIFY(dialog.applyButton()->isEnabled());
        QVERIFY(dialog.message().contains(QStringLiteral("makes")));
        QVERIFY(dialog.apply());
        QCOMPARE(doc().undoStack()->index(), steps + 1);
        QCOMPARE(doc().undoStack()->count(), steps + 1);  // one command
        const double reached = doc().evaluator().value("asic_market", 2030);
        QVERIFY2(qAbs(reached - 75.0) / 75.0 < 1e-6, qPrintable(QString::number(reached)));
        QCOMPARE(doc().evaluator().assumptionValues().at("asic_share_2028"),
                 dialog.result()->value);
        doc().undoStack()->undo();
        QCOMPARE(doc().evaluator().assumptionValues().at("asic_share_2028"), before);
        QCOMPARE(doc().undoStack()->index(), steps);
    }

    void goalSeekWithoutSolutionChangesNothing() {
        GoalSeekDialog dialog(&doc());
        dialog.setAssumption(QStringLiteral("asic_share_2028"));
        dialog.setOutput(QStringLiteral("asic_market"));
        dialog.setYear(2030);
        dialog.setTarget(5000.0);
        const auto values = doc().evaluator().assumptionValues();
        const int steps = doc().undoStack()->count();
        const int index = doc().undoStack()->index();
        QVERIFY(!dialog.solve());
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(!dialog.apply());
        QVERIFY2(dialog.message().startsWith(QStringLiteral("No value of")),
                 qPrintable(dialog.message()));
        // the range the output covers, in display units, from the core's scan
        const DisplayPreferences& units = doc().displayPreferences();
        QVERIFY(dialog.message().contains(QLocale().toString(
            displayValue(units, dialog.result()->highest, core::Unit::UsdBillion), 'f', 2)));
        QVERIFY(dialog.message().contains(QStringLiteral("Nothing was changed")));
        QCOMPARE(doc().undoStack()->count(), steps);
        QCOMPARE(doc().undoStack()->index(), index);
        QVERIFY(doc().evaluator().assumptionValues() == values);
    }

    void picturesOfTheCharts() {
        dock()->tabs()->setCurrentIndex(1);
        QChartView* view = dock()->tornadoView()->chartView();
        const QString png = m_dir.filePath(QStringLiteral("tornado.png"));
        QString error;
        QVERIFY2(dock()->savePicture(view, QStringLiteral("tornado"), png, &error),
                 qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), view->size() * 2);
        const QString svg = m_dir.filePath(QStringLiteral("tornado.svg"));
        QVERIFY(dock()->savePicture(view, QStringLiteral("tornado"), svg, &error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
        QVERIFY(!dock()->savePicture(view, QStringLiteral("tornado"),
                                     m_dir.filePath(QStringLiteral("no/such/dir/t.png")), &error));
        QVERIFY(error.startsWith(QStringLiteral("cannot write")));
        std::unique_ptr<QMenu> menu(dock()->pictureMenu(view, QStringLiteral("tornado"), nullptr));
        QCOMPARE(menu->actions().size(), 3);
    }

    void deckGainsUncertaintySlides() {
        ExportDeckDialog dialog(doc());
        QVERIFY(dialog.uncertaintyBox()->isChecked());  // the default forecast has ranges
        DeckExportRequest request = dialog.request();
        QVERIFY(request.uncertainty);
        QCOMPARE(request.tornadoOutput, QStringLiteral("asic_market"));
        QCOMPARE(request.tornadoYear, 2030);
        QCOMPARE(request.histogramYear, 2028);
        const QString with = m_dir.filePath(QStringLiteral("with.pptx"));
        exportDeck(doc(), request, with);
        request.uncertainty = false;
        const QString without = m_dir.filePath(QStringLiteral("without.pptx"));
        exportDeck(doc(), request, without);
        int lineCharts = 0;
        for (const core::ChartDef& c : doc().scenario().charts)
            lineCharts += c.type == core::ChartType::Line ? 1 : 0;
        QCOMPARE(slidesIn(with), slidesIn(without) + lineCharts + 2);
    }

    void chineseLabels() {
        doc().setLanguage(QStringLiteral("zh"));
        TornadoView* view = dock()->tornadoView();
        view->recompute();
        const core::Assumption* a = doc().scenario().findAssumption("asic_share_2028");
        bool found = false;
        for (const QString& label : view->barLabels())
            found = found || label.startsWith(toQString(a->label.zh) + QStringLiteral("："));
        QVERIFY2(found, qPrintable(view->barLabels().join(QStringLiteral(" | "))));
        doc().setLanguage(QStringLiteral("en"));
    }

    // Issue 20: in 万台 the AI glasses of 2035 (1,400M units) read 14.0 亿台 in the histogram and
    // the tornado, as on the chart axes, not 140,000 万台.
    void groupedUnitsLikeTheAxes() {
        const DisplayPreferences before = doc().displayPreferences();
        DisplayPreferences units = before;
        units.volume = core::DisplayUnit::TenThousandUnits;
        doc().setDisplayPreferences(units);
        doc().setLanguage(QStringLiteral("zh"));
        HistogramView* h = dock()->histogramView();
        h->setOutput(QStringLiteral("glasses_sales"));
        h->setYear(2035);
        h->recompute();
        QStringList titles;
        for (QAbstractAxis* axis : h->chartView()->chart()->axes(Qt::Horizontal))
            titles << axis->titleText();
        QCOMPARE(titles, QStringList{QStringLiteral("亿台")});
        TornadoView* t = dock()->tornadoView();
        t->setOutput(QStringLiteral("glasses_sales"));
        t->setYear(2035);
        t->recompute();
        QVERIFY2(qAbs(t->centre() - 14.0) < 1e-9, qPrintable(QString::number(t->centre())));
        QVERIFY2(t->caption().contains(QStringLiteral("14.00 亿台")), qPrintable(t->caption()));
        doc().setLanguage(QStringLiteral("en"));
        doc().setDisplayPreferences(before);
    }

    // Not a check: with JEVONS_SCREENSHOT_DIR set, pictures of the dock's tabs and the goal seek
    // dialog (English and Chinese) to look at.
    void screenshots() {
        const QString dir = qEnvironmentVariable("JEVONS_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set JEVONS_SCREENSHOT_DIR to write screenshots");
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")}) {
            applyInterfaceLanguage(language);
            doc().setLanguage(language);
            dock()->setFloating(true);
            dock()->resize(900, 560);
            dock()->show();
            for (int tab = 0; tab < 2; ++tab) {
                dock()->tabs()->setCurrentIndex(tab);
                dock()->histogramView()->recompute();
                dock()->tornadoView()->recompute();
                QTest::qWait(50);
                dock()->grab().save(dir + QStringLiteral("/dock-%1-%2.png").arg(language).arg(tab));
            }
            dock()->setFloating(false);
            m_window->resize(1600, 1000);
            QTest::qWait(50);
            m_window->grab().save(dir + QStringLiteral("/window-%1.png").arg(language));
            GoalSeekDialog dialog(&doc());
            dialog.setTarget(75.0);
            dialog.solve();
            dialog.show();
            QTest::qWait(50);
            dialog.grab().save(dir + QStringLiteral("/goalseek-%1.png").arg(language));
            dialog.setTarget(5000.0);
            dialog.solve();
            QTest::qWait(50);
            dialog.grab().save(dir + QStringLiteral("/goalseek-none-%1.png").arg(language));
        }
        applyInterfaceLanguage(QStringLiteral("en"));
        doc().setLanguage(QStringLiteral("en"));
    }

    // A view that is not shown refills its choices only when it is shown or asked: a structural
    // edit costs the hidden tab nothing, and the new series is offered once the tab shows.
    void hiddenViewsRefillTheirChoicesWhenShownOrAsked() {
        TornadoView* tornado = dock()->tornadoView();
        HistogramView* histogram = dock()->histogramView();
        dock()->tabs()->setCurrentWidget(histogram);
        QVERIFY(histogram->isVisible() && !tornado->isVisible());
        auto* tornadoChoices = tornado->findChild<QComboBox*>(QStringLiteral("tornadoOutput"));
        auto* histogramChoices =
            histogram->findChild<QComboBox*>(QStringLiteral("histogramOutput"));
        const int before = tornadoChoices->count();
        QCOMPARE(histogramChoices->count(), before);
        const QString chosen = histogram->output();
        core::Scenario next = test::withFormulaSeries(doc().scenario(), "asic_doubled",
                                                      "ASIC market doubled", "asic_market * 2");
        QVERIFY(doc().replaceDefinitions(next, QStringLiteral("add")));
        QCOMPARE(histogramChoices->count(), before + 1);  // shown: refilled at once
        QCOMPARE(tornadoChoices->count(), before);        // hidden: not yet
        dock()->tabs()->setCurrentWidget(tornado);
        QCOMPARE(tornadoChoices->count(), before + 1);
        QVERIFY(tornadoChoices->findData(QStringLiteral("asic_doubled")) >= 0);
        // Asked while hidden and stale: the list is refilled first.
        doc().undoStack()->undo();                        // the series is gone again
        QCOMPARE(histogramChoices->count(), before + 1);  // hidden: not refilled yet
        QCOMPARE(histogram->output(), chosen);            // asked: refilled, the choice kept
        QCOMPARE(histogramChoices->count(), before);
        doc().undoStack()->redo();
        histogram->setOutput(QStringLiteral("asic_doubled"));
        QCOMPARE(histogram->output(), QStringLiteral("asic_doubled"));
        histogram->setOutput(chosen);
        doc().undoStack()->undo();
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(AnalysisTest)
#include "analysis_test.moc"
