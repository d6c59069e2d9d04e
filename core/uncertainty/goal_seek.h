#pragma once
// Goal seek: "what value of assumption X makes output Y reach V in year T", by Brent's method
// inside the assumption's editing range [min, max].
#include "core/eval/model.h"

#include <functional>
#include <map>
#include <string>

namespace jevons::core {

/// @brief Result of brentRoot.
struct BrentResult {
    double x = 0.0;
    double fx = 0.0;
    int evaluations = 0;
    bool converged = false;  ///< |fx| <= fTolerance or the bracket shrank below xTolerance
};

/// @brief Root of f in [a, b] by Brent's method (inverse quadratic interpolation, secant and
/// bisection; Brent 1973). Contract: fa = f(a), fb = f(b) of opposite signs (or one is 0).
/// Stops when |f(x)| <= fTolerance or the bracket is narrower than xTolerance.
[[nodiscard]] BrentResult brentRoot(const std::function<double(double)>& f, double a, double b,
                                    double fa, double fb, double xTolerance, double fTolerance,
                                    int maxEvaluations = 200);

struct GoalSeekRequest {
    std::string assumption;  ///< X: an assumption id
    std::string target;      ///< Y: "id" or "id.output"
    int year = 0;            ///< T
    double value = 0.0;      ///< V, in Y's unit as stored (shares as fractions)
    /// Values of the other assumptions (e.g. the dashboard's sliders); missing ids take their
    /// value in `scenario`.
    std::map<std::string, double> values;
    std::string scenario = "base";
    double relativeTolerance = 1e-9;  ///< on |Y − V| / max(|V|, tiny)
};

struct GoalSeekResult {
    bool found = false;
    double value = 0.0;     ///< X's value that makes Y reach V (found only)
    double achieved = 0.0;  ///< Y at that value
    int evaluations = 0;
    double lowest = 0.0;   ///< smallest Y seen over X in [min, max] (a 65-point scan + the search)
    double highest = 0.0;  ///< largest Y seen
    /// A plain sentence: "asic_share_2028 = 31.37% makes asic_market reach 60 US$B in 2030" or
    /// "no value of asic_share_2028 between 10% and 45% makes asic_market reach 200 US$B in 2030:
    /// asic_market ranges from 31.2 US$B to 78.4 US$B".
    std::string message;
};

/// @brief Solve for X. When several values reach V the one nearest X's current value wins.
/// Throws UncertaintyError for an unknown assumption or output, or a year out of range; an
/// unreachable target is not an error (found = false, message says why).
[[nodiscard]] GoalSeekResult goalSeek(const Model& model, const GoalSeekRequest& request);

}  // namespace jevons::core
