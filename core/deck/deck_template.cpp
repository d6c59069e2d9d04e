#include "core/deck/deck_template.h"

#include "core/deck/deck_error.h"
#include "core/deck/ooxml_edit.h"
#include "core/deck/text_style.h"
#include "core/deck/zip_package.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

namespace jevons::core::deck {
namespace {

bool endsWith(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
bool startsWith(std::string_view s, std::string_view head) {
    return s.substr(0, head.size()) == head;
}

std::optional<EmuRect> xfrmOf(const pugi::xml_node& shape) {
    const auto box = shapeBox(shape);
    if (!box || box->w <= 0 || box->h <= 0) return std::nullopt;
    return EmuRect{box->x, box->y, box->w, box->h};
}

/// The placeholder type of a shape ("title", "body", "dt", ...); "" when it is none. A p:ph
/// without a type is a content ("obj") placeholder.
std::string placeholderType(const pugi::xml_node& shape) {
    for (pugi::xml_node nv : shape.children()) {
        const pugi::xml_node ph = nv.child("p:nvPr").child("p:ph");
        if (ph) return ph.attribute("type") ? ph.attribute("type").value() : "obj";
    }
    return {};
}

bool isFooter(std::string_view type) {
    return type == "dt" || type == "ftr" || type == "sldNum" || type == "hdr";
}

struct Layout {
    std::string part;
    std::string type;                   ///< sldLayout@type, "" when absent (LibreOffice)
    std::multiset<std::string> places;  ///< placeholder types, footers left out
    std::optional<EmuRect> title;
    std::optional<int> titleSize;  ///< 1/100 pt, when the layout's title sets one
};

// The text size a placeholder sets (1/100 pt): its list style's first level, else its runs'.
std::optional<int> textSizeOf(const pugi::xml_node& shape) {
    for (const char* path :
         {".//a:lstStyle/a:lvl1pPr/a:defRPr[@sz]", ".//a:rPr[@sz]", ".//a:endParaRPr[@sz]"})
        if (const pugi::xpath_node n = shape.select_node(path))
            return n.node().attribute("sz").as_int();
    return std::nullopt;
}

Layout readLayout(const ZipPackage& package, const std::string& part) {
    const auto doc = parseXmlPart(package.read(part), package.what() + ", part " + part);
    const pugi::xml_node layout = doc->child("p:sldLayout");
    Layout out{part, layout.attribute("type").value(), {}, std::nullopt, std::nullopt};
    for (pugi::xml_node shape : layout.child("p:cSld").child("p:spTree").children()) {
        const std::string type = placeholderType(shape);
        if (type.empty() || isFooter(type)) continue;
        const bool title = type == "title" || type == "ctrTitle";
        out.places.insert(title ? "title" : (type == "body" ? "obj" : type));
        if (title && !out.title) out.title = xfrmOf(shape);
        if (title && !out.titleSize) out.titleSize = textSizeOf(shape);
    }
    return out;
}

// A title-only layout by its type, else by its placeholders (LibreOffice writes no types),
// else a title-and-content one; the master's first such layout.
const Layout* chooseLayout(const std::vector<Layout>& layouts) {
    const std::multiset<std::string> titleOnly{"title"};
    const std::multiset<std::string> titleAndContent{"title", "obj"};
    for (const Layout& l : layouts)
        if (l.type == "titleOnly") return &l;
    for (const Layout& l : layouts)
        if (l.type.empty() && l.places == titleOnly) return &l;
    for (const Layout& l : layouts)
        if (l.type == "obj" || (l.type.empty() && l.places == titleAndContent)) return &l;
    return nullptr;
}

std::string colourOf(const pugi::xml_node& slot) {
    if (const pugi::xml_node rgb = slot.child("a:srgbClr")) return rgb.attribute("val").value();
    if (const pugi::xml_node sys = slot.child("a:sysClr")) return sys.attribute("lastClr").value();
    return {};
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

void readTheme(const ZipPackage& package, const std::string& part, DeckTemplate& out) {
    const auto doc = parseXmlPart(package.read(part), package.what() + ", part " + part);
    const pugi::xml_node elements = doc->child("a:theme").child("a:themeElements");
    const pugi::xml_node scheme = elements.child("a:clrScheme");
    for (std::size_t k = 0; k < out.accents.size(); ++k) {
        const std::string colour =
            upper(colourOf(scheme.child(("a:accent" + std::to_string(k + 1)).c_str())));
        if (colour.size() == 6) out.accents[k] = colour;
    }
    const pugi::xml_node minor = elements.child("a:fontScheme").child("a:minorFont");
    out.latinFont = minor.child("a:latin").attribute("typeface").value();
    out.eastAsianFont = minor.child("a:ea").attribute("typeface").value();
}

// The free area for the chart: under the title (over it, when the layout puts the title low),
// above the master's footers, as wide as the title when the title spans most of the slide.
EmuRect contentArea(const DeckTemplate& t, std::int64_t footerTop) {
    const std::int64_t gap = t.height / 40;
    const std::int64_t side = t.width / 25;
    EmuRect c{side, 0, t.width - 2 * side, 0};
    if (t.title.w >= t.width * 3 / 5) c = {t.title.x, 0, t.title.w, 0};
    const bool titleLow = t.title.y + t.title.h / 2 > t.height / 2;
    const std::int64_t top = titleLow ? gap : t.title.y + t.title.h + gap;
    const std::int64_t bottom = titleLow ? t.title.y - gap : footerTop - gap;
    c.y = top;
    c.h = std::max<std::int64_t>(bottom - top, t.height / 3);
    return c;
}

// The template without its slides: slide, notes, chart and comment parts removed, the
// presentation's slide list and slide relationships emptied, the main part typed as a
// presentation (not a template).
void dropSlides(const ZipPackage& package, DeckTemplate& out) {
    const auto removed = [](std::string_view name) {
        for (std::string_view folder :
             {"ppt/slides/", "ppt/notesSlides/", "ppt/charts/", "ppt/embeddings/", "ppt/comments/"})
            if (startsWith(name, folder)) return true;
        return false;
    };
    for (const std::string& name : package.names())
        if (!removed(name) && !endsWith(name, "/")) out.parts[name] = package.read(name);

    const std::string what = package.what();
    auto presentation =
        parseXmlPart(out.parts.at("ppt/presentation.xml"), what + ", part ppt/presentation.xml");
    pugi::xml_node root = presentation->child("p:presentation");
    root.remove_child("p:sldIdLst");
    out.parts["ppt/presentation.xml"] = xmlText(*presentation);

    const std::string relsName = "ppt/_rels/presentation.xml.rels";
    auto rels = parseXmlPart(out.parts.at(relsName), what + ", part " + relsName);
    pugi::xml_node list = rels->child("Relationships");
    for (pugi::xml_node r = list.first_child(); r;) {
        const pugi::xml_node next = r.next_sibling();
        if (endsWith(r.attribute("Type").value(), "/slide")) list.remove_child(r);
        r = next;
    }
    out.parts[relsName] = xmlText(*rels);

    const std::string typesName = "[Content_Types].xml";
    auto types = parseXmlPart(out.parts.at(typesName), what + ", part " + typesName);
    pugi::xml_node all = types->child("Types");
    for (pugi::xml_node t = all.first_child(); t;) {
        const pugi::xml_node next = t.next_sibling();
        const std::string part = t.attribute("PartName").value();
        if (std::string_view(t.name()) == "Override" && part.size() > 1 &&
            (removed(part.substr(1)) || !out.parts.count(part.substr(1))))
            all.remove_child(t);
        else if (part == "/ppt/presentation.xml")
            t.attribute("ContentType")
                .set_value(
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation."
                    "main+xml");
        t = next;
    }
    out.parts[typesName] = xmlText(*types);
}

}  // namespace

DeckTemplate parseTemplate(std::string bytes, const std::string& what) {
    const ZipPackage package(std::move(bytes), what);
    if (!package.has("ppt/presentation.xml"))
        throw DeckError(what + " is not a presentation (it has no ppt/presentation.xml)");
    if (package.read("[Content_Types].xml").find("macroEnabled") != std::string::npos)
        throw DeckError(what +
                        " is a macro-enabled template: save it as a .potx (without macros) and "
                        "use that");
    DeckTemplate out;
    out.what = what;
    out.accents = {"1F4E79", "5B9BD5", "A5A5A5", "2E75B6", "BDD7EE", "7F7F7F"};

    const auto presentation =
        parseXmlPart(package.read("ppt/presentation.xml"), what + ", part ppt/presentation.xml");
    const pugi::xml_node root = presentation->child("p:presentation");
    const pugi::xml_node size = root.child("p:sldSz");
    out.width = size.attribute("cx").as_llong(kSlideWidth);
    out.height = size.attribute("cy").as_llong(kSlideHeight);
    if (out.width <= 0 || out.height <= 0)
        throw DeckError(what + ", part ppt/presentation.xml: the slide size is not positive");

    const std::string masterId =
        root.child("p:sldMasterIdLst").child("p:sldMasterId").attribute("r:id").value();
    std::string master;
    for (const PartRelationship& r : partRelationships(package, "ppt/presentation.xml"))
        if (r.id == masterId && r.type == "slideMaster") master = r.target;
    if (master.empty() || !package.has(master))
        throw DeckError(what + ", part ppt/presentation.xml: it has no slide master");

    std::vector<Layout> layouts;
    std::string theme;
    for (const PartRelationship& r : partRelationships(package, master)) {
        if (r.type == "slideLayout" && package.has(r.target))
            layouts.push_back(readLayout(package, r.target));
        if (r.type == "theme" && package.has(r.target)) theme = r.target;
    }
    const Layout* layout = chooseLayout(layouts);
    if (!layout)
        throw DeckError(what + ", part " + master + ": none of its " +
                        std::to_string(layouts.size()) +
                        " layouts is a title-only or title-and-content layout");
    out.layoutPart = layout->part;
    out.layoutType = layout->type;
    if (!theme.empty()) readTheme(package, theme, out);

    // The title's place and size: the layout's, else the master's title placeholder's, else
    // the master's title style. The foot of the free area: the footers' top, or the top of a
    // decoration of the master across the lower half of the slide (a band, a curve, a logo
    // strip), whichever is higher.
    const auto masterDoc = parseXmlPart(package.read(master), what + ", part " + master);
    const pugi::xml_node masterRoot = masterDoc->child("p:sldMaster");
    std::optional<EmuRect> title = layout->title;
    std::optional<int> titleSize = layout->titleSize;
    std::int64_t footerTop = out.height - out.height / 30;
    for (pugi::xml_node shape : masterRoot.child("p:cSld").child("p:spTree").children()) {
        const std::string type = placeholderType(shape);
        const auto box = xfrmOf(shape);
        if (type == "title" && !titleSize) titleSize = textSizeOf(shape);
        if (!box) continue;
        if (!title && type == "title") title = box;
        const bool lowDecoration =
            type.empty() && box->y > out.height / 2 && box->w >= out.width / 2;
        if ((isFooter(type) || lowDecoration) && box->y > out.height / 2)
            footerTop = std::min(footerTop, box->y);
    }
    if (!titleSize) titleSize = textSizeOf(masterRoot.child("p:txStyles").child("p:titleStyle"));
    out.titleSize = titleSize.value_or(4400);
    out.title = title.value_or(
        EmuRect{out.width / 20, out.height / 30, out.width * 9 / 10, out.height * 3 / 20});
    out.content = contentArea(out, footerTop);
    dropSlides(package, out);
    return out;
}

DeckTemplate loadTemplate(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string name = path.substr(path.find_last_of('/') + 1);
    if (!in) throw DeckError("cannot read the template " + path);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseTemplate(std::move(bytes), name);
}

namespace {

// Jevons' own drawing area on its 16:9 slide, below its title: from the scenario tag's top to
// the source line's foot, between the side margins. It maps onto the template's content area.
const EmuRect kJevonsArea{411480, 274320, kSlideWidth - 2 * 411480, 6675120 - 274320};

std::int64_t mapped(std::int64_t v, std::int64_t from, std::int64_t fromSize, std::int64_t to,
                    std::int64_t toSize) {
    return to + static_cast<std::int64_t>(
                    std::llround(static_cast<double>(v - from) * static_cast<double>(toSize) /
                                 static_cast<double>(fromSize)));
}

// How much smaller (or larger) the template's content area is than Jevons' area: text sizes
// scale with it, as PowerPoint scales content when a slide is resized. The geometric mean of
// the two directions: a wide, short area (a template with a band at its foot) shrinks the
// chart's height but should not shrink its labels as much.
double contentScale(const DeckTemplate& tpl) {
    const double sx = static_cast<double>(tpl.content.w) / static_cast<double>(kJevonsArea.w);
    const double sy = static_cast<double>(tpl.content.h) / static_cast<double>(kJevonsArea.h);
    return std::clamp(std::sqrt(sx * sy), 0.6, 1.5);
}

void scaleAttribute(pugi::xml_node node, const char* name, double factor, long long least) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) return;
    a.set_value(std::max(
        least, static_cast<long long>(std::llround(static_cast<double>(a.as_llong()) * factor))));
}

// The theme's fonts for Jevons' own, and text sizes times `scale` (at least 6 pt).
void useThemeFonts(pugi::xml_node root, const DeckTemplate& tpl, double scale) {
    for (pugi::xpath_node n : root.select_nodes(".//a:rPr | .//a:defRPr | .//a:endParaRPr"))
        scaleAttribute(n.node(), "sz", scale, 600);
    for (pugi::xpath_node n : root.select_nodes(".//a:latin | .//a:ea")) {
        pugi::xml_node font = n.node();
        const bool ea = std::string_view(font.name()) == "a:ea";
        const std::string& face = ea ? tpl.eastAsianFont : tpl.latinFont;
        if (!face.empty()) font.attribute("typeface").set_value(face.c_str());
    }
}

// Width of `text` in ems: CJK and full-width characters one em, others 0.55 em (a little
// wider than the average Latin letter, so that an estimate errs towards a smaller title).
double emsOf(std::string_view text) {
    double ems = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xC0) == 0x80) continue;  // a continuation byte
        ems += (b >= 0xE0 && hasCjk(text.substr(i, 3))) ? 1.0 : 0.55;
    }
    return ems;
}

