#pragma once
// Figures derived from evaluated series: CAGR between two years, the share of one series in
// another.
#include "core/models/grid.h"

namespace jevons::core {

/// @brief CAGR of a yearly row between two years of `range`, as a fraction (0.4541 = 45.41%).
/// Throws ModelError when a year is outside the range, from >= to, a year has no value (NaN), or a
/// value is not positive.
[[nodiscard]] double cagrOver(const Eigen::ArrayXd& row, const YearRange& range, int from, int to);

/// @brief CAGR per path (rows of `grid`) between two years.
[[nodiscard]] Paths cagrOver(const Grid& grid, const YearRange& range, int from, int to);

/// @brief Share of `part` in `whole`, year by year (0 where `whole` is 0).
[[nodiscard]] Eigen::ArrayXd shareOf(const Eigen::ArrayXd& part, const Eigen::ArrayXd& whole);

}  // namespace jevons::core
