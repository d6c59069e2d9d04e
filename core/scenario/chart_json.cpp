// Maps a chart (type, series, axes, years, CAGR annotations, source line) to and from JSON.
#include <string>
#include <utility>
#include <vector>

#include "core/scenario/json_reader.h"
#include "core/scenario/scenario_error.h"

namespace jevons::core::scenario_json_detail {
namespace {

const std::vector<std::pair<ChartType, std::string_view>>& chartTypes() {
    static const std::vector<std::pair<ChartType, std::string_view>> table{
        {ChartType::Line, "line"},
        {ChartType::Column, "column"},
        {ChartType::StackedColumn, "stacked_column"},
        {ChartType::StackedArea, "stacked_area"},
        {ChartType::Combo, "combo"},
    };
    return table;
}

std::string_view chartTypeName(ChartType type) {
    for (const auto& [t, name] : chartTypes())
        if (t == type) return name;
    return "line";
}

}  // namespace

void Reader::readChart(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path,
                {"title", "type", "series", "secondary", "years", "cagr", "anchors", "source"},
                "a chart");
    ChartDef c;
    c.id = key;
    c.title = label(required(j, path, "title"), childPath(path, "title"));
    const std::string typePath = childPath(path, "type");
    const std::string type = string(required(j, path, "type"), typePath);
    Names typeNames;
    bool found = false;
    for (const auto& [t, name] : chartTypes()) {
        typeNames.push_back(name);
        if (name == type) {
            c.type = t;
            found = true;
        }
    }
    if (!found)
        throw ScenarioError(typePath, "unknown chart type " + inQuotes(type) + "; the types are " +
                                          joined(typeNames) + didYouMean(type, typeNames));
    const auto refs = [&](const Json& list, const std::string& p) {
        array(list, p);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            out.push_back(string(list[i], indexPath(p, i)));
            checkSeriesRef(out.back(), indexPath(p, i));
        }
        return out;
    };
    c.series = refs(required(j, path, "series"), childPath(path, "series"));
    if (c.series.empty())
        throw ScenarioError(childPath(path, "series"), "a chart needs at least one series");
    if (const Json* secondary = optional(j, "secondary")) {
        c.secondary = refs(*secondary, childPath(path, "secondary"));
        if (!c.secondary.empty() && c.type != ChartType::Combo)
            throw ScenarioError(childPath(path, "secondary"),
                                "only a combo chart has a secondary (right-hand) axis");
    }
    int from = m_s.years.first;
    int to = m_s.years.last;
    if (const Json* years = optional(j, "years")) {
        const std::string p = childPath(path, "years");
        array(*years, p);
        if (years->size() != 2)
            throw ScenarioError(p, "expected two years [from, to], found " +
                                       std::to_string(years->size()) + " values");
        // null stands for the forecast's own first or last year
        if (!(*years)[0].is_null()) c.fromYear = from = displayYear((*years)[0], indexPath(p, 0));
        if (!(*years)[1].is_null()) c.toYear = to = displayYear((*years)[1], indexPath(p, 1));
        if (from > to)
            throw ScenarioError(p, "the chart's years are inverted: " + std::to_string(from) +
                                       " is after " + std::to_string(to));
    }
    if (const Json* cagr = optional(j, "cagr")) {
        const std::string p = childPath(path, "cagr");
        array(*cagr, p);
        for (std::size_t i = 0; i < cagr->size(); ++i) {
            const std::string cp = indexPath(p, i);
            const Json& item = object((*cagr)[i], cp);
            checkFields(item, cp, {"series", "from", "to"}, "a CAGR annotation");
            CagrAnnotation a;
            a.series = string(required(item, cp, "series"), childPath(cp, "series"));
            checkSeriesRef(a.series, childPath(cp, "series"));
            a.from = displayYear(required(item, cp, "from"), childPath(cp, "from"));
            a.to = displayYear(required(item, cp, "to"), childPath(cp, "to"));
            if (a.from >= a.to)
                throw ScenarioError(childPath(cp, "to"),
                                    "a CAGR needs a later end year: " + std::to_string(a.from) +
                                        " to " + std::to_string(a.to));
            if (a.from < from || a.to > to)
                throw ScenarioError(cp, "the CAGR " + std::to_string(a.from) + "–" +
                                            std::to_string(a.to) +
                                            " lies outside the chart's years " +
                                            std::to_string(from) + "–" + std::to_string(to));
            c.cagr.push_back(std::move(a));
        }
    }
    if (const Json* anchors = optional(j, "anchors"))
        c.showAnchors = boolean(*anchors, childPath(path, "anchors"));
    if (const Json* source = optional(j, "source"))
        c.sourceLine = label(*source, childPath(path, "source"));
    m_s.charts.push_back(std::move(c));
}

Json chartJson(const ChartDef& c) {
    Json j = Json::object();
    j["title"] = labelJson(c.title);
    j["type"] = std::string(chartTypeName(c.type));
    j["series"] = c.series;
    if (!c.secondary.empty()) j["secondary"] = c.secondary;
    if (c.fromYear != 0 || c.toYear != 0) {
        const auto year = [](int y) { return y == 0 ? Json(nullptr) : Json(y); };
        j["years"] = Json::array({year(c.fromYear), year(c.toYear)});
    }
    if (!c.cagr.empty()) {
        Json cagr = Json::array();
        for (const auto& a : c.cagr) {
            Json aj = Json::object();
            aj["series"] = a.series;
            aj["from"] = a.from;
            aj["to"] = a.to;
            cagr.push_back(std::move(aj));
        }
        j["cagr"] = std::move(cagr);
    }
    if (!c.showAnchors) j["anchors"] = false;
    if (c.sourceLine != Label{}) j["source"] = labelJson(c.sourceLine);
    return j;
}

}  // namespace jevons::core::scenario_json_detail
