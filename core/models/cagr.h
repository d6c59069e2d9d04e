#pragma once
// Series kind "cagr": a value compounding at a constant annual growth rate, piecewise by segment.
#include <vector>

#include "core/models/grid.h"

namespace jevons::core {

/// @brief One growth segment: `rate` applies to each year-on-year step ending in (prev, until].
struct CagrSegment {
    int until = 0;  ///< last calendar year of the segment (inclusive)
    Paths rate;     ///< growth per year as a fraction: 0.454 = +45.4%/yr; must be > -1
};

/// @brief A compounding curve anchored at startValue in startYear.
struct CagrParams {
    int startYear = 0;                  ///< calendar year in which the value equals startValue
    Paths startValue;                   ///< value in startYear, any finite number (output units)
    std::vector<CagrSegment> segments;  ///< at least one; untils strictly increasing, > startYear
};

/// @brief Yearly compounding series (rows = paths, cols = range's years).
///
/// Contract: value(startYear) = startValue; value(y) = value(y - 1) * (1 + rate_i) where segment
/// i is the first with y <= until_i (so segment i covers years (until_{i-1}, until_i], the first
/// segment starting after startYear). The curve is continuous at the joins. After the last
/// `until` the last rate continues; before startYear the curve is back-cast at the first rate.
/// Throws ModelError for no segments, untils not strictly increasing or not after startYear,
/// a rate <= -100%, non-finite inputs, Paths sizes other than 1 or N, or a result too large to
/// represent. An empty range gives 0 columns.
[[nodiscard]] Grid cagrSeries(const YearRange& range, const CagrParams& params);
/// @brief As above, into `out` (resized to paths x years; its storage is reused when it already
/// has that shape). Same values bit for bit. On a throw `out` holds unspecified values.
void cagrSeries(const YearRange& range, const CagrParams& params, Grid& out);

/// @brief Compound annual growth rate from startValue to endValue over `years` years, per path:
/// (end/start)^(1/years) - 1, as a fraction. Throws ModelError unless start > 0, end > 0, years >
/// 0.
[[nodiscard]] Paths cagrBetween(const Paths& startValue, const Paths& endValue, int years);

/// @brief Scalar cagrBetween: 6.6 -> 42.9 over 5 years gives 0.45407 (+45.4%/yr).
[[nodiscard]] double cagrBetween(double startValue, double endValue, int years);

}  // namespace jevons::core
