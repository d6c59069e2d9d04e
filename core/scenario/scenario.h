#pragma once
// The scenario file's content as plain value types: what a forecast says, before evaluation.
// Loading and saving live in scenario_json.h; evaluation in core/eval/.
#include "core/models/grid.h"
#include "core/units/unit.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace jevons::core {

/// @brief Text in English and Chinese; `zh` may be empty (then English is shown).
/// A text the file gives in English and, optionally, Chinese: a label, a title, a figure as a
/// source states it, a note. In the file either a plain string (both languages; read into `en`)
/// or { "en": …, "zh": … }. `zh` empty: the English is shown in Chinese too.
struct Label {
    std::string en;
    std::string zh;
    [[nodiscard]] const std::string& in(std::string_view language) const {
        return language == "zh" && !zh.empty() ? zh : en;
    }
    [[nodiscard]] bool empty() const { return en.empty() && zh.empty(); }
    bool operator==(const Label&) const = default;
};

/// @brief A publication a figure comes from.
struct Source {
    std::string id;
    Label title;       ///< as published, and translated
    Label publisher;   ///< e.g. "Tianfeng Securities" / "天风证券研究所"
    std::string date;  ///< ISO date "2025-02-09"; may be empty
    std::string url;   ///< may be empty
    bool operator==(const Source&) const = default;
};

/// @brief Where an assumption's value comes from.
struct Provenance {
    std::string source;  ///< a Source id; empty = the analyst's own judgement
    Label figure;        ///< the figure as the source states it, e.g. "F3: ASIC share 25% by 2028"
    Label note;
    bool operator==(const Provenance&) const = default;
};

/// @brief Shape of an uncertain assumption's distribution (issue 5).
enum class DistributionType { Uniform, Triangular, Pert, Normal, Lognormal };

/// @brief An assumption's range of plausible values, as the file states it, in the assumption's
/// unit. Which fields are used depends on `type`:
///  - uniform:            min, max
///  - triangular, pert:   min, mode, max (PERT is Beta-PERT with λ = 4)
///  - normal:             mean, sd
///  - lognormal:          p5, p95 (a 90% interval: "between 20% and 35%")
/// Unused fields stay 0. Sampling (core/uncertainty/) truncates to the unit's domain.
/// `pinned`: the range stays where it is when the assumption's value is edited; unpinned ranges
/// follow the value (core/uncertainty/range_follow.h). Sampling ignores it.
struct DistributionSpec {
    DistributionType type = DistributionType::Uniform;
    double min = 0.0;
    double mode = 0.0;
    double max = 0.0;
    double mean = 0.0;
    double sd = 0.0;
    double p5 = 0.0;
    double p95 = 0.0;
    bool pinned = false;
    bool operator==(const DistributionSpec&) const = default;
};

/// @brief The label of an assumption group in both languages (the file's "groups" section):
/// `name` is the `group` the assumptions give, `label` what the panel shows.
struct GroupLabel {
    std::string name;
    Label label;
    bool operator==(const GroupLabel&) const = default;
};

/// @brief One named scalar input a strategist edits (a slider in the dashboard).
/// `value`, `min`, `max`, `step` are in the assumption's `unit` as stored (shares as fractions).
struct Assumption {
    std::string id;
    Label label;
    std::string group;  ///< panel section, e.g. "ASIC market" (Scenario::groups may translate it)
    double value = 0.0;
    Unit unit = Unit::Number;
    double min = 0.0;
    double max = 0.0;
    double step = 0.0;
    Provenance provenance;
    std::optional<DistributionSpec> distribution{};  ///< empty = a fixed value (no uncertainty)
    bool operator==(const Assumption&) const = default;
};

/// @brief A series parameter: a literal number or the id of an assumption.
struct Param {
    std::variant<double, std::string> value;
    [[nodiscard]] bool isLiteral() const { return std::holds_alternative<double>(value); }
    [[nodiscard]] double literal() const { return std::get<double>(value); }
    [[nodiscard]] const std::string& ref() const { return std::get<std::string>(value); }
    bool operator==(const Param&) const = default;
};

/// @brief A (year, value) point that a series passes through.
struct YearPoint {
    int year = 0;
    Param value;
    bool operator==(const YearPoint&) const = default;
};

