// The model editor (issue 14), driven through its widgets with the keyboard as a strategist
// would: rename an assumption (everything follows; one undo restores all), delete a referenced
// one (refused naming the referrers; nothing changes), a formula with a syntax error (the
// message at the right column, nothing evaluated) and a cycle (refused with its chain), and a
// small forecast built from Blank through the editor alone.
#include "app/editor/model_editor.h"
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/editor/item_forms.h"
#include "app/editor/name_field.h"
#include "app/editor/reference_forms.h"
#include "app/editor/scenario_grid.h"
#include "app/editor/series_form.h"
#include "core/scenario/scenario_json.h"
#include "core/scenario/templates.h"
#include "test_support.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QGraphicsView>
#include <QGroupBox>
#include <QInputMethodEvent>
#include <QLayout>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace jevons::app;
using Kind = ModelEditor::Kind;

namespace {

/// Counts the paint events of the chart views' viewports under `root`.
class ViewportPaints : public QObject {
public:
    explicit ViewportPaints(QWidget* root) {
        for (QGraphicsView* view : root->findChildren<QGraphicsView*>())
            if (view->isVisible()) view->viewport()->installEventFilter(this), ++m_watched;
    }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] int watched() const { return m_watched; }

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++m_count;
        return false;
    }

private:
    int m_count = 0;
    int m_watched = 0;
};

}  // namespace

class ModelEditorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_window.reset(); }
    void renameFollowsEverywhereAndUndoRestoresAll();
    void deletingAReferencedAssumptionIsRefused();
    void replaceByValueThenDelete();
    void aFormulaSyntaxErrorIsShownAtItsColumn();
    void aCycleIsRefusedWithItsChain();
    void aForecastFromBlank();
    void figuresSourcesAndScenarios();
    void formulaColours();
    void structuralEditsKeepUnchangedCards();
    void keysInTheTreeAndAChartEdit();
    void theScenarioGrid();
    void theTreeIsUpdatedInPlace();

private:
    ModelEditor* editor() const { return m_window->findChild<ModelEditor*>(); }
    Document* doc() const { return m_window->document(); }
    /// Select all of `field`'s text, type `text` and press Enter, as a user does.
    static void retype(QLineEdit* field, const QString& text) {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }
    static void retypeNumber(QSpinBox* box, int value) {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(box, QString::number(value));
        QTest::keyClick(box, Qt::Key_Return);
    }
    std::unique_ptr<MainWindow> m_window;
};

