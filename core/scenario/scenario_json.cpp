#include "core/scenario/scenario_json.h"

#include "core/text/number_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "core/io/atomic_file.h"
#include "core/models/bass.h"
#include "core/scenario/json_locator.h"
#include "core/scenario/limits.h"
#include "core/uncertainty/correlation.h"
#include "core/uncertainty/distribution.h"
#include "core/uncertainty/uncertainty_error.h"

#if __has_include("core/eval/model.h")
#include "core/eval/model.h"
#define JEVONS_SCENARIO_HAS_MODEL 1
#endif

namespace jevons::core {
namespace {

using Json = nlohmann::ordered_json;
using Names = std::vector<std::string_view>;

constexpr int kEarliestYear = 1000;
constexpr int kLatestYear = 9999;
constexpr int kMaxYearSpan = 200;          ///< years a forecast may cover
constexpr long long kMinPaths = 100;       ///< Monte Carlo paths: fewer make P10/P90 meaningless
constexpr long long kMaxPaths = 10000000;  ///< more would need gigabytes
/// Model inputs (points, launch, base year, ...) may lie this far outside the forecast's years.
constexpr int kModelYearSlack = 50;

// ---------------------------------------------------------------------------------------------
// Words for messages

std::string inQuotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string joined(const Names& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::string typeName(const Json& j) {
    switch (j.type()) {
        case Json::value_t::object:
            return "an object { … }";
        case Json::value_t::array:
            return "a list [ … ]";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "true/false";
        case Json::value_t::null:
            return "null";
        case Json::value_t::number_float:
            return "the number " + num(j.get<double>(), 15);
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "the number " + j.dump();
        default:
            return "an unreadable value";
    }
}

/// Levenshtein distance, for "did you mean" hints.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// " — did you mean 'x'?" for the closest of `known` within a small edit distance, else "".
std::string didYouMean(std::string_view word, const Names& known) {
    std::string_view best;
    std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& k : known) {
        const std::size_t d = editDistance(word, k);
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best.empty() ? "" : " — did you mean " + inQuotes(best) + "?";
}

std::string childPath(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string indexPath(const std::string& parent, std::size_t i) {
    return parent + "[" + std::to_string(i) + "]";
}

bool isIdentifier(std::string_view id) {
    if (id.empty()) return false;
    const auto start = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    };
    if (!start(id[0])) return false;
    return std::all_of(id.begin(), id.end(),
                       [&](char c) { return start(c) || (c >= '0' && c <= '9'); });
}

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

// ---------------------------------------------------------------------------------------------
// Reading: every problem throws ScenarioError(path, detail); parseScenario adds the location.

class Reader {
public:
    Scenario read(const Json& root);

private:
    // Shapes and scalars.
    static const Json& object(const Json& j, const std::string& path);
    static const Json& array(const Json& j, const std::string& path);
    static void checkFields(const Json& obj, const std::string& path, const Names& allowed,
                            std::string_view what);
    static const Json& required(const Json& obj, const std::string& path, std::string_view key);
    static const Json* optional(const Json& obj, std::string_view key);
    static std::string string(const Json& j, const std::string& path);
    static std::string optionalString(const Json& obj, const std::string& path,
                                      std::string_view key);
    static double number(const Json& j, const std::string& path);
    static long long wholeNumber(const Json& j, const std::string& path, std::string_view what);
    static bool boolean(const Json& j, const std::string& path);
    static Label label(const Json& j, const std::string& path);
    static Unit unit(const Json& j, const std::string& path);
    static void checkDomain(double v, Unit u, const std::string& path);
    static std::string id(std::string_view key, const std::string& path, std::string_view what);

    // Years.
    static int calendarYear(const Json& j, const std::string& path);
    [[nodiscard]] int displayYear(const Json& j, const std::string& path) const;
    [[nodiscard]] int modelYear(const Json& j, const std::string& path) const;
    [[nodiscard]] std::string yearsText() const;

    // References.
    [[nodiscard]] Names assumptionIds() const;
    [[nodiscard]] Names seriesIds() const;
    [[nodiscard]] Names sourceIds() const;
    void checkAssumptionRef(const std::string& ref, const std::string& path) const;
    void checkSeriesRef(const std::string& ref, const std::string& path) const;
    void checkSourceRef(const std::string& ref, const std::string& path) const;
    [[nodiscard]] Param param(const Json& j, const std::string& path) const;
    [[nodiscard]] YearPoint yearPoint(const Json& j, const std::string& path) const;

    // Sections.
    void readMeta(const Json& j, const std::string& path);
    void readYears(const Json& j, const std::string& path);
    void readAssumption(const std::string& key, const Json& j, const std::string& path);
    void readSeries(const std::string& key, const Json& j, const std::string& path);
    void readSeriesFields(SeriesDef& s, const Json& j, const std::string& path) const;
    [[nodiscard]] std::vector<YearPoint> through(const Json& j, const std::string& path) const;
    void readAnchor(const Json& j, const std::string& path);
    void readActuals(const std::string& key, const Json& j, const std::string& path);
    void readGroups(const Json& j, const std::string& path);
    void readChart(const std::string& key, const Json& j, const std::string& path);
    void readScenario(const std::string& key, const Json& j, const std::string& path);
    [[nodiscard]] DistributionSpec distribution(const Assumption& a, const Json& j,
                                                const std::string& path) const;
    void readUncertainty(const Json& j, const std::string& path);

    Scenario m_s;
};

const Json& Reader::object(const Json& j, const std::string& path) {
    if (!j.is_object()) throw ScenarioError(path, "expected an object { … }, found " + typeName(j));
    return j;
}

const Json& Reader::array(const Json& j, const std::string& path) {
    if (!j.is_array()) throw ScenarioError(path, "expected a list [ … ], found " + typeName(j));
    return j;
}

void Reader::checkFields(const Json& obj, const std::string& path, const Names& allowed,
                         std::string_view what) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
        throw ScenarioError(childPath(path, it.key()),
                            "unknown field " + inQuotes(it.key()) + " in " + std::string(what) +
                                didYouMean(it.key(), allowed) + " (the fields are " +
                                joined(allowed) + ")");
    }
}

const Json& Reader::required(const Json& obj, const std::string& path, std::string_view key) {
    const auto it = obj.find(key);
    if (it == obj.end())
        throw ScenarioError(path, "the required field " + inQuotes(key) + " is missing");
    return *it;
}

const Json* Reader::optional(const Json& obj, std::string_view key) {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::string Reader::string(const Json& j, const std::string& path) {
    if (!j.is_string()) throw ScenarioError(path, "expected a string, found " + typeName(j));
    return j.get<std::string>();
}

std::string Reader::optionalString(const Json& obj, const std::string& path, std::string_view key) {
    const Json* j = optional(obj, key);
    return j ? string(*j, childPath(path, key)) : std::string();
}

double Reader::number(const Json& j, const std::string& path) {
    if (!j.is_number()) throw ScenarioError(path, "expected a number, found " + typeName(j));
    const double v = j.get<double>();
    if (!std::isfinite(v)) throw ScenarioError(path, "the number is too large to be used");
    return v;
}

long long Reader::wholeNumber(const Json& j, const std::string& path, std::string_view what) {
    constexpr double kLimit = 1e9;
    if (j.is_number()) {
        const double v = j.get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) <= kLimit)
            return static_cast<long long>(v);
    }
    throw ScenarioError(path, "expected " + std::string(what) + ", found " + typeName(j));
}

