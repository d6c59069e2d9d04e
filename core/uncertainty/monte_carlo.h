#pragma once
// Monte Carlo over the model graph: every uncertain assumption sampled on N paths, the whole
// graph evaluated vectorised over paths (Model::evaluateAll on blocks of paths), then per-year
// percentile bands of every series output.
//
// Determinism: paths are cut into blocks of kBlockPaths; block b's draws for uncertain assumption
// j come from their own stream (counter-based SplitMix64) keyed by (seed, b, j). So the same seed
// gives byte-identical results on every run whatever the number of threads, and path p's inputs do
// not depend on N (the first 10,000 paths of a 100,000-path run are the 10,000-path run).
#include "core/eval/model.h"
#include "core/uncertainty/correlation.h"
#include "core/uncertainty/distribution.h"
#include "core/uncertainty/percentiles.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace jevons::core {

/// @brief The most memory a run keeps its paths in: a run whose paths × (inputs + outputs ×
/// years) values take more streams its bands instead (StreamingBands: two or three passes over
/// re-evaluated paths, memory by outputs × years rather than by paths). Same percentiles either
/// way; the mean may differ in the last bits.
inline constexpr std::size_t kStoredRunBytes = std::size_t{256} << 20;

/// @brief The memory a run may use unless told otherwise (MonteCarloOptions::memoryBudget):
/// 2 GiB. A run estimated to need more is refused before it allocates (SimulationTooLarge).
inline constexpr std::size_t kMemoryBudget = std::size_t{2} << 30;

/// @brief Paths per sampling block (fixed: changing it changes the numbers a seed gives).
inline constexpr Eigen::Index kBlockPaths = 4096;

/// @brief The sampling side of a scenario, compiled once: the uncertain assumptions, their
/// distributions and the copula of their rank correlations. Cheap to keep; rebuild it when a
/// distribution or correlation changes (PERT tables cost ~1 ms to build).
class SamplingPlan {
public:
    /// @brief Throws UncertaintyError naming the assumption ("asic_share_2028: p5 0.35 must be
    /// below p95 0.2") or the correlations that cannot hold together.
    [[nodiscard]] static SamplingPlan make(const Scenario& scenario);

    /// @brief Indices (Scenario::assumptions order) of the assumptions with a distribution.
    [[nodiscard]] const std::vector<int>& uncertain() const { return m_uncertain; }
    [[nodiscard]] const std::vector<Distribution>& distributions() const { return m_distributions; }
    /// @brief The distribution of assumption `index`, or nullptr when it is fixed.
    [[nodiscard]] const Distribution* distributionOf(int assumptionIndex) const;
    [[nodiscard]] bool empty() const { return m_uncertain.empty(); }

    /// @brief Sample paths [first, first + n) into `values` (one Paths of size n per uncertain
    /// assumption; fixed assumptions are left untouched). Path p's values depend only on (seed,
    /// p). Contract: values.size() == number of assumptions; [first, first + n) lies inside one
    /// block (first / kBlockPaths == (first + n − 1) / kBlockPaths); fastest when first is a
    /// block's start.
    void sample(std::uint64_t seed, Eigen::Index first, Eigen::Index n,
                AssumptionValues& values) const;

    /// @brief Sampling splits into independent units, to run in parallel: each uncorrelated
    /// uncertain assumption is one unit, the copula's members together are one more.
    [[nodiscard]] std::size_t unitCount() const { return m_units.size(); }
    /// @brief The members of unit `unit` (positions in uncertain()).
    [[nodiscard]] const std::vector<int>& unitMembers(std::size_t unit) const {
        return m_units[unit];
    }
    /// @brief Sample unit `unit` (< unitCount()) of paths [first, first + n): for each uncertain
    /// assumption k of the unit (k indexes uncertain()), n values into columns[k]; other columns
    /// are not touched. sample() is every unit in turn (same values, bit for bit); same contract
    /// on [first, first + n).
    void sampleUnit(std::uint64_t seed, Eigen::Index first, Eigen::Index n, std::size_t unit,
                    std::span<double* const> columns) const;

private:
    std::vector<int> m_uncertain;
    std::vector<std::vector<int>> m_units;      // positions in m_uncertain; the copula's last
    std::vector<Distribution> m_distributions;  // parallel to m_uncertain
    std::vector<std::uint64_t> m_streams;       // parallel to m_uncertain: hash of the id
    std::vector<int> m_correlated;              // positions in m_uncertain of copula members
    std::optional<Copula> m_copula;
};

/// @brief Per-year percentile bands of one series output, ready to draw: element i of each
/// array is year years.first + i. A fan chart fills P10–P90 and P25–P75 around P50. A year in
/// which the series has no value (Model::hasValue) is NaN in every array: no band there.
struct OutputBands {
    OutputRef ref;
    std::string name;  ///< "id" or "id.output"
    Unit unit = Unit::Number;
    std::vector<double> p10, p25, p50, p75, p90, mean;
    /// @brief The summary of one year. Contract: 0 <= column < p50.size().
    [[nodiscard]] Percentiles at(std::size_t column) const {
        return {p10[column], p25[column], p50[column], p75[column], p90[column], mean[column]};
    }
};

/// @brief "1.5 GiB", "640 MiB": a byte count in a message (binary units, 3 significant digits).
[[nodiscard]] std::string byteText(std::size_t bytes);

