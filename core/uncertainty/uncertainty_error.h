#pragma once
// Errors of the uncertainty engine: invalid distribution parameters, an inconsistent correlation
// matrix, a Monte Carlo path the model cannot evaluate. The message is plain English for a
// strategist; scenario_json.cpp prefixes the JSON path when the cause is in the file.
#include <stdexcept>

namespace jevons::core {

class UncertaintyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace jevons::core
