#pragma once
// The one palette and the fonts every chart, table and export uses.
#include <QColor>
#include <QFont>
#include <QList>

namespace jevons::app::palette {

inline const QColor kNavy{0x1F, 0x3A, 0x5F};
inline const QColor kTeal{0x2A, 0x9D, 0x8F};
inline const QColor kAmber{0xE9, 0xC4, 0x6A};
inline const QColor kCoral{0xE7, 0x6F, 0x51};
inline const QColor kSlate{0x6C, 0x75, 0x7D};
inline const QColor kInk{0x21, 0x25, 0x29};     ///< text
inline const QColor kGrid{0xE3, 0xE6, 0xEA};    ///< grid lines
inline const QColor kAnchor{0xD6, 0x28, 0x28};  ///< published data points: a contrasting red

/// @brief Series colours in order: navy, teal, amber, coral, slate, then repeated.
[[nodiscard]] QColor seriesColor(int index);
/// @brief The colour of scenario `run` (0 = as is) of a series coloured `base` in compare mode.
[[nodiscard]] QColor runTint(const QColor& base, int run);
/// @brief Text colour readable on `background`.
[[nodiscard]] QColor textOn(const QColor& background);

/// @brief Latin fonts first, Noto Sans CJK SC for Chinese.
[[nodiscard]] QStringList fontFamilies();
/// @brief A font of the family list at `pointSize`.
[[nodiscard]] QFont font(qreal pointSize, bool bold = false);

inline constexpr qreal kTitlePt = 15.0;  ///< chart titles (projector: >= 14 pt bold)
inline constexpr qreal kAxisPt = 11.0;   ///< axis labels and titles, legend
inline constexpr qreal kLabelPt = 11.0;  ///< data labels and the CAGR bubble
inline constexpr qreal kSourcePt = 9.5;  ///< the source line under a chart

}  // namespace jevons::app::palette