void ModelEditorTest::init() {
    m_window = test::makeWindow(nullptr);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // View → Model Editor from the keyboard.
    QTest::keyClick(m_window.get(), Qt::Key_M, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(editor());
    QTRY_VERIFY(editor()->isVisible());
}

void ModelEditorTest::renameFollowsEverywhereAndUndoRestoresAll() {
    const jevons::core::Scenario before = doc()->scenario();
    const double asic2028 = doc()->evaluator().value("asic_market", 2028);
    auto* panel = m_window->findChild<AssumptionsPanel*>();
    const QPointer<AssumptionSlider> unchangedRow = panel->slider(QStringLiteral("accel_2028"));
    const QPointer<AssumptionSlider> renamedRow = panel->slider(QStringLiteral("asic_share_2028"));
    QVERIFY(unchangedRow && renamedRow);
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("asic_share_2028")));
    AssumptionForm* form = editor()->assumptionForm();
    QCOMPARE(form->idEdit->text(), QStringLiteral("asic_share_2028"));
    // A taken id is refused at the field: nothing changes, the field shows the id again.
    retype(form->idEdit, QStringLiteral("accel_2028"));
    QCOMPARE(
        editor()->problem(),
        QStringLiteral("assumptions.asic_share_2028.id: 'accel_2028' is already an assumption"));
    QVERIFY(doc()->scenario() == before);
    QCOMPARE(form->idEdit->text(), QStringLiteral("asic_share_2028"));
    retype(form->idEdit, QStringLiteral("share_2028"));

    const jevons::core::Scenario& s = doc()->scenario();
    QVERIFY(!s.findAssumption("asic_share_2028"));
    QVERIFY(s.findAssumption("share_2028"));
    QCOMPARE(editor()->selectedId(), QStringLiteral("share_2028"));
    // The series point, the scenario overrides and the anchor that drags it all follow.
    bool point = false;
    for (const auto& p : s.findSeries("asic_share")->points)
        point |= !p.value.isLiteral() && p.value.ref() == "share_2028";
    QVERIFY(point);
    for (const auto& def : before.scenarios)
        if (def.overrides.count("asic_share_2028"))
            QCOMPARE(s.findScenario(def.id)->overrides.at("share_2028"),
                     def.overrides.at("asic_share_2028"));
    bool drives = false;
    for (const auto& a : s.anchors) drives |= a.drives == "share_2028";
    QVERIFY(drives);
    QCOMPARE(doc()->evaluator().value("asic_market", 2028), asic2028);
    // The dashboard's panel replaced the renamed assumption's row only, in its place.
    QVERIFY(!renamedRow);
    QCOMPARE(panel->slider(QStringLiteral("accel_2028")), unchangedRow.data());
    AssumptionSlider* share = panel->slider(QStringLiteral("share_2028"));
    QVERIFY(share && !panel->slider(QStringLiteral("asic_share_2028")));
    const auto* box = qobject_cast<QGroupBox*>(share->parentWidget());
    QVERIFY(box && box->layout()->indexOf(share) >= 0);
    QVERIFY(doc()->isModified());

    // One undo step restores everything.
    QCOMPARE(doc()->undoStack()->text(doc()->undoStack()->index() - 1),
             QStringLiteral("Rename asic_share_2028 to share_2028"));
    doc()->undoStack()->undo();
    QVERIFY(doc()->scenario() == before);
    QVERIFY(panel->slider(QStringLiteral("asic_share_2028")));
    QVERIFY(!panel->slider(QStringLiteral("share_2028")));
    QCOMPARE(panel->slider(QStringLiteral("accel_2028")), unchangedRow.data());
    doc()->undoStack()->redo();
    QVERIFY(doc()->scenario().findAssumption("share_2028"));

    // Moving an assumption to another group builds the panel anew: it shows in that group.
    jevons::core::Scenario moved = doc()->scenario();
    moved.findAssumption("share_2028")->group = "Moved here";
    QVERIFY(doc()->replaceDefinitions(moved, QStringLiteral("move")));
    QVERIFY(!unchangedRow);
    const auto* movedBox =
        qobject_cast<QGroupBox*>(panel->slider(QStringLiteral("share_2028"))->parentWidget());
    QVERIFY(movedBox);
    QCOMPARE(movedBox->title(), QStringLiteral("Moved here"));
}

void ModelEditorTest::deletingAReferencedAssumptionIsRefused() {
    const jevons::core::Scenario before = doc()->scenario();
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("asic_share_2028")));
    editor()->tree()->setFocus();
    QTest::keyClick(editor()->tree(), Qt::Key_Delete);
    const QString problem = editor()->problem();
    QVERIFY2(problem.contains(QStringLiteral("series asic_share: point 2028")),
             qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("scenario bull (override)")), qPrintable(problem));
    QVERIFY(doc()->scenario() == before);
    QCOMPARE(doc()->undoStack()->count(), 0);
    QVERIFY(editor()->findChild<QPushButton*>() != nullptr);
}

void ModelEditorTest::replaceByValueThenDelete() {
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("asic_share_2028")));
    editor()->deleteSelected();
    QVERIFY(!editor()->problem().isEmpty());
    QPushButton* inlineButton = nullptr;
    for (QPushButton* b : editor()->findChildren<QPushButton*>())
        if (b->text().startsWith(QStringLiteral("Replace by value"))) inlineButton = b;
    QVERIFY(inlineButton && inlineButton->isVisible());
    QTest::mouseClick(inlineButton, Qt::LeftButton);
    QVERIFY(!doc()->scenario().findAssumption("asic_share_2028"));
    QVERIFY(std::abs(doc()->evaluator().value("asic_market", 2028) - 42.9) < 0.05);
    doc()->undoStack()->undo();
    QVERIFY(doc()->scenario().findAssumption("asic_share_2028"));
}

void ModelEditorTest::aFormulaSyntaxErrorIsShownAtItsColumn() {
    const jevons::core::Scenario before = doc()->scenario();
    const double v = doc()->evaluator().value("asic_market", 2028);
    QVERIFY(editor()->select(Kind::Series, QStringLiteral("asic_market")));
    SeriesForm* form = editor()->seriesForm();
    QCOMPARE(form->formula->text(), QStringLiteral("accel_market * asic_share"));
    form->formula->setFocus();
    QTest::keyClick(form->formula, Qt::Key_A, Qt::ControlModifier);
    // "accel_market * * asic_share": the second '*' (column 16) cannot start an operand.
    QTest::keyClicks(form->formula, QStringLiteral("accel_market * * asic_share"));
    QCOMPARE(form->formulaErrorColumn(), 16);
    const QStringList lines = form->formulaProblem().split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0), QString(15, QLatin1Char(' ')) + QStringLiteral("^"));
    QVERIFY2(lines.at(1).contains(QStringLiteral("column 16")), qPrintable(lines.at(1)));
    QTest::keyClick(form->formula, Qt::Key_Return);
    QVERIFY(doc()->scenario() == before);
    QCOMPARE(doc()->evaluator().value("asic_market", 2028), v);
    QCOMPARE(form->formula->text(), QStringLiteral("accel_market * * asic_share"));
}

