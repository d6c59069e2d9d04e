#include "core/deck/package_parts.h"

#include "core/deck/slide_xml.h"
#include "core/deck/text_style.h"
#include "core/deck/xml_writer.h"

#include <array>
#include <utility>

namespace jevons::core::deck {
namespace {

constexpr std::string_view kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr std::string_view kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kNsP = "http://schemas.openxmlformats.org/presentationml/2006/main";
constexpr std::string_view kPml = "application/vnd.openxmlformats-officedocument.presentationml.";
constexpr long kMasterId = 2147483648L;
constexpr long kLayoutId = 2147483649L;

std::string rel(std::string_view name) { return std::string(kOfficeRel) + std::string(name); }

void pmlRoot(XmlWriter& w, std::string_view element) {
    w.declaration();
    w.start(element).attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
}

void emptySpTree(XmlWriter& w) {
    w.start("p:spTree");
    w.start("p:nvGrpSpPr");
    w.start("p:cNvPr").attr("id", 1).attr("name", "").end();
    w.empty("p:cNvGrpSpPr").empty("p:nvPr");
    w.end();
    w.start("p:grpSpPr").start("a:xfrm");
    w.start("a:off").attr("x", 0).attr("y", 0).end();
    w.start("a:ext").attr("cx", 0).attr("cy", 0).end();
    w.start("a:chOff").attr("x", 0).attr("y", 0).end();
    w.start("a:chExt").attr("cx", 0).attr("cy", 0).end();
    w.end().end();
    w.end();
}

void levelStyle(XmlWriter& w, std::string_view element, int size) {
    w.start(element).start("a:lvl1pPr").attr("algn", "l");
    w.start("a:defRPr").attr("sz", size);
    w.start("a:solidFill").val("a:schemeClr", "tx1").end();
    w.start("a:latin").attr("typeface", "+mn-lt").end();
    w.start("a:ea").attr("typeface", "+mn-ea").end();
    w.end();
    w.end().end();
}

void themeFont(XmlWriter& w, std::string_view element) {
    w.start(element);
    w.start("a:latin").attr("typeface", kLatinFont).end();
    w.start("a:ea").attr("typeface", kEastAsianFont).end();
    w.start("a:cs").attr("typeface", "").end();
    w.start("a:font").attr("script", "Hans").attr("typeface", kEastAsianFont).end();
    w.end();
}

void phClrFill(XmlWriter& w) { w.start("a:solidFill").val("a:schemeClr", "phClr").end(); }

}  // namespace

std::string relationshipsXml(const std::vector<Relationship>& rels) {
    XmlWriter w;
    w.declaration();
    w.start("Relationships")
        .attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
    for (const Relationship& r : rels)
        w.start("Relationship")
            .attr("Id", r.id)
            .attr("Type", r.type)
            .attr("Target", r.target)
            .end();
    w.end();
    return w.finish();
}

std::string contentTypesXml(const std::vector<PartType>& overrides) {
    XmlWriter w;
    w.declaration();
    w.start("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    const std::array<std::pair<std::string_view, std::string_view>, 4> defaults = {{
        {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
        {"xml", "application/xml"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"png", "image/png"},
    }};
    for (const auto& [ext, type] : defaults)
        w.start("Default").attr("Extension", ext).attr("ContentType", type).end();
    for (const PartType& p : overrides)
        w.start("Override").attr("PartName", p.name).attr("ContentType", p.contentType).end();
    w.end();
    return w.finish();
}

std::vector<PartType> fixedPartTypes() {
    const std::string pml(kPml);
    return {
        {"/ppt/presentation.xml", pml + "presentation.main+xml"},
        {"/ppt/presProps.xml", pml + "presProps+xml"},
        {"/ppt/viewProps.xml", pml + "viewProps+xml"},
        {"/ppt/tableStyles.xml", pml + "tableStyles+xml"},
        {"/ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml"},
        {"/ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml"},
        {"/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"},
        {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"/docProps/app.xml",
         "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
    };
}

std::string rootRelsXml() {
    return relationshipsXml({
        {"rId1", rel("officeDocument"), "ppt/presentation.xml"},
        {"rId2",
         "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"},
        {"rId3", rel("extended-properties"), "docProps/app.xml"},
    });
}

std::string corePropertiesXml(const std::string& title, const std::string& author,
                              const std::string& created) {
    XmlWriter w;
    w.declaration();
    w.start("cp:coreProperties");
    w.attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    w.attr("xmlns:dcterms", "http://purl.org/dc/terms/");
    w.attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
    w.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    w.element("dc:title", title).element("dc:creator", author);
    w.element("cp:lastModifiedBy", "Jevons").element("cp:revision", "1");
    w.start("dcterms:created").attr("xsi:type", "dcterms:W3CDTF").text(created).end();
    w.start("dcterms:modified").attr("xsi:type", "dcterms:W3CDTF").text(created).end();
    w.end();
    return w.finish();
}

std::string appPropertiesXml(std::size_t slideCount) {
    XmlWriter w;
    w.declaration();
    w.start("Properties");
    w.attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    w.attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    w.element("TotalTime", "0").element("Application", "Jevons");
    w.element("PresentationFormat", "Widescreen");
    w.start("Slides").text(std::to_string(slideCount)).end();
    w.end();
    return w.finish();
}

std::string presentationXml(std::size_t slideCount) {
    XmlWriter w;
    pmlRoot(w, "p:presentation");
    w.attr("saveSubsetFonts", 1);
    w.start("p:sldMasterIdLst").start("p:sldMasterId").attr("id", kMasterId).attr("r:id", "rId1");
    w.end().end();
    w.start("p:sldIdLst");
    for (std::size_t i = 0; i < slideCount; ++i)
        w.start("p:sldId").attr("id", 256 + i).attr("r:id", "rId" + std::to_string(i + 2)).end();
    w.end();
    w.start("p:sldSz").attr("cx", kSlideWidth).attr("cy", kSlideHeight).end();
    w.start("p:notesSz").attr("cx", 6858000).attr("cy", 9144000).end();
    w.end();
    return w.finish();
}

std::string presentationRelsXml(std::size_t slideCount) {
    std::vector<Relationship> rels{{"rId1", rel("slideMaster"), "slideMasters/slideMaster1.xml"}};
    for (std::size_t i = 0; i < slideCount; ++i)
        rels.push_back({"rId" + std::to_string(i + 2), kSlideRel,
                        "slides/slide" + std::to_string(i + 1) + ".xml"});
    const std::size_t next = slideCount + 2;
    rels.push_back({"rId" + std::to_string(next), rel("presProps"), "presProps.xml"});
    rels.push_back({"rId" + std::to_string(next + 1), rel("viewProps"), "viewProps.xml"});
    rels.push_back({"rId" + std::to_string(next + 2), rel("theme"), "theme/theme1.xml"});
    rels.push_back({"rId" + std::to_string(next + 3), rel("tableStyles"), "tableStyles.xml"});
    return relationshipsXml(rels);
}

std::string presPropsXml() {
    XmlWriter w;
    pmlRoot(w, "p:presentationPr");
    w.end();
    return w.finish();
}

std::string viewPropsXml() {
    XmlWriter w;
    pmlRoot(w, "p:viewPr");
    w.end();
    return w.finish();
}

std::string tableStylesXml() {
    XmlWriter w;
    w.declaration();
    w.start("a:tblStyleLst").attr("xmlns:a", kNsA);
    w.attr("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}");
    w.end();
    return w.finish();
}

std::string slideMasterXml() {
    XmlWriter w;
    pmlRoot(w, "p:sldMaster");
    w.start("p:cSld");
    w.start("p:bg").start("p:bgRef").attr("idx", 1001).val("a:schemeClr", "bg1").end().end();
    emptySpTree(w);
    w.end();
    w.start("p:clrMap").attr("bg1", "lt1").attr("tx1", "dk1").attr("bg2", "lt2");
    w.attr("tx2", "dk2");
    for (const char* a : {"accent1", "accent2", "accent3", "accent4", "accent5", "accent6"})
        w.attr(a, a);
    w.attr("hlink", "hlink").attr("folHlink", "folHlink").end();
    w.start("p:sldLayoutIdLst").start("p:sldLayoutId").attr("id", kLayoutId).attr("r:id", "rId1");
    w.end().end();
    w.start("p:txStyles");
    levelStyle(w, "p:titleStyle", 2400);
    levelStyle(w, "p:bodyStyle", 1600);
    levelStyle(w, "p:otherStyle", 1200);
    w.end();
    w.end();
    return w.finish();
}

std::string slideMasterRelsXml() {
    return relationshipsXml({{"rId1", kSlideLayoutRel, "../slideLayouts/slideLayout1.xml"},
                             {"rId2", rel("theme"), "../theme/theme1.xml"}});
}

std::string slideLayoutXml() {
    XmlWriter w;
    pmlRoot(w, "p:sldLayout");
    w.attr("type", "blank").attr("preserve", 1);
    w.start("p:cSld").attr("name", "Blank");
    emptySpTree(w);
    w.end();
    w.start("p:clrMapOvr").empty("a:masterClrMapping").end();
    w.end();
    return w.finish();
}

std::string slideLayoutRelsXml() {
    return relationshipsXml({{"rId1", rel("slideMaster"), "../slideMasters/slideMaster1.xml"}});
}

std::string themeXml() {
    XmlWriter w;
    w.declaration();
    w.start("a:theme").attr("xmlns:a", kNsA).attr("name", "Jevons");
    w.start("a:themeElements");
    w.start("a:clrScheme").attr("name", "Jevons");
    const std::array<std::pair<const char*, const char*>, 12> colours = {{
        {"a:dk1", "000000"},
        {"a:lt1", "FFFFFF"},
        {"a:dk2", "1F3864"},
        {"a:lt2", "E7E6E6"},
        {"a:accent1", "1F4E79"},
        {"a:accent2", "5B9BD5"},
        {"a:accent3", "A5A5A5"},
        {"a:accent4", "C55A11"},
        {"a:accent5", "FFC000"},
        {"a:accent6", "70AD47"},
        {"a:hlink", "0563C1"},
        {"a:folHlink", "954F72"},
    }};
    for (const auto& [name, hex] : colours) w.start(name).val("a:srgbClr", hex).end();
    w.end();
    w.start("a:fontScheme").attr("name", "Jevons");
    themeFont(w, "a:majorFont");
    themeFont(w, "a:minorFont");
    w.end();
    w.start("a:fmtScheme").attr("name", "Jevons");
    w.start("a:fillStyleLst");
    for (int i = 0; i < 3; ++i) phClrFill(w);
    w.end();
    w.start("a:lnStyleLst");
    for (int width : {6350, 12700, 19050}) {
        w.start("a:ln").attr("w", width);
        phClrFill(w);
        w.end();
    }
    w.end();
    w.start("a:effectStyleLst");
    for (int i = 0; i < 3; ++i) w.start("a:effectStyle").empty("a:effectLst").end();
    w.end();
    w.start("a:bgFillStyleLst");
    for (int i = 0; i < 3; ++i) phClrFill(w);
    w.end();
    w.end();
    w.end();  // themeElements
    w.empty("a:objectDefaults").empty("a:extraClrSchemeLst");
    w.end();
    return w.finish();
}

}  // namespace jevons::core::deck