bool Reader::boolean(const Json& j, const std::string& path) {
    if (!j.is_boolean()) throw ScenarioError(path, "expected true or false, found " + typeName(j));
    return j.get<bool>();
}

Label Reader::label(const Json& j, const std::string& path) {
    if (!j.is_object())
        throw ScenarioError(path,
                            "expected a text in English and Chinese, { \"en\": \"…\", "
                            "\"zh\": \"…\" }, found " +
                                typeName(j));
    checkFields(j, path, {"en", "zh"}, "a text in English and Chinese");
    return {string(required(j, path, "en"), childPath(path, "en")), optionalString(j, path, "zh")};
}

Unit Reader::unit(const Json& j, const std::string& path) {
    const std::string token = string(j, path);
    if (const auto u = unitFromToken(token)) return *u;
    throw ScenarioError(path,
                        "unknown unit " + inQuotes(token) + "; the units are " + knownUnitTokens());
}

void Reader::checkDomain(double v, Unit u, const std::string& path) {
    const std::string value = num(v, 15);
    if (u == Unit::Rate && v <= -1.0)
        throw ScenarioError(path, value +
                                      " is a fall of 100% or more a year, which is impossible "
                                      "for a rate (rates are fractions: −5% is -0.05)");
    if (v < lowerBound(u)) {
        const Dimension d = dimensionOf(u);
        const std::string what = d == Dimension::Money    ? "an amount of money"
                                 : d == Dimension::Volume ? "a volume"
                                 : u == Unit::Share       ? "a share"
                                                          : "an index";
        throw ScenarioError(path, value + " is negative, which is impossible for " + what + " (" +
                                      std::string(unitToken(u)) + ")");
    }
    if (v > upperBound(u))
        throw ScenarioError(path, value +
                                      " is above 1, which is impossible for a share (shares "
                                      "are fractions: 25% is 0.25)");
}

std::string Reader::id(std::string_view key, const std::string& path, std::string_view what) {
    if (!isIdentifier(key))
        throw ScenarioError(path, "the " + std::string(what) + " id " + inQuotes(key) +
                                      " must start with a letter or '_' and contain only letters, "
                                      "digits and '_' (formulas refer to it by name)");
    return std::string(key);
}

int Reader::calendarYear(const Json& j, const std::string& path) {
    const long long y = wholeNumber(j, path, "a year such as 2025");
    if (y < kEarliestYear || y > kLatestYear)
        throw ScenarioError(path, std::to_string(y) + " is not a four-digit calendar year");
    return static_cast<int>(y);
}

std::string Reader::yearsText() const {
    return std::to_string(m_s.years.first) + "–" + std::to_string(m_s.years.last);
}

int Reader::displayYear(const Json& j, const std::string& path) const {
    const int y = calendarYear(j, path);
    if (!m_s.years.contains(y))
        throw ScenarioError(
            path,
            std::to_string(y) + " is outside the years this forecast covers (" + yearsText() + ")");
    return y;
}

int Reader::modelYear(const Json& j, const std::string& path) const {
    const int y = calendarYear(j, path);
    const int lo = m_s.years.first - kModelYearSlack;
    const int hi = m_s.years.last + kModelYearSlack;
    if (y < lo || y > hi)
        throw ScenarioError(path, std::to_string(y) +
                                      " is too far from the years this forecast "
                                      "covers (" +
                                      yearsText() + "); model years may lie between " +
                                      std::to_string(lo) + " and " + std::to_string(hi));
    return y;
}

