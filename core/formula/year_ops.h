#pragma once
// Operations along the year axis of a Grid (columns), vectorised over paths (rows). These back
// the formula functions lag, cumsum and growth. A one-column grid means "the same value every
// year"; each function states how it treats that case.
#include "core/models/grid.h"

namespace jevons::core::formula {

/// @brief Value `years` years earlier: out(:, t) = x(:, t - years). For the first `years`
/// columns, where no earlier value exists, the earliest value x(:, 0) is held. A one-column
/// grid is returned unchanged (a constant lags to itself). Precondition: years >= 0.
[[nodiscard]] Grid lag(const Grid& x, int years);

/// @brief Running sum over years: out(:, t) = x(:, 0) + ... + x(:, t). A one-column grid is first
/// repeated to `nYears` columns (so a constant accumulates); otherwise nYears is ignored. Leading
/// columns with no value (NaN in the first row: years before a series starts) stay NaN and the
/// sum starts at the first column with a value.
[[nodiscard]] Grid cumulativeSum(const Grid& x, int nYears);
/// @brief As above, into `out` (which may be `x` itself; its storage reused when it has the
/// result's shape). Same values bit for bit.
void cumulativeSum(const Grid& x, int nYears, Grid& out);

/// @brief Year-on-year growth as a fraction: out(:, t) = x(:, t) / x(:, t - 1) - 1. Column 0 has
/// no previous year and takes column 1's growth; with a single year the growth is 0. A one-column
/// grid is first repeated to `nYears` columns. A zero previous value gives inf or NaN, which is
/// not caught here.
[[nodiscard]] Grid growth(const Grid& x, int nYears);

}  // namespace jevons::core::formula
