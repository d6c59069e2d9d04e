#pragma once
// What both ways of running a simulation share (internal to core/uncertainty): the outputs that
// get bands, the chart CAGR rate columns, the kept grids, the fixed inputs, the series to evaluate,
// and how a chunk the model rejects is explained. monte_carlo.cpp keeps every path of a run that
// fits kStoredRunBytes; streaming_run.cpp re-evaluates the paths of a larger one in passes.
#include "core/uncertainty/monte_carlo.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace jevons::core {

/// @brief Paths evaluated per Model call: a chunk's grids stay in cache. Chunks cut [0, N) at
/// multiples of it (changing it could change the last bits of some paths: Eigen's vectorised and
/// scalar exp differ in rounding; and the mean's order of addition).
inline constexpr Eigen::Index kChunkPaths = 256;

/// @brief Why a chart CAGR has no range when some path is not positive in its years.
inline std::string cagrSignProblem(int from, int to) {
    return "some paths are not positive in " + std::to_string(from) + " or " + std::to_string(to) +
           ", so their CAGR is undefined";
}

/// @brief The CAGR over `years` years of a path whose end/start ratio is `ratio`: non-decreasing
/// in the ratio, so the CAGR percentiles are this of the ratio's order statistics.
inline double cagrOfRatio(double ratio, double years) { return std::pow(ratio, 1.0 / years) - 1.0; }

struct RunSetup {
    // A chart CAGR annotation whose years are in order and range: a per-path end/start column.
    struct RateColumn {
        std::size_t range;      // in result.cagr
        std::size_t output;     // in refs
        Eigen::Index from, to;  // year columns
        double years;           // to − from
    };
    std::vector<OutputRef> refs;           // the outputs with bands (result.outputs order)
    std::vector<RateColumn> rates;         // chart CAGRs of those outputs
    std::vector<std::size_t> keptOutputs;  // in refs, parallel to result.kept
    std::vector<int> order;                // the series to evaluate, in evaluation order
    AssumptionValues base;                 // fixed inputs (the uncertain ones are sampled)
    std::vector<int> firstColumn;          // per output in refs: its first year with a value
    // The sampling units (SamplingPlan) read by the series of `order`, in reverse unit order
    // (the copula's first: the costliest starts first), and per uncertain input whether it is
    // sampled: the others are not drawn at all (a path's draws do not depend on them).
    std::vector<std::size_t> units;
    std::vector<char> sampled;

    [[nodiscard]] std::size_t years() const { return m_years; }
    /// @brief Band columns: (output, year) in refs order, then year.
    [[nodiscard]] std::size_t columns() const { return refs.size() * m_years; }
    /// @brief Whether band column `column` has no value on any path (before its series starts).
    [[nodiscard]] bool missing(std::size_t column) const {
        return static_cast<int>(column % m_years) < firstColumn[column / m_years];
    }
    /// @brief Output k of refs in an evaluation's results.
    [[nodiscard]] const Grid& gridOf(const SeriesResults& out, std::size_t k) const {
        return out[static_cast<std::size_t>(refs[k].series)]
                  [static_cast<std::size_t>(refs[k].output)];
    }
    std::size_t m_years = 0;
};

/// @brief Fills `result`'s paths, seed, years, outputs (names, units, empty bands), cagr ranges
/// and kept grids, and returns the rest. Throws ScenarioError for an unknown scenario id.
[[nodiscard]] RunSetup prepareRun(const Model& model, const SamplingPlan& plan,
                                  const MonteCarloOptions& options, MonteCarloResult& result);

/// @brief Evaluates `order` on the chunk's inputs into `out`; when the model rejects them, finds
/// the first path it rejects and throws UncertaintyError with its drawn inputs. `first` is the
/// chunk's first path, `sampled(k, r)` the value of uncertain input k on the chunk's row r (only
/// asked for the inputs setup.sampled marks).
template <typename Sampled>
void evaluateChunk(const Model& model, const SamplingPlan& plan, const RunSetup& setup,
                   const MonteCarloResult& result, const AssumptionValues& chunk,
                   Eigen::Index first, Eigen::Index rows, SeriesResults& out, Sampled sampled);

/// @brief The error for path `path` (0-based), or nothing if the model takes that path alone.
/// `drawn` is NaN for an input that was not sampled (the series asked for do not read it).
void explainRejectedPath(const Model& model, const SamplingPlan& plan, const RunSetup& setup,
                         const MonteCarloResult& result, std::size_t path,
                         const std::vector<double>& drawn);

template <typename Sampled>
void evaluateChunk(const Model& model, const SamplingPlan& plan, const RunSetup& setup,
                   const MonteCarloResult& result, const AssumptionValues& chunk,
                   Eigen::Index first, Eigen::Index rows, SeriesResults& out, Sampled sampled) {
    try {
        model.evaluateOnly(setup.order, chunk, rows, out);
    } catch (const ScenarioError&) {
        for (Eigen::Index r = 0; r < rows; ++r) {
            std::vector<double> drawn(plan.uncertain().size(),
                                      std::numeric_limits<double>::quiet_NaN());
            for (std::size_t k = 0; k < drawn.size(); ++k)
                if (setup.sampled[k]) drawn[k] = sampled(k, r);
            explainRejectedPath(model, plan, setup, result, static_cast<std::size_t>(first + r),
                                drawn);
        }
        throw;
    }
}

/// @brief Runs the simulation set up in `setup` in passes over re-evaluated paths
/// (StreamingBands), filling result's bands, CAGR ranges and kept grids. Its bands' arrays may
/// take up to `bandsBudget` bytes in any pass (more: SimulationTooLarge before allocating).
void runStreaming(const Model& model, const SamplingPlan& plan, const MonteCarloOptions& options,
                  const RunSetup& setup, MonteCarloResult& result, int threads,
                  std::size_t bandsBudget);

/// @brief Most groups of chunks a streamed run adds in, each one task (sums are added per group,
/// in group order: the mean does not depend on the threads), so the sums take 64 doubles a
/// column.
inline constexpr std::size_t kStreamingGroups = 64;

/// @brief Groups of a streamed run of n paths: kStreamingGroups at most, of equal chunk counts.
[[nodiscard]] inline std::size_t streamingGroups(std::size_t n) {
    const std::size_t chunks =
        (n + static_cast<std::size_t>(kChunkPaths) - 1) / static_cast<std::size_t>(kChunkPaths);
    const std::size_t perGroup = (chunks + kStreamingGroups - 1) / kStreamingGroups;
    return (chunks + perGroup - 1) / perGroup;
}

}  // namespace jevons::core
