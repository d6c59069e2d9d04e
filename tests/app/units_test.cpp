// Display units (issue 7): US$B / US$M / 亿美元 / 亿元 (with the stated exchange rate), M units /
// 万台, percent decimals; table, charts and sliders change labels and values together, and the
// choice persists in QSettings. Each document holds its own choice.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/document/document.h"
#include "app/export/deck_export.h"
#include "app/table/series_table_model.h"
#include "app/units/units_menu.h"
#include "test_support.h"

#include <QChart>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace jevons::app;
using jevons::core::DisplayUnit;

class UnitsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void moneyUnitsChangeTableAndCharts();
    void rmbStatesTheExchangeRate();
    void volumesInTenThousands();
    void anEditThatCrossesTenThousandRedrawsTheAxisInTheNextStep();
    void percentDecimals();
    void menuAppliesAndPersists();
    void nativeDecksFollowTheChoice();
    void documentsHoldTheirOwnPreferences();

private:
    static QString cell(MainWindow& w, const char* ref, int year) {
        auto* model = w.tableModel();
        const int row = model->rowOf(QString::fromLatin1(ref));
        const int col = year - w.document()->evaluator().years().first;
        return model->index(row, col).data(SeriesTableModel::kCopyRole).toString();
    }
    static QString header(MainWindow& w, const char* ref) {
        auto* model = w.tableModel();
        return model
            ->headerData(model->rowOf(QString::fromLatin1(ref)), Qt::Vertical, Qt::DisplayRole)
            .toString();
    }
    static void set(MainWindow& w, DisplayPreferences p) { w.document()->setDisplayPreferences(p); }
};

void UnitsTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("JevonsUnitsTest"));
    QCoreApplication::setApplicationName(QStringLiteral("units_test"));
    QSettings().clear();
}

void UnitsTest::cleanup() { QSettings().clear(); }

void UnitsTest::moneyUnitsChangeTableAndCharts() {
    auto w = test::makeWindow(nullptr);
    QCOMPARE(cell(*w, "asic_market", 2028), QStringLiteral("42.9"));
    QVERIFY(header(*w, "asic_market").endsWith(QStringLiteral("(US$B)")));

    set(*w, {DisplayUnit::UsdHundredMillion, DisplayUnit::MillionUnits, 1, 7.2});
    QCOMPARE(cell(*w, "asic_market", 2028), QStringLiteral("429.0"));
    QVERIFY(header(*w, "asic_market").endsWith(QStringLiteral("(亿美元)")));
    // In Chinese, full-width parentheses (issue 20).
    w->document()->setLanguage(QStringLiteral("zh"));
    QCOMPARE(header(*w, "asic_market"), QStringLiteral("数据中心ASIC市场（亿美元）"));
    w->document()->setLanguage(QStringLiteral("en"));
    ChartCard* card = w->chartGrid()->card(QStringLiteral("asic_market"));
    QVERIFY(card);
    QCOMPARE(card->valueAxis()->titleText(), QStringLiteral("亿美元"));
    // The title names the unit shown, in both languages ("(US$B)" in the file).
    QVERIFY2(card->chart()->title().contains(QStringLiteral("Datacenter ASIC market (亿美元)")),
             qPrintable(card->chart()->title()));
    w->document()->setLanguage(QStringLiteral("zh"));
    card = w->chartGrid()->card(QStringLiteral("asic_market"));
    QVERIFY2(card->chart()->title().contains(QStringLiteral("数据中心ASIC市场规模（亿美元）")),
             qPrintable(card->chart()->title()));
    w->document()->setLanguage(QStringLiteral("en"));
    card = w->chartGrid()->card(QStringLiteral("asic_market"));
    const QList<QPointF> points = card->plottedPoints(QStringLiteral("asic_market"));
    QCOMPARE(points[5].x(), 2028.0);
    QVERIFY(std::abs(points[5].y() - 429.0) < 0.5);
    QCOMPARE(formatDisplay(w->document()->displayPreferences(), 42.9,
                           jevons::core::Unit::UsdBillion, QStringLiteral("zh")),
             QStringLiteral("429.0 亿美元"));

    set(*w, {DisplayUnit::UsdMillion, DisplayUnit::MillionUnits, 1, 7.2});
    QCOMPARE(cell(*w, "asic_market", 2028).toDouble(), std::round(points[5].y() * 1000.0) / 10.0);
    // Sliders show and edit in the display unit: 171.6 US$B = 171,600 US$M.
    QDoubleSpinBox* spin = nullptr;
    for (auto* s : w->assumptionsPanel()->findChildren<AssumptionSlider*>())
        if (s->assumptionId() == QStringLiteral("accel_2028")) spin = s->spinBox();
    QVERIFY(spin);
    QCOMPARE(spin->value(), 171600.0);
    QVERIFY(spin->suffix().contains(QStringLiteral("US$M")));
    spin->setValue(180000.0);
    QVERIFY(std::abs(w->document()->evaluator().assumption("accel_2028") - 180.0) < 1e-9);
}