Names Reader::assumptionIds() const {
    Names out;
    for (const auto& a : m_s.assumptions) out.push_back(a.id);
    return out;
}

Names Reader::seriesIds() const {
    Names out;
    for (const auto& s : m_s.series) out.push_back(s.id);
    return out;
}

Names Reader::sourceIds() const {
    Names out;
    for (const auto& s : m_s.sources) out.push_back(s.id);
    return out;
}

void Reader::checkAssumptionRef(const std::string& ref, const std::string& path) const {
    if (m_s.findAssumption(ref)) return;
    if (m_s.findSeries(ref))
        throw ScenarioError(path, inQuotes(ref) +
                                      " is a series; only an assumption can be named "
                                      "here (combine series in a formula series)");
    throw ScenarioError(path, inQuotes(ref) + " is not an assumption in this file" +
                                  didYouMean(ref, assumptionIds()));
}

void Reader::checkSeriesRef(const std::string& ref, const std::string& path) const {
    const std::string base = ref.substr(0, ref.find('.'));
    if (m_s.findSeries(base)) return;  // the model checks output names ("id.cumulative")
    if (m_s.findAssumption(base))
        throw ScenarioError(path, inQuotes(ref) + " is an assumption; a series is needed here");
    throw ScenarioError(
        path, inQuotes(ref) + " is not a series in this file" + didYouMean(base, seriesIds()));
}

void Reader::checkSourceRef(const std::string& ref, const std::string& path) const {
    if (ref.empty() || m_s.findSource(ref)) return;
    throw ScenarioError(path, inQuotes(ref) + " is not one of the sources listed in meta.sources" +
                                  didYouMean(ref, sourceIds()));
}

Param Reader::param(const Json& j, const std::string& path) const {
    if (j.is_string()) {
        const std::string ref = j.get<std::string>();
        checkAssumptionRef(ref, path);
        return Param{ref};
    }
    if (j.is_number()) return Param{number(j, path)};
    throw ScenarioError(path, "expected a number or the id of an assumption, found " + typeName(j));
}

YearPoint Reader::yearPoint(const Json& j, const std::string& path) const {
    object(j, path);
    checkFields(j, path, {"year", "value"}, "a point");
    return {modelYear(required(j, path, "year"), childPath(path, "year")),
            param(required(j, path, "value"), childPath(path, "value"))};
}

void Reader::readMeta(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"title", "author", "date", "sources"}, "meta");
    m_s.title = label(required(j, path, "title"), childPath(path, "title"));
    m_s.author = optionalString(j, path, "author");
    m_s.date = optionalString(j, path, "date");
    const Json* sources = optional(j, "sources");
    if (!sources) return;
    const std::string sourcesPath = childPath(path, "sources");
    array(*sources, sourcesPath);
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const std::string p = indexPath(sourcesPath, i);
        const Json& s = object((*sources)[i], p);
        checkFields(s, p, {"id", "title", "publisher", "date", "url"}, "a source");
        Source source;
        source.id = string(required(s, p, "id"), childPath(p, "id"));
        if (source.id.empty())
            throw ScenarioError(childPath(p, "id"), "a source id cannot be empty");
        if (m_s.findSource(source.id))
            throw ScenarioError(childPath(p, "id"),
                                "the source id " + inQuotes(source.id) + " is used twice");
        source.title = string(required(s, p, "title"), childPath(p, "title"));
        source.publisher = optionalString(s, p, "publisher");
        source.date = optionalString(s, p, "date");
        source.url = optionalString(s, p, "url");
        m_s.sources.push_back(std::move(source));
    }
}

void Reader::readYears(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"first", "last"}, "years");
    m_s.years.first = calendarYear(required(j, path, "first"), childPath(path, "first"));
    m_s.years.last = calendarYear(required(j, path, "last"), childPath(path, "last"));
    if (m_s.years.first > m_s.years.last)
        throw ScenarioError(path, "the first year " + std::to_string(m_s.years.first) +
                                      " is after the last year " + std::to_string(m_s.years.last));
    if (m_s.years.count() > kMaxYearSpan)
        throw ScenarioError(path, "the years " + yearsText() + " span " +
                                      std::to_string(m_s.years.count()) + " years; at most " +
                                      std::to_string(kMaxYearSpan) + " are allowed");
}

void Reader::readAssumption(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    checkFields(
        j, path,
        {"label", "group", "value", "unit", "min", "max", "step", "provenance", "distribution"},
        "an assumption");
    Assumption a;
    a.id = id(key, path, "assumption");
    a.label = label(required(j, path, "label"), childPath(path, "label"));
    a.group = optionalString(j, path, "group");
    a.unit = unit(required(j, path, "unit"), childPath(path, "unit"));
    const auto field = [&](std::string_view name) {
        const std::string p = childPath(path, name);
        const double v = number(required(j, path, name), p);
        checkDomain(v, a.unit, p);
        return v;
    };
    a.value = field("value");
    a.min = field("min");
    a.max = field("max");
    a.step = number(required(j, path, "step"), childPath(path, "step"));
    if (a.min > a.max)
        throw ScenarioError(childPath(path, "min"), "the editing range is inverted: min " +
                                                        num(a.min, 15) + " is above max " +
                                                        num(a.max, 15));
    if (a.value < a.min || a.value > a.max)
        throw ScenarioError(childPath(path, "value"), num(a.value, 15) +
                                                          " is outside its editing range " +
                                                          num(a.min, 15) + "–" + num(a.max, 15));
    if (a.step <= 0.0)
        throw ScenarioError(childPath(path, "step"),
                            "the slider step must be above 0, found " + num(a.step, 15));
    if (const Json* prov = optional(j, "provenance")) {
        const std::string p = childPath(path, "provenance");
        object(*prov, p);
        checkFields(*prov, p, {"source", "figure", "note"}, "a provenance");
        a.provenance.source = optionalString(*prov, p, "source");
        checkSourceRef(a.provenance.source, childPath(p, "source"));
        a.provenance.figure = optionalString(*prov, p, "figure");
        a.provenance.note = optionalString(*prov, p, "note");
    }
    if (const Json* dist = optional(j, "distribution"))
        a.distribution = distribution(a, *dist, childPath(path, "distribution"));
    m_s.assumptions.push_back(std::move(a));
}

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

