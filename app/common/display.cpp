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

void setDisplayPreferences(const DisplayPreferences& p) { preferences() = core::sanitized(p); }

core::DisplayUnit displayUnitOf(core::Unit unit) { return preferences().unitFor(unit); }

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
    return QString::fromStdString(preferences().suffix(unit, language.toStdString()));
}

int decimalsFor(double displayStep) {
    if (!(displayStep > 0.0)) return 2;
    for (int d = 0; d < 4; ++d) {
        const double scaled = displayStep * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 4;
}

int assumptionDecimals(const core::Assumption& a) {
    const double step = a.step > 0 ? a.step : (a.max - a.min) / 100.0;
    return decimalsFor(std::abs(displayValue(step, a.unit) - displayValue(0.0, a.unit)));
}

QString assumptionValueText(const core::Assumption& a, double stored, const QString& language) {
    const QString number =
        QString::number(displayValue(stored, a.unit), 'f', assumptionDecimals(a));
    const QString suffix = unitSuffix(a.unit, language);
    if (suffix.isEmpty()) return number;
    if (suffix == QStringLiteral("%")) return number + suffix;
    return number + QStringLiteral(" ") + suffix;
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
