// No NaN or infinity reaches the dashboard: an edit that would divide by zero is refused with the
// core's message naming the series and the year, and charts and table keep the last good values.
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/document/document.h"
#include "app/table/series_table_model.h"
#include "test_support.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace jevons::app;

namespace {
// ratio = total / divisor; divisor may be set to 0 by its slider range.
const char* const kForecast = R"({
  "schema": 1,
  "meta": { "title": { "en": "Division" } },
  "years": { "first": 2023, "last": 2027 },
  "assumptions": {
    "divisor": { "label": { "en": "Divisor" }, "value": 2, "unit": "number",
                 "min": 0, "max": 10, "step": 1 }
  },
  "series": {
    "total": { "label": { "en": "Total" }, "unit": "US$B", "kind": "points",
               "points": [ { "year": 2023, "value": 10 }, { "year": 2027, "value": 20 } ] },
    "ratio": { "label": { "en": "Ratio" }, "unit": "US$B", "kind": "formula",
               "expr": "total / divisor" }
  },
  "charts": {
    "ratio_chart": { "title": { "en": "Ratio" }, "type": "line", "series": ["ratio"] }
  }
})";

// big = total × scale; scale may be set high enough that big would show as infinity in US$M.
const char* const kScaled = R"({
  "schema": 1,
  "meta": { "title": { "en": "Scaled" } },
  "years": { "first": 2023, "last": 2027 },
  "assumptions": {
    "scale": { "label": { "en": "Scale" }, "value": 2, "unit": "number",
               "min": 1, "max": 1e300, "step": 1 }
  },
  "series": {
    "total": { "label": { "en": "Total" }, "unit": "US$B", "kind": "points",
               "points": [ { "year": 2023, "value": 10 }, { "year": 2027, "value": 20 } ] },
    "big": { "label": { "en": "Big" }, "unit": "US$B", "kind": "formula", "expr": "total * scale" }
  },
  "charts": { "big_chart": { "title": { "en": "Big" }, "type": "line", "series": ["big"] } }
})";

bool allFinite(const SeriesTableModel* m) {
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 0; c < m->columnCount(); ++c) {
            const QVariant v = m->data(m->index(r, c), SeriesTableModel::kValueRole);
            if (v.isValid() && !std::isfinite(v.toDouble())) return false;
        }
    return true;
}
}  // namespace

class NonFiniteTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void divisionByZeroIsRefusedNamingSeriesAndYear() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("division.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kForecast);
        }
        QStringList messages;
        MainWindow window;
        window.setUnsavedChangesPrompt([](QWidget*) { return QMessageBox::Discard; });
        window.setMessageSink([&](const QString&, const QString& text) { messages << text; });
        QVERIFY2(window.openFile(path), qPrintable(messages.join(QLatin1Char('\n'))));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        Document* doc = window.document();
        ChartCard* card = window.chartGrid()->card(QStringLiteral("ratio_chart"));
        QVERIFY(card);
        QVERIFY(doc->editAssumption(QStringLiteral("divisor"), 4));
        const QList<QPointF> good = card->plottedPoints(QStringLiteral("ratio"));
        QCOMPARE(good.size(), 5);
        QCOMPARE(good.first().y(), 2.5);
        QVERIFY(allFinite(window.tableModel()));

        QSignalSpy rejected(doc, &Document::editRejected);
        QVERIFY(!doc->editAssumption(QStringLiteral("divisor"), 0));
        QCOMPARE(rejected.size(), 1);
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("ratio")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("2023")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not a finite number")), qPrintable(message));

        // Nothing changed: the evaluator, the chart and the table hold the last good values.
        QCOMPARE(doc->evaluator().assumption("divisor"), 4.0);
        QCOMPARE(card->plottedPoints(QStringLiteral("ratio")), good);
        QVERIFY(allFinite(window.tableModel()));
        for (const QPointF& p : card->plottedPoints(QStringLiteral("ratio")))
            QVERIFY(std::isfinite(p.y()));
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void aValueTooLargeToShowIsRefusedAtTheEdit() {
        // Issue 17: 20 × 1e298 US$B is finite, but 2e302 US$M is not. The edit is refused
        // naming the series, the year and the unit, and nothing changes.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scaled.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kScaled);
        }
        QStringList messages;
        MainWindow window;
        window.setUnsavedChangesPrompt([](QWidget*) { return QMessageBox::Discard; });
        window.setMessageSink([&](const QString&, const QString& text) { messages << text; });
        QVERIFY2(window.openFile(path), qPrintable(messages.join(QLatin1Char('\n'))));
        Document* doc = window.document();
        QVERIFY(doc->editAssumption(QStringLiteral("scale"), 1e200));
        QSignalSpy rejected(doc, &Document::editRejected);
        QVERIFY(!doc->editAssumption(QStringLiteral("scale"), 1e298));
        QCOMPARE(rejected.size(), 1);
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("series.big")), qPrintable(message));
        QVERIFY2(
            message.contains(QStringLiteral("the 2023 value 1e+299 US$B is too large to show")),
            qPrintable(message));
        QCOMPARE(doc->evaluator().assumption("scale"), 1e200);
        QVERIFY(allFinite(window.tableModel()));
        QCOMPARE(doc->undoStack()->count(), 1);
    }
};

QTEST_MAIN(NonFiniteTest)
#include "nonfinite_test.moc"
