#include "core/scenario/scenario.h"

#include <algorithm>

namespace jevons::core {
namespace {

/// First element of `items` whose `id` equals `id`, or nullptr.
template <typename T>
T* findById(std::vector<T>& items, std::string_view id) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Assumption* Scenario::findAssumption(std::string_view id) const {
    return findById(assumptions, id);
}

Assumption* Scenario::findAssumption(std::string_view id) { return findById(assumptions, id); }

const SeriesDef* Scenario::findSeries(std::string_view id) const { return findById(series, id); }

const ChartDef* Scenario::findChart(std::string_view id) const { return findById(charts, id); }

const ScenarioDef* Scenario::findScenario(std::string_view id) const {
    return findById(scenarios, id);
}

const Source* Scenario::findSource(std::string_view id) const { return findById(sources, id); }

const std::string& Scenario::groupTitle(const std::string& name, std::string_view language) const {
    for (const auto& g : groups)
        if (g.name == name) return g.label.in(language).empty() ? name : g.label.in(language);
    return name;
}

Scenario::Focus Scenario::focus() const {
    Focus f;
    f.chartEnd = f.cagrEnd = years.last;
    if (!charts.empty()) {
        const ChartDef& chart = charts.front();
        if (chart.toYear) f.chartEnd = f.cagrEnd = chart.toYear;
        if (!chart.cagr.empty()) {
            f.ref = chart.cagr.front().series;
            f.cagrEnd = chart.cagr.front().to;
            return f;
        }
        if (!chart.series.empty()) {
            f.ref = chart.series.front();
            return f;
        }
    }
    if (!series.empty()) f.ref = series.front().id;
    return f;
}

const SeriesActuals* Scenario::findActuals(std::string_view seriesId) const {
    for (const auto& a : actuals)
        if (a.series == seriesId) return &a;
    return nullptr;
}

std::map<std::string, double> Scenario::assumptionValues(std::string_view scenarioId) const {
    std::map<std::string, double> values;
    for (const auto& a : assumptions) values.emplace(a.id, a.value);
    if (scenarioId.empty() || scenarioId == "base") return values;
    if (const ScenarioDef* s = findScenario(scenarioId)) {
        for (const auto& [id, value] : s->overrides) {
            const auto it = values.find(id);
            if (it != values.end()) it->second = value;
        }
    }
    return values;
}

}  // namespace jevons::core
