#include "core/scenario/scenario_json.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/io/atomic_file.h"
#include "core/scenario/json_locator.h"
#include "core/scenario/json_reader.h"
#include "core/scenario/limits.h"
#include "core/text/number_text.h"

#if __has_include("core/eval/model.h")
#include "core/eval/model.h"
#define JEVONS_SCENARIO_HAS_MODEL 1
#endif

namespace jevons::core::scenario_json_detail {
namespace {

constexpr int kMaxYearSpan = 200;  ///< years a forecast may cover

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading: the file and its sections other than assumptions, series, charts and uncertainty

void Reader::readMeta(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"title", "description", "author", "date", "sources"}, "meta");
    m_s.title = label(required(j, path, "title"), childPath(path, "title"));
    m_s.description = optionalLabel(j, path, "description");
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
        source.title = label(required(s, p, "title"), childPath(p, "title"));
        source.publisher = optionalLabel(s, p, "publisher");
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

void Reader::readAnchor(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"series", "year", "value", "range", "source", "figure", "drives"},
                "an anchor");
    Anchor a;
    a.series = string(required(j, path, "series"), childPath(path, "series"));
    checkSeriesRef(a.series, childPath(path, "series"));
    a.year = displayYear(required(j, path, "year"), childPath(path, "year"));
    const SeriesDef* series = findSeries(a.series.substr(0, a.series.find('.')));
    auto checkValue = [&](double v, const std::string& at) {
        if (a.series.find('.') == std::string::npos) {
            checkDomain(v, series->unit, at);
        } else if (v < 0.0 && (dimensionOf(series->unit) == Dimension::Money ||
                               dimensionOf(series->unit) == Dimension::Volume)) {
            checkDomain(v, series->unit, at);
        }
    };
    // A published point ("value": 42.9) or a published range ("range": [60, 90]), not both.
    const Json* range = optional(j, "range");
    if (range && j.contains("value"))
        throw ScenarioError(path, "give \"value\" (a point) or \"range\" (low and high), not both");
    if (range) {
        const std::string rangePath = childPath(path, "range");
        if (!range->is_array() || range->size() != 2)
            throw ScenarioError(rangePath, "expected [low, high], e.g. [60, 90]");
        a.value = number((*range)[0], indexPath(rangePath, 0));
        a.high = number((*range)[1], indexPath(rangePath, 1));
        checkValue(a.value, indexPath(rangePath, 0));
        checkValue(a.high, indexPath(rangePath, 1));
        if (a.high < a.value)
            throw ScenarioError(rangePath, "the high end " + shortestNumber(a.high) +
                                               " is below the low end " + shortestNumber(a.value));
    } else {
        const std::string valuePath = childPath(path, "value");
        a.value = number(required(j, path, "value"), valuePath);
        checkValue(a.value, valuePath);
    }
    a.source = optionalString(j, path, "source");
    checkSourceRef(a.source, childPath(path, "source"));
    a.figure = optionalLabel(j, path, "figure");
    a.drives = optionalString(j, path, "drives");
    if (!a.drives.empty()) checkAssumptionRef(a.drives, childPath(path, "drives"));
    if (!a.drives.empty() && a.isRange())
        throw ScenarioError(childPath(path, "drives"),
                            "a range cannot drive an assumption (a drag would not know which end "
                            "to follow): remove \"drives\" or give a \"value\"");
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
    const SeriesDef* series = findSeries(key);
    const std::string sourcePath = childPath(path, "source");
    a.source = string(required(j, path, "source"), sourcePath);
    if (a.source.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ScenarioError(sourcePath,
                            "say where the actuals come from: a source id of meta.sources or a "
                            "text such as \"company filings\"");
    a.note = optionalLabel(j, path, "note");
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

void Reader::readScenario(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"label", "note", "overrides"}, "a scenario");
    ScenarioDef d;
    d.id = key;
    d.label = label(required(j, path, "label"), childPath(path, "label"));
    d.note = optionalLabel(j, path, "note");
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
            checkDomain(v, findAssumption(it.key())->unit, op);
            d.overrides.emplace(it.key(), v);
        }
    }
    m_s.scenarios.push_back(std::move(d));
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
        m_s.scenarios.push_back({"base", {"Base", "基准"}, {}, {}});
    }
    if (const Json* uncertainty = optional(root, "uncertainty"))
        readUncertainty(*uncertainty, "uncertainty");
    return std::move(m_s);
}

}  // namespace jevons::core::scenario_json_detail