enum class SeriesKind { Points, Cagr, Logistic, Gompertz, Bass, Jevons, Formula };

/// @brief A growth segment of a `cagr` series: `rate` (fraction per year) applies up to `until`.
struct RateSegment {
    int until = 0;
    Param rate;
    bool operator==(const RateSegment&) const = default;
};

/// @brief One series definition. Which fields are used depends on `kind`:
///  - points:   points, interpolation ("linear" | "log")
///  - cagr:     start + segments, or through (two points; later segments continue from the second);
///              backcast
///  - logistic, gompertz: ceiling + (midpoint, steepness) or ceiling + through (two points)
///  - bass:     p, q, m, launch; outputs "adoptions" (primary) and "cumulative"
///  - jevons:   base_year, base_demand, base_cost, cost_decline, elasticity;
///              outputs "demand" (primary), "unit_cost", "spend"
///  - formula:  expr
struct SeriesDef {
    std::string id;
    Label label;
    Unit unit = Unit::Number;
    SeriesKind kind = SeriesKind::Points;
    std::map<std::string, Param> params;  ///< scalar parameters by name (ceiling, p, q, m, ...)
    std::vector<YearPoint> points;   ///< points: the given points; cagr/logistic/gompertz: through
    std::optional<YearPoint> start;  ///< cagr: start year and value
    std::vector<RateSegment> segments;  ///< cagr
    std::string interpolation;          ///< points: "linear" (default) or "log"
    std::string expr;                   ///< formula
    std::string form;  ///< bass: "closed" (default), "discrete", "density-end", "density-mid"
    int launch = 0;    ///< bass: first year of adoption
    /// cagr: extrapolate the years before the first given one (start or first through point) at
    /// the first rate. false (the default): those years have no value (Model::firstValueColumn).
    bool backcast = false;
    int baseYear = 0;  ///< jevons: year at which demand and cost are the base values
    bool operator==(const SeriesDef&) const = default;
};

/// @brief A published data point shown against the model (e.g. the report's 42.9 in 2028).
struct Anchor {
    std::string series;  ///< series id (or "id.output")
    int year = 0;
    double value = 0.0;  ///< in the series' unit; a range's low end
    std::string source;  ///< Source id
    Label figure;        ///< as the source states it
    /// Assumption that moves this point when the user drags it on a chart; empty = not draggable.
    std::string drives;
    /// A published range ("US$60–90B"): its high end (>= value), in the series' unit; NaN for a
    /// published point. A range is drawn as a bar with caps, is never dragged and is not fitted.
    double high = std::numeric_limits<double>::quiet_NaN();
    [[nodiscard]] bool isRange() const { return !std::isnan(high); }
    bool operator==(const Anchor& o) const {
        return series == o.series && year == o.year && value == o.value &&
               (high == o.high || (std::isnan(high) && std::isnan(o.high))) && source == o.source &&
               figure == o.figure && drives == o.drives;
    }
};

enum class ChartType { Line, Column, StackedColumn, StackedArea, Combo };

/// @brief A CAGR annotation: an arrow from `from` to `to` labelled "+45.4% CAGR".
struct CagrAnnotation {
    std::string series;
    int from = 0;
    int to = 0;
    bool operator==(const CagrAnnotation&) const = default;
};

/// @brief What to plot and how.
struct ChartDef {
    std::string id;
    Label title;
    ChartType type = ChartType::Line;
    std::vector<std::string> series;     ///< primary axis (columns in a combo)
    std::vector<std::string> secondary;  ///< combo only: lines on the right-hand axis
    int fromYear = 0;                    ///< 0 = the scenario's first year
    int toYear = 0;                      ///< 0 = the scenario's last year
    std::vector<CagrAnnotation> cagr;
    bool showAnchors = true;
    Label sourceLine;  ///< "Source: Marvell, ..." / "资料来源：..."
    bool operator==(const ChartDef&) const = default;
};

/// @brief A named set of assumption values that differ from the base.
struct ScenarioDef {
    std::string id;  ///< "base", "bull", "bear", ...
    Label label;
    Label note;                               ///< what the scenario expresses (e.g. the risk)
    std::map<std::string, double> overrides;  ///< assumption id -> value
    bool operator==(const ScenarioDef&) const = default;
};