void Reader::readAnchor(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"series", "year", "value", "source", "figure", "drives"}, "an anchor");
    Anchor a;
    a.series = string(required(j, path, "series"), childPath(path, "series"));
    checkSeriesRef(a.series, childPath(path, "series"));
    a.year = displayYear(required(j, path, "year"), childPath(path, "year"));
    const std::string valuePath = childPath(path, "value");
    a.value = number(required(j, path, "value"), valuePath);
    const SeriesDef* series = m_s.findSeries(a.series.substr(0, a.series.find('.')));
    if (a.series.find('.') == std::string::npos) {
        checkDomain(a.value, series->unit, valuePath);
    } else if (a.value < 0.0 && (dimensionOf(series->unit) == Dimension::Money ||
                                 dimensionOf(series->unit) == Dimension::Volume)) {
        checkDomain(a.value, series->unit, valuePath);
    }
    a.source = optionalString(j, path, "source");
    checkSourceRef(a.source, childPath(path, "source"));
    a.figure = optionalString(j, path, "figure");
    a.drives = optionalString(j, path, "drives");
    if (!a.drives.empty()) checkAssumptionRef(a.drives, childPath(path, "drives"));
    m_s.anchors.push_back(std::move(a));
}

void Reader::readGroups(const Json& j, const std::string& path) {
    object(j, path);
    checkLimit(j.size(), kMaxAssumptions, path, "groups");
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string p = childPath(path, it.key());
        const bool used = std::any_of(m_s.assumptions.begin(), m_s.assumptions.end(),
                                      [&](const Assumption& a) { return a.group == it.key(); });
        if (!used)
            throw ScenarioError(p, "no assumption is in the group " + inQuotes(it.key()) +
                                       "; \"groups\" labels the \"group\" names of assumptions");
        m_s.groups.push_back({it.key(), label(it.value(), p)});
    }
}

void Reader::readActuals(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"source", "note", "values"}, "the actuals of a series");
    SeriesActuals a;
    if (key.find('.') != std::string::npos)
        throw ScenarioError(
            path, "actuals are given for a series id (its main output), not for " + inQuotes(key));
    checkSeriesRef(key, path);
    a.series = key;
    const SeriesDef* series = m_s.findSeries(key);
    const std::string sourcePath = childPath(path, "source");
    a.source = string(required(j, path, "source"), sourcePath);
    if (a.source.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ScenarioError(sourcePath,
                            "say where the actuals come from: a source id of meta.sources or a "
                            "text such as \"company filings\"");
    a.note = optionalString(j, path, "note");
    const std::string valuesPath = childPath(path, "values");
    const Json& values = object(required(j, path, "values"), valuesPath);
    if (values.empty())
        throw ScenarioError(valuesPath, "give at least one year, e.g. { \"2024\": 12.5 }");
    checkLimit(values.size(), kMaxPointsPerSeries, valuesPath, "years of actuals in this series");
    const int earliest = m_s.years.first - kModelYearSlack;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const std::string& yearText = it.key();
        const std::string p = childPath(valuesPath, yearText);
        // Four digits, no leading zero: saving writes the year back as it was read.
        const bool digits = yearText.size() == 4 && yearText.front() != '0' &&
                            std::all_of(yearText.begin(), yearText.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            throw ScenarioError(p, inQuotes(yearText) +
                                       " is not a year; actuals are keyed by four-digit years "
                                       "such as \"2024\"");
        const int year = std::stoi(yearText);
        if (year < earliest || year > m_s.years.last)
            throw ScenarioError(
                p, std::to_string(year) + " is outside the years actuals may have (" +
                       std::to_string(earliest) + "–" + std::to_string(m_s.years.last) +
                       ": up to 50 years before the forecast, none after it)");
        if (!it.value().is_number())
            throw ScenarioError(p, "expected a number, found " + typeName(it.value()) +
                                       " (leave a year out when its value is unknown)");
        const double v = number(it.value(), p);
        checkDomain(v, series->unit, p);
        if (!a.values.emplace(year, v).second)
            throw ScenarioError(p, std::to_string(year) + " is given twice");
    }
    m_s.actuals.push_back(std::move(a));
}

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

void Reader::readScenario(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"label", "note", "overrides"}, "a scenario");
    ScenarioDef d;
    d.id = key;
    d.label = label(required(j, path, "label"), childPath(path, "label"));
    d.note = optionalString(j, path, "note");
    if (const Json* overrides = optional(j, "overrides")) {
        const std::string p = childPath(path, "overrides");
        object(*overrides, p);
        if (key == "base" && !overrides->empty())
            throw ScenarioError(p,
                                "the base scenario cannot override assumptions; change the "
                                "assumptions' own values instead");
        for (auto it = overrides->begin(); it != overrides->end(); ++it) {
            const std::string op = childPath(p, it.key());
            checkAssumptionRef(it.key(), op);
            const double v = number(it.value(), op);
            checkDomain(v, m_s.findAssumption(it.key())->unit, op);
            d.overrides.emplace(it.key(), v);
        }
    }
    m_s.scenarios.push_back(std::move(d));
}

