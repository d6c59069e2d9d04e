#pragma once
// The look of every chart in one place: fonts, axes with integer years and unit titles, margins.
#include "core/plan/axis_scale.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace jevons::app {

/// @brief Slide styling: white background, no drop shadow, bold 15 pt title, legend at the bottom.
void styleChart(QChart* chart, const QString& title);
/// @brief Category axis "2023", "2024", ... for column charts (x of a point = year - from).
[[nodiscard]] QBarCategoryAxis* makeYearCategoryAxis(int fromYear, int toYear);
/// @brief Value axis over years with integer labels (no 2024.3) for line and area charts.
[[nodiscard]] QValueAxis* makeYearValueAxis(int fromYear, int toYear);
/// @brief Value axis titled with the unit ("US$B", "%", "M units").
[[nodiscard]] QValueAxis* makeValueAxis(const QString& unitTitle);
/// @brief Show `scale` on `axis` (range, ticks, tick decimals); changes only what differs.
void applyScale(QValueAxis* axis, const core::AxisScale& scale);

}  // namespace jevons::app
