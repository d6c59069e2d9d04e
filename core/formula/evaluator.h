#pragma once
// Recursive evaluation of a formula's syntax tree over Grids (rows = paths, cols = years).
//
// Every value is kept in its smallest broadcast shape: rows are 1 or the path count and columns
// are 1 or the year count, so `price * 2` on a 1 x 13 price stays 1 x 13. A binary operation
// (and min/max) broadcasts its operands to the larger row count and the larger column count.
// Arithmetic follows IEEE 754: division by zero, 0^-1 or (-8)^(1/3) yield inf or NaN and are not
// caught here (the series evaluator checks every series for non-finite values and names the year).
// min and max propagate NaN.
#include <span>

#include "core/formula/ast.h"
#include "core/models/grid.h"

namespace jevons::core::formula {

/// @brief Value of `root`, where `references[i]` is the value of the name with index i (each with
/// 1 or P rows and 1 or `nYears` columns, P the same for all). The result has 1 or P rows and 1 or
/// `nYears` columns; the caller broadcasts it to the full shape. Precondition: nYears >= 1.
[[nodiscard]] Grid evaluateTree(const Node& root, std::span<const Grid> references, int nYears);
/// @brief As above, with `references[i]` pointing at the value of the name with index i (no copy).
[[nodiscard]] Grid evaluateTree(const Node& root, std::span<const Grid* const> references,
                                int nYears);
/// @brief As above, into `out` (its storage reused when the result has its shape). Contract:
/// `out` is none of `references`. On a throw `out` holds unspecified values.
void evaluateTree(const Node& root, std::span<const Grid* const> references, int nYears, Grid& out);
/// @brief As above, broadcast to the full nPaths x nYears into `out` (its storage reused when it
/// has that shape). Same contract on `out`; every reference has 1 or nPaths rows and 1 or nYears
/// columns.
void evaluateTree(const Node& root, std::span<const Grid* const> references, Eigen::Index nPaths,
                  int nYears, Grid& out);

}  // namespace jevons::core::formula
