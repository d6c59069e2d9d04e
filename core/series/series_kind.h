#pragma once
// The series kinds (points, cagr, logistic, gompertz, bass, jevons, formula) behind one
// interface, registered in one table (series_kinds.cpp). Each kind's file in this folder says
// everything that is particular to it: its JSON name and fields, how its fields are read, its
// outputs and their units, how it is evaluated and how it reads in plain words. The scenario
// reader and writer (core/scenario/series_json.cpp) and the model (core/eval/model.cpp) go
// through the table and switch on no kind.
//
// Adding a kind: its enumerator in SeriesKind (core/scenario/scenario.h), its fields in SeriesDef
// when `params` cannot hold them, one file here defining its spec, and one declaration and one
// table line in series_kinds.cpp. See docs/ARCHITECTURE.md.
#include "core/models/grid.h"
#include "core/scenario/scenario.h"
#include "core/units/unit.h"

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

namespace formula {
class Formula;
}

/// @brief The reader of one series' own fields in a scenario file, as a kind's parse sees it.
/// Every reader throws ScenarioError naming the field's JSON path ("series.<id>.<field>...") for
/// a missing required field, a value of the wrong type, an unknown assumption, a year too far
/// from the forecast's years, or a list beyond the file limits (core/scenario/limits.h). The
/// field names are checked against the kind's `fields` before parse runs.
/// Implemented over the JSON reader in core/scenario/series_json.cpp.
class SeriesFieldReader {
public:
    virtual ~SeriesFieldReader() = default;
    /// @brief The series' JSON path, "series.<id>".
    [[nodiscard]] virtual const std::string& path() const = 0;
    /// @brief The JSON path of one of its fields, "series.<id>.<field>".
    [[nodiscard]] virtual std::string fieldPath(std::string_view field) const = 0;
    /// @brief Whether the field is present.
    [[nodiscard]] virtual bool has(std::string_view field) const = 0;
    /// @brief A number or an assumption id (required).
    [[nodiscard]] virtual Param param(std::string_view field) const = 0;
    /// @brief A calendar year within kModelYearSlack of the forecast's years (required).
    [[nodiscard]] virtual int modelYear(std::string_view field) const = 0;
    /// @brief true or false (required).
    [[nodiscard]] virtual bool boolean(std::string_view field) const = 0;
    /// @brief A string (required).
    [[nodiscard]] virtual std::string string(std::string_view field) const = 0;
    /// @brief An optional string that must be one of `allowed`; "" when absent.
    [[nodiscard]] virtual std::string choice(
        std::string_view field, const std::vector<std::string_view>& allowed) const = 0;
    /// @brief One {year, value} point (required).
    [[nodiscard]] virtual YearPoint yearPoint(std::string_view field) const = 0;
    /// @brief Exactly two {year, value} points, the second's year after the first's (required).
    [[nodiscard]] virtual std::vector<YearPoint> through(std::string_view field) const = 0;
    /// @brief A list of {year, value} points with increasing years, at most kMaxPointsPerSeries;
    /// may be empty (required).
    [[nodiscard]] virtual std::vector<YearPoint> increasingPoints(std::string_view field) const = 0;
    /// @brief Optional growth segments {until, rate}, each ending after the previous one and the
    /// first after `after`; empty when absent.
    [[nodiscard]] virtual std::vector<RateSegment> segments(std::string_view field,
                                                            int after) const = 0;
};

/// @brief What a kind's evaluate needs, without the model's internals.
struct SeriesEvalContext {
    const SeriesDef& series;
    const YearRange& years;  ///< the forecast's years: every output has one column per year
    Eigen::Index nPaths;     ///< rows of the results (a kernel may give one row; it is broadcast)
    /// One Paths per assumption, in Scenario::assumptions order; `assumptionIndex` maps ids.
    const std::vector<Paths>& assumptions;
    const std::map<std::string, int, std::less<>>& assumptionIndex;
    /// formula kind only: the compiled expression and the grid of each of its references()
    /// (same order), bound by the model. nullptr / empty for every other kind.
    const formula::Formula* formula = nullptr;
    std::span<const Grid* const> formulaInputs{};

