#include "core/deck/plot_layout.h"

namespace jevons::core::deck {

// A waterfall's categories name its bars: no legend.
bool hasLegend(const ChartPlan& chart) {
    return chart.series.size() > 1 && chart.kind != ChartKind::Waterfall;
}

PlotRect plotRect(const ChartPlan& chart) {
    PlotRect r;
    // A tornado's category labels ("ASIC share 2028: 20.9%–31.8%") need a wide left margin.
    r.x = chart.kind == ChartKind::Tornado ? 0.30 : 0.075;
    const double right = chart.kind == ChartKind::Combo ? 0.075 : 0.02;
    r.w = 1.0 - r.x - right;
    r.y = 0.04;
    r.h = hasLegend(chart) ? 0.78 : 0.86;
    return r;
}

double categoryCentre(const ChartPlan& chart, std::size_t index) {
    const PlotRect r = plotRect(chart);
    const auto n = static_cast<double>(chart.categories.size());
    const auto i = static_cast<double>(index);
    if (chart.kind == ChartKind::StackedArea || chart.kind == ChartKind::Fan)
        return n > 1 ? r.x + r.w * i / (n - 1) : r.x + r.w / 2;
    return r.x + r.w * (i + 0.5) / (n > 0 ? n : 1);
}

}  // namespace jevons::core::deck
