#pragma once
// Turning core values and texts into what a reader sees: labels in the chosen language, values in
// display units (shares as %, money as US$B), suffixes for spin boxes and axes.
#include "core/scenario/scenario.h"
#include "core/units/unit.h"

#include <QString>

namespace jevons::app {

/// @brief A core Label in `language` ("en" or "zh"; English when the Chinese text is empty).
[[nodiscard]] QString labelText(const core::Label& label, const QString& language);
[[nodiscard]] QString toQString(const std::string& text);

/// @brief Stored value -> display value in the unit's default display unit (0.25 share -> 25).
[[nodiscard]] double displayValue(double stored, core::Unit unit);
/// @brief Display value -> stored value (inverse of displayValue).
[[nodiscard]] double storedValue(double shown, core::Unit unit);
/// @brief "US$B", "%", "M units", "" (for a plain number), in `language`.
[[nodiscard]] QString unitSuffix(core::Unit unit, const QString& language);
/// @brief Decimals that show a step of `displayStep` exactly (0.5 -> 1, 0.005 -> 3), at most 4.
[[nodiscard]] int decimalsFor(double displayStep);
/// @brief A display value with one decimal and its unit: "42.9 US$B", "25.0%".
[[nodiscard]] QString formatDisplay(double stored, core::Unit unit, const QString& language,
                                    int decimals = 1);

}  // namespace jevons::app
