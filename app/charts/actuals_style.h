#pragma once
// Actuals on a chart card (the file's "actuals" section): history solid, the model's forecast
// dashed from the last actual year on (lines), or actual years' columns solid at the actual
// values and forecast columns lighter. A card whose series have no actuals in its years is drawn
// exactly as without this class.
#include "app/common/display.h"
#include "core/scenario/scenario.h"

#include <QColor>
#include <QList>
#include <QPointF>

#include <map>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QBarSet;
class QChart;
class QLineSeries;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace jevons::app {

class ActualsStyle {
public:
    /// @param from, to the chart's years; @param categoryX x = year - from (column charts),
    /// else x = year.
    ActualsStyle(QChart* chart, QAbstractAxis* xAxis, const core::Scenario& scenario, int from,
                 int to, bool categoryX);

    /// @brief Line `line` plots series `refName` in `unit` on `yAxis`. If that is a series id
    /// with actuals in the chart's years, adds a solid line with markers through them (named
    /// "actuals:<refName>", no legend entry) and makes `line` dashed. `units`: those of the axis
    /// (ChartPlan::primaryUnits or secondaryUnits).
    void addLine(QXYSeries* line, const std::string& refName, core::Unit unit,
                 const DisplayPreferences& units, QValueAxis* yAxis, const QColor& color);
    /// @brief Column set `bars` plots series `refName`: forecast years (after the last actual)
    /// are drawn in a lighter `color`.
    void addBars(QBarSet* bars, const std::string& refName, core::Unit unit,
                 const DisplayPreferences& units, const QColor& color);

    /// @brief The model's points of `line` as drawn: with actuals, the years from the last
    /// actual year on, the first one at the last actual's value so that the lines join (empty
    /// if the actuals reach the chart's end); otherwise `points` as given.
    [[nodiscard]] QList<QPointF> forecastPart(const QXYSeries* line,
                                              const QList<QPointF>& points) const;
    /// @brief Column values of `bars` (display units, one per chart year): the actual value in
    /// actual years, the model's after.
    void overlayBars(const QBarSet* bars, QList<double>& shown) const;
    /// @brief Widen [lo, hi] to the actuals drawn against `yAxis` (display units).
    void widen(const QValueAxis* yAxis, double& lo, double& hi) const;

    /// @brief (year, display value) of series `refName`'s actuals within the chart's years.
    [[nodiscard]] QList<QPointF> actualPoints(const std::string& refName) const;
    /// @brief Last actual year of `refName` within the chart's years, or 0.
    [[nodiscard]] int lastActualYear(const std::string& refName) const;

private:
    struct Shown {
        QList<QPointF> points;  ///< (year, display value), years ascending, within the chart
        const QValueAxis* axis = nullptr;
    };
    [[nodiscard]] const Shown* find(const std::string& refName) const;
    [[nodiscard]] double x(int year) const;

    QChart* m_chart;
    QAbstractAxis* m_xAxis;
    const core::Scenario& m_scenario;
    int m_from;
    int m_to;
    bool m_categoryX;
    std::map<std::string, Shown> m_shown;             ///< by refName
    std::map<const QXYSeries*, std::string> m_lines;  ///< dashed model lines
    std::map<const QBarSet*, std::string> m_bars;     ///< column sets with actuals
};

}  // namespace jevons::app
