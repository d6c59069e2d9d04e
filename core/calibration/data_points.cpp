#include "core/calibration/data_points.h"

#include <cmath>
#include <map>

#include "core/calibration/calibration_error.h"
#include "core/text/number_text.h"

namespace jevons::core {
namespace {}  // namespace

DataPoints seriesPoints(const Actuals& actuals, std::string_view name) {
    const std::size_t s = actuals.seriesIndex(name);
    DataPoints out;
    out.source = "'" + std::string(name) + "' in " + actuals.source;
    for (std::size_t i = 0; i < actuals.years.size(); ++i) {
        const double v = actuals.values[s][i];
        if (std::isfinite(v)) {
            out.years.push_back(actuals.years[i]);
            out.values.push_back(v);
        }
    }
    return out;
}

DataPoints anchorPoints(const Scenario& scenario, std::string_view seriesId) {
    std::map<int, double> byYear;
    for (const Anchor& a : scenario.anchors) {
        if (a.series != seriesId || a.isRange()) continue;  // a range is not a point to fit
        const auto [it, fresh] = byYear.emplace(a.year, a.value);
        if (!fresh && it->second != a.value) {
            throw CalibrationError("the anchors of '" + std::string(seriesId) + "' give " +
                                   std::to_string(a.year) + " twice (" + num(it->second) + " and " +
                                   num(a.value) + "): remove one");
        }
    }
    DataPoints out;
    out.source = "the anchors of '" + std::string(seriesId) + "'";
    for (const auto& [year, value] : byYear) {
        out.years.push_back(year);
        out.values.push_back(value);
    }
    return out;
}

DataPoints combine(const DataPoints& first, const DataPoints& second) {
    std::map<int, double> byYear;
    for (std::size_t i = 0; i < first.size(); ++i) byYear[first.years[i]] = first.values[i];
    for (std::size_t i = 0; i < second.size(); ++i) {
        const auto [it, fresh] = byYear.emplace(second.years[i], second.values[i]);
        if (!fresh && it->second != second.values[i]) {
            throw CalibrationError(std::to_string(second.years[i]) + " is " + num(it->second) +
                                   " in " + first.source + " but " + num(second.values[i]) +
                                   " in " + second.source + ": remove one");
        }
    }
    DataPoints out;
    out.source = first.source + " and " + second.source;
    for (const auto& [year, value] : byYear) {
        out.years.push_back(year);
        out.values.push_back(value);
    }
    return out;
}

void requirePoints(const DataPoints& data, std::size_t needed, const std::string& what) {
    if (data.size() < needed) {
        throw CalibrationError(what + " needs at least " + std::to_string(needed) +
                               " years of data; " + data.source + " has " +
                               std::to_string(data.size()));
    }
}

}  // namespace jevons::core
