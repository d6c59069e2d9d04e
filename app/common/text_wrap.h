#pragma once
// Breaking a text into lines that fit a width, for texts drawn on charts (titles, captions), where
// QtCharts would otherwise cut them short with "...".
#include <QFont>
#include <QString>
#include <QStringList>

namespace jevons::app {

/// @brief `text` broken into lines at most `width` px wide in `font`, where Unicode line breaking
/// allows (QTextLayout): at spaces, and between Chinese characters, which have none. A word
/// wider than `width` keeps a line of its own. One line when it fits or `width` <= 0.
[[nodiscard]] QStringList wrapLines(const QString& text, const QFont& font, qreal width);

}  // namespace jevons::app