void ModelEditorTest::aCycleIsRefusedWithItsChain() {
    const jevons::core::Scenario before = doc()->scenario();
    QVERIFY(editor()->select(Kind::Series, QStringLiteral("asic_market")));
    SeriesForm* form = editor()->seriesForm();
    // gpu_market = accel_market - asic_market: asic_market from gpu_market is a cycle.
    retype(form->formula, QStringLiteral("accel_market - gpu_market"));
    QVERIFY(form->formulaErrorColumn() == 0);
    const QString problem = editor()->problem();
    QVERIFY2(problem.contains(QStringLiteral("cycle")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("asic_market")) &&
                 problem.contains(QStringLiteral("gpu_market")),
             qPrintable(problem));
    QCOMPARE(form->formulaProblem(), problem);
    QVERIFY(doc()->scenario() == before);
}

void ModelEditorTest::aForecastFromBlank() {
    // The ASIC part of the default forecast, built from Blank through the editor's widgets.
    doc()->loadUntitled(jevons::core::blankForecast(2023));
    QTRY_VERIFY(editor()->tree()->topLevelItemCount() > 0);
    // The forecast runs to 2030 (Blank spans six years).
    QVERIFY(editor()->select(Kind::Forecast, QString()));
    ForecastForm* forecast = editor()->forecastForm();
    retypeNumber(forecast->lastYear, 2030);
    QCOMPARE(doc()->scenario().years.last, 2030);

    AssumptionForm* a = editor()->assumptionForm();
    // Five assumptions: money in US$B, shares typed as percentages.
    const auto assumption = [&](const QString& id, const QString& unit, const QString& max,
                                const QString& value) {
        editor()->addAssumption();
        QVERIFY(a->idEdit->hasFocus());  // ready to be named
        QTest::keyClicks(a->idEdit, id);
        QTest::keyClick(a->idEdit, Qt::Key_Return);
        QCOMPARE(editor()->selectedId(), id);
        a->unit->setCurrentIndex(
            a->unit->findData(int(*jevons::core::unitFromToken(unit.toStdString()))));
        emit a->unit->activated(a->unit->currentIndex());
        retype(a->max, max);
        retype(a->value, value);
    };
    assumption(QStringLiteral("accel_2023"), QStringLiteral("US$B"), QStringLiteral("300"),
               QStringLiteral("41.25"));
    assumption(QStringLiteral("accel_2028"), QStringLiteral("US$B"), QStringLiteral("300"),
               QStringLiteral("171.6"));
    assumption(QStringLiteral("asic_share_2023"), QStringLiteral("share"), QStringLiteral("100"),
               QStringLiteral("16"));
    assumption(QStringLiteral("asic_share_2028"), QStringLiteral("share"), QStringLiteral("100"),
               QStringLiteral("25"));
    assumption(QStringLiteral("asic_share_ceiling"), QStringLiteral("share"), QStringLiteral("100"),
               QStringLiteral("50"));
    QCOMPARE(doc()->evaluator().assumption("accel_2028"), 171.6);
    QCOMPARE(doc()->evaluator().assumption("asic_share_2028"), 0.25);

    SeriesForm* f = editor()->seriesForm();
    const auto series = [&](const QString& id, const QString& unit, int kindIndex) {
        editor()->addSeries();
        retype(f->idEdit, id);
        QCOMPARE(editor()->selectedId(), id);
        f->unit->setCurrentIndex(
            f->unit->findData(int(*jevons::core::unitFromToken(unit.toStdString()))));
        emit f->unit->activated(f->unit->currentIndex());
        if (kindIndex != int(jevons::core::SeriesKind::Formula)) {
            f->kind->setCurrentIndex(kindIndex);
            emit f->kind->activated(kindIndex);
        }
    };
    // The accelerator market: a CAGR through 2023 and 2028.
    series(QStringLiteral("accel_market"), QStringLiteral("US$B"),
           int(jevons::core::SeriesKind::Cagr));
    QVERIFY(f->fieldEdit(QStringLiteral("through")));
    retype(f->fieldEdit(QStringLiteral("through")),
           QStringLiteral("2023: accel_2023, 2028: accel_2028"));
    QCOMPARE(editor()->problem(), QString());
    QVERIFY(std::abs(doc()->evaluator().value("accel_market", 2028) - 171.6) < 1e-9);

    // The ASIC share: a logistic S-curve through 16% and 25% toward a ceiling of 50%. The
    // ceiling's name is completed from "asic_share_c".
    series(QStringLiteral("asic_share"), QStringLiteral("share"),
           int(jevons::core::SeriesKind::Logistic));
    retype(f->fieldEdit(QStringLiteral("through")),
           QStringLiteral("2023: asic_share_2023, 2028: asic_share_2028"));
    QLineEdit* ceiling = f->fieldEdit(QStringLiteral("ceiling"));
    ceiling->setFocus();
    QTest::keyClick(ceiling, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(ceiling, QStringLiteral("asic_share_c"));
    QCompleter* completer = ceiling->findChild<QCompleter*>();
    QVERIFY(completer);
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(ceiling->text(), QStringLiteral("asic_share_ceiling"));
    QTest::keyClick(ceiling, Qt::Key_Return);
    QCOMPARE(editor()->problem(), QString());
    QCOMPARE(doc()->scenario().findSeries("asic_share")->params.at("ceiling").ref(),
             std::string("asic_share_ceiling"));
    QVERIFY(std::abs(doc()->evaluator().value("asic_share", 2028) - 0.25) < 1e-12);

    // The ASIC market: a formula, with "accel_m" completed from the popup.
    series(QStringLiteral("asic_market"), QStringLiteral("US$B"),
           int(jevons::core::SeriesKind::Formula));
    f->formula->setFocus();
    QTest::keyClick(f->formula, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(f->formula, QStringLiteral("accel_m"));
    QTRY_VERIFY(f->formulaCompleter->completer()->popup()->isVisible());
    QTest::keyClick(f->formulaCompleter->completer()->popup(), Qt::Key_Return);
    QCOMPARE(f->formula->text(), QStringLiteral("accel_market"));
    QTest::keyClicks(f->formula, QStringLiteral(" * asic_share"));
    if (f->formulaCompleter->completer()->popup()->isVisible())
        QTest::keyClick(f->formulaCompleter->completer()->popup(), Qt::Key_Escape);
    QTest::keyClick(f->formula, Qt::Key_Return);
    QCOMPARE(editor()->problem(), QString());

    // A column chart 2023–2030 with a 2023→2028 CAGR arrow.
    QTest::mouseClick(f->chartIt, Qt::LeftButton);
    QCOMPARE(editor()->selectedKind(), Kind::Chart);
    ChartForm* chart = editor()->chartForm();
    chart->type->setCurrentIndex(1);
    emit chart->type->activated(1);
    retype(chart->cagr, QStringLiteral("asic_market 2023 2028"));
    QCOMPARE(doc()->scenario().charts.size(), std::size_t(1));
    QCOMPARE(doc()->scenario().charts[0].type, jevons::core::ChartType::Column);

    // The figures: 42.9 in 2028, and the arrow on the card reads 45.4%.
    QVERIFY(std::abs(doc()->evaluator().value("asic_market", 2023) - 6.6) < 1e-9);
    QVERIFY(std::abs(doc()->evaluator().value("asic_market", 2028) - 42.9) < 1e-9);
    QTRY_VERIFY(m_window->chartGrid()->card(QStringLiteral("asic_market")) != nullptr);
    const jevons::core::ChartPlan& plan =
        m_window->chartGrid()->card(QStringLiteral("asic_market"))->plan();
    QCOMPARE(plan.kind, jevons::core::ChartKind::ClusteredColumn);
    QCOMPARE(plan.categories.front(), std::string("2023"));
    QCOMPARE(plan.categories.back(), std::string("2030"));
    QCOMPARE(plan.cagr.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(plan.cagr[0].text), QStringLiteral("+45.4% CAGR"));
    QVERIFY(std::abs(plan.cagr[0].rate * 100 - 45.41) < 0.01);
    // The file the editor made loads back the same.
    const std::string text = jevons::core::serializeScenario(doc()->scenario());
    QCOMPARE(jevons::core::serializeScenario(jevons::core::parseScenario(text)), text);
    // Every step was one undo step: undo them all and the forecast is blank again.
    while (doc()->undoStack()->canUndo()) doc()->undoStack()->undo();
    QVERIFY(doc()->scenario().assumptions.empty());
    QVERIFY(doc()->scenario().series.empty());
    QCOMPARE(doc()->scenario().years.last, 2028);
}

void ModelEditorTest::structuralEditsKeepUnchangedCards() {
    // QPointer: a card built again is a deleted card (its address may be reused).
    ChartGrid* grid = m_window->chartGrid();
    QPointer<ChartCard> asic = grid->card(QStringLiteral("asic_market"));
    QPointer<ChartCard> capex = grid->card(QStringLiteral("capex"));
    QVERIFY(asic && capex);
    // A series no chart shows: every card draws the same plan, so none is even repainted.
    // (Without bands: a structural edit takes the bands of the old model off every chart until
    // the new model's simulation ends.)
    m_window->uncertaintyEngine()->setEnabled(false);
    test::bringIntoView(asic);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCoreApplication::processEvents();
    ViewportPaints paints(grid);
    QVERIFY(paints.watched() >= 2);
    jevons::core::Scenario next = test::withFormulaSeries(doc()->scenario(), "asic_doubled",
                                                          "ASIC market doubled", "asic_market * 2");
    QVERIFY(doc()->replaceDefinitions(next, QStringLiteral("add")));
    QCoreApplication::processEvents();
    QCOMPARE(paints.count(), 0);
    QVERIFY(asic && capex);
    // A value every chart of the ASIC market shows: its card is repainted.
    QVERIFY(doc()->editAssumption(QStringLiteral("accel_2028"), 190.0));
    QTRY_VERIFY(paints.count() > 0);
    doc()->undoStack()->undo();
    doc()->undoStack()->undo();
    m_window->uncertaintyEngine()->setEnabled(true);
    // A formula edit: the ASIC market's card keeps its charts and shows the new values.
    QVERIFY(editor()->select(Kind::Series, QStringLiteral("asic_market")));
    retype(editor()->seriesForm()->formula, QStringLiteral("accel_market * asic_share * 2"));
    QCOMPARE(editor()->problem(), QString());
    QVERIFY(asic && capex);
    QCOMPARE(grid->card(QStringLiteral("asic_market")), asic.data());
    QTRY_VERIFY(std::abs(asic->plan().series.front().values.at(5) - 85.8) < 1e-9);  // 2028
    // A new label is a new legend: that card is built again, the others stay.
    retype(editor()->seriesForm()->labelEn, QStringLiteral("ASIC market, doubled"));
    QTRY_VERIFY(!asic);
    QVERIFY(capex);
    // Undo restores the values; the capex card was never rebuilt.
    doc()->undoStack()->undo();  // the label
    doc()->undoStack()->undo();  // the formula
    QVERIFY(std::abs(doc()->evaluator().value("asic_market", 2028) - 42.9) < 1e-9);
    QVERIFY(capex);
    QTRY_VERIFY(
        std::abs(grid->card(QStringLiteral("asic_market"))->plan().series.front().values.at(5) -
                 42.9) < 1e-9);
}

void ModelEditorTest::formulaColours() {
    // Each token's role by what the forecast calls it; "×" is one UTF-16 unit, "x" unknown.
    const QString text = QStringLiteral(
        "accel_market × asic_share_2028 + cumsum(x) - glasses_sales.cumulative2 + 2");
    const QList<FormulaRun> runs = formulaRuns(text, doc()->scenario());
    const auto roleOf = [&](const QString& word) {
        const int at = int(text.lastIndexOf(word));
        for (const FormulaRun& r : runs)
            if (r.start == at && r.length == word.size()) return int(r.role);
        return -1;
    };
    QCOMPARE(roleOf(QStringLiteral("accel_market")), int(NameRole::Series));
    QCOMPARE(roleOf(QStringLiteral("×")), int(NameRole::Operator));
    QCOMPARE(roleOf(QStringLiteral("asic_share_2028")), int(NameRole::Assumption));
    QCOMPARE(roleOf(QStringLiteral("cumsum")), int(NameRole::Function));
    QCOMPARE(roleOf(QStringLiteral("x")), int(NameRole::Unknown));
    QCOMPARE(roleOf(QStringLiteral("2")), int(NameRole::Number));
    // Text that does not tokenize has no colours (the parser's message says why).
    QVERIFY(formulaRuns(QStringLiteral("1 $ 2"), doc()->scenario()).isEmpty());
    // The form's formula field offers series, outputs, assumptions and functions.
    QVERIFY(editor()->select(Kind::Series, QStringLiteral("asic_market")));
    const QStringList names = formulaNames(doc()->scenario());
    for (const char* name : {"accel_market", "asic_share_2028", "cumsum", "compute.spend"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
}

void ModelEditorTest::figuresSourcesAndScenarios() {
    const jevons::core::Scenario before = doc()->scenario();
    // A published range through the Add menu's action: Broadcom's SAM as a second figure.
    QVERIFY(editor()->select(Kind::Series, QStringLiteral("asic_market")));
    editor()->addAnchor();
    AnchorForm* anchor = editor()->anchorForm();
    QCOMPARE(editor()->selectedKind(), Kind::Anchor);
    const std::size_t n = doc()->scenario().anchors.size();
    QCOMPARE(n, before.anchors.size() + 1);
    QVERIFY(anchor->value->hasFocus());
    QTest::keyClicks(anchor->value, QStringLiteral("55"));
    QTest::keyClick(anchor->value, Qt::Key_Return);
    retype(anchor->high, QStringLiteral("80"));
    retype(anchor->figureEn, QStringLiteral("A range"));
    const jevons::core::Anchor& a = doc()->scenario().anchors.back();
    QCOMPARE(a.value, 55.0);
    QCOMPARE(a.high, 80.0);
    QCOMPARE(a.figure.en, std::string("A range"));
    // A high end below the low end: the loader's message, nothing changes.
    retype(anchor->high, QStringLiteral("40"));
    QVERIFY2(editor()->problem().contains(QStringLiteral("below the low end")),
             qPrintable(editor()->problem()));
    QCOMPARE(doc()->scenario().anchors.back().high, 80.0);
    QCOMPARE(anchor->high->text(), QStringLiteral("80"));

    // A source renamed: every citation follows.
    QVERIFY(editor()->select(Kind::Source, QStringLiteral("tf2025")));
    SourceForm* source = editor()->sourceForm();
    QCOMPARE(source->idEdit->text(), QStringLiteral("tf2025"));
    retype(source->idEdit, QStringLiteral("tianfeng"));
    QVERIFY(doc()->scenario().findSource("tianfeng"));
    QCOMPARE(doc()->scenario().findAssumption("asic_share_2028")->provenance.source,
             std::string("tianfeng"));
    retype(source->url, QStringLiteral("https://example.com/tf"));
    QCOMPARE(doc()->scenario().findSource("tianfeng")->url, std::string("https://example.com/tf"));
    // Deleting a cited source is refused naming what cites it.
    editor()->deleteSelected();
    QVERIFY2(editor()->problem().contains(QStringLiteral("assumption asic_share_2028")),
             qPrintable(editor()->problem()));
    QVERIFY(doc()->scenario().findSource("tianfeng"));

    // An assumption's provenance note, in Chinese.
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("asic_share_2028")));
    {
        // Typed through an input method, as a Chinese keyboard commits text.
        QLineEdit* note = editor()->assumptionForm()->noteZh;
        note->setFocus();
        QTest::keyClick(note, Qt::Key_A, Qt::ControlModifier);
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("天风证券研究所预测"));
        QApplication::sendEvent(note, &commit);
        QTest::keyClick(note, Qt::Key_Return);
    }
    QCOMPARE(doc()->scenario().findAssumption("asic_share_2028")->provenance.note.zh,
             std::string("天风证券研究所预测"));

    // A scenario added and renamed.
    editor()->addScenario();
    QCOMPARE(editor()->selectedKind(), Kind::Scenario);
    ScenarioGrid* grid = editor()->scenarioGrid();
    QCOMPARE(grid->idEdit->text(), QStringLiteral("scenario"));
    retype(grid->idEdit, QStringLiteral("custom_asic"));
    QVERIFY(doc()->scenario().findScenario("custom_asic"));
    QCOMPARE(editor()->selectedId(), QStringLiteral("custom_asic"));
    // The base case keeps its id.
    QVERIFY(editor()->select(Kind::Scenario, QStringLiteral("base")));
    QVERIFY(grid->idEdit->isReadOnly());

    // Every step was one undo step.
    while (doc()->undoStack()->canUndo()) doc()->undoStack()->undo();
    QVERIFY(doc()->scenario() == before);
}

void ModelEditorTest::keysInTheTreeAndAChartEdit() {
    const auto order = [this] {
        QStringList ids;
        for (const auto& a : doc()->scenario().assumptions) ids << QString::fromStdString(a.id);
        return ids;
    };
    const QStringList before = order();
    QCOMPARE(before.indexOf(QStringLiteral("accel_2023")), 0);
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("accel_2023")));
    QTreeWidget* tree = editor()->tree();
    tree->setFocus();
    // Alt+Down: one place down within its group, one undo step.
    QTest::keyClick(tree, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(order().indexOf(QStringLiteral("accel_2023")), 1);
    QCOMPARE(editor()->selectedId(), QStringLiteral("accel_2023"));
    doc()->undoStack()->undo();
    QCOMPARE(order(), before);
    // Insert: a new assumption after the selected one, in its group; Duplicate copies one.
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("accel_2023")));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Insert);
    QCOMPARE(order().indexOf(QStringLiteral("new_assumption")), 1);
    QCOMPARE(doc()->scenario().findAssumption("new_assumption")->group,
             doc()->scenario().findAssumption("accel_2023")->group);
    QVERIFY(editor()->select(Kind::Assumption, QStringLiteral("accel_2023")));
    editor()->duplicateSelected();
    QCOMPARE(editor()->selectedId(), QStringLiteral("accel_2023_copy"));
    QCOMPARE(doc()->scenario().findAssumption("accel_2023_copy")->value,
             doc()->scenario().findAssumption("accel_2023")->value);

    // A chart's title and type from its form: the dashboard's card follows.
    QVERIFY(editor()->select(Kind::Chart, QStringLiteral("asic_market")));
    ChartForm* chart = editor()->chartForm();
    retype(chart->titleEn, QStringLiteral("ASIC market, built here"));
    ChartCard* card = m_window->chartGrid()->card(QStringLiteral("asic_market"));
    QVERIFY(card);
    QCOMPARE(QString::fromStdString(card->plan().title), QStringLiteral("ASIC market, built here"));
    chart->type->setCurrentIndex(0);  // Line
    emit chart->type->activated(0);
    QCOMPARE(doc()->scenario().findChart("asic_market")->type, jevons::core::ChartType::Line);
    card = m_window->chartGrid()->card(QStringLiteral("asic_market"));
    QCOMPARE(card->plan().kind, jevons::core::ChartKind::Line);
    // Its years were not touched: 2023-2030 as in the file.
    QCOMPARE(doc()->scenario().findChart("asic_market")->fromYear, 2023);
    QCOMPARE(doc()->scenario().findChart("asic_market")->toYear, 2030);
}

