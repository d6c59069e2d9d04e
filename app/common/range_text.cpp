#include "app/common/range_text.h"

#include "app/common/display.h"

#include <QObject>

#include <cmath>

namespace jevons::app {
namespace {

/// Display value of a spread (sd): no offset, only the scale of the display unit.
double displaySpread(const DisplayPreferences& units, double stored, core::Unit unit) {
    return displayValue(units, stored, unit) - displayValue(units, 0.0, unit);
}

/// "25", "12.5", "1400", "0.4", "0.003": none from 100 on, one decimal from 1, two significant
/// digits below 1 (so a Bass p of 0.003 is not "0"); no trailing zeros.
QString shortNumber(double shown) {
    const double size = std::abs(shown);
    int decimals = size >= 100.0 ? 0 : 1;
    if (size > 0.0 && size < 1.0) decimals = 1 - static_cast<int>(std::floor(std::log10(size)));
    QString text = QString::number(shown, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0'))) text.chop(1);
        if (text.endsWith(QLatin1Char('.'))) text.chop(1);
    }
    return text;
}

bool isPercent(const DisplayPreferences& units, core::Unit unit) {
    return displayUnitOf(units, unit) == core::DisplayUnit::Percent;
}

}  // namespace

QString rangeSummary(const DisplayPreferences& units, const core::Assumption& a) {
    if (!a.distribution) return QStringLiteral("\u00b1");
    const core::DistributionSpec& d = *a.distribution;
    const QString percent = isPercent(units, a.unit) ? QStringLiteral("%") : QString();
    auto shown = [&](double stored) { return shortNumber(displayValue(units, stored, a.unit)); };
    switch (d.type) {
        case core::DistributionType::Normal:
            return shown(d.mean) + QStringLiteral(" \u00b1 ") +
                   shortNumber(displaySpread(units, d.sd, a.unit)) + percent;
        case core::DistributionType::Lognormal:
            return shown(d.p5) + QStringLiteral("\u2013") + shown(d.p95) + percent;
        default:
            return shown(d.min) + QStringLiteral("\u2013") + shown(d.max) + percent;
    }
}

namespace {

QString shapeDescription(const DisplayPreferences& units, const core::Assumption& a,
                         const QString& language) {
    const core::DistributionSpec& d = *a.distribution;
    auto v = [&](double stored) { return formatDisplay(units, stored, a.unit, language); };
    switch (d.type) {
        case core::DistributionType::Uniform:
            return QObject::tr("Uniform: min %1, max %2").arg(v(d.min), v(d.max));
        case core::DistributionType::Triangular:
            return QObject::tr("Triangular: min %1, most likely %2, max %3")
                .arg(v(d.min), v(d.mode), v(d.max));
        case core::DistributionType::Pert:
            return QObject::tr("PERT: min %1, most likely %2, max %3")
                .arg(v(d.min), v(d.mode), v(d.max));
        case core::DistributionType::Normal:
            return QObject::tr("Normal: mean %1, standard deviation %2")
                .arg(v(d.mean), shortNumber(displaySpread(units, d.sd, a.unit)));
        case core::DistributionType::Lognormal:
            return QObject::tr("Lognormal: 90% between %1 and %2").arg(v(d.p5), v(d.p95));
    }
    return {};
}

}  // namespace

QString rangeDescription(const DisplayPreferences& units, const core::Assumption& a,
                         const QString& language) {
    if (!a.distribution) return QObject::tr("No range: click to give this assumption one");
    const QString shape = shapeDescription(units, a, language);
    if (!a.distribution->pinned) return shape;
    return QObject::tr("%1 (pinned: stays when the value changes)").arg(shape);
}

}  // namespace jevons::app
