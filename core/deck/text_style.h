#pragma once
// DrawingML text runs shared by slides and charts: one Latin and one East Asian typeface on every
// run, and the run's language ("zh-CN" when the text is Chinese) so PowerPoint picks the font.
#include "core/deck/xml_writer.h"

#include <optional>
#include <string>
#include <string_view>

namespace jevons::core::deck {

inline constexpr std::string_view kLatinFont = "Calibri";
inline constexpr std::string_view kEastAsianFont = "Microsoft YaHei";

/// @brief How a run looks. `size` in 1/100 pt (1200 = 12 pt); `colour` as 6 hex digits.
struct RunStyle {
    int size = 1200;
    bool bold = false;
    std::string colour = "262626";
};

/// @brief Whether `text` contains a CJK ideograph, kana, hangul or full-width punctuation.
[[nodiscard]] bool hasCjk(std::string_view text);

/// @brief "zh-CN" for a Chinese deck or a run with CJK characters, else "en-US".
[[nodiscard]] std::string languageTag(std::string_view text, std::string_view deckLanguage);

/// @brief `<element lang sz b><a:solidFill/><a:latin/><a:ea/></element>`, for a:rPr, a:defRPr
/// and a:endParaRPr.
void writeRunProperties(XmlWriter& w, std::string_view element, const RunStyle& style,
                        std::string_view lang);

/// @brief `<a:r><a:rPr …/><a:t>text</a:t></a:r>`.
void writeRun(XmlWriter& w, std::string_view text, const RunStyle& style,
              std::string_view deckLanguage);

/// @brief A chart text body with default run properties only (c:txPr): `element` holds
/// a:bodyPr (turned by `rotation` in 1/60000 degree when given: 0 keeps axis labels level, where
/// a client would otherwise turn long ones; none leaves it to the client), a:lstStyle and one a:p.
void writeTextProperties(XmlWriter& w, std::string_view element, const RunStyle& style,
                         std::string_view deckLanguage, std::optional<int> rotation = std::nullopt);

}  // namespace jevons::core::deck
