// Presentation mode (issue 7): every chart in turn, keys, counter, source line, themes, and the
// what-if overlay whose sliders move the chart (undoable, marked unsaved).
#include "app/assumptions/assumption_slider.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_view.h"
#include "app/document/document.h"
#include "app/presentation/chart_drivers.h"
#include "app/presentation/presentation_window.h"
#include "app/presentation/whatif_overlay.h"
#include "test_support.h"

#include <QChart>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <set>

using namespace jevons::app;

class PresentationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // never the reader's settings
    }
    void stepsThroughEveryChart();
    void keysMoveAndEscLeaves();
    void bigFontsOnAProjector();
    void driversComeFromTheModel();
    void overlaySlidersMoveTheChart();
    void darkTheme();
};

void PresentationTest::stepsThroughEveryChart() {
    auto window = test::makeWindow(nullptr);
    const auto& charts = window->document()->scenario().charts;
    PresentationWindow p(window->document());
    p.resize(1600, 900);
    p.show();
    QCOMPARE(p.slideCount(), int(charts.size()));
    QVERIFY(p.slideCount() >= 5);
    for (int i = 0; i < p.slideCount(); ++i) {
        QCOMPARE(p.currentSlide(), i);
        QVERIFY(p.card());
        QCOMPARE(p.card()->definition().id, charts[std::size_t(i)].id);
        QCOMPARE(p.counterLabel()->text(), QStringLiteral("%1 / %2").arg(i + 1).arg(charts.size()));
        QCOMPARE(p.card()->sourceLabel()->text(), toQString(charts[std::size_t(i)].sourceLine.en));
        QVERIFY(p.card()->isVisible());
        // Each slide plots what the core computes.
        const auto& def = charts[std::size_t(i)];
        const QString ref = toQString(def.series.front());
        const auto& e = window->document()->evaluator();
        const int from = def.fromYear ? def.fromYear : e.years().first;
        const int to = def.toYear ? def.toYear : e.years().last;
        const QList<QPointF> plotted = p.card()->plottedPoints(ref);
        const QList<QPointF> expected = test::expectedPoints(*window->document(), ref, from, to);
        QCOMPARE(plotted.size(), expected.size());
        for (int k = 0; k < plotted.size(); ++k)
            QVERIFY(qFuzzyCompare(plotted[k].y() + 1, expected[k].y() + 1));
        QTest::keyClick(&p, Qt::Key_PageDown);
    }
    QCOMPARE(p.currentSlide(), p.slideCount() - 1);  // stays on the last slide
}

void PresentationTest::keysMoveAndEscLeaves() {
    auto window = test::makeWindow(nullptr);
    PresentationWindow p(window->document());
    p.resize(1280, 720);
    p.show();
    QTest::keyClick(&p, Qt::Key_Right);
    QCOMPARE(p.currentSlide(), 1);
    QTest::keyClick(&p, Qt::Key_Space);
    QCOMPARE(p.currentSlide(), 2);
    QTest::keyClick(&p, Qt::Key_Left);
    QCOMPARE(p.currentSlide(), 1);
    QTest::keyClick(&p, Qt::Key_PageUp);  // clickers send Page Up / Page Down
    QCOMPARE(p.currentSlide(), 0);
    QTest::keyClick(&p, Qt::Key_End);
    QCOMPARE(p.currentSlide(), p.slideCount() - 1);
    QTest::keyClick(&p, Qt::Key_Home);
    QCOMPARE(p.currentSlide(), 0);
    QSignalSpy closed(&p, &PresentationWindow::closed);
    QTest::keyClick(&p, Qt::Key_Escape);
    QCOMPARE(closed.count(), 1);
    QVERIFY(!p.isVisible());
}

void PresentationTest::bigFontsOnAProjector() {
    auto window = test::makeWindow(nullptr);
    PresentationWindow p(window->document());
    p.resize(1920, 1080);
    p.show();
    QCoreApplication::processEvents();
    // The chart is laid out at slide size and magnified: 15 pt titles show at >= 24 pt.
    QVERIFY2(p.scale() >= 1.6, qPrintable(QString::number(p.scale())));
    QVERIFY(p.card()->view()->transform().m11() >= 1.6);
    QVERIFY(p.card()->sourceLabel()->font().pointSizeF() >= 13.0);
    QVERIFY(p.card()->view()->viewport()->height() > 700);
}

