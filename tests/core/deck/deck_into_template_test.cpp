// Exporting into a firm's template (issue 15, core/deck/deck_template.h), without LibreOffice: a
// template made from a Jevons deck by changing what a firm's template changes (a 4:3 slide, a
// title-only layout with its own title position, the theme's accents and fonts) and keeping its
// eight slides, which must not survive into the export. LibreOffice's own templates are tested
// in deck_libreoffice_test.cpp.
#include "core/deck/deck.h"
#include "core/deck/deck_template.h"
#include "core/deck/deck_writer.h"

#include "tests/core/deck/deck_test_support.h"
#include "tests/core/deck/deck_update_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <regex>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

constexpr std::int64_t kWidth = 9144000;  // 4:3
constexpr std::int64_t kHeight = 6858000;
const EmuRect kTitle{457200, 274638, 8229600, 1143000};

const char* const kTitleOnlyLayout =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sldLayout xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" type="titleOnly" preserve="1"><p:cSld name="Title Only"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="274638"/><a:ext cx="8229600" cy="1143000"/></a:xfrm></p:spPr></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>)";

/// A firm's template: Jevons' own deck (of the Chinese default deck, so that its slides are
/// recognisable) with a 4:3 slide, a title-only layout, accents C00000.. and Georgia / SimSun.
std::string firmTemplate(const TempDir& dir) {
    DeckOptions zh;
    zh.language = "zh";
    const std::string deck = exportDefault(dir, "own.pptx", zh);
    return rezipped(deck, dir, [](const std::string& name, const std::string& bytes) {
        if (name == "ppt/slideLayouts/slideLayout1.xml") return std::string(kTitleOnlyLayout);
        if (name == "ppt/presentation.xml")
            return std::regex_replace(bytes, std::regex(R"(<p:sldSz cx="\d+" cy="\d+")"),
                                      R"(<p:sldSz cx="9144000" cy="6858000")");
        if (name == "ppt/theme/theme1.xml") {
            std::string t = std::regex_replace(
                bytes, std::regex(R"((<a:accent1><a:srgbClr val=")[0-9A-F]{6})"), "$01C00000");
            t = std::regex_replace(t, std::regex(R"((<a:accent2><a:srgbClr val=")[0-9A-F]{6})"),
                                   "$01007A33");
            const std::size_t minor = t.find("<a:minorFont>");
            std::string tail = t.substr(minor);
            tail = std::regex_replace(tail, std::regex(R"(<a:latin typeface="[^"]*")"),
                                      R"(<a:latin typeface="Georgia")",
                                      std::regex_constants::format_first_only);
            tail = std::regex_replace(tail, std::regex(R"(<a:ea typeface="[^"]*")"),
                                      R"(<a:ea typeface="SimSun")",
                                      std::regex_constants::format_first_only);
            return t.substr(0, minor) + tail;
        }
        return bytes;
    });
}

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// Every a:off/a:ext pair (and p:xfrm of frames) of a slide, as boxes.
std::vector<EmuRect> boxesOf(const std::string& slide) {
    std::vector<EmuRect> out;
    const std::regex pair(R"re(<a:off x="(-?\d+)" y="(-?\d+)"/><a:ext cx="(\d+)" cy="(\d+)"/>)re");
    for (auto it = std::sregex_iterator(slide.begin(), slide.end(), pair);
         it != std::sregex_iterator(); ++it)
        out.push_back({std::stoll((*it)[1]), std::stoll((*it)[2]), std::stoll((*it)[3]),
                       std::stoll((*it)[4])});
    return out;
}

}  // namespace

