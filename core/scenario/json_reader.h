#pragma once
// Internal to core/scenario (include it nowhere else): the JSON reader of scenario files, its
// words for messages, and the JSON mapping functions that the per-type files share.
//
// The mapping of each type sits in its own file: json_reader.cpp (the generic helpers below),
// assumption_json.cpp, series_json.cpp, chart_json.cpp, uncertainty_json.cpp and
// scenario_json.cpp (the file's top level and its smaller sections).
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/scenario.h"

namespace jevons::core::scenario_json_detail {

using Json = nlohmann::ordered_json;
using Names = std::vector<std::string_view>;

/// Model inputs (points, launch, base year, ...) may lie this far outside the forecast's years.
inline constexpr int kModelYearSlack = 50;

/// @brief Json::parse of `text`, the same document and the same exceptions (parse_error,
/// out_of_range for a number like 1e999), in linear time: nlohmann's own builder grows each
/// object's vector of (const key, value) pairs by copying every member, subtree and all, on each
/// growth, and looks each key up among the ones before it (quadratic in an object's members; a
/// 1,920-series file spent a third of its load there). Duplicate keys are all kept, in order: the
/// caller refuses them (JsonLocator).
[[nodiscard]] Json parseOrderedJson(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Words for messages (json_reader.cpp)

[[nodiscard]] std::string inQuotes(std::string_view s);
[[nodiscard]] std::string joined(const Names& names);
[[nodiscard]] std::string typeName(const Json& j);
/// Levenshtein distance, for "did you mean" hints.
[[nodiscard]] std::size_t editDistance(std::string_view a, std::string_view b);
/// " — did you mean 'x'?" for the closest of `known` within a small edit distance, else "".
[[nodiscard]] std::string didYouMean(std::string_view word, const Names& known);
[[nodiscard]] std::string childPath(const std::string& parent, std::string_view key);
[[nodiscard]] std::string indexPath(const std::string& parent, std::size_t i);
[[nodiscard]] bool isIdentifier(std::string_view id);

// ---------------------------------------------------------------------------------------------
// Reading: every problem throws ScenarioError(path, detail); parseScenario adds the location.
// The generic helpers are in json_reader.cpp; each section's reader is in its type's file.

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
    /// A text: "…" (both languages) or { "en": "…", "zh": "…" } (zh optional).
    static Label label(const Json& j, const std::string& path);
    /// obj[key] as a text, or an empty one when absent.
    static Label optionalLabel(const Json& obj, const std::string& path, std::string_view key);
    static Unit unit(const Json& j, const std::string& path);
    static void checkDomain(double v, Unit u, const std::string& path);
    static std::string id(std::string_view key, const std::string& path, std::string_view what);

    // Years.
    static int calendarYear(const Json& j, const std::string& path);
    [[nodiscard]] int displayYear(const Json& j, const std::string& path) const;
    [[nodiscard]] int modelYear(const Json& j, const std::string& path) const;
    [[nodiscard]] std::string yearsText() const;

    // References. Looked up through indices kept as the sections are read, so a file's
    // references cost n log n in all, not references × ids.
    [[nodiscard]] const Assumption* findAssumption(std::string_view id) const;
    [[nodiscard]] const SeriesDef* findSeries(std::string_view id) const;
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
    /// A series' own fields as its kind's parse reads them (core/series/series_kind.h).
    class SeriesFields;
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
    std::map<std::string, std::size_t, std::less<>> m_assumptionAt;  ///< id -> m_s.assumptions
    std::map<std::string, std::size_t, std::less<>> m_seriesAt;      ///< id -> m_s.series
    std::size_t m_formulaText = 0;  ///< characters of the formulas read so far
};

// ---------------------------------------------------------------------------------------------
// Writing: each function gives the canonical JSON of one value.

/// A label (an assumption's, a chart's title): always { "en", "zh"? }, so a translator sees
/// where the Chinese goes.
[[nodiscard]] Json labelJson(const Label& l);  ///< json_reader.cpp
/// Prose (a figure, a note, a source's title): a plain string when it has no Chinese, else
/// { "en", "zh" }; a file keeps the form it was written in.
[[nodiscard]] Json textJson(const Label& l);                             ///< json_reader.cpp
void putIfNotEmpty(Json& j, const char* key, const std::string& value);  ///< json_reader.cpp
void putIfNotEmpty(Json& j, const char* key, const Label& text);         ///< textJson
[[nodiscard]] Json assumptionJson(const Assumption& a);                  ///< assumption_json.cpp
[[nodiscard]] Json paramJson(const Param& p);                            ///< series_json.cpp
[[nodiscard]] Json pointJson(const YearPoint& p);                        ///< series_json.cpp
[[nodiscard]] Json seriesJson(const SeriesDef& s);                       ///< series_json.cpp
[[nodiscard]] Json chartJson(const ChartDef& c);                         ///< chart_json.cpp
[[nodiscard]] Json distributionJson(const DistributionSpec& d);          ///< uncertainty_json.cpp
[[nodiscard]] Json uncertaintyJson(const UncertaintySettings& u);        ///< uncertainty_json.cpp

}  // namespace jevons::core::scenario_json_detail