    /// @brief A literal as a one-element Paths, or the referenced assumption's values.
    /// Contract: a reference names an assumption (the model checked it when compiling).
    [[nodiscard]] Paths param(const Param& p) const;
    /// @brief param() of series.params[name]; throws ScenarioError("series.<id>", "a <name> is
    /// required") when the series has no such parameter.
    [[nodiscard]] Paths namedParam(const std::string& name) const;
};

/// @brief One output of a kind: the primary output has the name "".
struct SeriesOutputSpec {
    std::string_view name;
    std::optional<Unit> unit{};  ///< a fixed unit (jevons unit_cost: Unit::Index); empty = the
                                 ///< series' own unit
};

/// @brief Everything particular to one series kind.
struct SeriesKindSpec {
    SeriesKind kind = SeriesKind::Points;
    std::string_view name;                  ///< the file's "kind", e.g. "logistic"
    std::vector<std::string_view> fields;   ///< besides label, unit and kind; canonical order
    std::vector<SeriesOutputSpec> outputs;  ///< primary ("") first
    /// The JSON field that holds SeriesDef::points ("points" or "through"), for error paths.
    std::string_view pointsField = "through";

    /// Reads the kind's fields into `s` (kind, id, label and unit are already set). Throws
    /// ScenarioError with the field's path; messages are part of the file format's contract.
    void (*parse)(const SeriesFieldReader& in, SeriesDef& s) = nullptr;
    /// Computes the outputs into `out` (already outputs.size() grids, whose storage a kernel
    /// may reuse), each nPaths or 1 rows by years.count() columns, in the series' units.
    /// Throws ModelError for inputs the kind cannot use (the model adds the series' path).
    /// Returns true when the kernel has itself checked every output for non-finite values
    /// (the model then skips its own check).
    bool (*evaluate)(const SeriesEvalContext& ctx, std::vector<Grid>& out) = nullptr;
    /// The first year with a value when it is not the forecast's first (cagr without backcast:
    /// its first given year); nullptr or std::nullopt = from the first year (a formula's is its
    /// inputs', worked out by the model).
    std::optional<int> (*firstYear)(const SeriesDef& s) = nullptr;
    /// One plain line in `language` ("en"/"zh"), e.g. "logistic S-curve, ceiling 50%
    /// (asic_share_ceiling), through 2023: 10% and 2028: 25%" / "逻辑斯蒂S曲线，上限 50%
    /// (asic_share_ceiling)，经过 2023: 10% 与 2028: 25%". Assumptions show their base value in
    /// `scenario` and their id.
    std::string (*describe)(const SeriesDef& s, const Scenario& scenario,
                            std::string_view language) = nullptr;
};

/// @brief Every kind, in SeriesKind order (which is also the order messages list them in).
[[nodiscard]] const std::vector<SeriesKindSpec>& seriesKinds();
/// @brief The spec of `kind` (every enumerator has exactly one).
[[nodiscard]] const SeriesKindSpec& seriesKind(SeriesKind kind);
/// @brief The spec whose file name is `name`, or nullptr.
[[nodiscard]] const SeriesKindSpec* findSeriesKind(std::string_view name);
/// @brief seriesKind(s.kind).describe(s, scenario, language).
[[nodiscard]] std::string describeSeries(const SeriesDef& s, const Scenario& scenario,
                                         std::string_view language = "en");

// Words shared by the kinds' describe (series_kinds.cpp).

/// @brief A parameter as text in `unit`: a literal "0.5" (shares and rates "50%"), an
/// assumption "50% (asic_share_ceiling)" with its base value, or just its id when `scenario`
/// has no such assumption.
[[nodiscard]] std::string paramText(const Param& p, Unit unit, const Scenario& scenario);
/// @brief "2023: 10% (asic_share_2023)" for a point in `unit`.
[[nodiscard]] std::string pointText(const YearPoint& p, Unit unit, const Scenario& scenario);

}  // namespace jevons::core
