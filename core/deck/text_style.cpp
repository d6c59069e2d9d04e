#include "core/deck/text_style.h"

namespace jevons::core::deck {

bool hasCjk(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0xE0 || b >= 0xF0 || i + 2 >= text.size()) continue;
        const char32_t cp = ((b & 0x0F) << 12) |
                            ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                            (static_cast<unsigned char>(text[i + 2]) & 0x3F);
        // CJK punctuation, kana, ideographs, hangul, full-width forms.
        if ((cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
            (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF))
            return true;
    }
    return false;
}

std::string languageTag(std::string_view text, std::string_view deckLanguage) {
    return deckLanguage == "zh" || hasCjk(text) ? "zh-CN" : "en-US";
}

void writeRunProperties(XmlWriter& w, std::string_view element, const RunStyle& style,
                        std::string_view lang) {
    w.start(element).attr("lang", lang).attr("altLang", "en-US").attr("sz", style.size);
    w.attr("b", style.bold ? 1 : 0).attr("dirty", 0);
    w.start("a:solidFill").val("a:srgbClr", style.colour).end();
    w.start("a:latin").attr("typeface", kLatinFont).end();
    w.start("a:ea").attr("typeface", kEastAsianFont).end();
    w.end();
}

void writeRun(XmlWriter& w, std::string_view text, const RunStyle& style,
              std::string_view deckLanguage) {
    w.start("a:r");
    writeRunProperties(w, "a:rPr", style, languageTag(text, deckLanguage));
    w.element("a:t", text);
    w.end();
}

void writeTextProperties(XmlWriter& w, std::string_view element, const RunStyle& style,
                         std::string_view deckLanguage, std::optional<int> rotation) {
    w.start(element);
    w.start("a:bodyPr");
    if (rotation) w.attr("rot", *rotation).attr("vert", "horz");
    w.end();
    w.empty("a:lstStyle");
    w.start("a:p").start("a:pPr");
    writeRunProperties(w, "a:defRPr", style, languageTag("", deckLanguage));
    w.end();
    writeRunProperties(w, "a:endParaRPr", style, languageTag("", deckLanguage));
    w.end();
    w.end();
}

}  // namespace jevons::core::deck
