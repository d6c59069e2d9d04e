#include "core/deck/ooxml_edit.h"

#include "core/deck/deck_error.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace jevons::core::deck {
namespace {

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_declaration |
                                   pugi::parse_comments | pugi::parse_pi |
                                   pugi::parse_ws_pcdata_single;

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override {
        out.append(static_cast<const char*>(data), size);
    }
};

// A shape's text body, or a table cell's.
pugi::xml_node textBodyOf(const pugi::xml_node& shape) {
    if (const pugi::xml_node body = shape.child("p:txBody")) return body;
    return shape.child("a:txBody");
}

pugi::xml_node nonVisualProperties(const pugi::xml_node& shape) {
    for (pugi::xml_node child : shape.children()) {
        const std::string_view name = child.name();
        if (name.size() > 4 && name.substr(0, 4) == "p:nv") return child.child("p:cNvPr");
    }
    return {};
}

std::string paragraphText(const pugi::xml_node& p) {
    std::string out;
    for (pugi::xml_node run : p.children()) {
        const std::string_view name = run.name();
        if (name == "a:r" || name == "a:fld") out += run.child("a:t").text().get();
        if (name == "a:br") out += '\v';  // a line break within the paragraph
    }
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (true) {
        const std::size_t nl = text.find('\n', begin);
        out.push_back(text.substr(begin, nl == std::string::npos ? nl : nl - begin));
        if (nl == std::string::npos) return out;
        begin = nl + 1;
    }
}

// The paragraph's text becomes `line`, in its first run (whose properties stay).
void setParagraph(pugi::xml_node p, pugi::xml_node templateRun, const std::string& line) {
    std::vector<pugi::xml_node> drop;
    for (pugi::xml_node child : p.children()) {
        const std::string_view name = child.name();
        if (name == "a:r" || name == "a:fld" || name == "a:br") drop.push_back(child);
    }
    pugi::xml_node before = p.child("a:endParaRPr");
    for (pugi::xml_node n : drop) p.remove_child(n);
    if (line.empty()) return;
    pugi::xml_node run =
        before ? p.insert_copy_before(templateRun, before) : p.append_copy(templateRun);
    if (std::string_view(run.name()) == "a:fld") {  // a field's properties, as a plain run
        run.set_name("a:r");
        run.remove_attribute("id");
        run.remove_attribute("type");
        run.remove_child("a:pPr");
    }
    pugi::xml_node t = run.child("a:t");
    if (!t) t = run.append_child("a:t");
    t.text().set(line.c_str());
}

}  // namespace

std::unique_ptr<pugi::xml_document> parseXmlPart(const std::string& bytes,
                                                 const std::string& where) {
    auto doc = std::make_unique<pugi::xml_document>();
    const pugi::xml_parse_result result =
        doc->load_buffer(bytes.data(), bytes.size(), kParseOptions, pugi::encoding_utf8);
    if (!result) {
        const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
        const auto line =
            1 +
            std::count(bytes.begin(),
                       bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())),
                       '\n');
        throw DeckError(where + ", line " + std::to_string(line) +
                        ": not well-formed XML: " + result.description());
    }
    return doc;
}

std::string xmlText(const pugi::xml_document& doc) {
    StringWriter writer;
    doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return std::move(writer.out);
}

std::string relsPartOf(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    return dir + "_rels/" + file + ".rels";
}

std::string resolveTarget(const std::string& part, const std::string& target) {
    std::vector<std::string> segments;
    std::string path = target;
    if (!path.empty() && path.front() == '/') {
        path.erase(0, 1);
    } else {
        const std::size_t slash = part.rfind('/');
        if (slash != std::string::npos) path = part.substr(0, slash + 1) + path;
    }
    std::istringstream in(path);
    for (std::string segment; std::getline(in, segment, '/');) {
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
            continue;
        }
        segments.push_back(segment);
    }
    std::string out;
    for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::vector<PartRelationship> partRelationships(const ZipPackage& package,
                                                const std::string& part) {
    std::vector<PartRelationship> out;
    const std::string rels = relsPartOf(part);
    if (!package.has(rels)) return out;
    const auto doc = parseXmlPart(package.read(rels), package.what() + ", part " + rels);
    for (pugi::xml_node r : doc->child("Relationships").children("Relationship")) {
        if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
        const std::string type = r.attribute("Type").value();
        out.push_back({r.attribute("Id").value(), type.substr(type.rfind('/') + 1),
                       resolveTarget(part, r.attribute("Target").value())});
    }
    return out;
}