DistributionSpec Reader::distribution(const Assumption& a, const Json& j,
                                      const std::string& path) const {
    object(j, path);
    const std::string typePath = childPath(path, "type");
    const std::string typeName = string(required(j, path, "type"), typePath);
    const auto type = distributionTypeFromName(typeName);
    const Names types{"uniform", "triangular", "pert", "normal", "lognormal"};
    if (!type)
        throw ScenarioError(typePath, "unknown distribution " + inQuotes(typeName) +
                                          didYouMean(typeName, types) + "; the types are " +
                                          joined(types));
    DistributionSpec d;
    d.type = *type;
    const auto field = [&](std::string_view name) {
        return number(required(j, path, name), childPath(path, name));
    };
    const std::string what = "a " + typeName + " distribution";
    switch (d.type) {
        case DistributionType::Uniform:
            checkFields(j, path, {"type", "min", "max", "pinned"}, what);
            d.min = field("min");
            d.max = field("max");
            if (!(d.min < d.max))
                throw ScenarioError(
                    childPath(path, "min"),
                    "min " + num(d.min, 15) + " must be below max " + num(d.max, 15));
            break;
        case DistributionType::Triangular:
        case DistributionType::Pert:
            checkFields(j, path, {"type", "min", "mode", "max", "pinned"}, what);
            d.min = field("min");
            d.mode = field("mode");
            d.max = field("max");
            if (!(d.min < d.max))
                throw ScenarioError(
                    childPath(path, "min"),
                    "min " + num(d.min, 15) + " must be below max " + num(d.max, 15));
            if (d.mode < d.min || d.mode > d.max)
                throw ScenarioError(childPath(path, "mode"),
                                    "the mode " + num(d.mode, 15) + " must lie between min " +
                                        num(d.min, 15) + " and max " + num(d.max, 15));
            break;
        case DistributionType::Normal:
            checkFields(j, path, {"type", "mean", "sd", "pinned"}, what);
            d.mean = field("mean");
            d.sd = field("sd");
            if (!(d.sd > 0.0))
                throw ScenarioError(childPath(path, "sd"),
                                    "the standard deviation " + num(d.sd, 15) + " must be above 0");
            break;
        case DistributionType::Lognormal:
            checkFields(j, path, {"type", "p5", "p95", "pinned"}, what);
            d.p5 = field("p5");
            d.p95 = field("p95");
            if (!(d.p5 > 0.0))
                throw ScenarioError(childPath(path, "p5"),
                                    "p5 " + num(d.p5, 15) +
                                        " must be above 0: a lognormal takes only positive values");
            if (!(d.p5 < d.p95))
                throw ScenarioError(childPath(path, "p95"),
                                    "p95 " + num(d.p95, 15) + " must be above p5 " + num(d.p5, 15));
            break;
    }
    if (const Json* pinned = optional(j, "pinned"))
        d.pinned = boolean(*pinned, childPath(path, "pinned"));
    // The remaining checks (the unit's domain, truncation) are the sampler's own.
    Assumption probe = a;
    probe.distribution = d;
    try {
        (void)Distribution::of(probe);
    } catch (const UncertaintyError& e) {
        throw ScenarioError(path, e.what());
    }
    return d;
}

void Reader::readUncertainty(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"seed", "paths", "correlations"}, "the uncertainty settings");
    UncertaintySettings u;
    if (const Json* seed = optional(j, "seed")) {
        if (!seed->is_number_unsigned())
            throw ScenarioError(
                childPath(path, "seed"),
                "expected a whole number from 0 to 18446744073709551615, found " + typeName(*seed));
        u.seed = seed->get<std::uint64_t>();
    }
    if (const Json* paths = optional(j, "paths")) {
        const std::string p = childPath(path, "paths");
        const long long n = wholeNumber(*paths, p, "a whole number of paths");
        if (n < kMinPaths || n > kMaxPaths)
            throw ScenarioError(p, "the number of paths must be between " +
                                       std::to_string(kMinPaths) + " and " +
                                       std::to_string(kMaxPaths) + ", found " + std::to_string(n));
        u.paths = static_cast<int>(n);
    }
    if (const Json* pairs = optional(j, "correlations")) {
        const std::string p = childPath(path, "correlations");
        array(*pairs, p);
        for (std::size_t i = 0; i < pairs->size(); ++i) {
            const std::string ip = indexPath(p, i);
            const Json& c = object((*pairs)[i], ip);
            checkFields(c, ip, {"a", "b", "rank"}, "a rank correlation");
            RankCorrelation r;
            r.a = string(required(c, ip, "a"), childPath(ip, "a"));
            r.b = string(required(c, ip, "b"), childPath(ip, "b"));
            r.rank = number(required(c, ip, "rank"), childPath(ip, "rank"));
            for (const auto& [id, key] : {std::pair{r.a, "a"}, std::pair{r.b, "b"}}) {
                checkAssumptionRef(id, childPath(ip, key));
                if (!m_s.findAssumption(id)->distribution)
                    throw ScenarioError(
                        childPath(ip, key),
                        inQuotes(id) + " has no distribution, so it cannot be correlated");
            }
            if (r.a == r.b)
                throw ScenarioError(childPath(ip, "b"),
                                    inQuotes(r.a) + " cannot be correlated with itself");
            if (!(std::fabs(r.rank) < 1.0))
                throw ScenarioError(childPath(ip, "rank"),
                                    "the rank correlation " + num(r.rank, 15) +
                                        " must lie strictly between -1 and 1");
            for (std::size_t k = 0; k < u.correlations.size(); ++k) {
                const auto& q = u.correlations[k];
                if ((q.a == r.a && q.b == r.b) || (q.a == r.b && q.b == r.a))
                    throw ScenarioError(ip, "the correlation of " + inQuotes(r.a) + " and " +
                                                inQuotes(r.b) + " is already given at " +
                                                indexPath(p, k));
            }
            u.correlations.push_back(std::move(r));
        }
        // The pairs must hold together (a positive-definite matrix).
        std::vector<std::string> ids;
        for (const auto& a : m_s.assumptions)
            if (a.distribution) ids.push_back(a.id);
        try {
            (void)Copula::make(ids, u.correlations);
        } catch (const UncertaintyError& e) {
            throw ScenarioError(p, e.what());
        }
    }
    m_s.uncertainty = std::move(u);
}

