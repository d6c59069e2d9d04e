#pragma once
// Errors of the uncertainty engine: invalid distribution parameters, an inconsistent correlation
// matrix, a Monte Carlo path the model cannot evaluate. The message is plain English for a
// strategist; uncertainty_json.cpp prefixes the JSON path when the cause is in the file.
// SimulationCancelled is no error of the inputs: a run whose caller no longer wants it.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace jevons::core {

class UncertaintyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// @brief A run refused because it would need more memory than its budget
/// (MonteCarloOptions::memoryBudget): refused before the memory is asked for, so nothing is lost
/// but the run. The message says how much, and what to lower.
class SimulationTooLarge : public UncertaintyError {
public:
    SimulationTooLarge(const std::string& message, std::size_t neededBytes, std::size_t budgetBytes)
        : UncertaintyError(message), needed(neededBytes), budget(budgetBytes) {}
    std::size_t needed;  ///< bytes the run would need (an estimate; at least this much)
    std::size_t budget;  ///< bytes it was allowed
};

/// @brief A run stopped early because its stop token was requested (MonteCarloOptions::stop,
/// Phases::run): its work was cut short, so it has no result.
class SimulationCancelled : public std::runtime_error {
public:
    SimulationCancelled() : std::runtime_error("the simulation was cancelled") {}
};

}  // namespace jevons::core
