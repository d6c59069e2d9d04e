#pragma once
// Native deck charts of the Monte Carlo: a fan per line chart (P10–P90 and P25–P75 bands around
// the median), a tornado (each uncertain assumption swung P10→P90) and a histogram of one output
// in one year. Values in display units like every other slide (shares as fractions under "0.0%").
#include "core/plan/chart_plan.h"
#include "core/uncertainty/histogram.h"
#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/tornado.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::deck {

/// @brief The fan of series output `ref` over `chart`'s years: series P10 (unfilled base), then
/// the increments P25−P10, P75−P25, P90−P75 (stacked, so the visible areas are the bands), then
/// the median P50 as a line; bandSeries = 4. CAGR marks of `chart` on `ref` read the P10–P90
/// range of per-path CAGRs ("CAGR 38–52%"); the note states the convention, paths and seed.
/// Throws DeckError naming the chart for an unknown series, years out of range or a series
/// without bands in `result`.
[[nodiscard]] ChartPlan fanSlideFor(const Model& model, const MonteCarloResult& result,
                                    const ChartDef& chart, std::string_view ref,
                                    std::string_view language, const std::string& scenarioLabel,
                                    const DisplayChoice& units = {});

/// @brief Whether output `ref` has bands in `result` that are not a single line (P90 > P10 in
/// some year of `chart`).
[[nodiscard]] bool hasBands(const Model& model, const MonteCarloResult& result,
                            const ChartDef& chart, std::string_view ref);

/// @brief The tornado as a horizontal bar chart: one category per bar in `tornado`'s order
/// (widest first), labelled "ASIC share 2028: 20.9%–31.8%" (the assumption's label and its P10
/// and P90 inputs); series 0 = the output at the low input, series 1 = at the high input; bars
/// start at crossesAt = the base value. Assumptions that do not move the output (swing below
/// 1e-9 of the base) get no bar; the note counts them. Throws DeckError when no bar is left.
[[nodiscard]] ChartPlan tornadoSlide(const Model& model, const Tornado& tornado,
                                     std::string_view language, const std::string& scenarioLabel,
                                     const DisplayChoice& units = {});

/// @brief The histogram of output `ref` in `year` from the raw paths `result` kept for it
/// (MonteCarloOptions::keep), in `bins` bins (0 = Freedman–Diaconis): categories are the bins'
/// centres, the one series counts paths; the note gives P10, P50, P90 and the mean. Throws
/// DeckError when the paths were not kept or the year is out of range.
[[nodiscard]] ChartPlan histogramSlide(const Model& model, const MonteCarloResult& result,
                                       std::string_view ref, int year, std::string_view language,
                                       const std::string& scenarioLabel, int bins = 24,
                                       const DisplayChoice& units = {});

/// @brief The histogram of a kept output in one year (the paths of column `year`). Throws
/// DeckError as histogramSlide.
[[nodiscard]] Histogram histogramOf(const Model& model, const MonteCarloResult& result,
                                    std::string_view ref, int year, int bins = 24);

/// @brief What the deck's uncertainty slides show (DeckOptions::uncertainty).
struct UncertaintySlideOptions {
    /// "id" or "id.output"; empty = the forecast's focus (Scenario::focus), in its chart's
    /// last year (year 0); the histogram in the year its CAGR arrow ends.
    std::string tornadoOutput{};
    int tornadoYear = 0;
    std::string histogramOutput{};
    int histogramYear = 0;
    int paths = 0;                      ///< 0 = the file's uncertainty.paths
    std::optional<std::uint64_t> seed;  ///< empty = the file's seed
    /// The scenario whose distributions and correlations are sampled (the dashboard's, as
    /// edited); null = the evaluator's model's. Its assumptions are the model's, in order.
    const Scenario* distributions = nullptr;
};

/// @brief The uncertainty slides of the evaluator's current values (the fixed assumptions at
/// their current values, the uncertain ones sampled): a fan for every line chart among
/// `charts` whose series have bands, then the tornado, then the histogram. Empty when no
/// assumption has a distribution. Throws DeckError naming the output or year that cannot be
/// used, or the Monte Carlo's message.
[[nodiscard]] std::vector<ChartPlan> uncertaintySlides(
    const Evaluator& evaluator, const std::vector<const ChartDef*>& charts,
    const UncertaintySlideOptions& options, std::string_view scenarioId, std::string_view language,
    const std::string& scenarioLabel, const DisplayChoice& units = {});

}  // namespace jevons::core::deck
