#pragma once
// Tornado chart: for one output in one year, each uncertain assumption swung from its P10 to its
// P90 with every other assumption at its base value; bars sorted by swing, widest first. It
// misses interactions between assumptions (the Monte Carlo bands cover those).
#include "core/eval/model.h"
#include "core/uncertainty/monte_carlo.h"

#include <map>
#include <string>
#include <vector>

namespace jevons::core {

struct TornadoBar {
    int assumption = -1;  ///< index in Scenario::assumptions
    std::string id;
    double lowInput = 0.0;    ///< the assumption's P10 (lowLevel quantile)
    double highInput = 0.0;   ///< its P90 (highLevel quantile)
    double lowOutput = 0.0;   ///< the output with the assumption at lowInput
    double highOutput = 0.0;  ///< … at highInput (may be below lowOutput: a falling effect)
    /// @brief |highOutput − lowOutput|, the bar's length.
    [[nodiscard]] double swing() const { return std::abs(highOutput - lowOutput); }
};

struct Tornado {
    OutputRef output;
    std::string name;  ///< "id" or "id.output"
    Unit unit = Unit::Number;
    int year = 0;
    double base = 0.0;  ///< the output with every assumption at base: the bars' centre line
    double lowLevel = 0.1;
    double highLevel = 0.9;
    std::vector<TornadoBar> bars;  ///< widest first; equal swings keep assumption order
};

/// @brief Tornado for output `ref` ("id" or "id.output") in `year`. `values` overrides base
/// values (e.g. the dashboard's sliders; missing ids take their value in `scenarioId`). One
/// vectorised evaluation of 2k paths for k uncertain assumptions. Throws UncertaintyError for an
/// unknown output or a year out of range, or naming the assumption whose P10 or P90 the model
/// cannot use.
[[nodiscard]] Tornado tornado(const Model& model, const SamplingPlan& plan, std::string_view ref,
                              int year, const std::map<std::string, double>& values = {},
                              std::string_view scenarioId = "base", double lowLevel = 0.1,
                              double highLevel = 0.9);

}  // namespace jevons::core