void UnitsTest::rmbStatesTheExchangeRate() {
    auto w = test::makeWindow(nullptr);
    set(*w, {DisplayUnit::RmbHundredMillion, DisplayUnit::MillionUnits, 1, 7.0});
    // 42.9 US$B x 7.0 = 300.3 billion yuan = 3,003 亿元.
    QVERIFY(std::abs(cell(*w, "asic_market", 2028).toDouble() - 3003.0) < 1.0);
    QVERIFY2(header(*w, "asic_market").contains(QStringLiteral("US$1 = \u00A57.00")),
             qPrintable(header(*w, "asic_market")));
    ChartCard* card = w->chartGrid()->card(QStringLiteral("asic_market"));
    QVERIFY(card->valueAxis()->titleText().contains(QStringLiteral("7.00")));
}

void UnitsTest::volumesInTenThousands() {
    auto w = test::makeWindow(nullptr);
    const double millions = cell(*w, "glasses_sales", 2029).toDouble();
    set(*w, {DisplayUnit::UsdBillion, DisplayUnit::TenThousandUnits, 1, 7.2});
    // The table keeps one unit, as a broker's table does: 万台 in full.
    QVERIFY(std::abs(cell(*w, "glasses_sales", 2029).toDouble() - 100.0 * millions) < 10.0);
    QVERIFY(header(*w, "glasses_sales").contains(QStringLiteral("万台")));
    // The chart's axis reaches 140,000 万台 (1.4B in 2035), so it reads in 亿台: 14.00.
    ChartCard* card = w->chartGrid()->card(QStringLiteral("glasses"));
    QCOMPARE(card->valueAxis()->titleText(), QStringLiteral("亿台"));
    const QList<QPointF> columns = card->plottedPoints(QStringLiteral("glasses_sales"));
    QVERIFY(!columns.isEmpty());
    QVERIFY2(std::abs(columns.back().y() - 14.0) < 0.05,
             qPrintable(QString::number(columns.back().y())));
}

void UnitsTest::anEditThatCrossesTenThousandRedrawsTheAxisInTheNextStep() {
    auto w = test::makeWindow(nullptr);
    Document* d = w->document();
    const auto& e = d->evaluator();
    const auto top = [&] {  // the largest capex column, US$B
        double big = 0.0;
        for (const char* id : {"meta_capex", "msft_capex"})
            for (int y = 2025; y <= 2030; ++y)
                big = std::max(big, e.values(id)(e.years().column(y)));
        return big;
    };
    // A rate that puts the largest column at 9,000 亿元: under 10,000, still 亿元.
    const double rate = 9000.0 / (top() * 10.0);
    set(*w, {DisplayUnit::RmbHundredMillion, DisplayUnit::MillionUnits, 1, rate});
    ChartCard* before = w->chartGrid()->card(QStringLiteral("capex"));
    QVERIFY2(before->valueAxis()->titleText().startsWith(QStringLiteral("RMB 100M")),
             qPrintable(before->valueAxis()->titleText()));

    QVERIFY(d->editAssumption(QStringLiteral("msft_capex_2025"), 150.0));  // capex x1.9
    QVERIFY(top() * 10.0 * rate > 10000.0);
    QTRY_VERIFY(w->chartGrid()->card(QStringLiteral("capex")) != before);
    ChartCard* after = w->chartGrid()->card(QStringLiteral("capex"));
    QVERIFY2(after->valueAxis()->titleText().startsWith(QStringLiteral("RMB tn")),
             qPrintable(after->valueAxis()->titleText()));
    const QList<QPointF> columns = after->plottedPoints(QStringLiteral("msft_capex"), 0);
    QCOMPARE(columns.size(), 6);
    for (const QPointF& c : columns) {
        const double usdB = e.values("msft_capex")(e.years().column(int(c.x())));
        QVERIFY2(std::abs(c.y() - usdB * 10.0 * rate / 1e4) < 1e-9,
                 qPrintable(QStringLiteral("%1: %2").arg(c.x()).arg(c.y())));
    }
    // And back: undoing the edit steps the axis down again.
    QVERIFY(d->editAssumption(QStringLiteral("msft_capex_2025"), 80.0));
    QTRY_VERIFY(w->chartGrid()
                    ->card(QStringLiteral("capex"))
                    ->valueAxis()
                    ->titleText()
                    .startsWith(QStringLiteral("RMB 100M")));
}

void UnitsTest::percentDecimals() {
    auto w = test::makeWindow(nullptr);
    QCOMPARE(cell(*w, "asic_share", 2028), QStringLiteral("25.0"));
    set(*w, {DisplayUnit::UsdBillion, DisplayUnit::MillionUnits, 0, 7.2});
    QCOMPARE(cell(*w, "asic_share", 2028), QStringLiteral("25"));
    QCOMPARE(cell(*w, "asic_market", 2028), QStringLiteral("42.9"));  // money keeps its decimal
    set(*w, {DisplayUnit::UsdBillion, DisplayUnit::MillionUnits, 2, 7.2});
    QCOMPARE(cell(*w, "asic_share", 2028), QStringLiteral("25.00"));
    QCOMPARE(formatDisplay(w->document()->displayPreferences(), 0.25, jevons::core::Unit::Share,
                           QStringLiteral("en")),
             QStringLiteral("25.00%"));
}