/// @brief Per-path CAGR of a series between two years: a chart's "CAGR 38–52%" (P10–P90).
struct CagrRange {
    std::string series;  ///< "id" or "id.output"
    int from = 0;
    int to = 0;
    BandPercentiles cagr;  ///< of the per-path CAGRs, fractions (0.45 = 45%)
    std::string
        problem;  ///< non-empty when some path is not positive in from or to (then cagr is 0)
};

struct MonteCarloOptions {
    int paths = 0;                      ///< 0 = the file's uncertainty.paths (default 10,000)
    std::optional<std::uint64_t> seed;  ///< empty = the file's uncertainty.seed
    /// Values of the fixed (not uncertain) assumptions, e.g. the dashboard's current slider
    /// values; ids missing here take their value in `scenario`.
    std::map<std::string, double> values;
    std::string scenario = "base";
    int threads = 0;              ///< 0 = every core the machine has; 1 = this thread
    std::vector<OutputRef> keep;  ///< outputs whose raw paths × years Grid is kept
    bool chartCagrs = true;       ///< compute a CagrRange for every chart CAGR annotation
    /// Series (Scenario::series indices) whose outputs get bands: only they and the series they
    /// read are evaluated. Empty = every series. Draws do not depend on it, so a series' bands
    /// are the same whichever others are asked for.
    std::vector<int> series;
    /// A run needing more memory than this streams its bands (kStoredRunBytes); 0 = always.
    std::size_t maxStoredBytes = kStoredRunBytes;
    /// Bytes the run may use (its paths or bands, the evaluation's working grids, the kept
    /// grids, the result). Estimated before anything is allocated, and again before a streamed
    /// pass sizes what it collects: over the budget, the run throws SimulationTooLarge.
    std::size_t memoryBudget = kMemoryBudget;
    /// Called with the fraction of the run done (0–1], from the worker that finished a piece of
    /// it (any thread), at most once per chunk of paths; must be cheap and thread-safe.
    std::function<void(double)> progress;
    /// Requested = the caller no longer wants this run (a newer edit superseded it): it stops
    /// within one block or chunk of paths and runMonteCarlo throws SimulationCancelled. A run
    /// that is not stopped gives the same numbers as one without a token.
    std::stop_token stop;
};

struct MonteCarloResult {
    int paths = 0;
    std::uint64_t seed = 0;
    YearRange years;
    /// Passes over the paths: 1 when they were kept, 2 or 3 when the bands streamed.
    int passes = 1;
    /// Every output of every series asked for (MonteCarloOptions::series): Scenario::series
    /// order, then output order (primary first).
    std::vector<OutputBands> outputs;
    /// One per distinct chart CAGR annotation, in chart order.
    std::vector<CagrRange> cagr;
    /// The raw paths × years Grids of MonteCarloOptions::keep (for histograms).
    std::vector<std::pair<OutputRef, Grid>> kept;

    [[nodiscard]] const OutputBands* bands(OutputRef ref) const;
    /// @brief Raw paths of a kept output, or nullptr.
    [[nodiscard]] const Grid* grid(OutputRef ref) const;
    [[nodiscard]] const CagrRange* cagrRange(std::string_view series, int from, int to) const;
};

/// @brief Run the simulation. Throws UncertaintyError when a sampled path has inputs the model
/// cannot use (naming the path, its sampled values and the model's message), ScenarioError
/// for an unknown scenario id, and SimulationCancelled when options.stop cut it short.
[[nodiscard]] MonteCarloResult runMonteCarlo(const Model& model, const SamplingPlan& plan,
                                             const MonteCarloOptions& options = {});
/// @brief As above, compiling the plan from the model's scenario.
[[nodiscard]] MonteCarloResult runMonteCarlo(const Model& model,
                                             const MonteCarloOptions& options = {});

/// @brief The series (ascending Scenario::series indices) whose bands can differ between a run
/// with the fixed values `before` and one with `after` (MonteCarloOptions::values; every id in
/// either): those that read, directly or through other series, an assumption whose value differs
/// or is in one map only. The other series' bands are the same in both runs (same draws, same
/// inputs), so a run of only these series (MonteCarloOptions::series) merged into the run with
/// `before` (mergeRuns) is the run with `after`.
[[nodiscard]] std::vector<int> seriesAffected(const Model& model,
                                              const std::map<std::string, double>& before,
                                              const std::map<std::string, double>& after);

/// @brief The series (ascending Scenario::series indices) whose bands or CAGR ranges the
/// scenario's charts draw: their series, secondary series and CAGR annotations (refs that do
/// not resolve are left out). Every other series is simulated only when asked for.
[[nodiscard]] std::vector<int> seriesCharted(const Model& model);

/// @brief `whole` with the output bands, CAGR ranges and kept grids that `part` has put in
/// place of its own. Contract: the same model, plan, paths, seed and years, and part's series
/// include every series whose bands differ between the two runs (seriesAffected).
[[nodiscard]] MonteCarloResult mergeRuns(MonteCarloResult whole, const MonteCarloResult& part);

/// @brief Per-path CAGR percentiles of a raw Grid between two years (ModelError if a year is out
/// of range or a value is not positive).
[[nodiscard]] BandPercentiles cagrPercentiles(const Grid& grid, const YearRange& years, int from,
                                              int to);

}  // namespace jevons::core
