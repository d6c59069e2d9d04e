// The data table: a well-behaved model that follows edits, and Ctrl+C as TSV for Excel.
#include "app/document/document.h"
#include "app/scenarios/differences_model.h"
#include "app/table/copyable_table_view.h"
#include "app/table/series_table_model.h"
#include "app/table/tsv.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QUndoStack>

using namespace jevons::app;
namespace core = jevons::core;

class TableTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelsPassTheTester() {
        auto window = test::makeWindow(nullptr);
        QAbstractItemModelTester tester(window->tableModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester diff(window->differencesModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
        Document* doc = window->document();
        doc->editAssumption(QStringLiteral("accel_2028"), 190.0);
        doc->switchScenario(QStringLiteral("bear"));
        doc->undoStack()->undo();
        window->setDifferenceYears({2025, 2030});
        QVERIFY(window->openFile(test::defaultForecast()));  // reset
        QVERIFY(window->tableModel()->rowCount() >= int(doc->scenario().series.size()));
        QCOMPARE(window->tableModel()->columnCount(), doc->evaluator().years().count());
    }

    void differencesShowDeltaVsBase() {
        auto window = test::makeWindow(nullptr);
        window->setDifferenceYears({2028});
        DifferencesModel* m = window->differencesModel();
        QVERIFY(m->rowCount() > 0);
        // Columns: Base, Bull, Bear, Δ Bull, Δ Bear.
        QCOMPARE(m->columnCount(), 5);
        for (int r = 0; r < m->rowCount(); ++r) {
            const double base = m->data(m->index(r, 0), SeriesTableModel::kValueRole).toDouble();
            const double bull = m->data(m->index(r, 1), SeriesTableModel::kValueRole).toDouble();
            const double delta = m->data(m->index(r, 3), SeriesTableModel::kValueRole).toDouble();
            QVERIFY(qAbs(delta - (bull - base)) < 1e-9);
        }
    }

    // The view fits its columns from each row's largest and smallest value only (the value
    // role): every cell's text must still fit, a long negative one and a structural edit's new
    // row included.
    void everyCellFitsItsColumn() {
        auto window = test::makeWindow(nullptr);
        window->resize(1600, 1000);
        window->show();
        Document* doc = window->document();
        core::Scenario next = doc->scenario();
        core::SeriesDef wide;
        wide.id = "wide_negative";
        wide.label = {"Wide negative", ""};
        wide.unit = core::Unit::Number;  // a plain quantity may be negative
        wide.kind = core::SeriesKind::Formula;
        wide.expr = "0 - asic_market * 100000";  // about −4,290,000.0 in 2028
        next.series.push_back(wide);
        QString error;
        QVERIFY2(doc->replaceDefinitions(next, QStringLiteral("add"), &error), qPrintable(error));
        CopyableTableView* view = window->tableView();
        QAbstractItemModel* model = view->model();
        const int margins =
            2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view);
        QString widestText;
        int widest = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c) {
                const QString text = model->index(r, c).data().toString();
                const int need = view->fontMetrics().horizontalAdvance(text) + margins;
                if (need > widest) widest = need, widestText = text;
                QVERIFY2(need <= view->columnWidth(c),
                         qPrintable(QStringLiteral("%1 needs %2 px in a column of %3")
                                        .arg(text)
                                        .arg(need)
                                        .arg(view->columnWidth(c))));
            }
        QVERIFY2(widestText.startsWith(QChar(0x2212)) || widestText.startsWith(u'-'),
                 qPrintable(widestText));  // the new row's value is the widest: it was measured
    }

    void ctrlCCopiesTsvWithHeaders() {
        auto window = test::makeWindow(nullptr);
        window->show();
        CopyableTableView* view = window->tableView();
        SeriesTableModel* model = window->tableModel();
        const int row = model->rowOf(QStringLiteral("asic_market"));
        const int col = 2023 - window->document()->evaluator().years().first;
        QItemSelection selection(model->index(row, col), model->index(row + 1, col + 1));
        view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);

        const auto cell = [&](int r, int c) {
            return QString::number(
                model->data(model->index(r, c), SeriesTableModel::kValueRole).toDouble(), 'f', 1);
        };
        const QString expected =
            QStringLiteral("\t2023\t2024\n") +
            model->headerData(row, Qt::Vertical, Qt::DisplayRole).toString() + QLatin1Char('\t') +
            cell(row, col) + QLatin1Char('\t') + cell(row, col + 1) + QLatin1Char('\n') +
            model->headerData(row + 1, Qt::Vertical, Qt::DisplayRole).toString() +
            QLatin1Char('\t') + cell(row + 1, col) + QLatin1Char('\t') + cell(row + 1, col + 1) +
            QLatin1Char('\n');
        QCOMPARE(view->selectionAsTsv(), expected);
        QVERIFY(expected.contains(QStringLiteral("\t6.6\t")));  // the report's US$6.6B (2023)

        view->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), expected);
    }

    void tsvLeavesUnselectedCellsEmpty() {
        auto window = test::makeWindow(nullptr);
        SeriesTableModel* model = window->tableModel();
        const QModelIndexList picked{model->index(0, 0), model->index(1, 2)};
        const QString tsv = selectionToTsv(*model, picked, SeriesTableModel::kCopyRole);
        const QStringList lines = tsv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].count(QLatin1Char('\t')), 2);
        QVERIFY(lines[1].endsWith(QStringLiteral("\t")));  // (0,2) not selected
    }
};

QTEST_MAIN(TableTest)
#include "table_test.moc"
