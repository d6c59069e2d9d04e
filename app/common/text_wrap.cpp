#include "app/common/text_wrap.h"

#include <QFontMetricsF>
#include <QTextLayout>
#include <QTextOption>

namespace jevons::app {

QStringList wrapLines(const QString& text, const QFont& font, qreal width) {
    if (width <= 0 || QFontMetricsF(font).horizontalAdvance(text) <= width) return {text};
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    lines.removeAll(QString());
    return lines.isEmpty() ? QStringList{text} : lines;
}

}  // namespace jevons::app