void ModelEditorTest::theScenarioGrid() {
    const jevons::core::Scenario before = doc()->scenario();
    QVERIFY(editor()->select(Kind::Scenario, QStringLiteral("bull")));
    ScenarioGrid* grid = editor()->scenarioGrid();
    QVERIFY(grid->isVisible());
    QTableWidget* table = grid->table;
    const auto& s = doc()->scenario();
    int row = -1, bull = -1;
    for (std::size_t i = 0; i < s.assumptions.size(); ++i)
        if (s.assumptions[i].id == "asic_share_2028") row = int(i);
    for (std::size_t i = 0; i < s.scenarios.size(); ++i)
        if (s.scenarios[i].id == "bull") bull = int(i) + 1;
    QVERIFY(row >= 0 && bull > 0);
    QCOMPARE(table->columnCount(), int(s.scenarios.size()) + 1);
    // The base column shows the base value (25%), read-only; bull's cell its override.
    QCOMPARE(table->item(row, 0)->text(), QStringLiteral("25"));
    QVERIFY(!(table->item(row, 0)->flags() & Qt::ItemIsEditable));
    const double bullBefore = doc()->scenarioValues("bull").at("asic_share_2028");
    QCOMPARE(table->item(row, bull)->text().toDouble(), bullBefore * 100);

    // Type 31 into bull's cell, as in a spreadsheet: the override is 0.31, one undo step.
    const auto typeInto = [&](int r, int c, const QString& text) {
        table->setCurrentCell(r, c);
        table->editItem(table->item(r, c));  // as a double click or F2 does
        auto* cellEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(cellEditor && table->isAncestorOf(cellEditor));
        QTest::keyClick(cellEditor, Qt::Key_A, Qt::ControlModifier);
        if (!text.isEmpty())
            QTest::keyClicks(cellEditor, text);
        else
            QTest::keyClick(cellEditor, Qt::Key_Delete);
        QTest::keyClick(cellEditor, Qt::Key_Return);
        QCoreApplication::processEvents();  // the delegate commits on a queued call
    };
    typeInto(row, bull, QStringLiteral("31"));
    QTRY_COMPARE(doc()->scenarioValues("bull").at("asic_share_2028"), 0.31);
    QCOMPARE(doc()->undoStack()->text(doc()->undoStack()->index() - 1),
             QStringLiteral("Edit scenario bull"));
    // A share of 150% is outside the unit's domain: refused, nothing changes.
    const jevons::core::Scenario edited = doc()->scenario();
    typeInto(row, bull, QStringLiteral("150"));
    QTRY_VERIFY2(!editor()->problem().isEmpty(), "a refused value says why");
    QCOMPARE(editor()->problem(),
             QStringLiteral("scenarios.bull.overrides.asic_share_2028: 1.5 is above 1, which is "
                            "impossible for a share (shares are fractions: 25% is 0.25)"));
    QVERIFY(doc()->scenario() == edited);
    // An empty cell: bull takes the base value.
    typeInto(row, bull, QString());
    QTRY_VERIFY(!doc()->scenario().findScenario("bull")->overrides.count("asic_share_2028"));
    QCOMPARE(doc()->scenarioValues("bull").at("asic_share_2028"), 0.25);
    // The note, and undo of everything.
    retype(grid->noteEn, QStringLiteral("Custom silicon wins"));
    QCOMPARE(doc()->scenario().findScenario("bull")->note.en, std::string("Custom silicon wins"));
    while (doc()->undoStack()->canUndo()) doc()->undoStack()->undo();
    QVERIFY(doc()->scenario() == before);
}

