// Maps what every scenario type shares: shapes, scalars, labels, units, ids, years, references.
#include "core/scenario/json_reader.h"

#include "core/text/number_text.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/scenario/scenario_error.h"

namespace jevons::core::scenario_json_detail {

namespace {

// A SAX handler building the ordered DOM: an object's members are gathered with movable keys
// and moved into place once, when the object ends.
class OrderedBuilder {
public:
    using Object = Json::object_t;
    using Members = std::vector<std::pair<const std::string, Json>>;  // Object's base

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool v) { return put(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
    bool number_float(Json::number_float_t v, const std::string&) { return put(Json(v)); }
    bool string(std::string& v) { return put(Json(std::move(v))); }
    bool binary(Json::binary_t& v) { return put(Json::binary(std::move(v))); }
    bool start_object(std::size_t) {
        m_open.push_back({true, {}, {}, {}});
        return true;
    }
    bool key(std::string& k) {
        m_open.back().key = std::move(k);
        return true;
    }
    bool end_object() {
        Open o = std::move(m_open.back());
        m_open.pop_back();
        Json j = Json::object();
        auto& members = static_cast<Members&>(j.get_ref<Object&>());
        members.reserve(o.members.size());
        for (auto& [k, v] : o.members) members.emplace_back(std::move(k), std::move(v));
        return put(std::move(j));
    }
    bool start_array(std::size_t) {
        m_open.push_back({false, {}, {}, {}});
        return true;
    }
    bool end_array() {
        Open o = std::move(m_open.back());
        m_open.pop_back();
        Json j = Json::array();
        j.get_ref<Json::array_t&>() = std::move(o.items);
        return put(std::move(j));
    }
    template <typename Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;  // as Json::parse: the concrete type (parse_error, out_of_range)
    }

    Json take() { return std::move(m_root); }

private:
    struct Open {
        bool object = false;
        std::vector<std::pair<std::string, Json>> members;
        std::vector<Json> items;
        std::string key;
    };
    bool put(Json&& v) {
        if (m_open.empty())
            m_root = std::move(v);
        else if (m_open.back().object)
            m_open.back().members.emplace_back(std::move(m_open.back().key), std::move(v));
        else
            m_open.back().items.push_back(std::move(v));
        return true;
    }

    std::vector<Open> m_open;
    Json m_root;
};

}  // namespace

Json parseOrderedJson(std::string_view text) {
    OrderedBuilder builder;
    Json::sax_parse(text.begin(), text.end(), &builder);
    return builder.take();
}
namespace {

constexpr int kEarliestYear = 1000;
constexpr int kLatestYear = 9999;

}  // namespace

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
// Reading: shapes, scalars, years and references

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
    if (j.is_string()) return {j.get<std::string>(), {}};
    if (!j.is_object())
        throw ScenarioError(path,
                            "expected a text, \"…\" or in English and Chinese { \"en\": \"…\", "
                            "\"zh\": \"…\" }, found " +
                                typeName(j));
    checkFields(j, path, {"en", "zh"}, "a text in English and Chinese");
    return {string(required(j, path, "en"), childPath(path, "en")), optionalString(j, path, "zh")};
}

Label Reader::optionalLabel(const Json& obj, const std::string& path, std::string_view key) {
    const Json* j = optional(obj, key);
    return j ? label(*j, childPath(path, key)) : Label{};
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
    if (std::abs(v) > largestStorable(u))
        throw ScenarioError(path, value + " " + std::string(unitToken(u)) +
                                      " is too large to show: over " + num(largestStorable(u), 3) +
                                      " would overflow a display unit (US$M, 亿元, 万台)");
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

const Assumption* Reader::findAssumption(std::string_view id) const {
    const auto it = m_assumptionAt.find(id);
    return it == m_assumptionAt.end() ? nullptr : &m_s.assumptions[it->second];
}

const SeriesDef* Reader::findSeries(std::string_view id) const {
    const auto it = m_seriesAt.find(id);
    return it == m_seriesAt.end() ? nullptr : &m_s.series[it->second];
}

void Reader::checkAssumptionRef(const std::string& ref, const std::string& path) const {
    if (findAssumption(ref)) return;
    if (findSeries(ref))
        throw ScenarioError(path, inQuotes(ref) +
                                      " is a series; only an assumption can be named "
                                      "here (combine series in a formula series)");
    throw ScenarioError(path, inQuotes(ref) + " is not an assumption in this file" +
                                  didYouMean(ref, assumptionIds()));
}

void Reader::checkSeriesRef(const std::string& ref, const std::string& path) const {
    const std::string base = ref.substr(0, ref.find('.'));
    if (findSeries(base)) return;  // the model checks output names ("id.cumulative")
    if (findAssumption(base))
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

// ---------------------------------------------------------------------------------------------
// Writing

Json labelJson(const Label& l) {
    Json j = Json::object();
    j["en"] = l.en;
    if (!l.zh.empty()) j["zh"] = l.zh;
    return j;
}

void putIfNotEmpty(Json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

Json textJson(const Label& l) { return l.zh.empty() ? Json(l.en) : labelJson(l); }

void putIfNotEmpty(Json& j, const char* key, const Label& text) {
    if (!text.empty()) j[key] = textJson(text);
}

}  // namespace jevons::core::scenario_json_detail
