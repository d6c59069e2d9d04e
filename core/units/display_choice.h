#pragma once
// A reader's choice of display units, shared by everything that shows values: money in US$B,
// US$M, 亿美元 or 亿元 (RMB at a stated rate), volumes in M units or 万台, percentages with a
// chosen number of decimals. The dashboard's View → Units menu edits one; decks are written with
// it.
#include "core/units/unit.h"

#include <string>
#include <string_view>

namespace jevons::core {

struct DisplayChoice {
    DisplayUnit money = DisplayUnit::UsdBillion;     ///< US$B, US$M, 亿美元 or 亿元
    DisplayUnit volume = DisplayUnit::MillionUnits;  ///< M units or 万台
    int percentDecimals = 1;                         ///< 0–4
    double cnyPerUsd = 7.2;  ///< RMB per US$ (亿元 only); stated wherever the unit is named
    bool operator==(const DisplayChoice&) const = default;

    /// @brief The display unit values of `unit` show in: money and volumes as chosen, other units
    /// in their default display (share → %).
    [[nodiscard]] DisplayUnit unitFor(Unit unit) const;
    /// @brief Stored value → displayed value (0.25 share → 25; 42.9 US$B → 429 亿美元).
    [[nodiscard]] double toShown(double stored, Unit unit) const;
    /// @brief The unit as a reader sees it after a number or on an axis: "US$B", "%", "万台",
    /// "亿元 (US$1 = ¥7.20)" (RMB states its rate); empty for plain numbers.
    [[nodiscard]] std::string suffix(Unit unit, std::string_view language) const;
    /// @brief This choice for values of `unit` whose largest magnitude, shown in this choice, is
    /// `largestShown`: 亿美元, 亿元 and 万台 step up to 万亿美元, 万亿元 and 亿台 from 10,000
    /// (groupedUnit). One chart axis, one table row or one CLI row is shown in one such choice.
    [[nodiscard]] DisplayChoice groupedFor(Unit unit, double largestShown) const;
};

/// @brief `choice` with impossible fields replaced by the defaults (a money unit that is not
/// money, decimals outside 0–4, a non-positive exchange rate).
[[nodiscard]] DisplayChoice sanitized(DisplayChoice choice);

}  // namespace jevons::core