/// @brief A requested Spearman rank correlation between two uncertain assumptions.
struct RankCorrelation {
    std::string a;      ///< assumption id
    std::string b;      ///< assumption id (not a)
    double rank = 0.0;  ///< Spearman ρ_s, strictly between -1 and 1
    bool operator==(const RankCorrelation&) const = default;
};

/// @brief The file's Monte Carlo settings: the same seed gives identical numbers on every run.
struct UncertaintySettings {
    static constexpr std::uint64_t kDefaultSeed = 20250209;
    static constexpr int kDefaultPaths = 10000;
    std::uint64_t seed = kDefaultSeed;
    int paths = kDefaultPaths;
    std::vector<RankCorrelation> correlations;
    bool operator==(const UncertaintySettings&) const = default;
};

/// @brief Historical values of one series ("actuals"): charts draw them solid and the model's
/// forecast dashed from the last actual year on; fits (core/calibration/) are made to them.
struct SeriesActuals {
    std::string series;  ///< series id (its primary output; no ".output")
    /// Where the values come from: a Source id of meta.sources, or free text ("company filings,
    /// sales.csv"). Never empty.
    std::string source;
    Label note;                    ///< how they were prepared (quarters summed, ...); may be empty
    std::map<int, double> values;  ///< year -> value in the series' unit; finite, at least one
    bool operator==(const SeriesActuals&) const = default;
};

/// @brief A whole forecast file.
struct Scenario {
    static constexpr int kSchemaVersion = 1;
    int schema = kSchemaVersion;
    Label title;
    /// One line on what the forecast models, shown in File → New's gallery; may be empty.
    Label description{};
    std::string author;
    std::string date;
    std::vector<Source> sources;
    YearRange years;
    std::vector<Assumption> assumptions;
    /// Labels of assumption groups (optional, file order); a group without one shows its name.
    std::vector<GroupLabel> groups{};
    std::vector<SeriesDef> series;
    std::vector<Anchor> anchors;
    std::vector<ChartDef> charts;
    std::vector<ScenarioDef> scenarios;
    /// The top-level "uncertainty" section; empty when the file has none (then the defaults
    /// of UncertaintySettings apply and saving writes no section).
    std::optional<UncertaintySettings> uncertainty{};
    /// The optional "actuals" section, in file order; at most one entry per series.
    std::vector<SeriesActuals> actuals{};
    bool operator==(const Scenario&) const = default;

    [[nodiscard]] const Assumption* findAssumption(std::string_view id) const;
    [[nodiscard]] Assumption* findAssumption(std::string_view id);
    [[nodiscard]] const SeriesDef* findSeries(std::string_view id) const;
    /// @brief What the panel calls group `name` in `language` ("en"/"zh"): its label from
    /// `groups`, else the name itself.
    [[nodiscard]] const std::string& groupTitle(const std::string& name,
                                                std::string_view language) const;
    [[nodiscard]] const ChartDef* findChart(std::string_view id) const;
    [[nodiscard]] const ScenarioDef* findScenario(std::string_view id) const;
    [[nodiscard]] const Source* findSource(std::string_view id) const;
    /// @brief The actuals of series `seriesId`, or nullptr when it has none.
    [[nodiscard]] const SeriesActuals* findActuals(std::string_view seriesId) const;

    /// What the uncertainty views and slides (tornado, histogram, goal seek) look at when
    /// nothing is chosen, from the file rather than any one forecast's ids.
    struct Focus {
        std::string ref;   ///< "asic_market": an output reference; empty without any series
        int chartEnd = 0;  ///< the last year of the chart it is on (the forecast's last year)
        int cagrEnd = 0;   ///< the end year of that chart's CAGR arrow on it (else chartEnd)
    };
    /// @brief The series of the first chart's first CAGR arrow, else of the first chart's first
    /// series, else the first series; with those years.
    [[nodiscard]] Focus focus() const;
    /// @brief Assumption values with `scenarioId`'s overrides applied ("" or "base" = base values).
    [[nodiscard]] std::map<std::string, double> assumptionValues(std::string_view scenarioId) const;
};

}  // namespace jevons::core