Scenario Reader::read(const Json& root) {
    object(root, "");
    const Json* schema = optional(root, "schema");
    const std::string supported =
        "this version of Jevons reads schema " + std::to_string(Scenario::kSchemaVersion);
    if (!schema)
        throw ScenarioError("schema", "the file format version 'schema' is missing; " + supported);
    if (!schema->is_number_integer() || schema->get<long long>() != Scenario::kSchemaVersion)
        throw ScenarioError("schema",
                            "schema " + schema->dump() + " is not supported; " + supported);
    checkFields(root, "",
                {"schema", "meta", "years", "assumptions", "groups", "series", "anchors", "actuals",
                 "charts", "scenarios", "uncertainty"},
                "the file");
    readMeta(required(root, "", "meta"), "meta");
    readYears(required(root, "", "years"), "years");
    if (const Json* assumptions = optional(root, "assumptions")) {
        object(*assumptions, "assumptions");
        checkLimit(assumptions->size(), kMaxAssumptions, "assumptions", "assumptions");
        for (auto it = assumptions->begin(); it != assumptions->end(); ++it)
            readAssumption(it.key(), it.value(), childPath("assumptions", it.key()));
    }
    if (const Json* groups = optional(root, "groups")) readGroups(*groups, "groups");
    const Json& series = object(required(root, "", "series"), "series");
    checkLimit(series.size(), kMaxSeries, "series", "series");
    for (auto it = series.begin(); it != series.end(); ++it)
        readSeries(it.key(), it.value(), childPath("series", it.key()));
    if (const Json* anchors = optional(root, "anchors")) {
        array(*anchors, "anchors");
        checkLimit(anchors->size(), kMaxAnchors, "anchors", "anchors");
        for (std::size_t i = 0; i < anchors->size(); ++i)
            readAnchor((*anchors)[i], indexPath("anchors", i));
    }
    if (const Json* actuals = optional(root, "actuals")) {
        object(*actuals, "actuals");
        checkLimit(actuals->size(), kMaxSeries, "actuals", "series with actuals");
        for (auto it = actuals->begin(); it != actuals->end(); ++it)
            readActuals(it.key(), it.value(), childPath("actuals", it.key()));
    }
    if (const Json* charts = optional(root, "charts")) {
        object(*charts, "charts");
        checkLimit(charts->size(), kMaxCharts, "charts", "charts");
        for (auto it = charts->begin(); it != charts->end(); ++it)
            readChart(it.key(), it.value(), childPath("charts", it.key()));
    }
    if (const Json* scenarios = optional(root, "scenarios")) {
        object(*scenarios, "scenarios");
        checkLimit(scenarios->size(), kMaxScenarios, "scenarios", "scenarios");
        if (!scenarios->contains("base"))
            throw ScenarioError("scenarios",
                                "the 'base' scenario is missing; every forecast "
                                "needs one (it uses the assumptions as they are)");
        for (auto it = scenarios->begin(); it != scenarios->end(); ++it)
            readScenario(it.key(), it.value(), childPath("scenarios", it.key()));
    } else {
        m_s.scenarios.push_back({"base", {"Base", "基准"}, "", {}});
    }
    if (const Json* uncertainty = optional(root, "uncertainty"))
        readUncertainty(*uncertainty, "uncertainty");
    return std::move(m_s);
}

// ---------------------------------------------------------------------------------------------
// Writing

Json labelJson(const Label& l) {
    Json j = Json::object();
    j["en"] = l.en;
    if (!l.zh.empty()) j["zh"] = l.zh;
    return j;
}

Json paramJson(const Param& p) { return p.isLiteral() ? Json(p.literal()) : Json(p.ref()); }

Json pointJson(const YearPoint& p) {
    Json j = Json::object();
    j["year"] = p.year;
    j["value"] = paramJson(p.value);
    return j;
}

