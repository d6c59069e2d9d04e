// Ranges follow the value (issue 18): typing 30% for the 2028 ASIC share (PERT 20/25/35%) moves
// its range to PERT 25/30/40% in the same undo step, the fan and the CAGR range follow, one
// Ctrl+Z restores both; a pinned range (the range dialog's check box) stays and survives save ->
// load; edits of another scenario's override and slider drags follow the stated rule.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/document/document.h"
#include "app/uncertainty/distribution_dialog.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/scenario/scenario_json.h"
#include "test_support.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace jevons::app;
namespace core = jevons::core;

namespace {
const QString kShare = QStringLiteral("asic_share_2028");

core::DistributionSpec pert(double min, double mode, double max, bool pinned = false) {
    core::DistributionSpec d;
    d.type = core::DistributionType::Pert;
    d.min = min;
    d.mode = mode;
    d.max = max;
    d.pinned = pinned;
    return d;
}
}  // namespace

class RangeFollowTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    Document* doc() { return m_window->document(); }
    double share() { return doc()->evaluator().assumption(kShare.toStdString()); }
    std::optional<core::DistributionSpec> range() {
        return doc()->scenario().findAssumption(kShare.toStdString())->distribution;
    }
    AssumptionSlider* row() { return m_window->assumptionsPanel()->slider(kShare); }
    void typeShare(const char* text) {
        QDoubleSpinBox* spin = row()->spinBox();
        spin->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(spin->hasFocus());
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, QString::fromLatin1(text));
        QTest::keyClick(spin, Qt::Key_Return);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        // Uncertainty as a new user finds it: on, since the default forecast has ranges.
        QSettings().remove(QString::fromLatin1(UncertaintyEngine::kSettingsKey));
        m_window = test::makeWindow(nullptr);
        QVERIFY(doc()->isLoaded());
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void typedValueMovesTheRangeInOneUndoStep() {
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35)));
        QCOMPARE(row()->rangeButton()->text(), QStringLiteral("20\u201335%"));
        UncertaintyEngine* engine = m_window->uncertaintyEngine();
        QVERIFY(engine->isEnabled());

        typeShare("30");
        QCOMPARE(share(), 0.30);
        // 25/30/40%: shifted by +5 points, inside the slider's 10–45%, so nothing is clamped.
        QCOMPARE(range(), std::optional(pert(0.25, 0.30, 0.40)));
        QCOMPARE(row()->rangeButton()->text(), QStringLiteral("25\u201340%"));
        QCOMPARE(doc()->undoStack()->count(), 1);

        // The fan follows: the 2028 share's P10–P90 brackets the line, its median near 30%.
        const UncertaintyResult result = engine->current();
        QVERIFY(result);
        const auto ref = doc()->model().resolve("asic_share");
        QVERIFY(ref);
        const core::OutputBands* bands = result->bands(*ref);
        QVERIFY(bands);
        const core::Percentiles p = bands->at(std::size_t(2028 - result->years.first));
        QVERIFY2(p.p10 < 0.30 && p.p90 > 0.30, qPrintable(QString::number(p.p50)));
        QVERIFY2(p.p50 > 0.29 && p.p50 < 0.32, qPrintable(QString::number(p.p50)));
        // So does the CAGR range: it brackets the drawn forecast's 2023–2028 CAGR.
        const core::CagrRange* cagr = result->cagrRange("asic_market", 2023, 2028);
        QVERIFY(cagr && cagr->problem.empty());
        const Eigen::ArrayXd market = doc()->evaluator().values("asic_market");
        const double drawn = std::pow(market(5) / market(0), 1.0 / 5.0) - 1.0;
        QVERIFY2(cagr->cagr.p10 < drawn && drawn < cagr->cagr.p90,
                 qPrintable(QStringLiteral("%1 not in %2–%3")
                                .arg(drawn)
                                .arg(cagr->cagr.p10)
                                .arg(cagr->cagr.p90)));

        // One Ctrl+Z restores value and range together; Ctrl+Y redoes both.
        QTest::keyClick(row()->spinBox(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(share(), 0.25);
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35)));
        QCOMPARE(row()->rangeButton()->text(), QStringLiteral("20\u201335%"));
        QVERIFY(!doc()->isModified());
        QTest::keyClick(row()->spinBox(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(share(), 0.30);
        QCOMPARE(range(), std::optional(pert(0.25, 0.30, 0.40)));
    }

    void nearTheSlidersEndTheRangeNarrows() {
        typeShare("42");  // 37/42/52% -> max clamped to the slider's 45%
        QCOMPARE(share(), 0.42);
        QCOMPARE(range(), std::optional(pert(0.37, 0.42, 0.45)));
    }

    void aDragToTheEndAndBackRestoresTheRange() {
        QSlider* slider = row()->slider();
        const int start = slider->value();
        slider->setSliderDown(true);
        slider->setValue(slider->maximum());  // 45%: the range is clamped at 40/45/45%
        QCOMPARE(range(), std::optional(pert(0.40, 0.45, 0.45)));
        slider->setValue(start);
        slider->setSliderDown(false);
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35)));
        QCOMPARE(doc()->undoStack()->count(), 0);  // back where it began: no step
    }

    void aPinnedRangeStaysAndIsSaved() {
        // The range dialog's pin check box, as a user ticks it.
        auto* dialog = qobject_cast<DistributionDialog*>(row()->openRangeDialog());
        QVERIFY(dialog);
        QVERIFY(!dialog->pinBox()->isChecked());
        QTest::mouseClick(dialog->pinBox(), Qt::LeftButton);
        QVERIFY(dialog->pinBox()->isChecked());
        dialog->accept();
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35, true)));
        QVERIFY(row()->rangeButton()->toolTip().contains(QStringLiteral("pinned")));

        typeShare("30");
        QCOMPARE(share(), 0.30);
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35, true)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pinned.json"));
        QVERIFY(doc()->save(path));
        const core::Scenario saved = core::loadScenarioFile(path.toStdString());
        QCOMPARE(saved.findAssumption("asic_share_2028")->distribution,
                 std::optional(pert(0.20, 0.25, 0.35, true)));
        QVERIFY(doc()->open(path));
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35, true)));
        QCOMPARE(share(), 0.30);
    }

    void anOverrideOfAnotherScenarioLeavesTheSharedRange() {
        QVERIFY(doc()->switchScenario(QStringLiteral("bear")));
        const std::optional<core::DistributionSpec> before = range();
        QVERIFY(doc()->editAssumption(kShare, 0.21));
        QCOMPARE(range(), before);
    }

    void goalSeekAndAnchorDragsMoveTheRangeToo() {
        const auto& anchors = doc()->scenario().anchors;
        int index = -1;
        for (int i = 0; i < int(anchors.size()); ++i)
            if (anchors[std::size_t(i)].drives == "asic_share_2028") index = i;
        QVERIFY(index >= 0);
        doc()->beginInteractiveEdit();  // a drag, as the chart card does
        QVERIFY(doc()->dragAnchor(index, 0.27));
        QVERIFY(doc()->dragAnchor(index, 0.28));
        doc()->endInteractiveEdit();
        const double moved = share() - 0.25;
        QVERIFY(std::abs(moved - 0.03) < 1e-9);
        QVERIFY(std::abs(range()->mode - 0.28) < 1e-9);
        QVERIFY(std::abs(range()->min - 0.23) < 1e-9);
        QCOMPARE(doc()->undoStack()->count(), 1);
        doc()->undoStack()->undo();
        QCOMPARE(range(), std::optional(pert(0.20, 0.25, 0.35)));
    }
};

QTEST_MAIN(RangeFollowTest)
#include "range_follow_test.moc"
