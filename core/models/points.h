#pragma once
// Series kind "points": a curve drawn through a few given (year, value) points.
#include <vector>

#include "core/models/grid.h"

namespace jevons::core {

/// @brief How a points series fills the years between two given points.
enum class Interpolation {
    Linear,     ///< straight line between the two values
    LogLinear,  ///< geometric (constant growth rate) between the two values; values must be > 0
};

/// @brief A curve through given points: values[i] is the value in years[i], per path.
struct PointsParams {
    std::vector<int> years;     ///< calendar years, strictly increasing, at least one
    std::vector<Paths> values;  ///< one Paths per year (each of size 1 or N), same units as output
    Interpolation interpolation = Interpolation::Linear;  ///< rule between consecutive points
};

/// @brief Yearly series through the given points (rows = paths, cols = range's years).
///
/// Contract: between two given years the value is interpolated (linearly, or geometrically for
/// LogLinear); before the first given year the first value is held flat, after the last given
/// year the last value is held flat (no extrapolation of the trend). A single point gives a flat
/// line. Throws ModelError if there are no points, if years and values differ in count, if the
/// years are not strictly increasing, if a value is not finite, if LogLinear meets a value <= 0,
/// or if Paths sizes are neither 1 nor the common path count. An empty range gives 0 columns.
[[nodiscard]] Grid pointsSeries(const YearRange& range, const PointsParams& params);

}  // namespace jevons::core