TEST(DeckIntoTemplate, ReadsTheLayoutSizeColoursAndFontsOfTheTemplate) {
    const TempDir dir;
    const DeckTemplate tpl = parseTemplate(firmTemplate(dir), "corp.pptx");
    EXPECT_EQ(tpl.layoutPart, "ppt/slideLayouts/slideLayout1.xml");
    EXPECT_EQ(tpl.layoutType, "titleOnly");
    EXPECT_EQ(tpl.width, kWidth);
    EXPECT_EQ(tpl.height, kHeight);
    EXPECT_EQ(tpl.title.x, kTitle.x);
    EXPECT_EQ(tpl.title.y, kTitle.y);
    EXPECT_EQ(tpl.title.w, kTitle.w);
    EXPECT_EQ(tpl.title.h, kTitle.h);
    EXPECT_EQ(tpl.accents[0], "C00000");
    EXPECT_EQ(tpl.accents[1], "007A33");
    EXPECT_EQ(tpl.latinFont, "Georgia");
    EXPECT_EQ(tpl.eastAsianFont, "SimSun");
    // The chart area: under the title, as wide as it, inside the slide.
    EXPECT_GT(tpl.content.y, kTitle.y + kTitle.h);
    EXPECT_EQ(tpl.content.x, kTitle.x);
    EXPECT_EQ(tpl.content.w, kTitle.w);
    EXPECT_LE(tpl.content.y + tpl.content.h, kHeight);
    // A title that fits keeps the template's size; a long one is made smaller, not cut.
    EXPECT_EQ(fittedTitleSize("ASIC market (US$B)", tpl), tpl.titleSize);
    const std::string longTitle(160, 'x');
    const int fitted = fittedTitleSize(longTitle, tpl);
    EXPECT_LT(fitted, tpl.titleSize);
    EXPECT_GE(fitted, tpl.titleSize / 2);
    // 160 × 0.55 em at `fitted` fits the placeholder's lines.
    const double points = fitted / 100.0;
    const double lines = std::ceil(160 * 0.55 * points / (kTitle.w / 12700.0));
    EXPECT_LE(points * (1 + 1.2 * (lines - 1)), kTitle.h / 12700.0 * 1.05);
    // Twenty Chinese characters are twice as wide as twenty Latin letters.
    EXPECT_LT(fittedTitleSize("数据中心专用芯片市场规模数据中心专用芯片市场", tpl),
              fittedTitleSize("Datacenter ASIC mark", tpl));
    // Its own slides are gone; its master, layout and theme kept.
    for (const auto& [name, bytes] : tpl.parts)
        EXPECT_EQ(name.rfind("ppt/slides/", 0), std::string::npos) << name;
    EXPECT_EQ(tpl.parts.count("ppt/slideMasters/slideMaster1.xml"), 1u);
}

