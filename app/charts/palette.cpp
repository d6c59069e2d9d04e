#include "app/charts/palette.h"

#include <QStringList>

namespace jevons::app::palette {

QColor seriesColor(int index) {
    static const QList<QColor> colors{kNavy, kTeal, kAmber, kCoral, kSlate};
    return colors.at(((index % colors.size()) + colors.size()) % colors.size());
}

QColor runTint(const QColor& base, int run) {
    if (run <= 0) return base;
    // Blend towards white: 45% for the second scenario, 70% for the third, ...
    const double t = std::min(0.85, 0.2 + 0.25 * run);
    return QColor::fromRgbF(base.redF() + (1 - base.redF()) * t,
                            base.greenF() + (1 - base.greenF()) * t,
                            base.blueF() + (1 - base.blueF()) * t);
}

QColor textOn(const QColor& background) {
    return background.lightnessF() > 0.6 ? kInk : QColor(Qt::white);
}

QStringList fontFamilies() {
    return {QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("Noto Sans"), QStringLiteral("sans-serif")};
}

QFont font(qreal pointSize, bool bold) {
    QFont f;
    f.setFamilies(fontFamilies());
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

}  // namespace jevons::app::palette
