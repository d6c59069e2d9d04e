#pragma once
// `jevons-cli simulate` and `jevons-cli goal-seek` (issue 5): Monte Carlo percentiles and goal seek
// from the command line (core only, no Qt).
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief `jevons-cli simulate FILE [--paths N] [--seed S] [--series a,b.output] [--year T]
/// [--scenario ID] [--threads N]`: P10, P50, P90 and the mean of each series output per year
/// (all outputs and years unless narrowed), then the P10–P90 CAGR of each chart annotation.
/// `args` is the whole command line (args[1] == "simulate"). Returns 0 on success, 1 if the file
/// or the simulation fails (message on `err`), 2 for a usage error.
int runSimulateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// @brief `jevons-cli goal-seek FILE --set ASSUMPTION --target SERIES --year T --value V
/// [--scenario ID]`: the value of ASSUMPTION (within its min–max) that makes SERIES reach V in
/// year T, the other assumptions as in the scenario. V is in the series' stored unit (a share as
/// a fraction, or with a % sign: 0.3 or 30%). Prints one sentence, then `ASSUMPTION=value` on
/// success. Returns 0 when found, 1 when no value in range reaches V (the sentence says why) or
/// the file fails, 2 for a usage error.
int runGoalSeekCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// @brief `jevons-cli bridge FILE --to SCENARIO [--from SCENARIO] [--series X] [--year T]
/// [--format text|csv|json] [--decimals N] [--lang en|zh] [--ids]`: what moved X in year T from
/// one scenario (base unless given) to the other, one Shapley step per assumption they set
/// differently (core/bridge/). X and T default to the first chart's CAGR arrow. Returns 0, 1
/// when the file or the bridge fails (message naming the file on `err`), 2 for a usage error.
int runBridgeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app

// jevons-cli's main() dispatches with unqualified calls.
using jevons::app::runBridgeCommand;
using jevons::app::runGoalSeekCommand;
using jevons::app::runSimulateCommand;
