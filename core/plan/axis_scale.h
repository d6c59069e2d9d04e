#pragma once
// The one rule for value axes and round steps, used by every chart Jevons draws (dashboard cards,
// tornado, fit dialog, native deck) and by the sliders a fit proposes: steps of 1, 2, 2.5 or 5
// times a power of ten, so that the screen and the slide show the same ticks.

namespace jevons::core {

/// @brief The smallest round number at or above `rough`: 1, 2, 2.5 or 5 × 10^k (0.25, 2, 50,
/// 1000, ...). `rough` <= 0 or not finite gives 1.
[[nodiscard]] double roundStep(double rough);

/// @brief A value axis: ticks at min, min + step, ..., max (all multiples of step).
struct AxisScale {
    double min = 0.0;
    double max = 1.0;
    double step = 0.2;
    int ticks = 6;     ///< including both ends: (max − min) / step + 1
    int decimals = 0;  ///< places that write every tick exactly: 0 for 10, 1 for 2.5, 2 for 0.25
    bool operator==(const AxisScale&) const = default;
};

struct AxisRule {
    /// Fraction of the span added above the data (room for value labels and CAGR arrows).
    double headroom = 0.0;
    /// Fraction of the span added on both sides (room for the end labels of a tornado's bars).
    double margin = 0.0;
    /// Whether the axis always shows zero (columns and areas start at zero; a tornado need not).
    bool includeZero = true;
    /// About how many steps the axis has: the step is roundStep(span / steps).
    int steps = 5;
};

/// @brief The axis that covers [lo, hi] under `rule`. NaN or infinite bounds are read as the
/// empty range [0, 1]; an empty span (lo == hi) gets one unit of room.
[[nodiscard]] AxisScale niceScale(double lo, double hi, const AxisRule& rule = {});

/// @brief A scale of fractions (0..0.5 by 0.1) as percentages (0..50 by 10), for a picture that
/// plots 25 rather than 0.25 for 25%: the same ticks.
[[nodiscard]] AxisScale inPercent(const AxisScale& fractions);

/// @brief A tick interval for integer years so that at most `maxLabels` labels show: 1, 2, 5,
/// 10, 20, 50 or 100.
[[nodiscard]] int yearTickInterval(int firstYear, int lastYear, int maxLabels);

}  // namespace jevons::core
