#include "app/uncertainty/simulation.h"

#include "app/document/document.h"

namespace jevons::app {

SimulationRequest simulationRequest(const Document& document,
                                    std::shared_ptr<const core::Model> model,
                                    std::shared_ptr<const core::SamplingPlan> plan, int paths) {
    const core::UncertaintySettings settings =
        document.scenario().uncertainty.value_or(core::UncertaintySettings{});
    SimulationRequest request;
    request.model = std::move(model);
    request.plan = std::move(plan);
    // Every current value (the active scenario as edited); uncertain ones are sampled.
    request.values = document.evaluator().assumptionValues();
    request.paths = paths > 0 ? paths : settings.paths;
    request.seed = settings.seed;
    // Only the series the charts draw (every view of the bands draws a chart).
    request.series = core::seriesCharted(*request.model);
    if (request.series.size() == document.scenario().series.size()) request.series.clear();
    return request;
}

UncertaintyResult simulate(const SimulationRequest& request, std::stop_token stop) {
    core::MonteCarloOptions options;
    options.values = request.values;
    options.scenario = "base";
    options.paths = request.paths;
    options.seed = request.seed;
    options.threads = request.threads;
    options.progress = request.progress;
    options.stop = std::move(stop);
    options.series = request.series;
    options.memoryBudget = request.memoryBudget;
    core::MonteCarloResult run = core::runMonteCarlo(*request.model, *request.plan, options);
    if (request.basis) run = core::mergeRuns(*request.basis, run);
    return std::make_shared<const core::MonteCarloResult>(std::move(run));
}

UncertaintyResult simulateCurrentValues(const Document& document, const core::SamplingPlan& plan,
                                        int paths) {
    // Run here, while the document lives: the request may borrow its model and the plan.
    return simulate(simulationRequest(
        document, std::shared_ptr<const core::Model>(std::shared_ptr<void>(), &document.model()),
        std::shared_ptr<const core::SamplingPlan>(std::shared_ptr<void>(), &plan), paths));
}

}  // namespace jevons::app