void PresentationTest::driversComeFromTheModel() {
    auto window = test::makeWindow(nullptr);
    const Document* doc = window->document();
    const auto& model = doc->model();
    for (const auto& chart : doc->scenario().charts) {
        const auto drivers = chartDrivers(doc->evaluator(), chart);
        QVERIFY2(!drivers.empty() && drivers.size() <= 4, chart.id.c_str());
        std::set<int> shown;
        for (const auto& name : chart.series) shown.insert(model.resolve(name)->series);
        for (const auto& name : chart.secondary) shown.insert(model.resolve(name)->series);
        for (std::size_t i = 0; i < drivers.size(); ++i) {
            const auto& deps = model.dependentsOf(model.assumptionIndex(drivers[i].assumption));
            QVERIFY(std::any_of(deps.begin(), deps.end(), [&](int s) { return shown.count(s); }));
            if (i > 0)
                QVERIFY(drivers[i - 1].sensitivity * (drivers[i - 1].drivesAnchor ? 1.5 : 1) >=
                        drivers[i].sensitivity * (drivers[i].drivesAnchor ? 1.5 : 1));
        }
    }
    // The ASIC market chart is driven by the ASIC share the report argues about.
    const auto asic = chartDrivers(doc->evaluator(), *doc->scenario().findChart("asic_market"));
    QVERIFY(asic.size() >= 2);
    QVERIFY(std::any_of(asic.begin(), asic.end(),
                        [](const ChartDriver& d) { return d.assumption == "asic_share_2028"; }));
}

void PresentationTest::overlaySlidersMoveTheChart() {
    auto window = test::makeWindow(nullptr);
    Document* doc = window->document();
    PresentationWindow p(doc);
    p.resize(1600, 900);
    p.show();
    QVERIFY(!p.overlayVisible());
    QTest::keyClick(&p, Qt::Key_W);
    QVERIFY(p.overlayVisible());
    const QStringList ids = p.overlay()->assumptionIds();
    QVERIFY2(ids.size() >= 2 && ids.size() <= 4, qPrintable(ids.join(QLatin1Char(','))));
    QVERIFY(ids.contains(QStringLiteral("asic_share_2028")));
    AssumptionSlider* share = nullptr;
    for (AssumptionSlider* s : p.overlay()->sliders())
        if (s->assumptionId() == QStringLiteral("asic_share_2028")) share = s;
    QVERIFY(share);
    QVERIFY(share->font().pointSizeF() >= 14.0);  // large sliders

    const auto before = p.card()->plottedPoints(QStringLiteral("asic_market"));
    // "What if the share is 30%?"
    share->slider()->setValue(share->slider()->value() + 10);
    QVERIFY(doc->evaluator().assumption("asic_share_2028") > 0.25 + 1e-9);
    const auto after = p.card()->plottedPoints(QStringLiteral("asic_market"));
    QCOMPARE(after, test::expectedPoints(*doc, QStringLiteral("asic_market"), 2023,
                                         int(after.last().x())));
    QVERIFY(after[5].y() > before[5].y());  // 2028 grew with the share
    QVERIFY(doc->isModified());
    QVERIFY(p.unsavedLabel()->isVisibleTo(&p));
    // Slide keys still work while a slider has the focus; the overlay follows the chart.
    QTest::keyClick(share->slider(), Qt::Key_PageDown);
    QCOMPARE(p.currentSlide(), 1);
    QVERIFY(p.overlay()->assumptionIds().contains(QStringLiteral("asic_share_2028")));
    QTest::keyClick(&p, Qt::Key_PageUp);
    // Undo puts the share and the chart back.
    QTest::keyClick(&p, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc->evaluator().assumption("asic_share_2028"), 0.25);
    QCOMPARE(p.card()->plottedPoints(QStringLiteral("asic_market")), before);
    QVERIFY(!doc->isModified());
    QTest::keyClick(&p, Qt::Key_W);
    QVERIFY(!p.overlayVisible());
}

void PresentationTest::darkTheme() {
    auto window = test::makeWindow(nullptr);
    PresentationWindow p(window->document());
    p.resize(1280, 720);
    p.show();
    QCOMPARE(p.card()->chart()->backgroundBrush().color(), QColor(Qt::white));
    QTest::keyClick(&p, Qt::Key_T);
    QCOMPARE(p.theme(), PresentationWindow::Theme::Dark);
    QVERIFY(p.card()->chart()->backgroundBrush().color().lightnessF() < 0.2);
    QVERIFY(p.card()->chart()->titleBrush().color().lightnessF() > 0.8);
    const QImage image = p.grab().toImage();
    QVERIFY(QColor(image.pixel(5, 5)).lightnessF() < 0.2);
}

QTEST_MAIN(PresentationTest)
#include "presentation_test.moc"