TEST(DeckIntoTemplate, SlidesSitOnTheTemplatesLayoutInItsColoursAndFonts) {
    const TempDir dir;
    const std::string corp = firmTemplate(dir);
    DeckOptions options;
    options.language = "zh";
    Deck deck = buildDeck(defaultModel(), options);
    deck.style = std::make_shared<const DeckTemplate>(parseTemplate(corp, "corp.pptx"));
    const std::string path = dir.file("deck.pptx");
    writeDeck(deck, path);
    const fs::path root = dir.path() / "deck";
    unzip(path, root);
    const fs::path tplRoot = dir.path() / "corp";
    writeFile(dir.file("corp.pptx"), corp);
    unzip(dir.file("corp.pptx"), tplRoot);

    // The template's size and master; exactly Jevons' slides, typed as a presentation.
    const std::string presentation = readFile((root / "ppt/presentation.xml").string());
    EXPECT_NE(presentation.find(R"(<p:sldSz cx="9144000" cy="6858000")"), std::string::npos);
    EXPECT_EQ(countOf(presentation, "<p:sldId "), deck.slides.size());
    EXPECT_EQ(readFile((root / "ppt/slideMasters/slideMaster1.xml").string()),
              readFile((tplRoot / "ppt/slideMasters/slideMaster1.xml").string()));
    const std::string types = readFile((root / "[Content_Types].xml").string());
    EXPECT_NE(types.find("presentationml.presentation.main+xml"), std::string::npos);
    EXPECT_EQ(types.find("template.main"), std::string::npos);
    std::size_t slideParts = 0;
    for (const auto& e : fs::directory_iterator(root / "ppt" / "slides"))
        slideParts += e.path().extension() == ".xml";
    EXPECT_EQ(slideParts, deck.slides.size());

    for (std::size_t k = 1; k <= deck.slides.size(); ++k) {
        const fs::path part = root / "ppt" / "slides" / ("slide" + std::to_string(k) + ".xml");
        const std::string slide = readFile(part.string());
        EXPECT_EQ(schemaErrors(part, "pml.xsd"), "") << part;
        EXPECT_NE(slide.find(R"(<p:ph type="title"/>)"), std::string::npos) << part;
        EXPECT_NE(
            readFile((root / "ppt/slides/_rels" / (part.filename().string() + ".rels")).string())
                .find("../slideLayouts/slideLayout1.xml"),
            std::string::npos);
        for (const EmuRect& b : boxesOf(slide)) {  // every shape on the 4:3 page
            if (b.w == 0 && b.h == 0) continue;    // the shape tree's own frame
            EXPECT_GE(b.x, 0) << part;
            EXPECT_GE(b.y, kTitle.y + kTitle.h) << part << ": under the title";
            EXPECT_LE(b.x + b.w, kWidth) << part;
            EXPECT_LE(b.y + b.h, kHeight) << part;
        }
    }
    // The ASIC market's chart: its series in the first accent, its text in the theme's fonts.
    const std::string chart = readFile((root / "ppt/charts/chart1.xml").string());
    EXPECT_NE(chart.find(R"(<a:srgbClr val="C00000"/>)"), std::string::npos);
    EXPECT_EQ(chart.find(R"(<a:srgbClr val="1F4E79"/>)"), std::string::npos);
    EXPECT_NE(chart.find(R"(<a:latin typeface="Georgia"/>)"), std::string::npos);
    EXPECT_NE(chart.find(R"(<a:ea typeface="SimSun"/>)"), std::string::npos);
    EXPECT_EQ(chart.find("Microsoft YaHei"), std::string::npos);
    EXPECT_EQ(schemaErrors(root / "ppt/charts/chart1.xml", "dml-chart.xsd"), "");

    // A deck made in a template updates in place like any other: fresh, it is up to date.
    EXPECT_FALSE(updateDeck(defaultModel(), path).changed);
    EXPECT_TRUE(updateDeck(defaultModel(), path, changedOptions()).changed);
    EXPECT_FALSE(updateDeck(defaultModel(), path, changedOptions()).changed);
}

TEST(DeckIntoTemplate, UnusableTemplatesGetOneClearMessage) {
    const TempDir dir;
    const auto message = [](const std::string& bytes, const std::string& name) -> std::string {
        try {
            (void)parseTemplate(bytes, name);
        } catch (const DeckError& e) {
            return e.what();
        }
        return "(accepted)";
    };
    // Jevons' own deck has only a blank layout: nothing to put a title in.
    EXPECT_EQ(message(readFile(exportDefault(dir, "own.pptx")), "own.pptx"),
              "own.pptx, part ppt/slideMasters/slideMaster1.xml: none of its 1 layouts is a "
              "title-only or title-and-content layout");
    EXPECT_EQ(message("not a deck", "corp.potx"),
              "corp.potx is not a .pptx or .potx file (not a zip archive)");
    const std::string corp = firmTemplate(dir);
    writeFile(dir.file("corp.pptx"), corp);
    const std::string macros =
        rezipped(dir.file("corp.pptx"), dir, [](const std::string& name, const std::string& b) {
            return name == "[Content_Types].xml"
                       ? std::regex_replace(
                             b,
                             std::regex("application/vnd.openxmlformats-officedocument."
                                        "presentationml.presentation.main\\+xml"),
                             "application/vnd.ms-powerpoint.template.macroEnabled.main+xml")
                       : b;
        });
    EXPECT_EQ(message(macros, "corp.potm"),
              "corp.potm is a macro-enabled template: save it as a .potx (without macros) and "
              "use that");
    EXPECT_THROW((void)loadTemplate(dir.file("missing.potx")), DeckError);
}
