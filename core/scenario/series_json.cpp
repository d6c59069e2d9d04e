// Maps a series to and from JSON. What is particular to each kind (its name, fields and how they
// are read) is in its spec in core/series/; this file reads and writes what every series has.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/scenario/json_reader.h"
#include "core/scenario/limits.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

namespace jevons::core::scenario_json_detail {

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

// The series' JSON object seen through SeriesFieldReader: each reader is the Reader's own, at
// the field's path.
class Reader::SeriesFields final : public SeriesFieldReader {
public:
    SeriesFields(const Reader& r, const Json& j, const std::string& path)
        : m_r(r), m_j(j), m_path(path) {}

    [[nodiscard]] const std::string& path() const override { return m_path; }
    [[nodiscard]] std::string fieldPath(std::string_view field) const override {
        return childPath(m_path, field);
    }
    [[nodiscard]] bool has(std::string_view field) const override {
        return optional(m_j, field) != nullptr;
    }
    [[nodiscard]] Param param(std::string_view field) const override {
        return m_r.param(required(m_j, m_path, field), fieldPath(field));
    }
    [[nodiscard]] int modelYear(std::string_view field) const override {
        return m_r.modelYear(required(m_j, m_path, field), fieldPath(field));
    }
    [[nodiscard]] bool boolean(std::string_view field) const override {
        return Reader::boolean(required(m_j, m_path, field), fieldPath(field));
    }
    [[nodiscard]] std::string string(std::string_view field) const override {
        return Reader::string(required(m_j, m_path, field), fieldPath(field));
    }
    [[nodiscard]] std::string choice(std::string_view field,
                                     const Names& allowedValues) const override {
        const std::string value = optionalString(m_j, m_path, field);
        if (!value.empty() &&
            std::find(allowedValues.begin(), allowedValues.end(), value) == allowedValues.end())
            throw ScenarioError(fieldPath(field), inQuotes(value) + " is not a valid " +
                                                      std::string(field) + "; use " +
                                                      joined(allowedValues));
        return value;
    }
    [[nodiscard]] YearPoint yearPoint(std::string_view field) const override {
        return m_r.yearPoint(required(m_j, m_path, field), fieldPath(field));
    }
    [[nodiscard]] std::vector<YearPoint> through(std::string_view field) const override {
        return m_r.through(required(m_j, m_path, field), fieldPath(field));
    }
    [[nodiscard]] std::vector<YearPoint> increasingPoints(std::string_view field) const override {
        const std::string p = fieldPath(field);
        const Json& points = array(required(m_j, m_path, field), p);
        checkLimit(points.size(), kMaxPointsPerSeries, p, "points in this series");
        std::vector<YearPoint> out;
        for (std::size_t i = 0; i < points.size(); ++i) {
            out.push_back(m_r.yearPoint(points[i], indexPath(p, i)));
            if (i > 0 && out[i].year <= out[i - 1].year)
                throw ScenarioError(indexPath(p, i), "the years must increase, but " +
                                                         std::to_string(out[i].year) + " follows " +
                                                         std::to_string(out[i - 1].year));
        }
        return out;
    }
    [[nodiscard]] std::vector<RateSegment> segments(std::string_view field,
                                                    int after) const override {
        std::vector<RateSegment> out;
        const Json* segs = optional(m_j, field);
        if (!segs) return out;
        const std::string p = fieldPath(field);
        array(*segs, p);
        checkLimit(segs->size(), kMaxPointsPerSeries, p, "segments in this series");
        for (std::size_t i = 0; i < segs->size(); ++i) {
            const std::string sp = indexPath(p, i);
            object((*segs)[i], sp);
            checkFields((*segs)[i], sp, {"until", "rate"}, "a growth segment");
            RateSegment seg;
            const std::string untilPath = childPath(sp, "until");
            seg.until = m_r.modelYear(required((*segs)[i], sp, "until"), untilPath);
            if (seg.until <= after)
                throw ScenarioError(untilPath, "a segment must end after " + std::to_string(after) +
                                                   " (the previous point), found " +
                                                   std::to_string(seg.until));
            after = seg.until;
            seg.rate = m_r.param(required((*segs)[i], sp, "rate"), childPath(sp, "rate"));
            out.push_back(std::move(seg));
        }
        return out;
    }

private:
    const Reader& m_r;
    const Json& m_j;
    const std::string& m_path;
};

void Reader::readSeries(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    SeriesDef s;
    s.id = id(key, path, "series");
    if (findAssumption(s.id))
        throw ScenarioError(path, "the id " + inQuotes(s.id) +
                                      " names both an assumption and a series; ids must be unique");
    const std::string kindPath = childPath(path, "kind");
    const std::string kindName = string(required(j, path, "kind"), kindPath);
    const SeriesKindSpec* info = findSeriesKind(kindName);
    if (!info) {
        Names kindNames;
        for (const auto& k : seriesKinds()) kindNames.push_back(k.name);
        throw ScenarioError(kindPath, "unknown series kind " + inQuotes(kindName) +
                                          "; the kinds are " + joined(kindNames) +
                                          didYouMean(kindName, kindNames));
    }
    s.kind = info->kind;
    Names allowed{"label", "unit", "kind"};
    allowed.insert(allowed.end(), info->fields.begin(), info->fields.end());
    checkFields(j, path, allowed, "a " + std::string(info->name) + " series");
    s.label = label(required(j, path, "label"), childPath(path, "label"));
    s.unit = unit(required(j, path, "unit"), childPath(path, "unit"));
    info->parse(SeriesFields(*this, j, path), s);
    m_formulaText += s.expr.size();
    checkLimit(m_formulaText, kMaxFormulaTextPerFile, childPath(path, "expr"),
               "characters of formulas up to here");
    m_seriesAt.emplace(s.id, m_s.series.size());
    m_s.series.push_back(std::move(s));
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
    j["kind"] = std::string(seriesKind(s.kind).name);
    const auto points = [](const std::vector<YearPoint>& list) {
        Json out = Json::array();
        for (const auto& p : list) out.push_back(pointJson(p));
        return out;
    };
    // Fields in the kind's canonical order; each written only if it carries something.
    for (const auto& field : seriesKind(s.kind).fields) {
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
