// Maps a series (points, cagr, logistic, gompertz, bass, jevons, formula) to and from JSON.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/models/bass.h"
#include "core/scenario/json_reader.h"
#include "core/scenario/limits.h"
#include "core/scenario/scenario_error.h"

namespace jevons::core::scenario_json_detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Series kinds

struct KindInfo {
    SeriesKind kind;
    std::string_view name;
    Names fields;  ///< fields of this kind besides label, unit and kind, in canonical order
};

const std::vector<KindInfo>& kinds() {
    static const std::vector<KindInfo> table{
        {SeriesKind::Points, "points", {"points", "interpolation"}},
        {SeriesKind::Cagr, "cagr", {"start", "through", "segments", "backcast"}},
        {SeriesKind::Logistic, "logistic", {"ceiling", "midpoint", "steepness", "through"}},
        {SeriesKind::Gompertz, "gompertz", {"ceiling", "midpoint", "steepness", "through"}},
        {SeriesKind::Bass, "bass", {"p", "q", "m", "launch", "form"}},
        {SeriesKind::Jevons,
         "jevons",
         {"base_year", "base_demand", "base_cost", "cost_decline", "elasticity"}},
        {SeriesKind::Formula, "formula", {"expr"}},
    };
    return table;
}

const KindInfo& kindInfo(SeriesKind kind) {
    for (const auto& k : kinds())
        if (k.kind == kind) return k;
    return kinds().front();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading

std::vector<YearPoint> Reader::through(const Json& j, const std::string& path) const {
    array(j, path);
    if (j.size() != 2)
        throw ScenarioError(
            path, "'through' needs exactly two points, found " + std::to_string(j.size()));
    std::vector<YearPoint> out{yearPoint(j[0], indexPath(path, 0)),
                               yearPoint(j[1], indexPath(path, 1))};
    if (out[1].year <= out[0].year)
        throw ScenarioError(indexPath(path, 1), "the second point's year " +
                                                    std::to_string(out[1].year) +
                                                    " must come after the first's (" +
                                                    std::to_string(out[0].year) + ")");
    return out;
}

void Reader::readSeries(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    SeriesDef s;
    s.id = id(key, path, "series");
    if (m_s.findAssumption(s.id))
        throw ScenarioError(path, "the id " + inQuotes(s.id) +
                                      " names both an assumption and a series; ids must be unique");
    const std::string kindPath = childPath(path, "kind");
    const std::string kindName = string(required(j, path, "kind"), kindPath);
    const KindInfo* info = nullptr;
    Names kindNames;
    for (const auto& k : kinds()) {
        kindNames.push_back(k.name);
        if (k.name == kindName) info = &k;
    }
    if (!info)
        throw ScenarioError(kindPath, "unknown series kind " + inQuotes(kindName) +
                                          "; the kinds are " + joined(kindNames) +
                                          didYouMean(kindName, kindNames));
    s.kind = info->kind;
    Names allowed{"label", "unit", "kind"};
    allowed.insert(allowed.end(), info->fields.begin(), info->fields.end());
    checkFields(j, path, allowed, "a " + std::string(info->name) + " series");
    s.label = label(required(j, path, "label"), childPath(path, "label"));
    s.unit = unit(required(j, path, "unit"), childPath(path, "unit"));
    readSeriesFields(s, j, path);
    m_s.series.push_back(std::move(s));
}

void Reader::readSeriesFields(SeriesDef& s, const Json& j, const std::string& path) const {
    const auto namedParam = [&](std::string_view name, bool isRequired) {
        const Json* v = isRequired ? &required(j, path, name) : optional(j, name);
        if (v) s.params.emplace(std::string(name), param(*v, childPath(path, name)));
    };
    const auto segments = [&](int after) {
        const Json* segs = optional(j, "segments");
        if (!segs) return;
        const std::string p = childPath(path, "segments");
        array(*segs, p);
        checkLimit(segs->size(), kMaxPointsPerSeries, p, "segments in this series");
        for (std::size_t i = 0; i < segs->size(); ++i) {
            const std::string sp = indexPath(p, i);
            object((*segs)[i], sp);
            checkFields((*segs)[i], sp, {"until", "rate"}, "a growth segment");
            RateSegment seg;
            const std::string untilPath = childPath(sp, "until");
            seg.until = modelYear(required((*segs)[i], sp, "until"), untilPath);
            if (seg.until <= after)
                throw ScenarioError(untilPath, "a segment must end after " + std::to_string(after) +
                                                   " (the previous point), found " +
                                                   std::to_string(seg.until));
            after = seg.until;
            seg.rate = param(required((*segs)[i], sp, "rate"), childPath(sp, "rate"));
            s.segments.push_back(std::move(seg));
        }
    };
    const auto choice = [&](std::string_view name, Names allowedValues) {
        const std::string value = optionalString(j, path, name);
        if (!value.empty() &&
            std::find(allowedValues.begin(), allowedValues.end(), value) == allowedValues.end())
            throw ScenarioError(childPath(path, name), inQuotes(value) + " is not a valid " +
                                                           std::string(name) + "; use " +
                                                           joined(allowedValues));
        return value;
    };

    switch (s.kind) {
        case SeriesKind::Points: {
            const std::string p = childPath(path, "points");
            const Json& points = array(required(j, path, "points"), p);
            if (points.empty()) throw ScenarioError(p, "a points series needs at least one point");
            checkLimit(points.size(), kMaxPointsPerSeries, p, "points in this series");
            for (std::size_t i = 0; i < points.size(); ++i) {
                s.points.push_back(yearPoint(points[i], indexPath(p, i)));
                if (i > 0 && s.points[i].year <= s.points[i - 1].year)
                    throw ScenarioError(indexPath(p, i), "the years must increase, but " +
                                                             std::to_string(s.points[i].year) +
                                                             " follows " +
                                                             std::to_string(s.points[i - 1].year));
            }
            s.interpolation = choice("interpolation", {"linear", "log"});
            break;
        }
        case SeriesKind::Cagr: {
            const Json* start = optional(j, "start");
            const Json* thru = optional(j, "through");
            if ((start != nullptr) == (thru != nullptr))
                throw ScenarioError(path,
                                    "a cagr series needs either 'start' (with 'segments') "
                                    "or 'through' (two points), not both");
            if (start) {
                s.start = yearPoint(*start, childPath(path, "start"));
                if (!optional(j, "segments"))
                    throw ScenarioError(path, "a cagr series with a 'start' needs 'segments'");
                segments(s.start->year);
                if (s.segments.empty())
                    throw ScenarioError(childPath(path, "segments"),
                                        "a cagr series with a 'start' needs at least one segment");
            } else {
                s.points = through(*thru, childPath(path, "through"));
                segments(s.points[1].year);
            }
            if (const Json* b = optional(j, "backcast"))
                s.backcast = boolean(*b, childPath(path, "backcast"));
            break;
        }
        case SeriesKind::Logistic:
        case SeriesKind::Gompertz: {
            namedParam("ceiling", true);
            const Json* thru = optional(j, "through");
            const bool shape = optional(j, "midpoint") || optional(j, "steepness");
            if (thru && shape)
                throw ScenarioError(path,
                                    "give either 'midpoint' and 'steepness', or 'through' "
                                    "(two points), not both");
            if (thru) {
                s.points = through(*thru, childPath(path, "through"));
            } else {
                if (!shape)
                    throw ScenarioError(path,
                                        "an S-curve needs 'midpoint' and 'steepness', or "
                                        "'through' (two points)");
                namedParam("midpoint", true);
                namedParam("steepness", true);
            }
            break;
        }
        case SeriesKind::Bass: {
            namedParam("p", true);
            namedParam("q", true);
            namedParam("m", true);
            s.launch = modelYear(required(j, path, "launch"), childPath(path, "launch"));
            s.form = choice("form", bassFormTokens());
            break;
        }
        case SeriesKind::Jevons: {
            if (const Json* y = optional(j, "base_year"))
                s.baseYear = modelYear(*y, childPath(path, "base_year"));
            namedParam("base_demand", true);
            namedParam("base_cost", false);
            namedParam("cost_decline", true);
            namedParam("elasticity", true);
            break;
        }
        case SeriesKind::Formula: {
            s.expr = string(required(j, path, "expr"), childPath(path, "expr"));
            checkLimit(s.expr.size(), kMaxFormulaLength, childPath(path, "expr"),
                       "characters in this formula");
            if (s.expr.find_first_not_of(" \t\r\n") == std::string::npos)
                throw ScenarioError(childPath(path, "expr"), "the formula is empty");
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

Json paramJson(const Param& p) { return p.isLiteral() ? Json(p.literal()) : Json(p.ref()); }

Json pointJson(const YearPoint& p) {
    Json j = Json::object();
    j["year"] = p.year;
    j["value"] = paramJson(p.value);
    return j;
}

Json seriesJson(const SeriesDef& s) {
    Json j = Json::object();
    j["label"] = labelJson(s.label);
    j["unit"] = std::string(unitToken(s.unit));
    j["kind"] = std::string(kindInfo(s.kind).name);
    const auto points = [](const std::vector<YearPoint>& list) {
        Json out = Json::array();
        for (const auto& p : list) out.push_back(pointJson(p));
        return out;
    };
    // Fields in the kind's canonical order; each written only if it carries something.
    for (const auto& field : kindInfo(s.kind).fields) {
        const std::string name(field);
        if (const auto it = s.params.find(name); it != s.params.end()) {
            j[name] = paramJson(it->second);
        } else if (name == "points" || (name == "through" && !s.points.empty())) {
            j[name] = points(s.points);
        } else if (name == "start" && s.start) {
            j[name] = pointJson(*s.start);
        } else if (name == "segments" && !s.segments.empty()) {
            Json segs = Json::array();
            for (const auto& seg : s.segments) {
                Json sj = Json::object();
                sj["until"] = seg.until;
                sj["rate"] = paramJson(seg.rate);
                segs.push_back(std::move(sj));
            }
            j[name] = std::move(segs);
        } else if (name == "interpolation") {
            putIfNotEmpty(j, "interpolation", s.interpolation);
        } else if (name == "backcast" && s.backcast) {
            j[name] = true;
        } else if (name == "form") {
            putIfNotEmpty(j, "form", s.form);
        } else if (name == "launch") {
            j[name] = s.launch;
        } else if (name == "base_year" && s.baseYear != 0) {
            j[name] = s.baseYear;
        } else if (name == "expr") {
            j[name] = s.expr;
        }
    }
    return j;
}

}  // namespace jevons::core::scenario_json_detail
