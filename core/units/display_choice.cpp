#include "core/units/display_choice.h"

#include <algorithm>
#include <cstdio>

namespace jevons::core {

DisplayUnit DisplayChoice::unitFor(Unit unit) const {
    switch (dimensionOf(unit)) {
        case Dimension::Money:
            return money;
        case Dimension::Volume:
            return volume;
        default:
            return defaultDisplay(unit);
    }
}

double DisplayChoice::toShown(double stored, Unit unit) const {
    return toDisplay(stored, unit, unitFor(unit), cnyPerUsd);
}

std::string DisplayChoice::suffix(Unit unit, std::string_view language) const {
    const DisplayUnit display = unitFor(unit);
    std::string text = displaySuffix(display, language);
    if (display == DisplayUnit::RmbHundredMillion) {
        char rate[32];
        std::snprintf(rate, sizeof rate, "%.2f", cnyPerUsd);
        text += " (US$1 = \u00A5" + std::string(rate) + ")";
    }
    return text;
}

DisplayChoice sanitized(DisplayChoice choice) {
    if (!compatible(Unit::UsdBillion, choice.money)) choice.money = DisplayUnit::UsdBillion;
    if (!compatible(Unit::MillionUnits, choice.volume)) choice.volume = DisplayUnit::MillionUnits;
    choice.percentDecimals = std::clamp(choice.percentDecimals, 0, 4);
    if (!(choice.cnyPerUsd > 0)) choice.cnyPerUsd = 7.2;
    return choice;
}

}  // namespace jevons::core
