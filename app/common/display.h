#pragma once
// Turning core values and texts into what a reader sees: labels in the chosen language, values in
// display units (shares as %, money as US$B), suffixes for spin boxes and axes.
#include "core/scenario/scenario.h"
#include "core/units/display_choice.h"
#include "core/units/unit.h"

#include <QString>

namespace jevons::app {

/// @brief How values are shown everywhere (charts, table, sliders, exports): the reader's choice
/// of money and volume units, percent decimals, and the exchange rate stated for RMB. Each
/// Document owns one (Document::displayPreferences()); the functions below that show values take
/// it as their first parameter.
using DisplayPreferences = core::DisplayChoice;
/// @brief The display unit values of `unit` show in under `preferences`.
[[nodiscard]] core::DisplayUnit displayUnitOf(const DisplayPreferences& preferences,
                                              core::Unit unit);
/// @brief Decimals of a value of `unit` in tables and labels (percentages: the chosen decimals;
/// an index, 亿台 and 万亿美元, whose numbers are small: two; others one).
[[nodiscard]] int valueDecimals(const DisplayPreferences& preferences, core::Unit unit);

/// @brief A core Label in `language` ("en" or "zh"; English when the Chinese text is empty).
[[nodiscard]] QString labelText(const core::Label& label, const QString& language);
[[nodiscard]] QString toQString(const std::string& text);

/// @brief Stored value -> display value in the unit's display unit (0.25 share -> 25; 42.9 US$B
/// -> 429 亿美元 when the reader chose 亿美元).
[[nodiscard]] double displayValue(const DisplayPreferences& preferences, double stored,
                                  core::Unit unit);
/// @brief Display value -> stored value (inverse of displayValue).
[[nodiscard]] double storedValue(const DisplayPreferences& preferences, double shown,
                                 core::Unit unit);
/// @brief Decimals of an assumption's spin box: those that show its step in display units
/// exactly (a share stepping by 0.005 -> 1: "25.5%"; 0.05 -> 2 for an elasticity of 1.65).
[[nodiscard]] int assumptionDecimals(const DisplayPreferences& preferences,
                                     const core::Assumption& assumption);
/// @brief An assumption's value as its spin box shows it: "25.0%", "171.6 US$B", "1.60".
[[nodiscard]] QString assumptionValueText(const DisplayPreferences& preferences,
                                          const core::Assumption& assumption, double stored,
                                          const QString& language);
/// @brief A row or column name with its unit: "Datacenter ASIC market (US$B)", in Chinese with
/// full-width parentheses "数据中心ASIC市场（十亿美元）"; `label` alone for no unit.
[[nodiscard]] QString labelWithUnit(const QString& label, const QString& unit,
                                    const QString& language);
/// @brief "US$B", "%", "M units", "亿元 (US$1 = ¥7.20)", "" (for a plain number), in `language`.
[[nodiscard]] QString unitSuffix(const DisplayPreferences& preferences, core::Unit unit,
                                 const QString& language);
/// @brief Decimals that show a step of `displayStep` exactly (0.5 -> 1, 0.005 -> 3), at most 4.
[[nodiscard]] int decimalsFor(double displayStep);
/// @brief A display value with `decimals` decimals and its unit: "42.9 US$B", "25.0%"
/// (percentages: the chosen decimals instead).
[[nodiscard]] QString formatDisplay(const DisplayPreferences& preferences, double stored,
                                    core::Unit unit, const QString& language, int decimals = 1);

}  // namespace jevons::app
