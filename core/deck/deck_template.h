#pragma once
// A firm's PowerPoint template (.potx, or a .pptx used as one) that a deck is exported into:
// its slide master, a title-only (or title-and-content) layout found by type, its slide size,
// theme accent colours and fonts. The deck keeps every part of the template but its slides;
// Jevons' slides are placed on the chosen layout (the title in the layout's title placeholder,
// the chart and its labels in the area below it) and drawn in the theme's colours and fonts.
#include "core/deck/slide_xml.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace jevons::core::deck {

struct DeckTemplate {
    std::string what;                          ///< the file's name, for messages
    std::map<std::string, std::string> parts;  ///< every part but the template's own slides
    std::string layoutPart;                    ///< "ppt/slideLayouts/slideLayout5.xml"
    std::string layoutType;                    ///< its type: "titleOnly", "obj", ... or ""
    std::int64_t width = kSlideWidth;          ///< slide size, EMU
    std::int64_t height = kSlideHeight;
    EmuRect title;         ///< where the layout puts the title
    int titleSize = 4400;  ///< its text size, 1/100 pt (the layout's, the master's or 44 pt)
    EmuRect content;       ///< the free area below the title and above the footers
    std::array<std::string, 6> accents;  ///< accent1..6 of the master's theme, "RRGGBB"
    std::string latinFont;               ///< the theme's minor (body) fonts; "" = not set
    std::string eastAsianFont;
};

/// @brief Reads a template from the bytes of a .potx or .pptx named `what` in messages. Throws
/// DeckError naming the file and the part: not a zip archive, password-protected, not a
/// presentation, a macro-enabled template, or no title-only / title-and-content layout on its
/// first slide master.
[[nodiscard]] DeckTemplate parseTemplate(std::string bytes, const std::string& what);
/// @brief parseTemplate of the file at `path` (DeckError when it cannot be read).
[[nodiscard]] DeckTemplate loadTemplate(const std::string& path);

/// @brief The largest size (1/100 pt, at most the template's title size, at least half of it)
/// at which `title` fits the template's title placeholder, by an estimate of its width (CJK
/// characters one em, others 0.55 em) and line height (1.2 × the size); PowerPoint and
/// LibreOffice would otherwise draw a long title over the placeholder's edge.
[[nodiscard]] int fittedTitleSize(const std::string& title, const DeckTemplate& tpl);

/// @brief A slide as Jevons draws it (16:9, kSlideWidth × kSlideHeight) placed on `tpl`'s
/// layout: the shape named "Title" becomes the title placeholder (the layout's position, font
/// and colour; its size, unless fittedTitleSize is smaller), every other shape is moved and sized
/// from Jevons' area below the title into the template's content area (a table's columns and rows
/// with it), and text takes the theme's fonts, its size scaled as the area is (as PowerPoint scales
/// content to a new slide size).
[[nodiscard]] std::string placeOnTemplate(const std::string& slideXml, const DeckTemplate& tpl);
/// @brief A chart part's text in the theme's fonts (the minor Latin font and, where the theme
/// sets one, its East Asian font), its size scaled as placeOnTemplate scales the slide's.
[[nodiscard]] std::string chartInTemplateFonts(const std::string& chartXml,
                                               const DeckTemplate& tpl);

}  // namespace jevons::core::deck
