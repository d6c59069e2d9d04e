// A first window that fits (issue 18): on a first start the window takes 90% of the available
// screen's width and height, centred, with at least two chart cards fully visible; a second start
// restores a moved and resized window and its dock layout. CMake runs this test on three virtual
// screens (the offscreen platform's configfile, tests/data/screens/*.json): 1366×768,
// 1920×1080 and 2560×1440. Settings live in a temporary HOME and XDG_CONFIG_HOME, never the
// user's. With JEVONS_TEST_SHOTS=dir the first window is saved as first-window-WxH.png there.
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/document/document.h"
#include "test_support.h"

#include <QApplication>
#include <QDockWidget>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace jevons::app;

class FirstWindowTest : public QObject {
    Q_OBJECT

private:
    static QRect available() { return QGuiApplication::primaryScreen()->availableGeometry(); }
    static QString screenName() {
        return QStringLiteral("%1x%2").arg(available().width()).arg(available().height());
    }
    /// A window as `jevons` starts it: settings restored (or first-start placement), the
    /// default forecast opened, shown.
    static std::unique_ptr<MainWindow> start(bool* restored) {
        auto window = std::make_unique<MainWindow>();
        window->setUnsavedChangesPrompt([](QWidget*) { return QMessageBox::Discard; });
        *restored = window->restoreSettings();
        window->openFile(test::defaultForecast());
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
        QCoreApplication::processEvents();
        return window;
    }
    /// Cards whose whole rectangle lies inside the chart area's visible viewport.
    static int fullyVisibleCards(const MainWindow& window) {
        auto* scroll = qobject_cast<QScrollArea*>(window.centralWidget());
        if (!scroll) return -1;
        const QRect viewport = scroll->viewport()->rect();
        int visible = 0;
        for (ChartCard* card : window.chartGrid()->cards()) {
            const QRect r(card->mapTo(scroll->viewport(), QPoint(0, 0)), card->size());
            if (viewport.contains(r)) ++visible;
        }
        return visible;
    }

private slots:
    void initTestCase() {
        QVERIFY(QStandardPaths::isTestModeEnabled());
        QSettings().clear();
        qInfo("screen %s, available %d,%d %dx%d", qPrintable(screenName()), available().x(),
              available().y(), available().width(), available().height());
    }

    void firstStartTakesNinetyPercentCentredWithTwoChartsVisible() {
        bool restored = true;
        auto window = start(&restored);
        QVERIFY(window);
        QVERIFY(!restored);

        const QRect avail = available();
        const QRect want = MainWindow::firstStartGeometry(avail);
        QCOMPARE(want.width(), avail.width() * 9 / 10);
        QCOMPARE(want.height(), avail.height() * 9 / 10);
        QCOMPARE(window->geometry(), want);
        // The frame (the platform's borders included) lies inside the available area, centred.
        const QRect frame = window->frameGeometry();
        QVERIFY2(avail.contains(frame), qPrintable(QStringLiteral("frame %1,%2 %3x%4")
                                                       .arg(frame.x())
                                                       .arg(frame.y())
                                                       .arg(frame.width())
                                                       .arg(frame.height())));
        QVERIFY(std::abs(frame.center().x() - avail.center().x()) <= 2);
        QVERIFY(std::abs(frame.center().y() - avail.center().y()) <= 2);
        const double area =
            double(frame.width()) * frame.height() / (double(avail.width()) * avail.height());
        QVERIFY2(area > 0.80 && area < 0.84, qPrintable(QString::number(area)));

        const QString shots = qEnvironmentVariable("JEVONS_TEST_SHOTS");
        if (!shots.isEmpty()) {
            const QString path = shots + QStringLiteral("/first-window-%1.png").arg(screenName());
            QVERIFY(window->grab().save(path));
            qInfo("saved %s", qPrintable(path));
        }
        const int visible = fullyVisibleCards(*window);
        qInfo("%s: %d chart cards fully visible, %d columns", qPrintable(screenName()), visible,
              window->chartGrid()->columnCount());
        QVERIFY2(visible >= 2, qPrintable(QString::number(visible)));
        QVERIFY(window->chartGrid()->columnCount() >= 2);

        window->close();  // saves the geometry and the dock layout
    }

    void secondStartRestoresAMovedAndResizedWindow() {
        QSettings().clear();
        bool restored = true;
        auto first = start(&restored);
        QVERIFY(first);
        QVERIFY(!restored);
        const QRect avail = available();
        const QRect moved(avail.x() + 40, avail.y() + 30, avail.width() / 2 + 100,
                          avail.height() / 2 + 80);
        first->setGeometry(moved);
        auto* tables = first->findChild<QDockWidget*>(QStringLiteral("tablesDock"));
        QVERIFY(tables);
        tables->hide();
        QCoreApplication::processEvents();
        QTRY_COMPARE(first->geometry(), moved);
        QVERIFY(first->close());
        first.reset();

        auto second = start(&restored);
        QVERIFY(second);
        QVERIFY(restored);
        QCOMPARE(second->geometry(), moved);
        QVERIFY(second->findChild<QDockWidget*>(QStringLiteral("tablesDock"))->isHidden());
        QVERIFY(!second->findChild<QDockWidget*>(QStringLiteral("assumptionsDock"))->isHidden());
    }
};

int main(int argc, char** argv) {
    // Never the user's settings: a temporary home and configuration folder, and test mode.
    QTemporaryDir home;
    if (!home.isValid()) return 2;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("JevonsFirstWindowTest"));
    FirstWindowTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "first_window_test.moc"