void UnitsTest::menuAppliesAndPersists() {
    auto w = test::makeWindow(nullptr);
    QMenu* menu = w->findChild<QMenu*>(QStringLiteral("unitsMenu"));
    QVERIFY(menu);
    QAction* yi = nullptr;
    for (QAction* a : menu->actions())
        if (a->data().toInt() == int(DisplayUnit::UsdHundredMillion) && a->isCheckable() &&
            a->text().contains(QStringLiteral("亿美元")))
            yi = a;
    QVERIFY(yi);
    yi->trigger();
    QCOMPARE(w->document()->displayPreferences().money, DisplayUnit::UsdHundredMillion);
    QCOMPARE(cell(*w, "asic_market", 2028), QStringLiteral("429.0"));
    Document fresh;  // as the next session's window: the choice comes back from QSettings
    QCOMPARE(fresh.displayPreferences().money, DisplayUnit::UsdBillion);
    loadDisplayPreferences(fresh);
    QCOMPARE(fresh.displayPreferences().money, DisplayUnit::UsdHundredMillion);
}

// Issue 7: File → Export deck writes native charts in the units the dashboard shows.
void UnitsTest::nativeDecksFollowTheChoice() {
    auto w = test::makeWindow(nullptr);
    set(*w, {DisplayUnit::UsdHundredMillion, DisplayUnit::TenThousandUnits, 2, 7.2});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString deck = dir.filePath(QStringLiteral("units.pptx"));
    DeckExportRequest request;
    request.chartIds = {QStringLiteral("asic_market")};
    request.language = QStringLiteral("zh");
    exportDeck(*w->document(), request, deck);
    QProcess unzip;
    unzip.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import sys, zipfile; "
                                "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1])"
                                ".read('ppt/charts/chart1.xml'))"),
                 deck});
    QVERIFY(unzip.waitForFinished(30000));
    QCOMPARE(unzip.exitCode(), 0);
    const QString xml = QString::fromUtf8(unzip.readAllStandardOutput());
    // 2028 is the sixth category: US$42.9B = 429 亿美元, axis titled in 亿美元.
    static const QRegularExpression point(
        QStringLiteral("<c:val>[\\s\\S]*?<c:pt idx=\"5\"><c:v>([^<]*)</c:v>"));
    const auto m = point.match(xml);
    QVERIFY2(m.hasMatch(), qPrintable(xml.left(400)));
    QVERIFY(std::abs(m.captured(1).toDouble() - 429.0) < 1e-9);
    QVERIFY(xml.contains(QStringLiteral("亿美元")));
}

// The preferences belong to a document, not to the process: choosing 亿美元 in one leaves
// another's values in US$B. A change is announced once (views rebuild on languageChanged), the
// same preferences again not at all.
void UnitsTest::documentsHoldTheirOwnPreferences() {
    using jevons::core::Unit;
    Document one;
    Document other;
    QSignalSpy oneChanged(&one, &Document::languageChanged);
    QSignalSpy otherChanged(&other, &Document::languageChanged);
    DisplayPreferences yi = one.displayPreferences();
    yi.money = DisplayUnit::UsdHundredMillion;
    one.setDisplayPreferences(yi);
    QCOMPARE(oneChanged.count(), 1);
    QCOMPARE(otherChanged.count(), 0);
    QCOMPARE(one.displayPreferences().money, DisplayUnit::UsdHundredMillion);
    QCOMPARE(other.displayPreferences().money, DisplayUnit::UsdBillion);
    QCOMPARE(displayValue(one.displayPreferences(), 42.9, Unit::UsdBillion), 429.0);
    QCOMPARE(displayValue(other.displayPreferences(), 42.9, Unit::UsdBillion), 42.9);

    one.setDisplayPreferences(yi);  // identical: nothing to rebuild
    other.setDisplayPreferences({});
    QCOMPARE(oneChanged.count(), 1);
    QCOMPARE(otherChanged.count(), 0);

    // Validated as they are set: a money unit that is not money falls back to the default.
    DisplayPreferences wrong = yi;
    wrong.money = DisplayUnit::TenThousandUnits;
    one.setDisplayPreferences(wrong);
    QCOMPARE(one.displayPreferences().money, DisplayUnit::UsdBillion);
    QCOMPARE(oneChanged.count(), 2);

    // Views read their own document: two windows, one in 亿美元, the other still in US$B.
    auto a = test::makeWindow(nullptr);
    auto b = test::makeWindow(nullptr);
    set(*a, yi);
    QCOMPARE(cell(*a, "asic_market", 2028), QStringLiteral("429.0"));
    QCOMPARE(cell(*b, "asic_market", 2028), QStringLiteral("42.9"));
    QVERIFY(header(*b, "asic_market").endsWith(QStringLiteral("(US$B)")));
}

QTEST_MAIN(UnitsTest)
#include "units_test.moc"
