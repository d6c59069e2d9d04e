// File → New (issue 14): the gallery driven with the keyboard, a new forecast untitled and
// modified, Blank as an empty dashboard, and every template readable (nothing clipped) in English
// and Chinese.
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/desktop/new_forecast_dialog.h"
#include "app/i18n/interface_language.h"
#include "clipped_text.h"
#include "core/scenario/scenario_json.h"
#include "test_support.h"

#include <QApplication>
#include <QChart>
#include <QListWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace jevons::app;

class NewForecastTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("JevonsNewForecastTest"));
    }
    void ctrlNOpensTheGalleryAndTheChosenTemplate();
    void escapeKeepsTheDocument();
    void blankIsAnEmptyDashboard();
    void everyTemplateReadsWhole_data();
    void everyTemplateReadsWhole();
};

namespace {

/// Answers the gallery once it is up: Down until `name` is current, then `key`.
void answerGallery(const QString& name, Qt::Key key, QString* seen) {
    QTimer::singleShot(0, [=] {
        auto* dialog = qobject_cast<NewForecastDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        QStringList names;
        for (int i = 0; i < dialog->list()->count(); ++i)
            names << dialog->list()->item(i)->data(Qt::UserRole).toString();
        *seen = names.join(QLatin1Char(','));
        for (int i = 0; i < names.size() && dialog->selectedName() != name; ++i)
            QTest::keyClick(dialog->list(), Qt::Key_Down);
        QTest::keyClick(dialog->list(), key);
    });
}

}  // namespace

void NewForecastTest::ctrlNOpensTheGalleryAndTheChosenTemplate() {
    auto window = test::makeWindow(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QString seen;
    answerGallery(QStringLiteral("spend_by_company"), Qt::Key_Return, &seen);
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(seen, QStringLiteral("blank,adoption_s_curve,efficiency_demand,market_share,"
                                  "spend_by_company,default"));
    Document* d = window->document();
    QVERIFY(d->filePath().isEmpty());  // untitled: Save asks for a name
    QVERIFY(d->isModified());          // and closing asks first
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Untitled")));
    const auto expected = jevons::core::loadScenarioFile(
        (QStringLiteral(JEVONS_FORECASTS_DIR "/templates/spend_by_company.json")).toStdString());
    QCOMPARE(d->scenario().title, expected.title);
    QCOMPARE(window->findChildren<ChartCard*>().size(), qsizetype(expected.charts.size()));
    QVERIFY(!d->undoStack()->canUndo());  // nothing to undo: it is the template as shipped
}

void NewForecastTest::escapeKeepsTheDocument() {
    auto window = test::makeWindow(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const QString before = window->document()->filePath();
    QString seen;
    answerGallery(QStringLiteral("blank"), Qt::Key_Escape, &seen);
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(!seen.isEmpty());
    QCOMPARE(window->document()->filePath(), before);
    QVERIFY(!window->document()->isModified());
}

void NewForecastTest::blankIsAnEmptyDashboard() {
    auto window = test::makeWindow(nullptr);
    window->resize(1366, 768);
    window->show();
    QVERIFY(window->newForecast(QStringLiteral("blank")));
    QCoreApplication::processEvents();
    QVERIFY(window->document()->scenario().series.empty());
    QCOMPARE(window->findChildren<ChartCard*>().size(), qsizetype(0));
    QCOMPARE(window->document()->evaluator().years().first, QDate::currentDate().year());
    QVERIFY(window->document()->isModified());
}

void NewForecastTest::everyTemplateReadsWhole_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("language");
    for (const char* name :
         {"market_share", "adoption_s_curve", "spend_by_company", "efficiency_demand"})
        for (const char* language : {"en", "zh"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(name),
                                                                 QString::fromLatin1(language))))
                << QString::fromLatin1(name) << QString::fromLatin1(language);
}

// At the smallest supported screen, each template's dashboard shows every text whole.
void NewForecastTest::everyTemplateReadsWhole() {
    QFETCH(QString, name);
    QFETCH(QString, language);
    QVERIFY(applyInterfaceLanguage(language));
    auto window = test::makeWindow(nullptr);
    window->document()->setLanguage(language);
    window->resize(1366, 768);
    window->show();
    QVERIFY(window->newForecast(name));
    QCoreApplication::processEvents();
    QStringList clipped = test::clippedTexts(window.get(), name);
    const auto cards = window->findChildren<ChartCard*>();
    QVERIFY(!cards.isEmpty());
    for (ChartCard* card : cards) {
        test::bringIntoView(card);
        clipped << test::clippedTexts(card, name + QStringLiteral(" chart"));
        // A CAGR label stays over the plot, off the value axis (adoption's 2025-2030 arrow
        // sits at the left edge, its label wider than the bracket).
        const QRectF plot = card->chart()->plotArea();
        for (CagrArrowItem* arrow : card->cagrItems()) {
            if (!arrow->isVisible()) continue;
            const QRectF bubble = arrow->bubbleRect();
            if (bubble.left() < plot.left() - 0.5 || bubble.right() > plot.right() + 0.5)
                clipped
                    << QStringLiteral("%1: CAGR label %2 leaves the plot").arg(name, arrow->text());
        }
    }
    applyInterfaceLanguage(QStringLiteral("en"));
    clipped.removeDuplicates();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

QTEST_MAIN(NewForecastTest)
#include "new_forecast_test.moc"
