#include "app/presentation/chart_drivers.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace jevons::app {
namespace {

/// Sum of |values| of the chart's plotted outputs over its years.
struct Plotted {
    std::vector<core::OutputRef> refs;
    int from = 0;
    int to = 0;
};

double distance(const core::Evaluator& a, const core::Evaluator& b, const Plotted& p) {
    const int first = a.years().first;
    double diff = 0.0;
    double size = 0.0;
    for (const core::OutputRef& ref : p.refs) {
        double refDiff = 0.0;
        double refSize = 0.0;
        for (int y = p.from; y <= p.to; ++y) {
            const double va = a.grid(ref)(0, y - first);
            const double vb = b.grid(ref)(0, y - first);
            if (std::isnan(va) || std::isnan(vb)) continue;  // a year without a value
            refDiff += std::abs(vb - va);
            refSize += std::abs(va);
        }
        // Each plotted output counts equally, whatever its unit.
        if (refSize > 0) {
            diff += refDiff / refSize;
            size += 1.0;
        }
    }
    return size > 0 ? diff / size : 0.0;
}

}  // namespace

std::vector<ChartDriver> chartDrivers(const core::Evaluator& evaluator, const core::ChartDef& chart,
                                      int maxCount) {
    const core::Model& model = evaluator.model();
    const core::Scenario& scenario = model.scenario();
    Plotted plotted;
    std::set<int> shown;
    for (const auto* names : {&chart.series, &chart.secondary}) {
        for (const std::string& name : *names) {
            if (const auto ref = model.resolve(name)) {
                plotted.refs.push_back(*ref);
                shown.insert(ref->series);
            }
        }
    }
    const core::YearRange years = model.years();
    plotted.from = chart.fromYear ? std::max(chart.fromYear, years.first) : years.first;
    plotted.to = chart.toYear ? std::min(chart.toYear, years.last) : years.last;

    std::vector<ChartDriver> drivers;
    for (int i = 0; i < static_cast<int>(scenario.assumptions.size()); ++i) {
        const core::Assumption& a = scenario.assumptions[static_cast<std::size_t>(i)];
        const std::vector<int>& dependents = model.dependentsOf(i);
        if (std::none_of(dependents.begin(), dependents.end(),
                         [&](int s) { return shown.count(s) > 0; }))
            continue;
        ChartDriver driver;
        driver.assumption = a.id;
        for (const core::Anchor& anchor : scenario.anchors) {
            const auto ref = model.resolve(anchor.series);
            if (anchor.drives == a.id && ref && shown.count(ref->series))
                driver.drivesAnchor = true;
        }
        // Move the assumption by a tenth of its slider range, staying inside the range.
        const double value = evaluator.assumption(a.id);
        double bump = (a.max - a.min) / 10.0;
        if (!(bump > 0)) bump = std::max(std::abs(value) / 10.0, 1e-6);
        const double moved = value + bump <= a.max || a.max <= a.min ? value + bump : value - bump;
        core::Evaluator probe = evaluator;
        try {
            probe.setAssumption(a.id, moved);
            driver.sensitivity = distance(evaluator, probe, plotted);
        } catch (const std::exception&) {
            driver.sensitivity = 0.0;  // a value the model refuses: not a useful slider here
        }
        if (driver.sensitivity > 1e-9) drivers.push_back(driver);
    }
    auto weight = [](const ChartDriver& d) { return d.sensitivity * (d.drivesAnchor ? 1.5 : 1.0); };
    std::stable_sort(
        drivers.begin(), drivers.end(),
        [&](const ChartDriver& x, const ChartDriver& y) { return weight(x) > weight(y); });
    if (static_cast<int>(drivers.size()) > maxCount)
        drivers.resize(static_cast<std::size_t>(maxCount));
    return drivers;
}

}  // namespace jevons::app
