#include "core/units/display_choice.h"

#include "core/text/number_text.h"

#include <algorithm>

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
    if (display == DisplayUnit::RmbHundredMillion || display == DisplayUnit::RmbTrillion)
        text += " (US$1 = \u00A5" + fixedNumber(cnyPerUsd, 2) + ")";
    return text;
}

DisplayChoice DisplayChoice::groupedFor(Unit unit, double largestShown) const {
    DisplayChoice grouped = *this;
    switch (dimensionOf(unit)) {
        case Dimension::Money:
            grouped.money = groupedUnit(money, largestShown);
            break;
        case Dimension::Volume:
            grouped.volume = groupedUnit(volume, largestShown);
            break;
        default:
            break;
    }
    return grouped;
}

DisplayChoice sanitized(DisplayChoice choice) {
    if (!compatible(Unit::UsdBillion, choice.money)) choice.money = DisplayUnit::UsdBillion;
    if (!compatible(Unit::MillionUnits, choice.volume)) choice.volume = DisplayUnit::MillionUnits;
    choice.percentDecimals = std::clamp(choice.percentDecimals, 0, 4);
    if (!(choice.cnyPerUsd > 0)) choice.cnyPerUsd = 7.2;
    return choice;
}

}  // namespace jevons::core
