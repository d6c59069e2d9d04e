// The scenario bridge on screen (issue 15): compare mode brings it up; it shows the core's
// Shapley steps for the scenarios as edited, follows edits, the language and the reader's
// choices, and computes nothing while hidden.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/document/document.h"
#include "app/export/deck_export.h"
#include "app/export/export_deck_dialog.h"
#include "app/scenarios/bridge_view.h"
#include "app/uncertainty/uncertainty_dock.h"
#include "core/bridge/bridge_plan.h"
#include "test_support.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImage>
#include <QProcess>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace jevons::app;
namespace core = jevons::core;

class BridgeTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    QStringList m_messages;
    QTemporaryDir m_dir;

    Document& doc() { return *m_window->document(); }
    QDockWidget* dock() { return m_window->findChild<QDockWidget*>(QStringLiteral("bridgeDock")); }
    BridgeView* view() { return m_window->findChild<BridgeView*>(); }
    void settle() {
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
    }
    QStackedBarSeries* bars() {
        const auto series = view()->chartView()->chart()->series();
        return series.isEmpty() ? nullptr : qobject_cast<QStackedBarSeries*>(series.first());
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // never the reader's settings
        QVERIFY(m_dir.isValid());
        m_window = test::makeWindow(&m_messages);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(dock() && view());
    }

    void hiddenItComputesNothingAndCompareBringsItUp() {
        QVERIFY(dock()->isHidden());
        QVERIFY(doc().editAssumption(QStringLiteral("capex_growth"), 0.13));
        settle();
        QCOMPARE(view()->computeCount(), 0);
        doc().undoStack()->undo();

        auto* compare = m_window->findChild<QToolButton*>(QStringLiteral("compareButton"));
        QVERIFY(compare);
        QTest::mouseClick(compare, Qt::LeftButton);
        settle();
        QVERIFY(dock()->isVisible());
        QVERIFY(view()->isVisible());
        QCOMPARE(view()->computeCount(), 1);
        // Base is active: the bridge goes to the first other scenario, at the focus.
        QCOMPARE(view()->fromScenario(), QStringLiteral("base"));
        QCOMPARE(view()->toScenario(), QStringLiteral("bull"));
        QCOMPARE(view()->output(), QStringLiteral("asic_market"));
        QCOMPARE(view()->year(), 2028);
        QCOMPARE(view()->message(), QString());
        QCOMPARE(view()->labelTexts(),
                 (QStringList{QStringLiteral("42.9"), QStringLiteral("+7.8"),
                              QStringLiteral("+9.3"), QStringLiteral("60.0")}));
        // The core's Shapley steps, which add up to bull − base.
        const core::Bridge b =
            core::computeBridge(doc().model(), "base", "bull", "asic_market", 2028);
        QCOMPARE(view()->bridge().steps, b.steps);
        double sum = 0.0;
        for (const auto& s : view()->bridge().steps) sum += s.delta;
        QVERIFY(qAbs(sum - (view()->bridge().toValue - view()->bridge().fromValue)) < 1e-9);
        // Drawn: a stacked series whose offset has no colour.
        QVERIFY(bars());
        QCOMPARE(bars()->barSets().size(), 4);
        QCOMPARE(bars()->barSets()[0]->color().alpha(), 0);
        QCOMPARE(bars()->barSets()[1]->color(), QColor(QStringLiteral("#A9D18E")));
    }

    void itFollowsTheEditedScenario() {
        QVERIFY(doc().switchScenario(QStringLiteral("bull")));
        settle();
        QCOMPARE(view()->toScenario(), QStringLiteral("bull"));
        // Type 35 into the ASIC share 2028 of bull, as a user would.
        auto* panel = m_window->findChild<AssumptionsPanel*>();
        QDoubleSpinBox* spin = panel->slider(QStringLiteral("asic_share_2028"))->spinBox();
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("35"));
        QTest::keyClick(spin, Qt::Key_Return);
        settle();
        QCOMPARE(view()->labelTexts().last(), QStringLiteral("70.0"));  // 200 × 35%
        doc().undoStack()->undo();
        settle();
        QCOMPARE(view()->labelTexts().last(), QStringLiteral("60.0"));
    }

    void theReaderChoosesScenariosWithTheKeyboard() {
        QComboBox* to = m_window->findChild<QComboBox*>(QStringLiteral("bridgeTo"));
        to->setFocus();
        QTest::keyClick(to, Qt::Key_Down);  // base, bull, bear: bull → bear
        settle();
        QCOMPARE(view()->toScenario(), QStringLiteral("bear"));
        QCOMPARE(view()->labelTexts(),
                 (QStringList{QStringLiteral("42.9"), QStringLiteral("-7.3"),
                              QStringLiteral("-6.2"), QStringLiteral("29.4")}));
        view()->setScenarios(QStringLiteral("bear"), QStringLiteral("bear"));
        settle();
        QVERIFY(!view()->message().isEmpty());
        QVERIFY(view()->labelTexts().isEmpty());
        view()->setScenarios(QStringLiteral("base"), QStringLiteral("bull"));
        settle();
        // A year without a value is explained, not drawn.
        view()->setOutput(QStringLiteral("meta_capex"));
        view()->setYear(2023);
        settle();
        QCOMPARE(view()->message(), QStringLiteral("meta_capex has no value in 2023"));
        view()->setOutput(QStringLiteral("asic_market"));
        view()->setYear(2028);
        settle();
        QCOMPARE(view()->message(), QString());
    }

    void chineseTitlesAndARedRise() {
        doc().setLanguage(QStringLiteral("zh"));
        settle();
        QCOMPARE(QString::fromStdString(view()->plan().title),
                 QStringLiteral("数据中心ASIC市场，2028年：基准 → 乐观（十亿美元）"));
        QVERIFY(bars());
        QCOMPARE(bars()->barSets()[1]->color(), QColor(QStringLiteral("#F4A6A6")));  // 红涨
        doc().setLanguage(QStringLiteral("en"));
        settle();
        QCOMPARE(bars()->barSets()[1]->color(), QColor(QStringLiteral("#A9D18E")));
    }

    void theShortcutWorksFromAFieldAndThePictureSaves() {
        auto* panel = m_window->findChild<AssumptionsPanel*>();
        panel->slider(QStringLiteral("elasticity"))->spinBox()->setFocus();
        QVERIFY(dock()->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B,
                        Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(dock()->isHidden());
        panel->slider(QStringLiteral("elasticity"))->spinBox()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B,
                        Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(dock()->isVisible());
        settle();
        const QString png = m_dir.filePath(QStringLiteral("bridge.png"));
        QString error;
        QVERIFY2(saveChartPicture(view()->chartView(), QStringLiteral("bridge"), png, &error),
                 qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        // The totals' navy is in the picture.
        bool navy = false;
        for (int y = 0; y < image.height() && !navy; y += 2)
            for (int x = 0; x < image.width() && !navy; x += 2)
                navy = image.pixelColor(x, y) == QColor(QStringLiteral("#1F4E79"));
        QVERIFY(navy);
    }

    void theDeckDialogAddsABridgePerScenario() {
        ExportDeckDialog dialog(doc());
        QVERIFY(dialog.bridgesBox()->isEnabled());
        QVERIFY(!dialog.bridgesBox()->isChecked());  // asked for, not by default
        QTest::mouseClick(dialog.bridgesBox(), Qt::LeftButton, {},
                          QPoint(8, dialog.bridgesBox()->height() / 2));
        QVERIFY(dialog.bridgesBox()->isChecked());
        const DeckExportRequest request = dialog.request();
        QCOMPARE(request.bridges.size(), 2);  // base → bull, base → bear
        QCOMPARE(request.bridges[0].to, QStringLiteral("bull"));
        QCOMPARE(request.bridges[1].to, QStringLiteral("bear"));
        QCOMPARE(request.bridges[0].output, QStringLiteral("asic_market"));
        QCOMPARE(request.bridges[0].year, 2028);
        const QString pptx = m_dir.filePath(QStringLiteral("deck.pptx"));
        exportDeck(doc(), request, pptx);
        // Two charts of stacked columns whose slides name the bridges.
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                "print(sum(1 for n in z.namelist() if n.startswith('ppt/slides/s') "
                                "and 'Shapley attribution' in z.read(n).decode()))"),
                 pptx});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("2"));
    }
};

QTEST_MAIN(BridgeTest)
#include "bridge_test.moc"