namespace jevons::core {
namespace {

using scenario_json_detail::assumptionJson;
using scenario_json_detail::chartJson;
using scenario_json_detail::childPath;
using scenario_json_detail::indexPath;
using scenario_json_detail::inQuotes;
using scenario_json_detail::Json;
using scenario_json_detail::labelJson;
using scenario_json_detail::putIfNotEmpty;
using scenario_json_detail::Reader;
using scenario_json_detail::seriesJson;
using scenario_json_detail::textJson;
using scenario_json_detail::uncertaintyJson;

// ---------------------------------------------------------------------------------------------
// Writing

Json scenarioJson(const Scenario& s) {
    Json root = Json::object();
    root["schema"] = s.schema;

    Json meta = Json::object();
    meta["title"] = labelJson(s.title);
    putIfNotEmpty(meta, "description", s.description);
    putIfNotEmpty(meta, "author", s.author);
    putIfNotEmpty(meta, "date", s.date);
    if (!s.sources.empty()) {
        Json sources = Json::array();
        for (const auto& src : s.sources) {
            Json j = Json::object();
            j["id"] = src.id;
            j["title"] = textJson(src.title);
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
    for (const auto& a : s.assumptions) assumptions[a.id] = assumptionJson(a);
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
        if (a.isRange())
            j["range"] = Json::array({a.value, a.high});
        else
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
    for (const auto& c : s.charts) charts[c.id] = chartJson(c);
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

    if (s.uncertainty) root["uncertainty"] = uncertaintyJson(*s.uncertainty);
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
    if (const auto deep = firstTooDeep(text, JsonLocator::kMaxDepth);
        deep != std::string_view::npos) {
        const TextPosition at = positionAt(text, deep);
        throw ScenarioError(file, "", at.line, at.column,
                            "the file nests lists and objects deeper than " +
                                std::to_string(JsonLocator::kMaxDepth) + " levels at line " +
                                std::to_string(at.line) + ", column " + std::to_string(at.column) +
                                "; no forecast needs more than 10");
    }
    try {
        return scenario_json_detail::parseOrderedJson(text);
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
ScenarioError located(const ScenarioError& e, std::string_view text, const std::string& file) {
    const TextPosition at = JsonLocator(text, std::string_view(e.path())).locate(e.path());
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
    // Positions are only needed for a message: the locator of every path is built on an error.
    if (const JsonLocator keys(text, false); !keys.duplicateKeys().empty()) {
        const auto& d = keys.duplicateKeys().front();
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
        throw located(e, text, fileName);
    }
#ifdef JEVONS_SCENARIO_HAS_MODEL
    try {
        validateModel(scenario);
    } catch (const ScenarioError& e) {
        throw located(e, text, fileName);
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

void checkLoadable(const Scenario& scenario) {
    // A file's object keys are unique: items sharing an id would collapse into one when written.
    const auto unique = [](const auto& items, const char* section, auto idOf) {
        std::set<std::string_view> seen;
        for (const auto& item : items)
            if (!seen.insert(idOf(item)).second)
                throw ScenarioError(childPath(section, idOf(item)),
                                    "two items have this id; each id must be unique");
    };
    unique(scenario.assumptions, "assumptions",
           [](const Assumption& a) -> std::string_view { return a.id; });
    unique(scenario.groups, "groups",
           [](const GroupLabel& g) -> std::string_view { return g.name; });
    unique(scenario.series, "series", [](const SeriesDef& d) -> std::string_view { return d.id; });
    unique(scenario.actuals, "actuals",
           [](const SeriesActuals& a) -> std::string_view { return a.series; });
    unique(scenario.charts, "charts", [](const ChartDef& c) -> std::string_view { return c.id; });
    unique(scenario.scenarios, "scenarios",
           [](const ScenarioDef& d) -> std::string_view { return d.id; });
    const Json root = scenarioJson(scenario);
    if (const auto bad = invalidUtf8Path(root, ""))
        throw ScenarioError(*bad, "this text is not valid UTF-8, so it cannot be saved");
    const Scenario reread = Reader().read(root);
#ifdef JEVONS_SCENARIO_HAS_MODEL
    validateModel(reread);
#endif
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
