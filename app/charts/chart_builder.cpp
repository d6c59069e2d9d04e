#include "app/charts/chart_builder.h"

#include "app/charts/palette.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QValueAxis>

namespace jevons::app {
namespace {

void styleAxis(QAbstractAxis* axis) {
    axis->setLabelsFont(palette::font(palette::kAxisPt));
    axis->setLabelsColor(palette::kInk);
    axis->setTitleFont(palette::font(palette::kAxisPt));
    axis->setTitleBrush(palette::kSlate);
    axis->setLinePenColor(palette::kSlate);
    axis->setGridLineColor(palette::kGrid);
    axis->setShadesVisible(false);
}

}  // namespace

void styleChart(QChart* chart, const QString& title) {
    chart->setTitle(title);
    chart->setTitleFont(palette::font(palette::kTitlePt, true));
    chart->setTitleBrush(palette::kInk);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(QMargins(4, 4, 4, 2));
    chart->setAnimationOptions(QChart::NoAnimation);  // an edit must show in the same frame
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(palette::font(palette::kAxisPt));
    chart->legend()->setLabelColor(palette::kInk);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
}

QBarCategoryAxis* makeYearCategoryAxis(int fromYear, int toYear) {
    auto* axis = new QBarCategoryAxis;
    QStringList years;
    for (int y = fromYear; y <= toYear; ++y) years << QString::number(y);
    axis->append(years);
    styleAxis(axis);
    axis->setGridLineVisible(false);
    return axis;
}

QValueAxis* makeYearValueAxis(int fromYear, int toYear) {
    auto* axis = new QValueAxis;
    styleAxis(axis);
    // Half a year of padding keeps end markers unclipped; ticks stay on whole years.
    axis->setRange(fromYear - 0.4, toYear + 0.4);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(fromYear);
    axis->setTickInterval(core::yearTickInterval(fromYear, toYear, 7));
    axis->setGridLineVisible(false);
    axis->setMinorTickCount(0);
    return axis;
}

QValueAxis* makeValueAxis(const QString& unitTitle) {
    auto* axis = new QValueAxis;
    styleAxis(axis);
    axis->setTitleText(unitTitle);
    axis->setMinorTickCount(0);
    return axis;
}

void applyScale(QValueAxis* axis, const core::AxisScale& scale) {
    if (axis->min() != scale.min || axis->max() != scale.max) axis->setRange(scale.min, scale.max);
    if (axis->tickCount() != scale.ticks) axis->setTickCount(scale.ticks);
    const QString format =
        QStringLiteral("%.") + QString::number(scale.decimals) + QStringLiteral("f");
    if (axis->labelFormat() != format) axis->setLabelFormat(format);
}

}  // namespace jevons::app