// A structural edit rewrites the tree in place: a branch the analyst closed stays closed, the new
// series is under Series, a deleted one is gone, and the tree lists exactly the forecast's items.
void ModelEditorTest::theTreeIsUpdatedInPlace() {
    QTreeWidget* tree = editor()->tree();
    const auto topItem = [&](const QString& text) -> QTreeWidgetItem* {
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->text(0) == text) return tree->topLevelItem(i);
        return nullptr;
    };
    QTreeWidgetItem* series = topItem(QStringLiteral("Series"));
    QVERIFY(series && series->isExpanded());
    QVERIFY(!topItem(QStringLiteral("Published figures"))->isExpanded());
    topItem(QStringLiteral("Charts"))->setExpanded(false);
    topItem(QStringLiteral("Published figures"))->setExpanded(true);
    const int before = series->childCount();
    QCOMPARE(before, int(doc()->scenario().series.size()));

    jevons::core::Scenario next = test::withFormulaSeries(doc()->scenario(), "asic_doubled",
                                                          "ASIC market doubled", "asic_market * 2");
    next.assumptions.front().group = "A new group";
    QVERIFY(
        editor()->apply(next, QStringLiteral("add"), Kind::Series, QStringLiteral("asic_doubled")));
    QCOMPARE(topItem(QStringLiteral("Series")), series);
    QCOMPARE(series->childCount(), before + 1);
    QCOMPARE(series->child(before)->text(0),
             QStringLiteral("asic_doubled \u2014 ASIC market doubled"));
    QVERIFY(topItem(QStringLiteral("Published figures"))->isExpanded());
    QVERIFY(!topItem(QStringLiteral("Charts"))->isExpanded());
    QCOMPARE(editor()->selectedId(), QStringLiteral("asic_doubled"));
    QVERIFY(series->isExpanded());  // the new item is selected and shown
    // The assumptions' groups follow the file: the moved assumption is alone in its new group.
    QTreeWidgetItem* assumptions = topItem(QStringLiteral("Assumptions"));
    QStringList groups;
    int listed = 0;
    for (int g = 0; g < assumptions->childCount(); ++g) {
        groups << assumptions->child(g)->text(0);
        listed += assumptions->child(g)->childCount();
    }
    QCOMPARE(groups.front(), QStringLiteral("A new group"));
    QCOMPARE(assumptions->child(0)->childCount(), 1);
    QCOMPARE(listed, int(doc()->scenario().assumptions.size()));

    doc()->undoStack()->undo();
    QCOMPARE(series->childCount(), before);
    QVERIFY(!topItem(QStringLiteral("Charts"))->isExpanded());
    QCOMPARE(assumptions->child(0)->text(0), groups.at(1));
    listed = 0;
    for (int g = 0; g < assumptions->childCount(); ++g)
        listed += assumptions->child(g)->childCount();
    QCOMPARE(listed, int(doc()->scenario().assumptions.size()));
}

QTEST_MAIN(ModelEditorTest)
#include "model_editor_test.moc"