void putIfNotEmpty(Json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
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

Json distributionJson(const DistributionSpec& d) {
    Json j = Json::object();
    j["type"] = std::string(distributionTypeName(d.type));
    switch (d.type) {
        case DistributionType::Uniform:
            j["min"] = d.min;
            j["max"] = d.max;
            break;
        case DistributionType::Triangular:
        case DistributionType::Pert:
            j["min"] = d.min;
            j["mode"] = d.mode;
            j["max"] = d.max;
            break;
        case DistributionType::Normal:
            j["mean"] = d.mean;
            j["sd"] = d.sd;
            break;
        case DistributionType::Lognormal:
            j["p5"] = d.p5;
            j["p95"] = d.p95;
            break;
    }
    if (d.pinned) j["pinned"] = true;  // written only when set: unpinned files stay as they were
    return j;
}

Json scenarioJson(const Scenario& s) {
    Json root = Json::object();
    root["schema"] = s.schema;

    Json meta = Json::object();
    meta["title"] = labelJson(s.title);
    putIfNotEmpty(meta, "author", s.author);
    putIfNotEmpty(meta, "date", s.date);
    if (!s.sources.empty()) {
        Json sources = Json::array();
        for (const auto& src : s.sources) {
            Json j = Json::object();
            j["id"] = src.id;
            j["title"] = src.title;
            putIfNotEmpty(j, "publisher", src.publisher);
            putIfNotEmpty(j, "date", src.date);
            putIfNotEmpty(j, "url", src.url);
            sources.push_back(std::move(j));
        }
        meta["sources"] = std::move(sources);
    }
    root["meta"] = std::move(meta);

    Json years = Json::object();
    years["first"] = s.years.first;
    years["last"] = s.years.last;
    root["years"] = std::move(years);

    Json assumptions = Json::object();
    for (const auto& a : s.assumptions) {
        Json j = Json::object();
        j["label"] = labelJson(a.label);
        putIfNotEmpty(j, "group", a.group);
        j["value"] = a.value;
        j["unit"] = std::string(unitToken(a.unit));
        j["min"] = a.min;
        j["max"] = a.max;
        j["step"] = a.step;
        if (a.provenance != Provenance{}) {
            Json p = Json::object();
            putIfNotEmpty(p, "source", a.provenance.source);
            putIfNotEmpty(p, "figure", a.provenance.figure);
            putIfNotEmpty(p, "note", a.provenance.note);
            j["provenance"] = std::move(p);
        }
        if (a.distribution) j["distribution"] = distributionJson(*a.distribution);
        assumptions[a.id] = std::move(j);
    }
    root["assumptions"] = std::move(assumptions);
    if (!s.groups.empty()) {
        Json groups = Json::object();
        for (const auto& g : s.groups) groups[g.name] = labelJson(g.label);
        root["groups"] = std::move(groups);
    }

    Json series = Json::object();
    for (const auto& def : s.series) series[def.id] = seriesJson(def);
    root["series"] = std::move(series);

    Json anchors = Json::array();
    for (const auto& a : s.anchors) {
        Json j = Json::object();
        j["series"] = a.series;
        j["year"] = a.year;
        j["value"] = a.value;
        putIfNotEmpty(j, "source", a.source);
        putIfNotEmpty(j, "figure", a.figure);
        putIfNotEmpty(j, "drives", a.drives);
        anchors.push_back(std::move(j));
    }
    root["anchors"] = std::move(anchors);

    if (!s.actuals.empty()) {  // optional: files without actuals stay as they were
        Json actuals = Json::object();
        for (const auto& a : s.actuals) {
            Json j = Json::object();
            j["source"] = a.source;
            putIfNotEmpty(j, "note", a.note);
            Json values = Json::object();
            for (const auto& [year, v] : a.values) values[std::to_string(year)] = v;
            j["values"] = std::move(values);
            actuals[a.series] = std::move(j);
        }
        root["actuals"] = std::move(actuals);
    }

    Json charts = Json::object();
    for (const auto& c : s.charts) {
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
        charts[c.id] = std::move(j);
    }
    root["charts"] = std::move(charts);

    Json scenarios = Json::object();
    for (const auto& d : s.scenarios) {
        Json j = Json::object();
        j["label"] = labelJson(d.label);
        putIfNotEmpty(j, "note", d.note);
        if (!d.overrides.empty()) {
            Json o = Json::object();
            for (const auto& [id, v] : d.overrides) o[id] = v;
            j["overrides"] = std::move(o);
        }
        scenarios[d.id] = std::move(j);
    }
    root["scenarios"] = std::move(scenarios);

    if (s.uncertainty) {
        Json u = Json::object();
        u["seed"] = s.uncertainty->seed;
        u["paths"] = s.uncertainty->paths;
        if (!s.uncertainty->correlations.empty()) {
            Json pairs = Json::array();
            for (const auto& c : s.uncertainty->correlations)
                pairs.push_back(Json{{"a", c.a}, {"b", c.b}, {"rank", c.rank}});
            u["correlations"] = std::move(pairs);
        }
        root["uncertainty"] = std::move(u);
    }
    return root;
}

/// Path of the first key or string in `j` that is not valid UTF-8, or "" if none.
std::optional<std::string> invalidUtf8Path(const Json& j, const std::string& path) {
    if (j.is_string())
        return firstInvalidUtf8(j.get_ref<const std::string&>()) == std::string::npos
                   ? std::nullopt
                   : std::optional(path);
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string p = childPath(path, it.key());
            if (firstInvalidUtf8(it.key()) != std::string::npos) return p;
            if (auto found = invalidUtf8Path(it.value(), p)) return found;
        }
    }
    if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            if (auto found = invalidUtf8Path(j[i], indexPath(path, i))) return found;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Parsing helpers

