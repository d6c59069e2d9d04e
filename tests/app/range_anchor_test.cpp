// A published range (issue 14: the report's F6, Broadcom's US$60–90B for 2027) on screen and in
// a picture: a red bar with caps over its year, spanning 60 to 90 on the value axis; its tooltip
// names the figure; it is not draggable.
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/charts/palette.h"
#include "app/export/chart_renderer.h"
#include "test_support.h"

#include <QChart>
#include <QStandardPaths>
#include <QTest>
#include <QValueAxis>

using namespace jevons::app;

class RangeAnchorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aBarWithCapsOnScreen();
    void aBarInThePicture();
};

namespace {

int f6Index(const Document& d) {
    const auto& anchors = d.scenario().anchors;
    for (std::size_t i = 0; i < anchors.size(); ++i)
        if (anchors[i].isRange() && anchors[i].series == "asic_market") return int(i);
    return -1;
}

/// The longest vertical run of anchor-red pixels in any column of `image`.
int longestRedRun(const QImage& image) {
    int best = 0;
    for (int x = 0; x < image.width(); ++x) {
        int run = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QColor c = image.pixelColor(x, y);
            const bool red = std::abs(c.red() - palette::kAnchor.red()) < 40 &&
                             std::abs(c.green() - palette::kAnchor.green()) < 40 &&
                             std::abs(c.blue() - palette::kAnchor.blue()) < 40;
            run = red ? run + 1 : 0;
            best = std::max(best, run);
        }
    }
    return best;
}

}  // namespace

void RangeAnchorTest::aBarWithCapsOnScreen() {
    auto window = test::makeWindow(nullptr);
    window->resize(1600, 1000);
    window->show();
    QCoreApplication::processEvents();
    const int f6 = f6Index(*window->document());
    QVERIFY(f6 >= 0);
    ChartCard* card = window->chartGrid()->card(QStringLiteral("asic_market"));
    QVERIFY(card);
    test::bringIntoView(card);
    QVERIFY(card->anchorsShown().contains(f6));
    const QRect bar = card->rangeBarViewRect(f6);
    QVERIFY(!bar.isEmpty());
    // The bar spans 60 to 90 of the axis: 30 / (max - min) of the plot's height.
    QValueAxis* axis = card->valueAxis();
    const QRectF plot = card->chart()->plotArea();
    const double expected = plot.height() * 30.0 / (axis->max() - axis->min());
    QVERIFY2(std::abs(bar.height() - expected) <= 2.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(bar.height()).arg(expected)));
    // Over 2027: the model's point for that year is straight below the bar (29.8 < 60).
    const QPoint model = card->anchorViewPosition(f6);
    QVERIFY(std::abs(bar.center().x() - model.x()) <= 2);
    QVERIFY(bar.bottom() < model.y());
    // The tooltip names the figure and the range; no drag starts on it.
    QVERIFY(card->anchorToolTip(f6).contains(QStringLiteral("Broadcom")));
    QVERIFY(card->anchorToolTip(f6).contains(QStringLiteral("60.0 US$B \u2013 90.0 US$B")));
    QCOMPARE(card->draggableAnchorAt(bar.center()), -1);
    QVERIFY(!card->beginAnchorDrag(f6));
}

void RangeAnchorTest::aBarInThePicture() {
    auto window = test::makeWindow(nullptr);
    const ChartRenderer renderer(*window->document());
    const auto* def = renderer.chart(QStringLiteral("asic_market"));
    QVERIFY(def);
    const QImage image = renderer.image(*def);
    // Diamonds are 15 px; the 60-90 bar of a 0-125 axis is a fifth or more of the plot.
    const int run = longestRedRun(image);
    QVERIFY2(run > 60, qPrintable(QString::number(run)));
}

QTEST_MAIN(RangeAnchorTest)
#include "range_anchor_test.moc"
