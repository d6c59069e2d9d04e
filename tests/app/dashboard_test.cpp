// The dashboard end to end: widgets edit the document, every chart follows with exactly the
// core's values, undo and scenarios, direct manipulation, the rendered window.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/charts/chart_view.h"
#include "app/document/document.h"
#include "app/scenarios/differences_model.h"
#include "app/scenarios/scenario_bar.h"
#include "app/table/series_table_model.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "test_support.h"

#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

using namespace jevons::app;
namespace core = jevons::core;

class DashboardTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    QStringList m_messages;

    Document* doc() { return m_window->document(); }
    // The card of chart `id`, scrolled into view (where a user looks at it).
    ChartCard* card(const char* id) {
        ChartCard* c = m_window->chartGrid()->card(QString::fromLatin1(id));
        if (c) test::bringIntoView(c);
        return c;
    }
    AssumptionSlider* row(const char* id) {
        return m_window->assumptionsPanel()->slider(QString::fromLatin1(id));
    }
    // Every point the card plots for `ref` equals the core's value, bit for bit.
    void verifyMatchesCore(ChartCard* c, const QString& ref) {
        const QList<QPointF> plotted = c->plottedPoints(ref);
        QVERIFY2(!plotted.isEmpty(), qPrintable(ref));
        const QList<QPointF> expected =
            test::expectedPoints(*doc(), ref, int(plotted.first().x()), int(plotted.last().x()));
        QCOMPARE(plotted.size(), expected.size());
        for (int i = 0; i < plotted.size(); ++i) {
            QCOMPARE(plotted[i].x(), expected[i].x());
            QVERIFY2(plotted[i].y() == expected[i].y(),
                     qPrintable(QStringLiteral("%1 %2: plotted %3, core %4")
                                    .arg(ref)
                                    .arg(plotted[i].x())
                                    .arg(plotted[i].y(), 0, 'g', 17)
                                    .arg(expected[i].y(), 0, 'g', 17)));
        }
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_messages.clear();
        // Uncertainty as a new user finds it: on, since the default forecast has ranges.
        QSettings().remove(QString::fromLatin1(UncertaintyEngine::kSettingsKey));
        m_window = test::makeWindow(&m_messages);
        QVERIFY2(doc()->isLoaded(), qPrintable(m_messages.join(QStringLiteral("\n"))));
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void everyChartHasACard() {
        const auto& charts = doc()->scenario().charts;
        QCOMPARE(m_window->chartGrid()->cards().size(), qsizetype(charts.size()));
        for (const auto& c : charts) QVERIFY(card(c.id.c_str()) != nullptr);
    }

    void spinBoxEditMovesColumnsToCoreValues() {
        ChartCard* c = card("asic_market");
        const QList<QPointF> before = c->plottedPoints(QStringLiteral("asic_market"));
        verifyMatchesCore(c, QStringLiteral("asic_market"));

        row("accel_2028")->spinBox()->setValue(220.0);
        QCOMPARE(doc()->evaluator().assumption("accel_2028"), 220.0);
        verifyMatchesCore(c, QStringLiteral("asic_market"));
        QVERIFY(c->plottedPoints(QStringLiteral("asic_market")) != before);
        QVERIFY(m_window->isWindowModified());

        doc()->undoStack()->undo();
        verifyMatchesCore(c, QStringLiteral("asic_market"));
        QCOMPARE(c->plottedPoints(QStringLiteral("asic_market")), before);
        QCOMPARE(row("accel_2028")->spinBox()->value(), 171.6);
        QVERIFY(!m_window->isWindowModified());
    }

    void shareSpinBoxWorksInPercent() {
        ChartCard* c = card("asic_share");
        row("asic_share_2028")->spinBox()->setValue(30.0);  // 30% shown = 0.30 stored
        QVERIFY(qAbs(doc()->evaluator().assumption("asic_share_2028") - 0.30) < 1e-12);
        verifyMatchesCore(c, QStringLiteral("asic_share"));
        QVERIFY(qAbs(c->plottedPoints(QStringLiteral("asic_share")).at(5).y() - 30.0) < 1e-6);
    }

    void sliderDragIsOneUndoStep() {
        QSlider* slider = row("glasses_2035")->slider();
        const double before = doc()->evaluator().assumption("glasses_2035");
        const int steps = doc()->undoStack()->count();
        slider->setSliderDown(true);  // sliderPressed
        for (int k = 1; k <= 10; ++k) slider->setValue(slider->value() + 3);
        slider->setSliderDown(false);  // sliderReleased
        QCOMPARE(doc()->undoStack()->count(), steps + 1);
        QVERIFY(doc()->evaluator().assumption("glasses_2035") != before);
        verifyMatchesCore(card("glasses"), QStringLiteral("glasses_sales"));
        doc()->undoStack()->undo();
        QCOMPARE(doc()->evaluator().assumption("glasses_2035"), before);
        verifyMatchesCore(card("glasses"), QStringLiteral("glasses_sales"));
    }

    void onlyAffectedCardsRefresh() {
        const long asic = card("asic_market")->refreshCount();
        const long glasses = card("glasses")->refreshCount();
        row("glasses_2035")->spinBox()->setValue(1500.0);
        QCOMPARE(card("asic_market")->refreshCount(), asic);
        QCOMPARE(card("glasses")->refreshCount(), glasses + 1);
    }

    void tableFollowsEdits() {
        row("accel_2028")->spinBox()->setValue(200.0);
        auto* model = m_window->tableModel();
        const int r = model->rowOf(QStringLiteral("asic_market"));
        QVERIFY(r >= 0);
        const int col = 2028 - doc()->evaluator().years().first;
        QCOMPARE(model->data(model->index(r, col), Qt::DisplayRole).toString(),
                 QString::number(doc()->evaluator().value("asic_market", 2028), 'f', 1));
    }

    void scenarioSwitchChangesCharts() {
        ChartCard* c = card("asic_market");
        const QList<QPointF> base = c->plottedPoints(QStringLiteral("asic_market"));
        QComboBox* combo = m_window->scenarioBar()->comboBox();
        const int bull = combo->findData(QStringLiteral("bull"));
        QVERIFY(bull >= 0);
        combo->setCurrentIndex(bull);
        emit combo->activated(bull);
        QCOMPARE(doc()->activeScenario(), QStringLiteral("bull"));
        verifyMatchesCore(c, QStringLiteral("asic_market"));
        QVERIFY(c->plottedPoints(QStringLiteral("asic_market")) != base);
        // The sliders show the scenario's values.
        QCOMPARE(row("asic_share_2028")->spinBox()->value(),
                 100.0 * doc()->evaluator().assumption("asic_share_2028"));
        doc()->undoStack()->undo();
        QCOMPARE(doc()->activeScenario(), QStringLiteral("base"));
        QCOMPARE(c->plottedPoints(QStringLiteral("asic_market")), base);
    }

    void refusedEditSnapsBack() {
        row("asic_share_ceiling")->spinBox()->setValue(30.0);  // ceiling 30%
        const double before = doc()->evaluator().assumption("asic_share_2028");
        const int steps = doc()->undoStack()->count();
        row("asic_share_2028")->spinBox()->setValue(40.0);  // above the ceiling: refused
        QCOMPARE(doc()->evaluator().assumption("asic_share_2028"), before);
        QCOMPARE(row("asic_share_2028")->spinBox()->value(), 100.0 * before);
        QCOMPARE(doc()->undoStack()->count(), steps);
        QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
        verifyMatchesCore(card("asic_share"), QStringLiteral("asic_share"));
    }

    void draggingAnAnchorRefitsItsAssumption() {
        ChartCard* c = card("asic_market");
        int anchor = -1;
        for (int i : c->anchorsShown())
            if (doc()->scenario().anchors[std::size_t(i)].year == 2028) anchor = i;
        QVERIFY(anchor >= 0);
        const std::string drives = doc()->scenario().anchors[std::size_t(anchor)].drives;
        const double before = doc()->evaluator().assumption(drives);
        const int steps = doc()->undoStack()->count();

        // With the mouse: press on the 2028 column top, drag up 60 px, release.
        ChartView* view = c->view();
        const QPoint start = c->anchorViewPosition(anchor);
        QCOMPARE(c->draggableAnchorAt(start), anchor);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        for (int dy = 10; dy <= 60; dy += 10)
            QTest::mouseMove(view->viewport(), start - QPoint(0, dy));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start - QPoint(0, 60));
        const double after = doc()->evaluator().assumption(drives);
        QVERIFY2(after > before, qPrintable(QString::number(after)));
        QCOMPARE(doc()->undoStack()->count(), steps + 1);  // one step per drag
        verifyMatchesCore(c, QStringLiteral("asic_market"));
        // The CAGR label follows: with uncertainty on (the default here) it reads the simulated
        // P10–P90 of the new values; off, the forecast's own CAGR.
        QVERIFY(!c->cagrItems().isEmpty());
        const double cagr = std::pow(doc()->evaluator().value("asic_market", 2028) /
                                         doc()->evaluator().value("asic_market", 2023),
                                     1.0 / 5) -
                            1;
        UncertaintyEngine* engine = m_window->uncertaintyEngine();
        const jevons::core::CagrRange* range =
            engine->current()->cagrRange("asic_market", 2023, 2028);
        QVERIFY(range);
        const QString point = QStringLiteral("+%1% CAGR").arg(cagr * 100, 0, 'f', 1);
        QCOMPARE(c->cagrItems().first()->text(),
                 point + QStringLiteral(" (P10\u2013P90 %1\u2013%2%)")
                             .arg(range->cagr.p10 * 100, 0, 'f', 0)
                             .arg(range->cagr.p90 * 100, 0, 'f', 0));
        engine->setEnabled(false);
        QCOMPARE(c->cagrItems().first()->text(), point);
        engine->setEnabled(true);

        // Through the card's API: the series passes through the dragged value.
        QVERIFY(c->beginAnchorDrag(anchor));
        c->dragAnchorTo(50.0);
        c->endAnchorDrag();
        QVERIFY(qAbs(doc()->evaluator().value("asic_market", 2028) - 50.0) < 1e-6);
        QCOMPARE(doc()->undoStack()->count(), steps + 2);
        doc()->undoStack()->undo();
        doc()->undoStack()->undo();
        QCOMPARE(doc()->evaluator().assumption(drives), before);
    }

    void compareModeOverlaysScenarios() {
        m_window->setCompareMode(true);
        ChartCard* c = card("asic_share");
        QVERIFY(!c->plottedPoints(QStringLiteral("asic_share"), 1).isEmpty());
        QVERIFY(!c->plottedPoints(QStringLiteral("asic_share"), 2).isEmpty());
        QVERIFY(c->plottedPoints(QStringLiteral("asic_share"), 1) !=
                c->plottedPoints(QStringLiteral("asic_share"), 0));
        // Edits still reach the live (active) scenario's lines.
        row("asic_share_2028")->spinBox()->setValue(35.0);
        verifyMatchesCore(card("asic_share"), QStringLiteral("asic_share"));
        QVERIFY(m_window->differencesModel()->rowCount() > 0);
        m_window->setCompareMode(false);
        QVERIFY(card("asic_share")->plottedPoints(QStringLiteral("asic_share"), 1).isEmpty());
    }

    void windowRendersEveryTitle() {
        QTest::qWait(50);
        const QImage image = m_window->grab().toImage();
        QVERIFY(!image.isNull());
        QSet<QRgb> colors;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) colors.insert(image.pixel(x, y));
        QVERIFY2(colors.size() > 200, qPrintable(QString::number(colors.size())));
        for (const auto& def : doc()->scenario().charts) {
            ChartCard* c = card(def.id.c_str());
            // JEVONS_CARD_DIR=/tmp/cards saves each card as a PNG for eyeballing.
            if (const QString dir = qEnvironmentVariable("JEVONS_CARD_DIR"); !dir.isEmpty())
                c->grab().save(dir + QLatin1Char('/') + QString::fromStdString(def.id) +
                               QStringLiteral(".png"));
            const QString title = labelText(def.title, doc()->language());
            // Long titles wrap onto two lines (an HTML line break).
            QCOMPARE(c->chart()->title().replace(QStringLiteral("<br>"), QStringLiteral(" ")),
                     title.toHtmlEscaped());
            bool found = false;
            for (QGraphicsItem* item : c->chart()->scene()->items()) {
                if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
                    found = found || text->toPlainText().simplified() == title;
            }
            QVERIFY2(found, qPrintable(title));
        }
    }

    void saveAsScenarioAddsOverrides() {
        row("elasticity")->spinBox()->setValue(2.0);
        QVERIFY(doc()->addScenario(QStringLiteral("elastic"), QStringLiteral("Elastic")));
        const auto* s = doc()->scenario().findScenario("elastic");
        QVERIFY(s != nullptr);
        QCOMPARE(s->overrides.size(), std::size_t(1));
        QCOMPARE(s->overrides.at("elasticity"), 2.0);
        QCOMPARE(doc()->activeScenario(), QStringLiteral("elastic"));
        QVERIFY(m_window->scenarioBar()->comboBox()->findData(QStringLiteral("elastic")) >= 0);
        doc()->undoStack()->undo();
        QVERIFY(doc()->scenario().findScenario("elastic") == nullptr);
    }
};

QTEST_MAIN(DashboardTest)
#include "dashboard_test.moc"
