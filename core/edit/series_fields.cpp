#include "core/edit/series_fields.h"

#include "core/scenario/json_reader.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"
#include "core/series/series_kind.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace jevons::core::edit {

namespace {

using scenario_json_detail::Json;

std::string fieldPath(std::string_view series, std::string_view field) {
    return "series." + std::string(series) + "." + std::string(field);
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

/// Chinese punctuation as its ASCII form: a Chinese keyboard types ： and ， by default.
std::string asciiPunctuation(std::string_view s) {
    std::string out(s);
    const std::pair<std::string_view, std::string_view> swaps[] = {
        {"\xEF\xBC\x9A", ":"}, {"\xEF\xBC\x8C", ","}, {"\xEF\xBC\x9B", ";"}, {"\xE3\x80\x81", ","}};
    for (const auto& [from, to] : swaps)
        for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at))
            out.replace(at, from.size(), to);
    return out;
}

std::vector<std::string> split(const std::string& s, std::string_view separators) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t at; (at = s.find_first_of(separators, from)) != std::string::npos;
         from = at + 1)
        out.push_back(trimmed(std::string_view(s).substr(from, at - from)));
    out.push_back(trimmed(std::string_view(s).substr(from)));
    return out;
}

/// A number when the whole text is one (JSON number), else the text (an assumption's id; the
/// loader checks that it names one).
Json paramJson(const std::string& text) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec == std::errc() && ptr == end) return v;
    return text;
}

/// An assumption's id, or the number as typed: 2030 and 1 rather than the file's 2030.0 and 1.0.
std::string paramText(const Json& j) {
    if (j.is_string()) return j.get<std::string>();
    const double v = j.get<double>();
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    return j.dump();
}

/// "2023: x" → {year, value}; `what` names the two parts for the message.
Json pairJson(const std::string& text, const char* yearKey, const char* valueKey,
              const std::string& path, const std::string& hint) {
    const auto colon = text.find(':');
    const std::string year = trimmed(std::string_view(text).substr(0, colon));
    int y = 0;
    const auto [ptr, ec] = std::from_chars(year.data(), year.data() + year.size(), y);
    if (colon == std::string::npos || ec != std::errc() || ptr != year.data() + year.size() ||
        trimmed(std::string_view(text).substr(colon + 1)).empty())
        throw ScenarioError(path, "'" + text + "' is not " + hint);
    Json out = Json::object();
    out[yearKey] = y;
    out[valueKey] = paramJson(trimmed(std::string_view(text).substr(colon + 1)));
    return out;
}

std::string pairText(const Json& j, const char* yearKey, const char* valueKey) {
    return std::to_string(j.at(yearKey).get<int>()) + ": " + paramText(j.at(valueKey));
}

Json listJson(const std::string& text, const char* yearKey, const char* valueKey,
              const std::string& path, const std::string& hint) {
    Json out = Json::array();
    for (const std::string& part : split(text, ",;"))
        if (!part.empty()) out.push_back(pairJson(part, yearKey, valueKey, path, hint));
    return out;
}

Json fieldJson(std::string_view field, const std::string& text, const std::string& path) {
    switch (seriesFieldShape(field)) {
        case FieldShape::Param:
            return paramJson(text);
        case FieldShape::Year: {
            int y = 0;
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), y);
            if (ec != std::errc() || ptr != text.data() + text.size())
                throw ScenarioError(path, "'" + text + "' is not a year");
            return y;
        }
        case FieldShape::Point:
            return pairJson(text, "year", "value", path,
                            "a point: write YEAR: VALUE, e.g. 2025: 62.5");
        case FieldShape::Points:
            return listJson(text, "year", "value", path,
                            "a list of points: write YEAR: VALUE, YEAR: VALUE, e.g. "
                            "2023: 0.16, 2028: asic_share_2028");
        case FieldShape::Segments:
            return listJson(
                text, "until", "rate", path,
                "a list of growth segments: write UNTIL: RATE, e.g. 2030: 0.25, 2035: 0.1");
        case FieldShape::Flag:
            if (text == "true" || text == "false") return text == "true";
            throw ScenarioError(path, "'" + text + "' is neither true nor false");
        case FieldShape::Choice:
        case FieldShape::Expr:
            return text;
    }
    return text;
}

std::string fieldText(std::string_view field, const Json& j) {
    switch (seriesFieldShape(field)) {
        case FieldShape::Param:
            return paramText(j);
        case FieldShape::Year:
            return std::to_string(j.get<int>());
        case FieldShape::Point:
            return pairText(j, "year", "value");
        case FieldShape::Points:
        case FieldShape::Segments: {
            const bool points = seriesFieldShape(field) == FieldShape::Points;
            std::string out;
            for (const Json& p : j)
                out += (out.empty() ? "" : ", ") +
                       pairText(p, points ? "year" : "until", points ? "value" : "rate");
            return out;
        }
        case FieldShape::Flag:
            return j.get<bool>() ? "true" : "false";
        case FieldShape::Choice:
        case FieldShape::Expr:
            return j.get<std::string>();
    }
    return {};
}

bool isSCurve(std::string_view kind) { return kind == "logistic" || kind == "gompertz"; }

/// The fields that exclude `field` in a `kind` series (either start or through; either
/// midpoint and steepness or through).
std::vector<std::string_view> rivals(std::string_view kind, std::string_view field) {
    if (kind == "cagr" && field == "start") return {"through"};
    if (kind == "cagr" && field == "through") return {"start"};
    if (isSCurve(kind) && field == "through") return {"midpoint", "steepness"};
    if (isSCurve(kind) && (field == "midpoint" || field == "steepness")) return {"through"};
    return {};
}

