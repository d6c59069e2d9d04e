#pragma once
// One Monte Carlo of the dashboard's values, as a value: what it reads is copied (or shared,
// immutable) when it is requested, so it can run on any thread while the document changes.
// UncertaintyEngine runs these on its worker; the command line's pictures run one here and now.
#include "app/uncertainty/uncertainty_result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace jevons::app {

class Document;

/// @brief Everything one simulation reads, copied on the GUI thread when it is requested: the
/// worker touches nothing else (no Document, no Evaluator).
struct SimulationRequest {
    std::shared_ptr<const core::Model> model;
    std::shared_ptr<const core::SamplingPlan> plan;
    std::map<std::string, double> values;  ///< every assumption's current value
    int paths = 0;
    std::uint64_t seed = 0;
    /// Threads of the run (MonteCarloOptions::threads; 0 = the core's choice). The numbers do
    /// not depend on it.
    int threads = 0;
    /// Progress of the run (MonteCarloOptions::progress): called on the worker's threads.
    std::function<void(double)> progress;
    /// Only these series are simulated (MonteCarloOptions::series; empty = every one): those
    /// the charts draw (core::seriesCharted). With `basis`, the run of the same model, plan,
    /// paths and seed with values that differ only in what these series read
    /// (core::seriesAffected), they are merged into it (core::mergeRuns).
    std::vector<int> series;
    UncertaintyResult basis;
    /// Bytes the run may use (MonteCarloOptions::memoryBudget): more is refused with
    /// core::SimulationTooLarge before anything is allocated.
    std::size_t memoryBudget = core::kMemoryBudget;
};

/// @brief The request for `document`'s current values (the active scenario as edited) with the
/// file's seed and `paths` paths (0 = the file's uncertainty.paths), of the series the charts
/// draw. Contract:
/// document.isLoaded(); `model` is (a copy of) document.model() and `plan` was made from
/// document.scenario().
[[nodiscard]] SimulationRequest simulationRequest(const Document& document,
                                                  std::shared_ptr<const core::Model> model,
                                                  std::shared_ptr<const core::SamplingPlan> plan,
                                                  int paths = 0);
/// @brief Run `request` (on any thread). Throws what runMonteCarlo throws; SimulationCancelled
/// when `stop` cut it short.
[[nodiscard]] UncertaintyResult simulate(const SimulationRequest& request,
                                         std::stop_token stop = {});
/// @brief simulate() of `document`'s current values, here and now (the command line's pictures).
[[nodiscard]] UncertaintyResult simulateCurrentValues(const Document& document,
                                                      const core::SamplingPlan& plan,
                                                      int paths = 0);

}  // namespace jevons::app