std::map<std::string, std::string> relationshipsOf(const ZipPackage& package,
                                                   const std::string& part) {
    std::map<std::string, std::string> out;
    for (const PartRelationship& r : partRelationships(package, part)) out[r.id] = r.target;
    return out;
}

std::string shapeName(const pugi::xml_node& shape) {
    return nonVisualProperties(shape).attribute("name").value();
}

bool setShapeName(pugi::xml_node shape, const std::string& name) {
    pugi::xml_node cNvPr = nonVisualProperties(shape);
    if (!cNvPr || name == cNvPr.attribute("name").value()) return false;
    pugi::xml_attribute a = cNvPr.attribute("name");
    if (!a) a = cNvPr.append_attribute("name");
    a.set_value(name.c_str());
    return true;
}

std::string shapeText(const pugi::xml_node& shape) {
    std::string out;
    bool first = true;
    for (pugi::xml_node p : textBodyOf(shape).children("a:p")) {
        if (!first) out += '\n';
        out += paragraphText(p);
        first = false;
    }
    return out;
}

bool setShapeText(pugi::xml_node shape, const std::string& text) {
    if (shapeText(shape) == text) return false;
    pugi::xml_node body = textBodyOf(shape);
    pugi::xml_node first = body.child("a:p");
    if (!first) return false;
    pugi::xml_node templateRun;
    for (pugi::xml_node p : body.children("a:p")) {
        for (pugi::xml_node run : p.children())
            if (std::string_view(run.name()) == "a:r" || std::string_view(run.name()) == "a:fld") {
                templateRun = run;
                break;
            }
        if (templateRun) break;
    }
    if (!templateRun) return false;
    // Copy the run aside: the paragraphs it lives in are rewritten below.
    pugi::xml_document scratch;
    const pugi::xml_node run = scratch.append_copy(templateRun);
    const pugi::xml_node paragraphTemplate = scratch.append_copy(first);
    const std::vector<std::string> lines = splitLines(text);
    std::vector<pugi::xml_node> paragraphs;
    for (pugi::xml_node p : body.children("a:p")) paragraphs.push_back(p);
    for (std::size_t k = lines.size(); k < paragraphs.size(); ++k) body.remove_child(paragraphs[k]);
    paragraphs.resize(std::min(paragraphs.size(), lines.size()));
    while (paragraphs.size() < lines.size())
        paragraphs.push_back(body.insert_copy_after(paragraphTemplate, paragraphs.back()));
    for (std::size_t k = 0; k < lines.size(); ++k) setParagraph(paragraphs[k], run, lines[k]);
    return true;
}

std::optional<ShapeBox> shapeBox(const pugi::xml_node& shape) {
    pugi::xml_node xfrm = shape.child("p:xfrm");
    if (!xfrm) xfrm = shape.child("p:spPr").child("a:xfrm");
    if (!xfrm) xfrm = shape.child("p:grpSpPr").child("a:xfrm");
    const pugi::xml_node off = xfrm.child("a:off");
    const pugi::xml_node ext = xfrm.child("a:ext");
    if (!off || !ext) return std::nullopt;
    return ShapeBox{off.attribute("x").as_llong(), off.attribute("y").as_llong(),
                    ext.attribute("cx").as_llong(), ext.attribute("cy").as_llong()};
}

bool setShapeBox(pugi::xml_node shape, const ShapeBox& box) {
    const auto now = shapeBox(shape);
    if (!now) return false;
    if (now->x == box.x && now->y == box.y && now->w == box.w && now->h == box.h) return false;
    pugi::xml_node xfrm = shape.child("p:xfrm");
    if (!xfrm) xfrm = shape.child("p:spPr").child("a:xfrm");
    if (!xfrm) xfrm = shape.child("p:grpSpPr").child("a:xfrm");
    xfrm.child("a:off").attribute("x").set_value(box.x);
    xfrm.child("a:off").attribute("y").set_value(box.y);
    xfrm.child("a:ext").attribute("cx").set_value(box.w);
    xfrm.child("a:ext").attribute("cy").set_value(box.h);
    return true;
}

}  // namespace jevons::core::deck
