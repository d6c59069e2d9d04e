#include "app/common/display.h"

#include <cmath>

namespace jevons::app {

QString labelText(const core::Label& label, const QString& language) {
    return QString::fromStdString(label.in(language.toStdString()));
}

QString toQString(const std::string& text) { return QString::fromStdString(text); }

double displayValue(double stored, core::Unit unit) {
    return core::toDisplay(stored, unit, core::defaultDisplay(unit));
}

double storedValue(double shown, core::Unit unit) {
    return core::fromDisplay(shown, unit, core::defaultDisplay(unit));
}

QString unitSuffix(core::Unit unit, const QString& language) {
    return QString::fromStdString(
        core::displaySuffix(core::defaultDisplay(unit), language.toStdString()));
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
    return QString::fromStdString(core::formatValue(stored, unit, core::defaultDisplay(unit),
                                                    decimals, language.toStdString()));
}

}  // namespace jevons::app
