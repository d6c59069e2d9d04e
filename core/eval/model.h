#pragma once
// A scenario compiled for evaluation: the series graph in topological order, parameters resolved
// to assumption indices, formulas parsed once. Evaluating it is a pure function from assumption
// values (one Paths vector per assumption) to yearly Grids, for one path or for many.
#include "core/formula/formula.h"
#include "core/models/grid.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenario_error.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

/// @brief One output of one series: `series` indexes Scenario::series, `output` its outputs
/// (0 = the primary output, e.g. Bass adoptions; 1 = "cumulative", ...).
struct OutputRef {
    int series = -1;
    int output = 0;
    bool operator==(const OutputRef&) const = default;
};

/// @brief Assumption values, one Paths vector per assumption in Scenario::assumptions order.
using AssumptionValues = std::vector<Paths>;
/// @brief Results: for each series (Scenario::series order), one Grid per output.
using SeriesResults = std::vector<std::vector<Grid>>;

class Model {
public:
    /// @brief Compile `scenario`: resolve every reference, parse formulas, order the graph.
    /// Throws ScenarioError naming the JSON path for an unknown reference, a formula syntax
    /// error, or a cycle (with the chain "a → b → a").
    [[nodiscard]] static Model compile(Scenario scenario);

    [[nodiscard]] const Scenario& scenario() const { return m_scenario; }
    [[nodiscard]] const YearRange& years() const { return m_scenario.years; }
    /// @brief Series indices in evaluation (topological) order.
    [[nodiscard]] const std::vector<int>& order() const { return m_order; }
    /// @brief Series that depend, directly or through other series, on assumption `index`, in
    /// evaluation order.
    [[nodiscard]] const std::vector<int>& dependentsOf(int assumptionIndex) const {
        return m_dependents[static_cast<std::size_t>(assumptionIndex)];
    }
    /// @brief The first year column (0-based) in which series `index` has a value: the years
    /// before it have none ("missing": NaN in every output, on every path). 0 for most series; a
    /// cagr series without `backcast` starts at its first given year; a formula has a value
    /// where its inputs have one (Formula::firstValueColumn). years().count() if it has none.
    /// Missing years are a property of the definitions, never of assumption values.
    [[nodiscard]] int firstValueColumn(int seriesIndex) const {
        return m_firstValue[static_cast<std::size_t>(seriesIndex)];
    }
    /// @brief Whether output `ref` has a value in `year` (in range and not before its start).
    [[nodiscard]] bool hasValue(OutputRef ref, int year) const {
        return years().contains(year) && years().column(year) >= firstValueColumn(ref.series);
    }

    /// @brief -1 when unknown.
    [[nodiscard]] int assumptionIndex(std::string_view id) const;
    /// @brief -1 when unknown.
    [[nodiscard]] int seriesIndex(std::string_view id) const;
    /// @brief Output names of a series kind (its spec in core/series/): {"" } or {"",
    /// "cumulative"} or {"", "unit_cost", "spend"}.
    [[nodiscard]] static std::vector<std::string> outputNames(SeriesKind kind);
    /// @brief outputNames(kind).size(), without building the names.
    [[nodiscard]] static std::size_t outputCount(SeriesKind kind);
    /// @brief Resolve "id" or "id.output"; std::nullopt when unknown.
    [[nodiscard]] std::optional<OutputRef> resolve(std::string_view ref) const;
    /// @brief "id" or "id.output" for a ref.
    [[nodiscard]] std::string refName(OutputRef ref) const;
    /// @brief Unit of a series output (Bass outputs and Jevons demand share their series' unit;
    /// Jevons unit_cost is an index and spend is in the series' unit).
    [[nodiscard]] Unit unitOf(OutputRef ref) const;

    /// @brief Base values of the assumptions with `scenarioId`'s overrides, as one-path vectors.
    [[nodiscard]] AssumptionValues assumptionValues(std::string_view scenarioId = "base") const;
    /// @brief One-path vectors from explicit values (missing ids keep their base value).
    [[nodiscard]] AssumptionValues assumptionValues(
        const std::map<std::string, double>& values) const;