// The shape named "Title" as the layout's title placeholder: the layout's place, font, size
// and colour; only the text and its language stay, and a size when the template's would
// overflow the placeholder.
void makeTitlePlaceholder(pugi::xml_node shape, std::optional<int> size) {
    pugi::xml_node nv = shape.child("p:nvSpPr");
    pugi::xml_node cNvSpPr = nv.child("p:cNvSpPr");
    cNvSpPr.remove_attributes();
    cNvSpPr.remove_children();
    cNvSpPr.append_child("a:spLocks").append_attribute("noGrp").set_value(1);
    nv.child("p:nvPr").remove_children();
    nv.child("p:nvPr").append_child("p:ph").append_attribute("type").set_value("title");
    shape.child("p:spPr").remove_children();
    pugi::xml_node body = shape.child("p:txBody");
    body.child("a:bodyPr").remove_attributes();
    body.child("a:bodyPr").remove_children();
    for (pugi::xml_node p : body.children("a:p")) {
        p.remove_child("a:pPr");
        for (pugi::xpath_node n : p.select_nodes(".//a:rPr | .//a:endParaRPr")) {
            pugi::xml_node props = n.node();
            const std::string lang = props.attribute("lang").value();
            props.remove_attributes();
            props.remove_children();
            props.append_attribute("lang").set_value(lang.c_str());
            if (size) props.append_attribute("sz").set_value(*size);
        }
    }
}

}  // namespace

