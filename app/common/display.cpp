#include "app/common/display.h"

#include <algorithm>
#include <cmath>

namespace jevons::app {

core::DisplayUnit displayUnitOf(const DisplayPreferences& p, core::Unit unit) {
    return p.unitFor(unit);
}

int valueDecimals(const DisplayPreferences& p, core::Unit unit) {
    const core::DisplayUnit display = displayUnitOf(p, unit);
    if (display == core::DisplayUnit::Percent) return p.percentDecimals;
    // An index (unit cost 1.00 -> 0.04) and the stepped-up units show two, as the plan's "0.00".
    return core::isGroupedUnit(display) || unit == core::Unit::Index ? 2 : 1;
}

QString labelText(const core::Label& label, const QString& language) {
    return QString::fromStdString(label.in(language.toStdString()));
}

QString toQString(const std::string& text) { return QString::fromStdString(text); }

double displayValue(const DisplayPreferences& p, double stored, core::Unit unit) {
    return core::toDisplay(stored, unit, displayUnitOf(p, unit), p.cnyPerUsd);
}

double storedValue(const DisplayPreferences& p, double shown, core::Unit unit) {
    return core::fromDisplay(shown, unit, displayUnitOf(p, unit), p.cnyPerUsd);
}

QString unitSuffix(const DisplayPreferences& p, core::Unit unit, const QString& language) {
    return QString::fromStdString(p.suffix(unit, language.toStdString()));
}

int decimalsFor(double displayStep) {
    if (!(displayStep > 0.0)) return 2;
    for (int d = 0; d < 4; ++d) {
        const double scaled = displayStep * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 4;
}

int assumptionDecimals(const DisplayPreferences& p, const core::Assumption& a) {
    const double step = a.step > 0 ? a.step : (a.max - a.min) / 100.0;
    return decimalsFor(std::abs(displayValue(p, step, a.unit) - displayValue(p, 0.0, a.unit)));
}

QString assumptionValueText(const DisplayPreferences& p, const core::Assumption& a, double stored,
                            const QString& language) {
    const QString number =
        QString::number(displayValue(p, stored, a.unit), 'f', assumptionDecimals(p, a));
    const QString suffix = unitSuffix(p, a.unit, language);
    if (suffix.isEmpty()) return number;
    if (suffix == QStringLiteral("%")) return number + suffix;
    return number + QStringLiteral(" ") + suffix;
}

QString formatDisplay(const DisplayPreferences& p, double stored, core::Unit unit,
                      const QString& language, int decimals) {
    const core::DisplayUnit display = displayUnitOf(p, unit);
    if (display == core::DisplayUnit::Percent) decimals = p.percentDecimals;
    const QString number = QString::number(displayValue(p, stored, unit), 'f', decimals);
    const QString suffix =
        QString::fromStdString(core::displaySuffix(display, language.toStdString()));
    if (suffix.isEmpty()) return number;
    if (display == core::DisplayUnit::Percent) return number + suffix;
    return number + QStringLiteral(" ") + suffix;
}

QString labelWithUnit(const QString& label, const QString& unit, const QString& language) {
    if (unit.isEmpty()) return label;
    if (language == QStringLiteral("zh"))
        return label + QStringLiteral("\uFF08") + unit + QStringLiteral("\uFF09");
    return label + QStringLiteral(" (") + unit + QLatin1Char(')');
}

}  // namespace jevons::app
