#pragma once
// The error every calibration step throws: bad actuals, too little data, a fit that fails.
#include <stdexcept>

namespace jevons::core {

/// @brief Data or a fit a strategist can fix, in plain words: "line 4, column 2: 'abc' is not a
/// number", "a Bass fit needs at least 3 years of sales; 'glasses' has 2".
class CalibrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace jevons::core
