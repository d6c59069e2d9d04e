// One chart plan behind the screen and the slide (issue 16): for every chart of the default
// forecast, the dashboard card plots the plan's values, the deck's chart part caches the same
// values, and both show the same value-axis ticks and CAGR labels.
#include "core/plan/chart_plan.h"
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/document/document.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "core/deck/chart_xml.h"
#include "test_support.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

using namespace jevons::app;
namespace core = jevons::core;

namespace {

/// What a chart part caches: each series' name and values (NaN where a point is missing), and
/// each value axis' c:min, c:max and c:majorUnit, in the order the axes are written.
struct CachedChart {
    std::map<std::string, std::vector<double>> series;
    std::vector<std::array<double, 3>> axes;
};

CachedChart parse(const std::string& xml) {
    CachedChart out;
    const std::regex ser("<c:ser>([\\s\\S]*?)</c:ser>");
    const std::regex name("<c:tx>[\\s\\S]*?<c:v>([^<]*)</c:v>");
    const std::regex val("<c:val>([\\s\\S]*?)</c:val>");
    const std::regex count("<c:ptCount val=\"(\\d+)\"/>");
    const std::regex pt("<c:pt idx=\"(\\d+)\"><c:v>([^<]*)</c:v></c:pt>");
    const std::sregex_iterator end;
    for (std::sregex_iterator s(xml.begin(), xml.end(), ser); s != end; ++s) {
        const std::string body = (*s)[1];
        std::smatch n, v, c;
        if (!std::regex_search(body, n, name) || !std::regex_search(body, v, val)) continue;
        const std::string values = v[1];
        std::regex_search(values, c, count);
        std::vector<double> row(std::stoul(c[1]), std::nan(""));
        for (std::sregex_iterator p(values.begin(), values.end(), pt); p != end; ++p)
            row.at(std::stoul((*p)[1])) = std::strtod((*p)[2].str().c_str(), nullptr);
        out.series[n[1]] = row;
    }
    const std::regex axis(
        "<c:valAx>[\\s\\S]*?<c:max val=\"([^\"]*)\"/><c:min val=\"([^\"]*)\"/>[\\s\\S]*?"
        "<c:majorUnit val=\"([^\"]*)\"/>");
    for (std::sregex_iterator a(xml.begin(), xml.end(), axis); a != end; ++a)
        out.axes.push_back({std::strtod((*a)[1].str().c_str(), nullptr),
                            std::strtod((*a)[2].str().c_str(), nullptr),
                            std::strtod((*a)[3].str().c_str(), nullptr)});
    return out;
}

bool percent(const core::PlanSeries& s) { return s.numberFormat.find('%') != std::string::npos; }

}  // namespace

class ChartPlanTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    QStringList m_messages;

    Document* doc() { return m_window->document(); }

    // The card's plotted points, the plan's values and the deck's caches agree for every series
    // of every chart; so do the value axes.
    void verifyEveryChart() {
        const QList<ChartCard*>& cards = m_window->chartGrid()->cards();
        QCOMPARE(cards.size(), int(doc()->scenario().charts.size()));
        for (ChartCard* card : cards) {
            test::bringIntoView(card);  // out of view in a shown window, a card waits
            const core::ChartDef& def = card->definition();
            // The deck builds its own plan from the same results, as deck.cpp does.
            const core::ChartPlan deckPlan = core::buildChartPlan(
                doc()->evaluator(), def, "en", "Base", doc()->displayPreferences());
            const CachedChart cached = parse(core::deck::chartXml(deckPlan));
            const core::ChartPlan& plan = card->plan();
            QCOMPARE(plan.series.size(), deckPlan.series.size());
            for (const core::PlanSeries& s : plan.series) {
                const QString where = QStringLiteral("%1 / %2").arg(QString::fromStdString(def.id),
                                                                    QString::fromStdString(s.ref));
                QVERIFY2(cached.series.count(s.name),
                         qPrintable(where + QStringLiteral(": not in the deck")));
                const std::vector<double>& deck = cached.series.at(s.name);
                const QList<QPointF> points = card->plottedPoints(QString::fromStdString(s.ref));
                QCOMPARE(deck.size(), s.values.size());
                int plotted = 0;
                for (std::size_t i = 0; i < s.values.size(); ++i) {
                    const double v = s.values[i];
                    if (std::isnan(v)) {
                        QVERIFY2(std::isnan(deck[i]), qPrintable(where));
                        continue;
                    }
                    // The deck writes the shortest text that reads back to the same double.
                    QVERIFY2(deck[i] == v, qPrintable(where + QStringLiteral(": deck %1, plan %2")
                                                                  .arg(deck[i], 0, 'g', 17)
                                                                  .arg(v, 0, 'g', 17)));
                    const int year = std::stoi(plan.categories[i]);
                    const auto it =
                        std::find_if(points.begin(), points.end(),
                                     [&](const QPointF& p) { return std::lround(p.x()) == year; });
                    QVERIFY2(it != points.end(), qPrintable(where + QStringLiteral(": no point")));
                    QVERIFY2(it->y() == (percent(s) ? v * 100.0 : v),
                             qPrintable(where + QStringLiteral(": card %1, plan %2")
                                                    .arg(it->y(), 0, 'g', 17)
                                                    .arg(v, 0, 'g', 17)));
                    ++plotted;
                }
                QCOMPARE(points.size(), plotted);
            }
            // The same ticks: the deck's axes are written from the plan's scales.
            QVERIFY(plan.primaryScale == deckPlan.primaryScale);
            QVERIFY(!cached.axes.empty());
            const core::AxisScale& scale = plan.primaryScale;
            QCOMPARE(cached.axes[0][0], scale.max);
            QCOMPARE(cached.axes[0][1], scale.min);
            QCOMPARE(cached.axes[0][2], scale.step);
            const bool pct = percent(plan.series.front());
            const double k = pct ? 100.0 : 1.0;
            QValueAxis* axis = card->valueAxis();
            QVERIFY2(std::abs(axis->min() - scale.min * k) < 1e-9 &&
                         std::abs(axis->max() - scale.max * k) < 1e-9,
                     qPrintable(QString::fromStdString(def.id)));
            QCOMPARE(axis->tickCount(), scale.ticks);
            if (QValueAxis* right = card->secondaryAxis()) {
                QCOMPARE(cached.axes.size(), std::size_t(2));
                const core::AxisScale& s2 = plan.secondaryScale;
                QCOMPARE(cached.axes[1][2], s2.step);
                QCOMPARE(right->tickCount(), s2.ticks);
            }
            // The CAGR labels on screen are the plan's.
            const QList<CagrArrowItem*> arrows = card->cagrItems();
            QCOMPARE(arrows.size(), int(plan.cagr.size()));
            for (int k2 = 0; k2 < arrows.size(); ++k2)
                QCOMPARE(arrows[k2]->text(),
                         QString::fromStdString(plan.cagr[std::size_t(k2)].text));
        }
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_messages.clear();
        m_window = test::makeWindow(&m_messages);
        m_window->resize(1600, 1000);
        m_window->uncertaintyEngine()->setEnabled(false);
    }
    void cleanup() { m_window.reset(); }

    void screenAndDeckShowThePlan() {
        verifyEveryChart();
        // The ASIC market: the report's 45.4% CAGR on both.
        const core::ChartPlan& plan =
            m_window->chartGrid()->card(QStringLiteral("asic_market"))->plan();
        QCOMPARE(QString::fromStdString(plan.cagr.at(0).text), QStringLiteral("+45.4% CAGR"));
        QCOMPARE(plan.primaryScale.max, 125.0);  // F6's 90 and the arrow: 0..125 by 25
        QCOMPARE(plan.primaryScale.step, 25.0);
    }

    void afterAnEditBothFollow() {
        // The ASIC share of accelerators in 2028, 25% → 35%: the market and its axis move.
        QVERIFY(doc()->editAssumption(QStringLiteral("asic_share_2028"), 0.35));
        verifyEveryChart();
    }

    void withASimulationTheCagrLabelsCarryTheRange() {
        UncertaintyEngine* engine = m_window->uncertaintyEngine();
        engine->setEnabled(true);
        const UncertaintyResult result = engine->current();
        QVERIFY(result);
        ChartCard* card = m_window->chartGrid()->card(QStringLiteral("asic_market_range"));
        QTRY_VERIFY(card->uncertainty() == result);
        const core::ChartPlan& plan = card->plan();
        const core::CagrRange* range = result->cagrRange("asic_market", 2023, 2028);
        QVERIFY(range && range->problem.empty());
        const QString expected = QStringLiteral("+45.4% CAGR (P10–P90 %1–%2%)")
                                     .arg(std::round(range->cagr.p10 * 100), 0, 'f', 0)
                                     .arg(std::round(range->cagr.p90 * 100), 0, 'f', 0);
        QCOMPARE(QString::fromStdString(plan.cagr.at(0).text), expected);
        QCOMPARE(card->cagrItems().at(0)->text(), expected);
        // The fan on screen is the plan's band: P90 of 2028 in US$B.
        QCOMPARE(plan.bands.size(), std::size_t(1));
        const QList<QPointF> p90 =
            card->bandPoints(QStringLiteral("asic_market"), QStringLiteral("p90"));
        const core::OutputBands* bands = result->bands(*doc()->model().resolve("asic_market"));
        QVERIFY(bands);
        const auto column = std::size_t(2028 - result->years.first);
        const auto it = std::find_if(p90.begin(), p90.end(),
                                     [](const QPointF& p) { return std::lround(p.x()) == 2028; });
        QVERIFY(it != p90.end());
        QCOMPARE(it->y(), bands->p90[column]);
        // The axis covers the band.
        QVERIFY(card->valueAxis()->max() >= bands->p90[column]);
    }

    void cardsOutOfViewCatchUpWhenScrolledTo() {
        // A shown window whose grid scrolls: the last card (the AI glasses) is below the fold.
        m_window->resize(1000, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        ChartGrid* grid = m_window->chartGrid();
        ChartCard* top = grid->card(QStringLiteral("asic_market"));
        ChartCard* glasses = grid->card(QStringLiteral("glasses"));
        auto* scroll = qobject_cast<QScrollArea*>(grid->parentWidget()->parentWidget());
        QVERIFY(scroll);
        scroll->verticalScrollBar()->setValue(0);
        QCoreApplication::processEvents();
        QVERIFY(!top->visibleRegion().isEmpty());
        QVERIFY2(glasses->visibleRegion().isEmpty(), "the glasses chart should be out of view");

        // An edit that moves both charts: the card in view follows at once, the other waits.
        const long before = glasses->refreshCount();
        const core::ChartPlan old = glasses->plan();
        QVERIFY(doc()->editAssumption(QStringLiteral("glasses_2035"), 1600.0));
        QVERIFY(doc()->editAssumption(QStringLiteral("asic_share_2028"), 0.30));
        QVERIFY(glasses->isStale());
        QCOMPARE(glasses->refreshCount(), before);
        QVERIFY(glasses->plan().series.front().values == old.series.front().values);
        QVERIFY(!top->isStale());

        // Scrolled into view, it draws the current values: the same as a fresh plan.
        scroll->ensureWidgetVisible(glasses);
        QCoreApplication::processEvents();
        QVERIFY(!glasses->visibleRegion().isEmpty());
        QVERIFY(!glasses->isStale());
        QCOMPARE(glasses->refreshCount(), before + 1);  // once, not once per edit
        const core::ChartPlan fresh = core::buildChartPlan(
            doc()->evaluator(), glasses->definition(), "en", "Base", doc()->displayPreferences());
        QVERIFY(glasses->plan().series.front().values == fresh.series.front().values);
        QVERIFY(glasses->plan().series.front().values != old.series.front().values);
        verifyEveryChart();
    }
};

QTEST_MAIN(ChartPlanTest)
#include "chart_plan_test.moc"
