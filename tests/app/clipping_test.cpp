// Nothing clipped or elided (issue 20): in English and Chinese, at 1366x768, 1920x1080 and
// 2560x1440, every visible text of the dashboard (assumption panel, charts' titles, axes,
// legends and CAGR labels, table headers and cells), of every presentation slide with its what-if
// panel, and of the dialogs fits its box (clipped_text.h lists what does not). The first test
// shows the walk finds clipping where there is some, so an empty list means something.
#include "app/calibration/fit_dialog.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/export/export_deck_dialog.h"
#include "app/export/export_picture_dialog.h"
#include "app/i18n/interface_language.h"
#include "app/presentation/presentation_window.h"
#include "app/uncertainty/distribution_dialog.h"
#include "app/uncertainty/goal_seek_dialog.h"
#include "clipped_text.h"
#include "test_support.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace jevons::app;

namespace {

const QList<QSize> kScreens{{1366, 768}, {1920, 1080}, {2560, 1440}};

QString place(const QString& what, const QString& language, QSize size) {
    return QStringLiteral("%1 %2 %3x%4").arg(what, language).arg(size.width()).arg(size.height());
}

}  // namespace

class ClippingTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("JevonsClippingTest"));
    }
    void cleanupTestCase() { applyInterfaceLanguage(QStringLiteral("en")); }
    void theWalkFindsClippedText();
    void dashboardIsNotClipped_data();
    void dashboardIsNotClipped();
    void presentationIsNotClipped_data();
    void presentationIsNotClipped();
    void dialogsAreNotClipped_data();
    void dialogsAreNotClipped();
};

// A label, a button, a header section, a table cell and a chart title, each too narrow: the walk
// lists all five, and none once they have room.
void ClippingTest::theWalkFindsClippedText() {
    QWidget root;
    auto* layout = new QVBoxLayout(&root);
    auto* label = new QLabel(QStringLiteral("Hyperscaler capex, four largest (US$B)"));
    auto* button = new QPushButton(QStringLiteral("Export the deck in Chinese"));
    QStandardItemModel model(1, 1);
    model.setHorizontalHeaderLabels({QStringLiteral("AI-glasses sales (亿台)")});
    model.setItem(0, 0, new QStandardItem(QStringLiteral("123,456,789.0")));
    auto* table = new QTableView;
    table->setModel(&model);
    auto* chart = new QChart;
    chart->setTitle(QStringLiteral("Datacenter custom ASIC market, US$B, 2023–2030 (Marvell)"));
    auto* view = new QChartView(chart);
    for (QWidget* w : {static_cast<QWidget*>(label), static_cast<QWidget*>(button),
                       static_cast<QWidget*>(table), static_cast<QWidget*>(view)})
        layout->addWidget(w);
    root.resize(900, 700);
    root.show();
    QCoreApplication::processEvents();
    label->setFixedWidth(60);
    button->setFixedWidth(60);
    table->setColumnWidth(0, 30);
    view->setFixedWidth(120);
    QCoreApplication::processEvents();
    const QStringList found = test::clippedTexts(&root, QStringLiteral("probe"));
    const QString all = found.join(QLatin1Char('\n'));
    for (const char* what : {"QLabel 'Hyperscaler", "QPushButton 'Export",
                             "QHeaderView 'AI-glasses", "cell 0,0", "chart item"})
        QVERIFY2(all.contains(QString::fromUtf8(what)),
                 qPrintable(QString(QString::fromUtf8(what) + QStringLiteral(" not in:\n") + all)));

    label->setFixedWidth(600);
    button->setFixedWidth(600);
    table->setColumnWidth(0, 400);
    view->setFixedWidth(880);
    QCoreApplication::processEvents();
    const QStringList none = test::clippedTexts(&root, QStringLiteral("probe"));
    QVERIFY2(none.isEmpty(), qPrintable(none.join(QLatin1Char('\n'))));
}

void ClippingTest::dashboardIsNotClipped_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")})
        for (const QSize size : kScreens)
            QTest::newRow(qPrintable(place(QString(), language, size).trimmed()))
                << language << size;
}

// The main window as a user sees it at that size: every chart card scrolled into view in turn
// (cards out of view are drawn only then), the assumption panel, the data table.
void ClippingTest::dashboardIsNotClipped() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(applyInterfaceLanguage(language));
    auto window = test::makeWindow(nullptr);
    window->document()->setLanguage(language);
    window->resize(size);
    window->show();
    QCoreApplication::processEvents();
    QStringList clipped =
        test::clippedTexts(window.get(), place(QStringLiteral("dashboard"), language, size));
    int charts = 0;
    for (ChartCard* card : window->findChildren<ChartCard*>()) {
        test::bringIntoView(card);
        clipped << test::clippedTexts(
            card, place(QStringLiteral("chart ") + card->objectName(), language, size));
        ++charts;
    }
    QVERIFY(charts >= 7);
    clipped.removeDuplicates();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

void ClippingTest::presentationIsNotClipped_data() { dashboardIsNotClipped_data(); }

// Every slide, with the what-if panel open.
void ClippingTest::presentationIsNotClipped() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(applyInterfaceLanguage(language));
    auto window = test::makeWindow(nullptr);
    window->document()->setLanguage(language);
    PresentationWindow p(window->document());
    p.resize(size);
    p.show();
    p.setOverlayVisible(true);
    QCoreApplication::processEvents();
    QStringList clipped;
    QVERIFY(p.slideCount() >= 7);
    for (int i = 0; i < p.slideCount(); ++i) {
        clipped << test::clippedTexts(&p,
                                      place(QStringLiteral("slide %1").arg(i + 1), language, size));
        p.next();
        QCoreApplication::processEvents();
    }
    clipped.removeDuplicates();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

void ClippingTest::dialogsAreNotClipped_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")})
        QTest::newRow(qPrintable(language)) << language << QSize();
}

// The dialogs at the size they open at: a range, goal seek, fitting, exporting.
void ClippingTest::dialogsAreNotClipped() {
    QFETCH(QString, language);
    QVERIFY(applyInterfaceLanguage(language));
    auto window = test::makeWindow(nullptr);
    Document* document = window->document();
    document->setLanguage(language);
    const auto& assumption = document->scenario().assumptions.front();
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<DistributionDialog>(document, assumption, window.get()));
    dialogs.push_back(std::make_unique<GoalSeekDialog>(document, window.get()));
    dialogs.push_back(std::make_unique<FitDialog>(document, QString(), window.get()));
    dialogs.push_back(std::make_unique<ExportDeckDialog>(*document, window.get()));
    dialogs.push_back(std::make_unique<ExportPictureDialog>(
        *document, QStringLiteral("asic_market"), window.get()));
    QStringList clipped;
    for (auto& dialog : dialogs) {
        dialog->show();
        QCoreApplication::processEvents();
        clipped << test::clippedTexts(
            dialog.get(), QStringLiteral("%1 %2").arg(
                              QString::fromLatin1(dialog->metaObject()->className()), language));
        dialog->hide();
    }
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

QTEST_MAIN(ClippingTest)
#include "clipping_test.moc"
