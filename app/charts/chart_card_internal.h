#pragma once
// ChartCard internals shared by chart_card*.cpp (app/charts only): the per-series and per-anchor
// records and the helpers more than one part of the card uses.
#include "app/charts/chart_card.h"

#include <QColor>
#include <QList>
#include <QString>

#include <cmath>
#include <limits>
#include <string>

namespace jevons::app {
namespace chart_card_detail {

inline constexpr qreal kBarWidth = 0.62;

/// A stacked or summed value: a year without a value (NaN) adds nothing.
inline double orZero(double v) { return std::isnan(v) ? 0.0 : v; }

}  // namespace chart_card_detail

struct ChartCard::Plotted {
    std::string refName;
    core::OutputRef ref;
    core::Unit unit = core::Unit::Number;
    int run = 0;
    bool secondary = false;
    int stack = -1;  ///< position in a stack (stacked charts), bottom = 0
    QColor color;
    QBarSet* bars = nullptr;
    QXYSeries* line = nullptr;
    QLineSeries* upper = nullptr;  ///< stacked area
    QLineSeries* lower = nullptr;
    QList<double> shown;  ///< display values, one per year of the chart
    // Fan bands (line charts, run 0, uncertainty on): edges and the two filled areas.
    QLineSeries* p10 = nullptr;
    QLineSeries* p25 = nullptr;
    QLineSeries* p75 = nullptr;
    QLineSeries* p90 = nullptr;
    QAreaSeries* outer = nullptr;  ///< P10–P90, light
    QAreaSeries* inner = nullptr;  ///< P25–P75, darker
    QList<double> bandLow;         ///< P10 per year (display units); empty without bands
    QList<double> bandHigh;        ///< P90 per year
};

struct ChartCard::AnchorMark {
    int index = -1;
    core::OutputRef ref;
    core::Unit unit = core::Unit::Number;
    int year = 0;
    double shown = 0.0;  ///< display units; a range's low end
    double shownHigh =
        std::numeric_limits<double>::quiet_NaN();  ///< a range's high end; NaN: point
    double base = 0.0;  ///< stacked charts: the stack below the anchored series (display units)
    QGraphicsPathItem* bar = nullptr;  ///< a range's bar with caps (owned by the chart)
    [[nodiscard]] bool isRange() const { return !std::isnan(shownHigh); }
    bool secondary = false;
    bool draggable = false;
    QString toolTip;
};

}  // namespace jevons::app