/// nlohmann's parse_error text without its "[json.exception…] parse error at line…: " prefix.
std::string syntaxDetail(const std::string& what) {
    const auto dash = what.find(" - ");
    if (dash != std::string::npos) return what.substr(dash + 3);
    const auto colon = what.rfind(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

/// An error at byte `offset`: "<detail> at line L, column C<hint>".
ScenarioError errorAt(std::string_view text, const std::string& file, std::size_t offset,
                      const std::string& detail, const std::string& hint = "") {
    const TextPosition at = positionAt(text, offset);
    const std::string path = JsonLocator(text.substr(0, offset + 1)).pathAtEnd();
    return {file, path, at.line, at.column,
            detail + " at line " + std::to_string(at.line) + ", column " +
                std::to_string(at.column) + hint};
}

Json parseJson(std::string_view text, const std::string& file) {
    if (const auto bad = firstInvalidUtf8(text); bad != std::string_view::npos)
        throw errorAt(
            text, file, bad, "the file is not valid UTF-8",
            " (it may have been saved in another encoding such as GBK; save it as UTF-8)");
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const std::string reason = syntaxDetail(e.what());
        const auto pos = positionAt(text, offset);
        const std::string path = JsonLocator(text.substr(0, offset + 1)).pathAtEnd();
        throw ScenarioError(file, path, pos.line, pos.column,
                            "the file is not valid JSON at line " + std::to_string(pos.line) +
                                ", column " + std::to_string(pos.column) + ": " + reason);
    } catch (const Json::out_of_range& e) {  // a number such as 1e999
        const std::size_t offset = firstOverflowingNumber(text);
        if (offset == std::string_view::npos) throw ScenarioError(file, "", 0, 0, e.what());
        throw errorAt(text, file, offset, "a number is too large to be used");
    }
}

/// The error with the position of its path in the text.
ScenarioError located(const ScenarioError& e, const JsonLocator& locator, const std::string& file) {
    const TextPosition at = locator.locate(e.path());
    return e.locatedIn(file, at.line, at.column);
}

std::string osReason(int error) { return std::strerror(error); }

/// Closes a file descriptor when it goes out of scope.
class FileHandle {
public:
    explicit FileHandle(int fd) : m_fd(fd) {}
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    ~FileHandle() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

std::string tooLarge(std::uintmax_t bytes) {
    std::ostringstream out;
    out.precision(3);
    out << "the file is " << static_cast<double>(bytes) / (1024.0 * 1024.0)
        << " MiB, larger than the 16 MiB limit for a scenario file";
    return out.str();
}

}  // namespace

Scenario parseScenario(std::string_view text, const std::string& fileName) {
    const Json root = parseJson(text, fileName);
    const JsonLocator locator(text);
    if (!locator.duplicateKeys().empty()) {
        const auto& d = locator.duplicateKeys().front();
        const std::string key =
            d.path.substr(d.path.rfind('.') == std::string::npos ? 0 : d.path.rfind('.') + 1);
        const bool actualYear =
            d.path.rfind("actuals.", 0) == 0 && d.path.find(".values.") != std::string::npos;
        throw ScenarioError(
            fileName, d.path, d.position.line, d.position.column,
            actualYear ? "the year " + key + " is given twice; each year of actuals has one value"
                       : "the key " + inQuotes(key) +
                             " appears twice in the same object; ids and field "
                             "names must be unique (only the last one would be "
                             "kept)");
    }
    Scenario scenario;
    try {
        scenario = Reader().read(root);
    } catch (const ScenarioError& e) {
        throw located(e, locator, fileName);
    }
#ifdef JEVONS_SCENARIO_HAS_MODEL
    try {
        validateModel(scenario);
    } catch (const ScenarioError& e) {
        throw located(e, locator, fileName);
    } catch (const std::runtime_error& e) {  // e.g. a ModelError that escaped the model
        throw ScenarioError(fileName, "", 0, 0, e.what());
    }
#endif
    return scenario;
}

Scenario loadScenarioFile(const std::string& path) {
    FileHandle file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0)
        throw ScenarioError(path, "", 0, 0, "cannot open the file: " + osReason(errno));
    struct stat info {};
    if (::fstat(file.get(), &info) != 0)
        throw ScenarioError(path, "", 0, 0, "cannot read the file: " + osReason(errno));
    if (S_ISDIR(info.st_mode))
        throw ScenarioError(path, "", 0, 0, "this is a folder, not a scenario file");
    const auto size = static_cast<std::uintmax_t>(info.st_size);
    if (size > kMaxScenarioFileBytes) throw ScenarioError(path, "", 0, 0, tooLarge(size));

    // Read at most one byte past the limit: a file that grew, or a special file that reports no
    // size, is still refused without holding more than the limit in memory.
    std::string text;
    text.reserve(static_cast<std::size_t>(size));
    char buffer[64 * 1024];
    while (true) {
        const ssize_t n = ::read(file.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw ScenarioError(path, "", 0, 0, "cannot read the file: " + osReason(errno));
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > kMaxScenarioFileBytes)
            throw ScenarioError(path, "", 0, 0, tooLarge(text.size()));
    }
    return parseScenario(text, path);
}

std::string serializeScenario(const Scenario& scenario) {
    const Json root = scenarioJson(scenario);
    if (const auto bad = invalidUtf8Path(root, ""))
        throw ScenarioError(*bad, "this text is not valid UTF-8, so it cannot be saved");
    return root.dump(2) + "\n";
}

void saveScenarioFile(const Scenario& scenario, const std::string& path) {
    const std::string text = serializeScenario(scenario);  // may throw before touching the disk
    try {
        writeFileAtomically(path, text);
    } catch (const AtomicWriteError& e) {
        throw ScenarioError(path, "", 0, 0, "could not save the file: " + e.reason());
    }
}

}  // namespace jevons::core