/// The fields that must come with `field` in a `kind` series.
std::vector<std::string_view> companions(std::string_view kind, std::string_view field) {
    if (kind == "cagr" && field == "start") return {"segments"};
    if (isSCurve(kind) && (field == "midpoint" || field == "steepness"))
        return {"midpoint", "steepness"};
    return {};
}

/// A default for a field of a `kind` series over `years` (valid for every unit: positive, with
/// S-curve values below their ceiling of 1).
Json defaultField(std::string_view kind, std::string_view field, const YearRange& years) {
    const int first = years.first;
    const int end = std::max(years.last, years.first + 1);
    const int later = std::min(years.first + 5, end);
    const auto point = [](int year, double value) {
        return Json{{"year", year}, {"value", value}};
    };
    if (field == "start") return point(first, 1.0);
    // To the last year: whichever points the series is given later, the segment comes after.
    if (field == "segments") return Json::array({Json{{"until", end}, {"rate", 0.1}}});
    if (field == "through")
        return isSCurve(kind) ? Json::array({point(first, 0.1), point(later, 0.3)})
                              : Json::array({point(first, 1.0), point(later, 2.0)});
    if (field == "points") return Json::array({point(first, 1.0), point(later, 2.0)});
    if (field == "ceiling") return 1.0;
    if (field == "midpoint") return (first + later) / 2;
    if (field == "steepness") return 0.5;
    if (field == "p") return 0.03;
    if (field == "q") return 0.38;
    if (field == "m") return 100.0;
    if (field == "launch" || field == "base_year") return first;
    if (field == "base_demand" || field == "base_cost") return 1.0;
    if (field == "cost_decline") return 0.2;
    if (field == "elasticity") return 1.5;
    if (field == "expr") return "0";
    return nullptr;
}

/// The fields a new `kind` series starts with.
std::vector<std::string_view> startingFields(std::string_view kind) {
    if (kind == "points") return {"points"};
    if (kind == "cagr") return {"start", "segments"};
    if (isSCurve(kind)) return {"ceiling", "through"};
    if (kind == "bass") return {"p", "q", "m", "launch"};
    return seriesKind(findSeriesKind(kind)->kind).fields;  // jevons, formula: all of them
}

Json& seriesJson(Json& doc, std::string_view series) {
    Json& all = doc.at("series");
    const auto it = all.find(std::string(series));
    if (it == all.end())
        throw ScenarioError("series", "there is no series '" + std::string(series) + "'");
    return *it;
}

/// The document read back from `doc` as the loader reads a file; its messages keep their path
/// and detail (the line and column of text nobody wrote would mislead).
Scenario readBack(const Json& doc) {
    try {
        return parseScenario(doc.dump(2));
    } catch (const ScenarioError& e) {
        throw ScenarioError(e.path(), e.detail());
    }
}

}  // namespace

FieldShape seriesFieldShape(std::string_view field) {
    if (field == "launch" || field == "base_year") return FieldShape::Year;
    if (field == "start") return FieldShape::Point;
    if (field == "through" || field == "points") return FieldShape::Points;
    if (field == "segments") return FieldShape::Segments;
    if (field == "backcast") return FieldShape::Flag;
    if (field == "interpolation" || field == "form") return FieldShape::Choice;
    if (field == "expr") return FieldShape::Expr;
    return FieldShape::Param;
}

std::vector<std::string_view> seriesFieldChoices(std::string_view field) {
    if (field == "interpolation") return {"linear", "log"};
    if (field == "form") return {"closed", "discrete", "density-end", "density-mid"};
    return {};
}

std::string seriesFieldText(const Scenario& scenario, std::string_view series,
                            std::string_view field) {
    const SeriesDef* def = scenario.findSeries(series);
    if (!def) throw ScenarioError("series", "there is no series '" + std::string(series) + "'");
    const Json s = scenario_json_detail::seriesJson(*def);
    const auto it = s.find(std::string(field));
    return it == s.end() ? std::string() : fieldText(field, *it);
}

Scenario withSeriesField(const Scenario& scenario, std::string_view series, std::string_view field,
                         std::string_view text) {
    Json doc = Json::parse(serializeScenario(scenario));
    Json& s = seriesJson(doc, series);
    const std::string kind = s.at("kind").get<std::string>();
    const std::string value = trimmed(asciiPunctuation(text));
    if (value.empty()) {
        s.erase(std::string(field));
        return readBack(doc);
    }
    s[std::string(field)] = fieldJson(field, value, fieldPath(series, field));
    for (std::string_view other : rivals(kind, field)) s.erase(std::string(other));
    for (std::string_view needed : companions(kind, field))
        if (!s.contains(std::string(needed)))
            s[std::string(needed)] = defaultField(kind, needed, scenario.years);
    return readBack(doc);
}

Scenario withSeriesKind(const Scenario& scenario, std::string_view series, SeriesKind kind) {
    Json doc = Json::parse(serializeScenario(scenario));
    Json& s = seriesJson(doc, series);
    const std::string name(seriesKind(kind).name);
    if (s.at("kind") == name) return scenario;
    Json fresh = Json::object();
    for (const char* kept : {"label", "unit"}) fresh[kept] = s.at(kept);
    fresh["kind"] = name;
    for (std::string_view field : startingFields(name))
        fresh[std::string(field)] = defaultField(name, field, scenario.years);
    s = std::move(fresh);
    return readBack(doc);
}

}  // namespace jevons::core::edit