int fittedTitleSize(const std::string& title, const DeckTemplate& tpl) {
    constexpr double kEmuPerPoint = 12700.0;
    const double width = static_cast<double>(tpl.title.w) / kEmuPerPoint;
    const double height = static_cast<double>(tpl.title.h) / kEmuPerPoint;
    double ems = 0;
    for (std::size_t begin = 0; begin <= title.size();) {  // the longest paragraph
        const std::size_t nl = std::min(title.find('\n', begin), title.size());
        ems = std::max(ems, emsOf(std::string_view(title).substr(begin, nl - begin)));
        begin = nl + 1;
    }
    const int least = tpl.titleSize / 2;
    for (int size = tpl.titleSize; size > least; size -= 100) {
        const double points = size / 100.0;
        const double lines = std::max(1.0, std::ceil(ems * points / width));
        if (points * (1.0 + 1.2 * (lines - 1.0)) <= height * 1.05) return size;
    }
    return least;
}

std::string placeOnTemplate(const std::string& slideXml, const DeckTemplate& tpl) {
    const auto doc = parseXmlPart(slideXml, "slide");
    const EmuRect& to = tpl.content;
    const pugi::xml_node tree = doc->child("p:sld").child("p:cSld").child("p:spTree");
    for (pugi::xml_node shape : tree.children()) {
        const std::string_view kind = shape.name();
        if (kind == "p:nvGrpSpPr" || kind == "p:grpSpPr") continue;
        if (kind == "p:sp" && shapeName(shape) == "Title") {
            const int size = fittedTitleSize(shapeText(shape), tpl);
            makeTitlePlaceholder(shape,
                                 size < tpl.titleSize ? std::optional<int>(size) : std::nullopt);
            continue;
        }
        useThemeFonts(shape, tpl, contentScale(tpl));
        const auto box = shapeBox(shape);
        if (!box) continue;
        const EmuRect& from = kJevonsArea;
        ShapeBox moved{mapped(box->x, from.x, from.w, to.x, to.w),
                       mapped(box->y, from.y, from.h, to.y, to.h), box->w * to.w / from.w,
                       box->h * to.h / from.h};
        if (kind == "p:graphicFrame") {  // a table's columns and rows follow its frame
            for (pugi::xpath_node n : shape.select_nodes(".//a:gridCol"))
                scaleAttribute(n.node(), "w",
                               static_cast<double>(to.w) / static_cast<double>(from.w), 1);
            for (pugi::xpath_node n : shape.select_nodes(".//a:tr"))
                scaleAttribute(n.node(), "h",
                               static_cast<double>(to.h) / static_cast<double>(from.h), 1);
        }
        if (kind == "p:pic") {  // a picture keeps its aspect, centred in its new box
            const double scale = std::min(static_cast<double>(to.w) / static_cast<double>(from.w),
                                          static_cast<double>(to.h) / static_cast<double>(from.h));
            const auto w =
                static_cast<long long>(std::llround(static_cast<double>(box->w) * scale));
            const auto h =
                static_cast<long long>(std::llround(static_cast<double>(box->h) * scale));
            moved = {moved.x + (moved.w - w) / 2, moved.y + (moved.h - h) / 2, w, h};
        }
        setShapeBox(shape, moved);
    }
    return xmlText(*doc);
}

std::string chartInTemplateFonts(const std::string& chartXml, const DeckTemplate& tpl) {
    const auto doc = parseXmlPart(chartXml, "chart");
    useThemeFonts(doc->document_element(), tpl, contentScale(tpl));
    return xmlText(*doc);
}

}  // namespace jevons::core::deck
