#pragma once
// The scenario bridge: what moved one output in one year from one scenario to another, one
// step per assumption the two scenarios set differently. The steps are Shapley values over
// those assumptions, so the order in which they are listed or drawn does not change any size,
// an interaction (a product of two changed assumptions) is split fairly between them, and the
// steps add up to the difference of the totals.
#include "core/eval/model.h"

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

/// @brief A bridge cannot be made: an unknown scenario, series or year, a year without a value,
/// or a mix of the two scenarios' values that the model cannot evaluate.
class BridgeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// @brief One changed assumption: its values in the two scenarios (stored units) and its share
/// of the output's change (the output's stored unit).
struct BridgeStep {
    std::string assumption;  ///< assumption id
    double from = 0.0;
    double to = 0.0;
    double delta = 0.0;  ///< Shapley value
    bool operator==(const BridgeStep&) const = default;
};

struct Bridge {
    OutputRef output;
    int year = 0;
    double fromValue = 0.0;  ///< the output in the first scenario (stored unit)
    double toValue = 0.0;    ///< ... in the second
    /// In Scenario::assumptions order (a stable order no override map can shuffle).
    std::vector<BridgeStep> steps;
    bool exact = true;     ///< false: the Shapley values were estimated from sampled orders
    long evaluations = 0;  ///< model evaluations (paths) the bridge took
};

struct BridgeOptions {
    /// Up to this many changed assumptions every subset is evaluated (2^n paths, exact);
    /// beyond, `samples` random orders and their reverses are walked (n + 1 paths each).
    int maxExact = 12;
    int samples = 512;
    std::uint64_t seed = 20250209;  ///< the same seed gives the same estimate on every run
};

/// @brief The bridge of output `ref` in `year` from the assumption values `from` to `to` (ids
/// to stored values; an id missing from either keeps its base value). The steps are the
/// assumptions whose values differ. Exactness: Σ delta = toValue − fromValue up to rounding
/// (sampled estimates too: every sampled order telescopes). Throws BridgeError.
[[nodiscard]] Bridge computeBridge(const Model& model, const std::map<std::string, double>& from,
                                   const std::map<std::string, double>& to, OutputRef ref, int year,
                                   const BridgeOptions& options = {});

/// @brief As above between two scenarios of the model's file by id ("base", "bull", ...).
[[nodiscard]] Bridge computeBridge(const Model& model, std::string_view fromScenario,
                                   std::string_view toScenario, std::string_view output, int year,
                                   const BridgeOptions& options = {});

}  // namespace jevons::core
