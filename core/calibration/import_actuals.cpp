#include "core/calibration/import_actuals.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/calibration/calibration_error.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"

namespace jevons::core {

std::string seriesIdFor(const std::string& columnName) {
    std::string id;
    for (const char c : columnName) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 && u < 0x80) {
            id += static_cast<char>(std::tolower(u));
        } else if (!id.empty() && id.back() != '_') {
            id += '_';
        }
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    if (id.empty()) return "actuals";
    if (std::isdigit(static_cast<unsigned char>(id.front())) != 0) id = "s_" + id;
    return id;
}

void importActuals(Scenario& scenario, const Actuals& actuals,
                   const std::vector<ActualsMapping>& mapping, const std::string& source) {
    if (source.find_first_not_of(" \t\r\n") == std::string::npos)
        throw CalibrationError(
            "say where the actuals come from (a source such as \"company filings\")");
    if (mapping.empty()) throw CalibrationError("choose at least one column to import");
    Scenario edited = scenario;
    for (const ActualsMapping& m : mapping) {
        const std::size_t column = actuals.seriesIndex(m.column);
        std::map<int, double> values;
        for (std::size_t i = 0; i < actuals.years.size(); ++i) {
            const double v = actuals.values[column][i];
            if (std::isfinite(v)) values[actuals.years[i]] = v;
        }
        if (values.empty()) throw CalibrationError("the column '" + m.column + "' has no values");
        if (m.create) {
            if (edited.findSeries(m.series) || edited.findAssumption(m.series))
                throw CalibrationError("'" + m.series +
                                       "' is already used in this forecast; choose a new id");
            SeriesDef s;
            s.id = m.series;
            s.label.en = m.column;
            s.unit = m.unit;
            s.kind = SeriesKind::Points;
            for (const auto& [year, v] : values) {
                YearPoint point;
                point.year = year;
                point.value.value = v;
                s.points.push_back(std::move(point));
            }
            edited.series.push_back(std::move(s));
            ChartDef chart;
            chart.id = m.series;
            while (edited.findChart(chart.id)) chart.id += "_chart";
            chart.title.en = m.column;
            chart.type = ChartType::Line;
            chart.series = {m.series};
            chart.sourceLine = {"Source: " + source, "资料来源：" + source};
            edited.charts.push_back(std::move(chart));
        } else if (!edited.findSeries(m.series)) {
            throw CalibrationError("'" + m.series + "' is not a series of this forecast");
        }
        auto it = std::find_if(edited.actuals.begin(), edited.actuals.end(),
                               [&](const SeriesActuals& a) { return a.series == m.series; });
        if (it == edited.actuals.end()) {
            edited.actuals.push_back({m.series, source, actuals.note, {}});
            it = std::prev(edited.actuals.end());
        }
        it->source = source;
        if (!actuals.note.empty()) it->note = actuals.note;
        for (const auto& [year, v] : values) it->values[year] = v;
    }
    // The loader's own checks, so that what is imported can be saved and opened again.
    try {
        (void)parseScenario(serializeScenario(edited));
    } catch (const ScenarioError& e) {
        throw CalibrationError(e.what());
    }
    scenario = std::move(edited);
}

DataPoints actualPoints(const Scenario& scenario, const std::string& seriesId) {
    const SeriesActuals* a = scenario.findActuals(seriesId);
    if (!a) throw CalibrationError("'" + seriesId + "' has no actuals to fit");
    DataPoints out;
    out.source = "'" + seriesId + "' actuals (" + a->source + ")";
    for (const auto& [year, v] : a->values) {
        out.years.push_back(year);
        out.values.push_back(v);
    }
    return out;
}

}  // namespace jevons::core