    /// @brief Evaluate series `index` given assumption values and the results of the series it
    /// depends on (already present in `results`). Returns one Grid (nPaths x years) per output.
    /// Years before firstValueColumn(index) are NaN ("no value"). Throws ScenarioError
    /// ("series.<id>…: …") for inputs the kind cannot use and for any non-finite value in a year
    /// that has a value, naming the year that produced it.
    [[nodiscard]] std::vector<Grid> evaluateSeries(int index, const AssumptionValues& assumptions,
                                                   const SeriesResults& results,
                                                   Eigen::Index nPaths) const;
    /// @brief Evaluate every series in order. `nPaths` is the row count of every result.
    [[nodiscard]] SeriesResults evaluateAll(const AssumptionValues& assumptions,
                                            Eigen::Index nPaths = 1) const;
    /// @brief As above, into `out`: the same values bit for bit, reusing out's grids (no
    /// allocation for a grid that already has its shape, e.g. on the next chunk of as many
    /// paths). For Monte Carlo chunks. On a throw (the same ScenarioError) `out` holds
    /// unspecified values: keep a copy if they matter.
    void evaluateAll(const AssumptionValues& assumptions, Eigen::Index nPaths,
                     SeriesResults& out) const;

    /// @brief `series` (indices) and every series they read, directly or not, in evaluation
    /// order: what evaluateOnly() needs to give `series` their values.
    [[nodiscard]] std::vector<int> orderFor(const std::vector<int>& series) const;
    /// @brief As evaluateAll(assumptions, nPaths, out), but only the series of `order` (a
    /// subsequence of order() closed under reading, e.g. orderFor()): the other entries of `out`
    /// are left as they were. Same values, bit for bit, for the series evaluated.
    /// `evaluated`, when given, is called with each series' index once its grids are in `out`
    /// (while they are still in cache: a large model's grids of one chunk are not).
    void evaluateOnly(const std::vector<int>& order, const AssumptionValues& assumptions,
                      Eigen::Index nPaths, SeriesResults& out,
                      const std::function<void(int)>& evaluated = {}) const;

private:
    struct Compiled {
        std::vector<int> seriesDeps;      ///< series this one reads (indices)
        std::vector<int> assumptionDeps;  ///< assumptions this one reads (indices)
        std::optional<formula::Formula> formula;
        /// The formula's references split in two, each list in references() order (as
        /// bindFormulaInputs walks them).
        std::vector<std::pair<std::string, OutputRef>> formulaSeries;  ///< name -> output
        std::vector<std::pair<std::string, int>> formulaAssumptions;   ///< name -> assumption
    };
    Model() = default;
    void evaluateSeriesInto(int index, const AssumptionValues& assumptions,
                            const SeriesResults& results, Eigen::Index nPaths,
                            std::vector<Grid>& out) const;
    /// A formula's inputs, one per references() entry: its series' grids in `results`, its
    /// assumptions copied into `assumptionGrids` (one column each). Throws ModelError for a name
    /// that was not bound at compile time.
    static void bindFormulaInputs(const Compiled& c, const AssumptionValues& a,
                                  const SeriesResults& results, std::vector<Grid>& assumptionGrids,
                                  std::vector<const Grid*>& values);

    Scenario m_scenario;
    std::vector<Compiled> m_compiled;
    std::vector<int> m_order;
    std::vector<int> m_firstValue;  ///< per series: firstValueColumn
    std::vector<std::vector<int>> m_dependents;
    std::map<std::string, int, std::less<>> m_assumptionIndex;
    std::map<std::string, int, std::less<>> m_seriesIndex;
};

/// @brief How far a value may pass its unit's bounds (absolute, in the unit's own scale) and
/// still be accepted: a share computed as 0.5 * 2 may land a hair above 1.
inline constexpr double kDomainTolerance = 1e-9;

/// @brief The one domain check: path 0 of every output of series `seriesIndex` (`outputs`, as
/// Model::evaluateSeries returns them) against its unit's bounds (Model::unitOf; no negative
/// market, no share above 100%), within kDomainTolerance. NaN (a year without a value) passes.
/// Throws ScenarioError at "series.<id>[.<output>]": "the 2028 value 1.2<context> is above 1,
/// impossible for a share series", where `context` is e.g. " in the bull scenario" or empty.
void checkDomain(const Model& model, int seriesIndex, const std::vector<Grid>& outputs,
                 std::string_view context = {});

/// @brief Compile and evaluate the base case and every named scenario once; check every output
/// of every series with checkDomain. Throws ScenarioError.
void validateModel(const Scenario& scenario);

}  // namespace jevons::core
