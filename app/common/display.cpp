#include "app/common/display.h"

#include <algorithm>
#include <cmath>

namespace jevons::app {
namespace {
DisplayPreferences& preferences() {
    static DisplayPreferences instance;
    return instance;
}
}  // namespace

const DisplayPreferences& displayPreferences() { return preferences(); }

void setDisplayPreferences(const DisplayPreferences& p) {
    DisplayPreferences checked = p;
    if (!core::compatible(core::Unit::UsdBillion, checked.money))
        checked.money = core::DisplayUnit::UsdBillion;
    if (!core::compatible(core::Unit::MillionUnits, checked.volume))
        checked.volume = core::DisplayUnit::MillionUnits;
    checked.percentDecimals = std::clamp(checked.percentDecimals, 0, 4);
    if (!(checked.cnyPerUsd > 0)) checked.cnyPerUsd = 7.2;
    preferences() = checked;
}

core::DisplayUnit displayUnitOf(core::Unit unit) {
    switch (core::dimensionOf(unit)) {
        case core::Dimension::Money:
            return preferences().money;
        case core::Dimension::Volume:
            return preferences().volume;
        default:
            return core::defaultDisplay(unit);
    }
}

int valueDecimals(core::Unit unit) {
    return displayUnitOf(unit) == core::DisplayUnit::Percent ? preferences().percentDecimals : 1;
}

QString labelText(const core::Label& label, const QString& language) {
    return QString::fromStdString(label.in(language.toStdString()));
}

QString toQString(const std::string& text) { return QString::fromStdString(text); }

double displayValue(double stored, core::Unit unit) {
    return core::toDisplay(stored, unit, displayUnitOf(unit), preferences().cnyPerUsd);
}

double storedValue(double shown, core::Unit unit) {
    return core::fromDisplay(shown, unit, displayUnitOf(unit), preferences().cnyPerUsd);
}

QString unitSuffix(core::Unit unit, const QString& language) {
    const core::DisplayUnit display = displayUnitOf(unit);
    QString suffix = QString::fromStdString(core::displaySuffix(display, language.toStdString()));
    // RMB states its exchange-rate assumption wherever the unit is named.
    if (display == core::DisplayUnit::RmbHundredMillion)
        suffix += QStringLiteral(" (US$1 = \u00A5%1)").arg(preferences().cnyPerUsd, 0, 'f', 2);
    return suffix;
}

int decimalsFor(double displayStep) {
    if (!(displayStep > 0.0)) return 2;
    for (int d = 0; d < 4; ++d) {
        const double scaled = displayStep * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 4;
}

QString formatDisplay(double stored, core::Unit unit, const QString& language, int decimals) {
    const core::DisplayUnit display = displayUnitOf(unit);
    if (display == core::DisplayUnit::Percent) decimals = preferences().percentDecimals;
    const QString number = QString::number(displayValue(stored, unit), 'f', decimals);
    const QString suffix =
        QString::fromStdString(core::displaySuffix(display, language.toStdString()));
    if (suffix.isEmpty()) return number;
    if (display == core::DisplayUnit::Percent) return number + suffix;
    return number + QStringLiteral(" ") + suffix;
}

}  // namespace jevons::app
