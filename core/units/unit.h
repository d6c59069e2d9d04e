#pragma once
// Units of stored values and of displayed values.
//
// A file stores every value in its series' or assumption's `Unit` (shares and rates as fractions:
// 0.25 = 25%). Display units rescale for a reader: 1 US$B = 1,000 US$M = 10 亿美元;
// 1 M units = 100 万台; a share 0.25 shows as "25%".
#include <optional>
#include <string>
#include <string_view>

namespace jevons::core {

enum class Unit {
    Number,        ///< "number": a plain quantity
    UsdBillion,    ///< "US$B"
    UsdMillion,    ///< "US$M"
    MillionUnits,  ///< "M units": device shipments, users
    Share,         ///< "share": a fraction in [0, 1]
    Rate,          ///< "rate": a growth rate per year as a fraction, > -1
    Year,          ///< "year": a calendar year
    Multiple,      ///< "x": a dimensionless factor such as an elasticity
    Index,         ///< "index": relative to a base of 1 (or 100)
};

/// @brief What kind of quantity a unit measures; display units convert within a dimension.
enum class Dimension { Money, Volume, Fraction, Time, Pure };

/// @brief The token written in scenario files ("US$B", "M units", "share", ...).
[[nodiscard]] std::string_view unitToken(Unit unit);
/// @brief Parse a file token; std::nullopt when unknown.
[[nodiscard]] std::optional<Unit> unitFromToken(std::string_view token);
/// @brief All file tokens, comma-separated, for error messages.
[[nodiscard]] std::string knownUnitTokens();
[[nodiscard]] Dimension dimensionOf(Unit unit);

/// @brief Can a value of this unit be negative? (money and volumes cannot; rates down to -100%.)
/// Returns the smallest valid value, or -infinity.
[[nodiscard]] double lowerBound(Unit unit);
/// @brief Largest valid value (1 for a share), or +infinity.
[[nodiscard]] double upperBound(Unit unit);

/// @brief Units a reader may choose for display.
enum class DisplayUnit {
    UsdBillion,         ///< US$B
    UsdMillion,         ///< US$M
    UsdHundredMillion,  ///< 亿美元 (US$100M)
    RmbHundredMillion,  ///< 亿元 (RMB 100M), needs an exchange rate
    MillionUnits,       ///< M units
    TenThousandUnits,   ///< 万台
    UsdTrillion,  ///< 万亿美元 (US$1T): 亿美元 grouped once values reach 10,000 (groupedUnit)
    RmbTrillion,          ///< 万亿元 (RMB 1T): 亿元 grouped likewise
    HundredMillionUnits,  ///< 亿台 (100M units): 万台 grouped likewise
    Percent,              ///< %
    Plain,                ///< the stored number as it is
};

/// @brief The display unit a stored unit shows in by default (US$B stays US$B, share -> %).
[[nodiscard]] DisplayUnit defaultDisplay(Unit unit);
/// @brief Whether `display` can show values of `unit` (same dimension).
[[nodiscard]] bool compatible(Unit unit, DisplayUnit display);
/// @brief Convert a stored value to a display unit. `cnyPerUsd` is used for 亿元 only.
/// Contract: compatible(unit, display); otherwise the value is returned unchanged.
[[nodiscard]] double toDisplay(double value, Unit unit, DisplayUnit display,
                               double cnyPerUsd = 7.2);
/// @brief The highest exchange rate a reader may set (RMB per US$; the units menu's bound).
inline constexpr double kMaxCnyPerUsd = 100.0;

/// @brief The largest magnitude a stored value of `unit` may have: every display unit shows it
/// finite (at any rate up to kMaxCnyPerUsd), with a factor of 10^7 to spare for a chart's stacked
/// totals and axis headroom. About 1.8e298 US$B; a value beyond it is refused where it enters
/// (a file or an edit), not shown as infinity.
[[nodiscard]] double largestStorable(Unit unit);

/// @brief Inverse of toDisplay.
[[nodiscard]] double fromDisplay(double shown, Unit unit, DisplayUnit display,
                                 double cnyPerUsd = 7.2);
/// @brief Suffix written after a displayed number: "US$B", "亿美元", "M units", "%", ...
[[nodiscard]] std::string displaySuffix(DisplayUnit display, std::string_view language = "en");
/// @brief Chinese counts in steps of 10,000 (万, 亿, 万亿): values shown in 亿美元, 亿元 or 万台
/// whose largest magnitude `largestShown` (in `display`) reaches 10,000 read in the next step,
/// 万亿美元, 万亿元 or 亿台 ("14.0 亿台", not "140,000 万台"). Other units are returned as they
/// are.
[[nodiscard]] DisplayUnit groupedUnit(DisplayUnit display, double largestShown);
/// @brief Whether `display` is one groupedUnit steps up to (万亿美元, 万亿元, 亿台). Their numbers
/// are small (0.55 亿台 for 55M units) and show two decimals where others show one.
[[nodiscard]] bool isGroupedUnit(DisplayUnit display);
/// @brief Format a stored value for display with `decimals` places, e.g. "42.9 US$B", "25.0%".
[[nodiscard]] std::string formatValue(double value, Unit unit, DisplayUnit display, int decimals,
                                      std::string_view language = "en");

}  // namespace jevons::core
