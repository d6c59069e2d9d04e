#pragma once
// `jevons-cli fit`: calibrate a series kind to actuals from a CSV file (core only, no Qt).
#include <iosfwd>
#include <string>
#include <vector>

namespace jevons::app {

/// @brief Run `jevons-cli fit --kind bass|logistic|gompertz|cagr [--method ols|nls|nls-diff|
/// nls-density] [--timing end|mid] [--ceiling L] [--launch YEAR] [--series NAME] [--format
/// text|json] data.csv`.
///
/// `--timing` (bass nls-density only; default end): end fits S(t) = m f(t), mid m f(t - 1/2),
/// t = 1 in the launch year. Text output names it on a "timing:" line, JSON in "timing" and
/// "convention".
/// `args` is the whole command line (args[0] the program, args[1] "fit"). Prints parameters,
/// standard errors, fit statistics and the fitted values per year to `out`. Returns 0 on
/// success, 1 if the data cannot be read or fitted (message on `err`), 2 for a usage error
/// (message and usage on `err`).
int runFitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jevons::app

// jevons-cli's main() dispatches with an unqualified call.
using jevons::app::runFitCommand;
