#include "app/charts/actuals_style.h"

#include "app/common/display.h"

#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace jevons::app {
namespace {

/// `color` mixed with white: forecast columns next to solid actual ones.
QColor lighter(const QColor& color) {
    constexpr double kWhite = 0.55;
    return QColor::fromRgbF(float(color.redF() + (1.0 - color.redF()) * kWhite),
                            float(color.greenF() + (1.0 - color.greenF()) * kWhite),
                            float(color.blueF() + (1.0 - color.blueF()) * kWhite));
}

}  // namespace

ActualsStyle::ActualsStyle(QChart* chart, QAbstractAxis* xAxis, const core::Scenario& scenario,
                           int from, int to, bool categoryX)
    : m_chart(chart),
      m_xAxis(xAxis),
      m_scenario(scenario),
      m_from(from),
      m_to(to),
      m_categoryX(categoryX) {}

double ActualsStyle::x(int year) const { return m_categoryX ? year - m_from : year; }

QList<QPointF> ActualsStyle::actualPoints(const std::string& refName) const {
    QList<QPointF> out;
    const Shown* shown = find(refName);
    if (!shown) return out;
    for (const QPointF& p : shown->points)
        out.append({m_categoryX ? p.x() + m_from : p.x(), p.y()});
    return out;
}

int ActualsStyle::lastActualYear(const std::string& refName) const {
    const Shown* shown = find(refName);
    if (!shown || shown->points.isEmpty()) return 0;
    return static_cast<int>(std::lround(shown->points.back().x())) + (m_categoryX ? m_from : 0);
}

const ActualsStyle::Shown* ActualsStyle::find(const std::string& refName) const {
    const auto it = m_shown.find(refName);
    return it == m_shown.end() ? nullptr : &it->second;
}

void ActualsStyle::addLine(QXYSeries* line, const std::string& refName, core::Unit unit,
                           const DisplayPreferences& units, QValueAxis* yAxis,
                           const QColor& color) {
    const core::SeriesActuals* actuals = m_scenario.findActuals(refName);
    if (!actuals) return;
    Shown shown;
    shown.axis = yAxis;
    for (const auto& [year, value] : actuals->values)
        if (year >= m_from && year <= m_to)
            shown.points.append({x(year), displayValue(units, value, unit)});
    if (shown.points.isEmpty()) return;

    auto* history = new QLineSeries;
    history->setObjectName(QStringLiteral("actuals:") + toQString(refName));
    history->setName(line->name());
    QPen pen(color, 3.0);
    pen.setCapStyle(Qt::RoundCap);
    history->setPen(pen);
    history->setColor(color);
    history->setPointsVisible(true);
    history->setMarkerSize(7.0);
    history->replace(shown.points);
    m_chart->addSeries(history);
    history->attachAxis(m_xAxis);
    history->attachAxis(yAxis);
    for (QLegendMarker* marker : m_chart->legend()->markers(history)) marker->setVisible(false);

    QPen dashed = line->pen();
    dashed.setStyle(Qt::DashLine);
    line->setPen(dashed);
    m_shown[refName] = std::move(shown);
    m_lines[line] = refName;
}

void ActualsStyle::addBars(QBarSet* bars, const std::string& refName, core::Unit unit,
                           const DisplayPreferences& units, const QColor& color) {
    const core::SeriesActuals* actuals = m_scenario.findActuals(refName);
    if (!actuals) return;
    Shown shown;
    for (const auto& [year, value] : actuals->values)
        if (year >= m_from && year <= m_to)
            shown.points.append({x(year), displayValue(units, value, unit)});
    if (shown.points.isEmpty()) return;
    const int last =
        static_cast<int>(std::lround(shown.points.back().x())) + (m_categoryX ? m_from : 0);
    QList<int> forecast;
    for (int y = last + 1; y <= m_to; ++y) forecast.append(y - m_from);
    bars->setSelectedColor(lighter(color));
    // Selection is per bar and ignored beyond the values: (re)apply it once values are there.
    bars->selectBars(forecast);
    QObject::connect(bars, &QBarSet::valuesAdded, bars,
                     [bars, forecast] { bars->selectBars(forecast); });
    m_shown[refName] = std::move(shown);
    m_bars[bars] = refName;
}

QList<QPointF> ActualsStyle::forecastPart(const QXYSeries* line,
                                          const QList<QPointF>& points) const {
    const auto it = m_lines.find(line);
    if (it == m_lines.end()) return points;
    const QPointF join = find(it->second)->points.back();
    QList<QPointF> out;
    for (const QPointF& p : points) {
        if (p.x() < join.x() - 1e-9) continue;
        out.append(p.x() <= join.x() + 1e-9 ? join : p);
    }
    return out;
}

void ActualsStyle::overlayBars(const QBarSet* bars, QList<double>& shown) const {
    const auto it = m_bars.find(bars);
    if (it == m_bars.end()) return;
    for (const QPointF& p : find(it->second)->points) {
        const int i = static_cast<int>(std::lround(m_categoryX ? p.x() : p.x() - m_from));
        if (i >= 0 && i < shown.size()) shown[i] = p.y();
    }
}

void ActualsStyle::widen(const QValueAxis* yAxis, double& lo, double& hi) const {
    for (const auto& [name, shown] : m_shown) {
        if (shown.axis != yAxis) continue;
        for (const QPointF& p : shown.points) lo = std::min(lo, p.y()), hi = std::max(hi, p.y());
    }
}

}  // namespace jevons::app
