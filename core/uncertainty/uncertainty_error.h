#pragma once
// Errors of the uncertainty engine: invalid distribution parameters, an inconsistent correlation
// matrix, a Monte Carlo path the model cannot evaluate. The message is plain English for a
// strategist; uncertainty_json.cpp prefixes the JSON path when the cause is in the file.
// SimulationCancelled is no error of the inputs: a run whose caller no longer wants it.
#include <stdexcept>

namespace jevons::core {

class UncertaintyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// @brief A run stopped early because its stop token was requested (MonteCarloOptions::stop,
/// Phases::run): its work was cut short, so it has no result.
class SimulationCancelled : public std::runtime_error {
public:
    SimulationCancelled() : std::runtime_error("the simulation was cancelled") {}
};

}  // namespace jevons::core
