#pragma once
// "Nice" value-axis ranges: 0..50 by 10, not 0..47.3.

namespace jevons::app {

struct AxisRange {
    double min = 0.0;
    double max = 1.0;
    double step = 0.2;
    int tickCount = 6;  ///< including both ends
    int decimals = 0;   ///< for tick labels
};

/// @brief A range covering [lo, hi] with 4-6 round steps (1, 2, 2.5, 5 x 10^k); starts at zero
/// for non-negative data; `headroom` (0.2 = 20%) is added above hi for labels and arrows.
[[nodiscard]] AxisRange niceRange(double lo, double hi, double headroom = 0.0);

/// @brief A tick interval for integer years so that at most `maxLabels` labels show.
[[nodiscard]] int yearTickInterval(int firstYear, int lastYear, int maxLabels);

}  // namespace jevons::app
