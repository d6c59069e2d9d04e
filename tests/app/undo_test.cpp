// Undo as in Excel (issue 18), driven with the keyboard as a user would: type a value in an
// assumption's spin box, press Enter, then Ctrl+Z with the focus still there undoes the forecast
// edit; Ctrl+Shift+Z and Ctrl+Y redo; while the typing is uncommitted Ctrl+Z reverts the typing.
// The Undo action names the assumption's label and the values; other steps name labels too.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/document/document.h"
#include "app/i18n/interface_language.h"
#include "app/table/copyable_table_view.h"
#include "app/uncertainty/distribution_dialog.h"
#include "test_support.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace jevons::app;
namespace core = jevons::core;

namespace {
const QString kShare = QStringLiteral("asic_share_2028");
}  // namespace

class UndoTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    Document* doc() { return m_window->document(); }
    double share() { return doc()->evaluator().assumption(kShare.toStdString()); }
    QDoubleSpinBox* spin() { return m_window->assumptionsPanel()->slider(kShare)->spinBox(); }
    QAction* action(const char* name) {
        return m_window->findChild<QAction*>(QString::fromLatin1(name));
    }
    /// Focus the share's spin box, select its number and type `text` (no Enter).
    void typeIntoShare(const char* text) {
        spin()->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(spin()->hasFocus());
        QTest::keyClick(spin(), Qt::Key_A, Qt::ControlModifier);  // select the number
        QTest::keyClicks(spin(), QString::fromLatin1(text));
    }
    void ctrl(QWidget* w, Qt::Key key, Qt::KeyboardModifiers more = Qt::NoModifier) {
        QTest::keyClick(w, key, Qt::ControlModifier | more);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        applyInterfaceLanguage(QStringLiteral("en"));
        m_window = test::makeWindow(nullptr);
        QVERIFY(doc()->isLoaded());
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void ctrlZInTheSpinBoxAfterEnterUndoesTheForecastEdit() {
        QCOMPARE(share(), 0.25);
        QVERIFY(!action("undoAction")->isEnabled());
        QCOMPARE(action("undoAction")->text(), QStringLiteral("&Undo"));

        typeIntoShare("30");
        QTest::keyClick(spin(), Qt::Key_Return);
        QCOMPARE(share(), 0.30);
        QCOMPARE(doc()->undoStack()->count(), 1);  // the typing is one step
        QCOMPARE(action("undoAction")->text(),
                 QStringLiteral("&Undo: ASIC share of accelerators, 2028 25.0% \u2192 30.0%"));
        QCOMPARE(action("undoAction")->iconText(),
                 QStringLiteral("Undo: ASIC share of accelerators, 2028 25.0% \u2192 30.0%"));

        ctrl(spin(), Qt::Key_Z);  // focus still in the spin box
        QVERIFY(spin()->hasFocus());
        QCOMPARE(share(), 0.25);
        QCOMPARE(spin()->value(), 25.0);
        QCOMPARE(action("redoAction")->text(),
                 QStringLiteral("&Redo: ASIC share of accelerators, 2028 25.0% \u2192 30.0%"));

        ctrl(spin(), Qt::Key_Z, Qt::ShiftModifier);
        QCOMPARE(share(), 0.30);
        QCOMPARE(spin()->value(), 30.0);
        ctrl(spin(), Qt::Key_Z);
        QCOMPARE(share(), 0.25);
        ctrl(spin(), Qt::Key_Y);
        QCOMPARE(share(), 0.30);
        QCOMPARE(spin()->value(), 30.0);
        QVERIFY(spin()->hasFocus());
    }

    void ctrlZWhileTypingRevertsTheTypingFirst() {
        typeIntoShare("30");  // keyboard tracking: the forecast follows the typing
        QCOMPARE(share(), 0.30);
        ctrl(spin(), Qt::Key_Z);  // uncommitted: the spin box's own undo takes it
        QCOMPARE(spin()->value(), 25.0);
        QCOMPARE(share(), 0.25);
        QCOMPARE(doc()->undoStack()->count(), 0);  // back where the typing began: no step
        QVERIFY(!doc()->isModified());

        QTest::keyClick(spin(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin(), QStringLiteral("35"));
        QTest::keyClick(spin(), Qt::Key_Enter);
        QCOMPARE(share(), 0.35);
        ctrl(spin(), Qt::Key_Z);  // committed: the forecast edit is undone
        QCOMPARE(share(), 0.25);
    }

    void ctrlZReachesTheForecastFromOtherWidgets() {
        typeIntoShare("30");
        QTest::keyClick(spin(), Qt::Key_Return);
        QCOMPARE(share(), 0.30);

        // The data table (it has no undo of its own).
        CopyableTableView* table = m_window->tableView();
        table->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(table->hasFocus());
        ctrl(table, Qt::Key_Z);
        QCOMPARE(share(), 0.25);
        ctrl(table, Qt::Key_Y);
        QCOMPARE(share(), 0.30);

        // A line edit whose text was committed (the years of the differences table).
        QLineEdit* years = nullptr;
        for (QLineEdit* e : m_window->findChildren<QLineEdit*>())
            if (e->toolTip().startsWith(QStringLiteral("Years to compare"))) years = e;
        QVERIFY(years);
        years->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(years->hasFocus());
        QTest::keyClick(years, Qt::Key_End);
        QTest::keyClicks(years, QStringLiteral(", 2029"));
        ctrl(years, Qt::Key_Z);  // typed, not committed: the field reverts its text
        QCOMPARE(share(), 0.30);
        QVERIFY(!years->text().endsWith(QStringLiteral("2029")));
        QTest::keyClicks(years, QStringLiteral(", 2029"));
        QTest::keyClick(years, Qt::Key_Return);
        ctrl(years, Qt::Key_Z);  // committed: the forecast
        QCOMPARE(share(), 0.25);
        QVERIFY(years->text().endsWith(QStringLiteral(", 2029")));
    }

    void otherStepsNameLabelsNotIds() {
        QUndoStack* stack = doc()->undoStack();
        QVERIFY(doc()->switchScenario(QStringLiteral("bull")));
        QCOMPARE(action("undoAction")->text(), QStringLiteral("&Undo: Switch to scenario Bull"));
        stack->undo();

        core::DistributionSpec uniform;
        uniform.type = core::DistributionType::Uniform;
        uniform.min = 0.20;
        uniform.max = 0.40;
        QVERIFY(doc()->editDistribution(kShare, uniform));
        QCOMPARE(stack->undoText(),
                 QStringLiteral("Range of ASIC share of accelerators, 2028: 20\u201340%"));
        uniform.pinned = true;
        QVERIFY(doc()->editDistribution(kShare, uniform));
        QCOMPARE(stack->undoText(),
                 QStringLiteral("Pin range of ASIC share of accelerators, 2028"));
        QVERIFY(doc()->editDistribution(QStringLiteral("elasticity"), std::nullopt));
        QCOMPARE(stack->undoText(),
                 QStringLiteral("Remove range of Demand elasticity of AI compute (\u03b5)"));
        for (int i = 0; i < 3; ++i) stack->undo();

        // An anchor drag is an assumption edit: label and values.
        const auto& anchors = doc()->scenario().anchors;
        int index = -1;
        for (int i = 0; i < int(anchors.size()); ++i)
            if (anchors[std::size_t(i)].drives == "asic_share_2028") index = i;
        QVERIFY(index >= 0);
        QVERIFY(doc()->dragAnchor(index, 0.28));
        QVERIFY2(stack->undoText().startsWith(
                     QStringLiteral("ASIC share of accelerators, 2028 25.0% \u2192 ")),
                 qPrintable(stack->undoText()));
        QVERIFY(!stack->undoText().contains(QStringLiteral("asic_share")));
        stack->undo();

        QVERIFY(doc()->addScenario(QStringLiteral("mine"), QStringLiteral("My case")));
        QCOMPARE(stack->undoText(), QStringLiteral("Save as scenario My case"));
    }

    void undoTextFollowsTheInterfaceLanguage() {
        typeIntoShare("30");
        QTest::keyClick(spin(), Qt::Key_Return);
        applyInterfaceLanguage(QStringLiteral("zh"));
        doc()->setLanguage(QStringLiteral("zh"));
        QCOMPARE(action("undoAction")->text(),
                 QStringLiteral("撤销(&U)：2028年ASIC占加速芯片份额 25.0% \u2192 30.0%"));
        applyInterfaceLanguage(QStringLiteral("en"));
        doc()->setLanguage(QStringLiteral("en"));
        QCOMPARE(action("undoAction")->text(),
                 QStringLiteral("&Undo: ASIC share of accelerators, 2028 25.0% \u2192 30.0%"));
    }
};

QTEST_MAIN(UndoTest)
#include "undo_test.moc"
