// The model map (issue 14): the dependency graph laid out left to right by Graphviz; the item
// selected in the model editor is highlighted with its inputs and dependents; a click on a box
// selects it in the editor. Opened with the keyboard (Ctrl+Alt+K).
#include "app/editor/model_map.h"
#include "app/editor/model_editor.h"
#include "core/edit/model_edit.h"
#include "test_support.h"

#include <QDockWidget>
#include <QStandardPaths>
#include <QTest>

using namespace jevons::app;
using Role = ModelMap::Role;
using MapKind = ModelMap::Kind;

class ModelMapTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void theChainOfTheSelectionAndAClick();
};

void ModelMapTest::theChainOfTheSelectionAndAClick() {
    auto window = test::makeWindow(nullptr);
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier | Qt::AltModifier);
    auto* map = window->findChild<ModelMap*>();
    QVERIFY(map);
    QTRY_VERIFY(map->isVisible());
    // Every assumption, series and chart is a box; assumptions → series → charts, left to right.
    const auto& s = window->document()->scenario();
    QCOMPARE(map->graph().nodes.size(), s.assumptions.size() + s.series.size() + s.charts.size());
    const QRectF accel = map->nodeRect(MapKind::Assumption, QStringLiteral("accel_2028"));
    const QRectF market = map->nodeRect(MapKind::Series, QStringLiteral("accel_market"));
    const QRectF asic = map->nodeRect(MapKind::Series, QStringLiteral("asic_market"));
    const QRectF chart = map->nodeRect(MapKind::Chart, QStringLiteral("asic_market"));
    QVERIFY(!accel.isEmpty() && !chart.isEmpty());
    QVERIFY(accel.right() < market.left());
    QVERIFY(market.right() < asic.left());
    QVERIFY(asic.right() < chart.left());

    // Select the ASIC market in the editor: its inputs (direct and not) and dependents light up.
    auto* editor = window->findChild<ModelEditor*>();
    QVERIFY(editor->select(ModelEditor::Kind::Series, QStringLiteral("asic_market")));
    QCOMPARE(map->roleOf(MapKind::Series, QStringLiteral("asic_market")), Role::Selected);
    QCOMPARE(map->roleOf(MapKind::Series, QStringLiteral("asic_share")), Role::Input);
    QCOMPARE(map->roleOf(MapKind::Assumption, QStringLiteral("asic_share_ceiling")), Role::Input);
    QCOMPARE(map->roleOf(MapKind::Assumption, QStringLiteral("accel_2028")), Role::Input);
    QCOMPARE(map->roleOf(MapKind::Series, QStringLiteral("gpu_market")), Role::Dependent);
    QCOMPARE(map->roleOf(MapKind::Chart, QStringLiteral("accel_split")), Role::Dependent);
    QCOMPARE(map->roleOf(MapKind::Series, QStringLiteral("glasses_sales")), Role::Plain);
    QCOMPARE(map->roleOf(MapKind::Assumption, QStringLiteral("elasticity")), Role::Plain);

    // A click on the asic_share box selects that series in the editor.
    const QRectF share = map->nodeRect(MapKind::Series, QStringLiteral("asic_share"));
    map->centerOn(share.center());
    const QPoint at = map->mapFromScene(share.center());
    QVERIFY(map->viewport()->rect().contains(at));
    QTest::mouseClick(map->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(editor->selectedKind(), ModelEditor::Kind::Series);
    QCOMPARE(editor->selectedId(), QStringLiteral("asic_share"));
    QVERIFY(editor->isVisible());
    QCOMPARE(map->roleOf(MapKind::Series, QStringLiteral("asic_share")), Role::Selected);

    // A structural edit redraws the map: a renamed series is a box under its new name.
    QVERIFY(editor->apply(jevons::core::edit::renamed(s, "asic_share", "share"),
                          QStringLiteral("Rename"), ModelEditor::Kind::Series,
                          QStringLiteral("share")));
    QVERIFY(map->nodeRect(MapKind::Series, QStringLiteral("asic_share")).isEmpty());
    QVERIFY(!map->nodeRect(MapKind::Series, QStringLiteral("share")).isEmpty());
    QCOMPARE(map->roleOf(MapKind::Series, QStringLiteral("share")), Role::Selected);
}

QTEST_MAIN(ModelMapTest)
#include "model_map_test.moc"
