// Published years only (issue 18): the hyperscaler capex series start in 2025, so the data table
// shows no figure for 2023 and 2024 and a chart over those years draws nothing there; with
// "backcast": true the extrapolated values come back.
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/document/document.h"
#include "app/table/series_table_model.h"
#include "test_support.h"

#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace jevons::app;
namespace core = jevons::core;

class PublishedYearsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tableLeavesUnpublishedYearsEmpty() {
        auto window = test::makeWindow(nullptr);
        SeriesTableModel* model = window->tableModel();
        const int first = window->document()->evaluator().years().first;
        for (const char* id : {"meta_capex", "msft_capex", "hyperscaler_capex"}) {
            const int row = model->rowOf(QString::fromLatin1(id));
            QVERIFY(row >= 0);
            for (int year : {2023, 2024}) {
                const QModelIndex cell = model->index(row, year - first);
                QCOMPARE(model->data(cell, Qt::DisplayRole).toString(), QString());
                QCOMPARE(model->data(cell, SeriesTableModel::kCopyRole).toString(), QString());
                QVERIFY(std::isnan(model->data(cell, SeriesTableModel::kValueRole).toDouble()));
            }
        }
        const int meta = model->rowOf(QStringLiteral("meta_capex"));
        QCOMPARE(
            model->data(model->index(meta, 2025 - first), SeriesTableModel::kCopyRole).toString(),
            QStringLiteral("62.5"));
        const int total = model->rowOf(QStringLiteral("hyperscaler_capex"));
        QCOMPARE(
            model->data(model->index(total, 2025 - first), SeriesTableModel::kCopyRole).toString(),
            QStringLiteral("142.5"));
    }

    void chartsDrawNothingBeforeTheStartUnlessBackcast() {
        auto window = test::makeWindow(nullptr);
        Document* doc = window->document();
        core::Scenario widened = doc->scenario();
        for (auto& c : widened.charts)
            if (c.id == "capex") c.fromYear = 2023;
        QVERIFY(doc->replaceDefinitions(widened, QStringLiteral("widen")));
        ChartCard* card = window->chartGrid()->card(QStringLiteral("capex"));
        QVERIFY(card);
        const QList<QPointF> meta = card->plottedPoints(QStringLiteral("meta_capex"));
        QCOMPARE(meta.size(), 6);  // 2025-2030
        QCOMPARE(meta.front(), QPointF(2025, 62.5));
        QCOMPARE(meta, test::expectedPoints(*doc, QStringLiteral("meta_capex"), 2023, 2030));
        const QString shots = qEnvironmentVariable("JEVONS_PUBLISHED_YEARS_SCREENSHOTS");
        if (!shots.isEmpty()) {  // to look at: no columns, labels or total in 2023 and 2024
            window->resize(1600, 1000);
            window->show();
            QTest::qWait(100);
            card->grab().save(shots + QStringLiteral("/capex-2023.png"));
        }

        core::Scenario backcast = doc->scenario();
        for (auto& s : backcast.series)
            if (s.id == "meta_capex" || s.id == "msft_capex") s.backcast = true;
        QVERIFY(doc->replaceDefinitions(backcast, QStringLiteral("backcast")));
        card = window->chartGrid()->card(QStringLiteral("capex"));
        const QList<QPointF> back = card->plottedPoints(QStringLiteral("meta_capex"));
        QCOMPARE(back.size(), 8);  // 2023-2030
        const double growth = doc->evaluator().assumption("capex_growth");
        QVERIFY(std::abs(back.front().y() - 62.5 / ((1 + growth) * (1 + growth))) < 1e-9);
        const int row = window->tableModel()->rowOf(QStringLiteral("meta_capex"));
        QVERIFY(!window->tableModel()
                     ->data(window->tableModel()->index(row, 0), Qt::DisplayRole)
                     .toString()
                     .isEmpty());
    }
};

QTEST_MAIN(PublishedYearsTest)
#include "published_years_test.moc"
