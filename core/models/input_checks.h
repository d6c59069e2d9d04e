#pragma once
// Input checks and message formatting shared by the series kinds (core/models/*.cpp). Internal to
// core/models: messages are plain words for a strategist, and ModelError callers (the evaluator,
// tests) match their exact text, so keep each format below byte-for-byte.
#include "core/models/grid.h"
#include "core/text/number_text.h"  // num(): numbers in messages

#include <string>

namespace jevons::core::detail {

/// @brief `fraction` as a percentage: num(fraction * 100) + "%", e.g. "-120%" for -1.2.
[[nodiscard]] std::string pct(double fraction);

/// @brief " (Monte Carlo path <row+1> of <n>)" when n > 1, else "" (0-based `row`).
[[nodiscard]] std::string pathNote(Eigen::Index row, Eigen::Index n);

/// @brief Throws ModelError unless `p` has 1 or `n` values, all finite. Messages:
/// "<what> has <size> values but other inputs have <n> paths: give one value or one per path";
/// "<what> <num(value)> is not a number<pathNote(r, n)>" (first non-finite value).
void checkPaths(const Paths& p, Eigen::Index n, const std::string& what);

/// @brief Throws ModelError if any value of `g` (rows = paths, column 0 = range.first) is not
/// finite, i.e. overflowed: "the <what> becomes too large to represent in <year><pathNote>",
/// scanning year by year, then path by path.
void checkFinite(const Grid& g, const YearRange& range, const std::string& what);

}  // namespace jevons::core::detail
