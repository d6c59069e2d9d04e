#include "core/deck/slide_xml.h"

#include "core/deck/plot_layout.h"
#include "core/deck/text_style.h"
#include "core/deck/xml_writer.h"

#include <algorithm>
#include <cmath>

namespace jevons::core::deck {
namespace {

constexpr std::int64_t inches(double in) { return static_cast<std::int64_t>(in * kEmuPerInch); }

constexpr std::int64_t kMargin = inches(0.45);
constexpr std::int64_t kContentWidth = kSlideWidth - 2 * kMargin;
constexpr std::int64_t kTagWidth = inches(2.4);
constexpr std::int64_t kBandTop = inches(1.2);
constexpr std::int64_t kBandRow = inches(0.42);
constexpr std::int64_t kChartBottom = inches(6.35);

const RunStyle kTitleStyle{2400, true, "1F3864"};
const RunStyle kTagStyle{1200, false, "595959"};
const RunStyle kNoteStyle{1000, false, "404040"};
const RunStyle kSourceStyle{1000, false, "7F7F7F"};
const RunStyle kCagrStyle{1200, true, "1F3864"};
constexpr std::string_view kAnchorColour =
    "D62828";  ///< published figures: the screen's anchor red

struct TextBox {
    std::string name;
    EmuRect rect;
    std::string text;  ///< '\n' starts a new paragraph
    RunStyle style;
    std::string_view align = "l";
    std::string_view anchor = "t";
    std::string_view geometry = "rect";
    std::string_view fill = {};     ///< 6 hex digits; empty = none
    std::string_view outline = {};  ///< 6 hex digits; empty = none
    std::int64_t inset = 91440;
};

void xfrm(XmlWriter& w, std::string_view element, const EmuRect& r) {
    w.start(element);
    w.start("a:off").attr("x", r.x).attr("y", r.y).end();
    w.start("a:ext").attr("cx", r.w).attr("cy", r.h).end();
    w.end();
}

void nonVisual(XmlWriter& w, std::string_view element, int id, const std::string& name) {
    w.start(element).attr("id", id).attr("name", name).end();
}

void solidFill(XmlWriter& w, std::string_view colour) {
    w.start("a:solidFill").val("a:srgbClr", colour).end();
}

void paragraphs(XmlWriter& w, std::string_view text, const RunStyle& style, std::string_view align,
                std::string_view language) {
    std::size_t begin = 0;
    while (true) {
        const std::size_t nl = text.find('\n', begin);
        const std::string_view line =
            text.substr(begin, nl == std::string_view::npos ? nl : nl - begin);
        w.start("a:p").start("a:pPr").attr("algn", align).end();
        if (!line.empty()) writeRun(w, line, style, language);
        writeRunProperties(w, "a:endParaRPr", style, languageTag(line, language));
        w.end();
        if (nl == std::string_view::npos) break;
        begin = nl + 1;
    }
}

void textBox(XmlWriter& w, int id, const TextBox& box, std::string_view language) {
    w.start("p:sp");
    w.start("p:nvSpPr");
    nonVisual(w, "p:cNvPr", id, box.name);
    w.start("p:cNvSpPr").attr("txBox", 1).end();
    w.empty("p:nvPr");
    w.end();
    w.start("p:spPr");
    xfrm(w, "a:xfrm", box.rect);
    w.start("a:prstGeom").attr("prst", box.geometry).empty("a:avLst").end();
    if (box.fill.empty())
        w.empty("a:noFill");
    else
        solidFill(w, box.fill);
    w.start("a:ln").attr("w", 9525);
    if (box.outline.empty())
        w.empty("a:noFill");
    else
        solidFill(w, box.outline);
    w.end();
    w.end();
    w.start("p:txBody");
    w.start("a:bodyPr").attr("wrap", "square").attr("lIns", box.inset).attr("tIns", 45720);
    w.attr("rIns", box.inset).attr("bIns", 45720).attr("anchor", box.anchor).attr("rtlCol", 0);
    w.empty("a:noAutofit").end();
    w.empty("a:lstStyle");
    paragraphs(w, box.text, box.style, box.align, language);
    w.end();
    w.end();
}

void arrow(XmlWriter& w, int id, std::int64_t x1, std::int64_t x2, std::int64_t y) {
    w.start("p:cxnSp");
    w.start("p:nvCxnSpPr");
    nonVisual(w, "p:cNvPr", id, "CAGR arrow " + std::to_string(id));
    w.empty("p:cNvCxnSpPr").empty("p:nvPr");
    w.end();
    w.start("p:spPr");
    xfrm(w, "a:xfrm", {x1, y, x2 - x1, 0});
    w.start("a:prstGeom").attr("prst", "straightConnector1").empty("a:avLst").end();
    w.start("a:ln").attr("w", 19050);
    solidFill(w, "1F3864");
    w.start("a:headEnd").attr("type", "oval").attr("w", "sm").attr("len", "sm").end();
    w.start("a:tailEnd").attr("type", "triangle").attr("w", "med").attr("len", "med").end();
    w.end();
    w.end();
    w.end();
}

// A published range: a vertical bar from y1 (top) to y2 at x, with caps `cap` wide either side
// (one shape, a custom geometry of three strokes), in the screen's anchor red.
void rangeBar(XmlWriter& w, int id, std::int64_t x, std::int64_t y1, std::int64_t y2,
              const std::string& name) {
    const std::int64_t cap = inches(0.09);
    const std::int64_t width = 2 * cap;
    const std::int64_t height = std::max<std::int64_t>(y2 - y1, 1);
    w.start("p:sp");
    w.start("p:nvSpPr");
    nonVisual(w, "p:cNvPr", id, name);
    w.empty("p:cNvSpPr").empty("p:nvPr");
    w.end();
    w.start("p:spPr");
    xfrm(w, "a:xfrm", {x - cap, y1, width, height});
    w.start("a:custGeom").empty("a:avLst").empty("a:gdLst").empty("a:ahLst").empty("a:cxnLst");
    w.start("a:pathLst").start("a:path").attr("w", width).attr("h", height).attr("fill", "none");
    const auto stroke = [&](std::int64_t ax, std::int64_t ay, std::int64_t bx, std::int64_t by) {
        w.start("a:moveTo").start("a:pt").attr("x", ax).attr("y", ay).end().end();
        w.start("a:lnTo").start("a:pt").attr("x", bx).attr("y", by).end().end();
    };
    stroke(0, 0, width, 0);            // top cap
    stroke(cap, 0, cap, height);       // the bar
    stroke(0, height, width, height);  // bottom cap
    w.end().end().end();               // a:path, a:pathLst, a:custGeom
    w.start("a:ln").attr("w", 28575);
    solidFill(w, kAnchorColour);
    w.end();
    w.end();  // p:spPr
    w.end();  // p:sp
}

void chartFrameElement(XmlWriter& w, int id, const EmuRect& rect, std::string_view relId,
                       const std::string& link) {
    w.start("p:graphicFrame");
    w.start("p:nvGraphicFramePr");
    nonVisual(w, "p:cNvPr", id, link.empty() ? std::string("Chart") : link);
    w.start("p:cNvGraphicFramePr").start("a:graphicFrameLocks").attr("noGrp", 1).end().end();
    w.empty("p:nvPr");
    w.end();
    xfrm(w, "p:xfrm", rect);
    w.start("a:graphic").start("a:graphicData");
    w.attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/chart");
    w.start("c:chart").attr("xmlns:c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
    w.attr("r:id", relId).end();
    w.end().end();
    w.end();
}

void beginSlide(XmlWriter& w) {
    w.declaration();
    w.start("p:sld");
    w.attr("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
    w.attr("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    w.attr("xmlns:p", "http://schemas.openxmlformats.org/presentationml/2006/main");
    w.start("p:cSld").start("p:spTree");
    w.start("p:nvGrpSpPr");
    nonVisual(w, "p:cNvPr", 1, "");
    w.empty("p:cNvGrpSpPr").empty("p:nvPr");
    w.end();
    w.start("p:grpSpPr").start("a:xfrm");
    w.start("a:off").attr("x", 0).attr("y", 0).end();
    w.start("a:ext").attr("cx", 0).attr("cy", 0).end();
    w.start("a:chOff").attr("x", 0).attr("y", 0).end();
    w.start("a:chExt").attr("cx", 0).attr("cy", 0).end();
    w.end().end();
}

std::string endSlide(XmlWriter& w) {
    w.end().end();  // p:spTree, p:cSld
    w.start("p:clrMapOvr").empty("a:masterClrMapping").end();
    w.end();
    return w.finish();
}

// Title (top left), scenario name (top right): every slide starts with these. Returns the next id.
int header(XmlWriter& w, const std::string& title, const std::string& scenario,
           std::string_view language) {
    TextBox t{"Title",
              {kMargin, inches(0.25), kContentWidth - kTagWidth - inches(0.1), inches(0.9)},
              title,
              kTitleStyle};
    t.anchor = "b";
    t.inset = 0;
    textBox(w, 2, t, language);
    if (scenario.empty()) return 3;
    const std::string tag = (language == "zh" ? "情景：" : "Scenario: ") + scenario;
    TextBox s{"Scenario",
              {kSlideWidth - kMargin - kTagWidth, inches(0.3), kTagWidth, inches(0.4)},
              tag,
              kTagStyle};
    s.align = "r";
    s.inset = 0;
    textBox(w, 3, s, language);
    return 4;
}

void sourceLine(XmlWriter& w, int id, const std::string& text, std::string_view language) {
    TextBox s{"Source", {kMargin, inches(6.78), kContentWidth, inches(0.5)}, text, kSourceStyle};
    s.inset = 0;
    textBox(w, id, s, language);
}

}  // namespace

EmuRect chartFrame(const ChartPlan& chart) {
    const std::int64_t top =
        chart.cagr.empty() ? kBandTop + inches(0.1)
                           : kBandTop + kBandRow * static_cast<std::int64_t>(chart.cagr.size());
    return {kMargin, top, kContentWidth, kChartBottom - top};
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> pngSize(std::string_view png) {
    constexpr std::string_view kSignature = "\x89PNG\r\n\x1a\n";
    if (png.size() < 24 || png.substr(0, 8) != kSignature || png.substr(12, 4) != "IHDR")
        return std::nullopt;
    const auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(png[at + k]);
        return v;
    };
    const std::uint32_t width = be32(16);
    const std::uint32_t height = be32(20);
    if (width == 0 || height == 0) return std::nullopt;
    return std::pair{width, height};
}

std::string chartSlideXml(const ChartPlan& chart, std::string_view chartRelId) {
    XmlWriter w;
    beginSlide(w);
    int id = header(w, chart.title, chart.scenarioName, chart.language);
    const EmuRect frame = chartFrame(chart);
    chartFrameElement(w, id++, frame, chartRelId, chart.link);

    const auto categoryX = [&](const std::string& category) -> std::optional<std::int64_t> {
        const auto it = std::find(chart.categories.begin(), chart.categories.end(), category);
        if (it == chart.categories.end()) return std::nullopt;
        const double f =
            categoryCentre(chart, static_cast<std::size_t>(it - chart.categories.begin()));
        return frame.x + static_cast<std::int64_t>(std::llround(f * static_cast<double>(frame.w)));
    };
    for (std::size_t k = 0; k < chart.cagr.size(); ++k) {
        const CagrMark& mark = chart.cagr[k];
        const auto x1 = categoryX(mark.fromCategory);
        const auto x2 = categoryX(mark.toCategory);
        if (!x1 || !x2 || *x2 <= *x1) continue;
        const std::int64_t y = kBandTop + kBandRow * static_cast<std::int64_t>(k) + kBandRow / 2;
        arrow(w, id++, *x1, *x2, y);
        const std::int64_t boxW = inches(1.7);
        const std::int64_t boxH = inches(0.34);
        TextBox label{"CAGR " + std::to_string(k + 1),
                      {(*x1 + *x2) / 2 - boxW / 2, y - boxH / 2, boxW, boxH},
                      mark.text,
                      kCagrStyle};
        label.align = "ctr";
        label.anchor = "ctr";
        label.geometry = "roundRect";
        label.fill = "FFFFFF";
        label.outline = "1F3864";
        label.inset = 0;
        textBox(w, id++, label, chart.language);
    }

    // Published ranges over the chart, where the pinned plot area puts their values.
    const PlotRect plot = plotRect(chart);
    for (std::size_t k = 0; k < chart.anchors.size(); ++k) {
        const AnchorMark& mark = chart.anchors[k];
        const auto x = categoryX(mark.category);
        if (std::isnan(mark.high) || !x || mark.series >= chart.series.size()) continue;
        const AxisScale& scale = chart.series[mark.series].axis == AxisSide::Secondary
                                     ? chart.secondaryScale
                                     : chart.primaryScale;
        if (!(scale.max > scale.min)) continue;
        const auto y = [&](double v) {
            const double f = plot.y + plot.h * (1.0 - (v - scale.min) / (scale.max - scale.min));
            return frame.y +
                   static_cast<std::int64_t>(std::llround(f * static_cast<double>(frame.h)));
        };
        rangeBar(w, id++, *x, y(mark.base + mark.high), y(mark.base + mark.value),
                 "Published range " + std::to_string(k + 1));
    }

    if (!chart.anchors.empty() || !chart.note.empty()) {
        std::string text;
        if (!chart.anchors.empty()) {
            text = chart.language == "zh" ? "公开数据：" : "Published figures: ";
            for (std::size_t k = 0; k < chart.anchors.size(); ++k)
                text += (k ? (chart.language == "zh" ? "；" : "; ") : "") + chart.anchors[k].label;
        }
        if (!chart.note.empty())
            text += (text.empty() ? "" : (chart.language == "zh" ? "。" : ". ")) + chart.note;
        TextBox anchors{
            "Anchors", {kMargin, inches(6.4), kContentWidth, inches(0.36)}, text, kNoteStyle};
        anchors.inset = 0;
        textBox(w, id++, anchors, chart.language);
    }
    sourceLine(w, id, chart.sourceLine, chart.language);
    return endSlide(w);
}

std::string pictureSlideXml(const PictureSlide& slide, std::string_view imageRelId) {
    const auto size = pngSize(slide.png).value_or(std::pair<std::uint32_t, std::uint32_t>{16, 9});
    const EmuRect area{kMargin, kBandTop + inches(0.1), kContentWidth,
                       kChartBottom - kBandTop - inches(0.1)};
    const double aspect = static_cast<double>(size.first) / static_cast<double>(size.second);
    std::int64_t w = area.w;
    std::int64_t h = static_cast<std::int64_t>(static_cast<double>(w) / aspect);
    if (h > area.h) {
        h = area.h;
        w = static_cast<std::int64_t>(static_cast<double>(h) * aspect);
    }
    const EmuRect rect{area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};

    XmlWriter x;
    beginSlide(x);
    int id = header(x, slide.title, slide.scenarioName, slide.language);
    x.start("p:pic");
    x.start("p:nvPicPr");
    nonVisual(x, "p:cNvPr", id++, "Chart picture");
    x.start("p:cNvPicPr").start("a:picLocks").attr("noChangeAspect", 1).end().end();
    x.empty("p:nvPr");
    x.end();
    x.start("p:blipFill").start("a:blip").attr("r:embed", imageRelId).end();
    x.start("a:stretch").empty("a:fillRect").end().end();
    x.start("p:spPr");
    xfrm(x, "a:xfrm", rect);
    x.start("a:prstGeom").attr("prst", "rect").empty("a:avLst").end();
    x.end();
    x.end();
    sourceLine(x, id, slide.sourceLine, slide.language);
    return endSlide(x);
}

namespace {

void cellBorder(XmlWriter& w, std::string_view element, std::string_view colour) {
    w.start(element).attr("w", colour.empty() ? 0 : 9525);
    if (colour.empty())
        w.empty("a:noFill");
    else
        solidFill(w, colour);
    w.end();
}

void tableCell(XmlWriter& w, const std::string& text, const RunStyle& style, std::string_view fill,
               std::string_view language) {
    w.start("a:tc").start("a:txBody");
    w.empty("a:bodyPr").empty("a:lstStyle");
    paragraphs(w, text, style, "l", language);
    w.end();
    w.start("a:tcPr").attr("marL", 68580).attr("marR", 68580).attr("marT", 34290);
    w.attr("marB", 34290).attr("anchor", "ctr");
    cellBorder(w, "a:lnL", "");
    cellBorder(w, "a:lnR", "");
    cellBorder(w, "a:lnT", "");
    cellBorder(w, "a:lnB", "BFBFBF");
    if (fill.empty())
        w.empty("a:noFill");
    else
        solidFill(w, fill);
    w.end();
    w.end();
}

}  // namespace

std::string assumptionsSlideXml(const AssumptionsSlide& slide) {
    const bool zh = slide.language == "zh";
    const std::int64_t columns[] = {inches(3.6), inches(1.45),
                                    kContentWidth - inches(3.6) - inches(1.45)};
    const std::int64_t headerH = inches(0.4);
    const std::int64_t rowH = inches(0.5);
    const RunStyle headStyle{1100, true, "FFFFFF"};
    const RunStyle bodyStyle{1100, false, "262626"};
    const RunStyle changedStyle{1100, true, "C55A11"};
    const RunStyle sourceStyle{1000, false, "404040"};

    XmlWriter w;
    beginSlide(w);
    int id = header(w, slide.title, slide.scenarioName, slide.language);
    w.start("p:graphicFrame");
    w.start("p:nvGraphicFramePr");
    nonVisual(w, "p:cNvPr", id++, "Assumptions");
    w.start("p:cNvGraphicFramePr").start("a:graphicFrameLocks").attr("noGrp", 1).end().end();
    w.empty("p:nvPr");
    w.end();
    xfrm(w, "p:xfrm",
         {kMargin, kBandTop + inches(0.1), kContentWidth,
          headerH + rowH * static_cast<std::int64_t>(slide.rows.size())});
    w.start("a:graphic").start("a:graphicData");
    w.attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/table");
    w.start("a:tbl");
    w.start("a:tblPr").attr("firstRow", 1).attr("bandRow", 1).end();
    w.start("a:tblGrid");
    for (std::int64_t c : columns) w.start("a:gridCol").attr("w", c).end();
    w.end();
    w.start("a:tr").attr("h", headerH);
    tableCell(w, zh ? "假设" : "Assumption", headStyle, "1F4E79", slide.language);
    tableCell(w, zh ? "取值" : "Value", headStyle, "1F4E79", slide.language);
    tableCell(w, zh ? "资料来源" : "Source", headStyle, "1F4E79", slide.language);
    w.end();
    for (std::size_t r = 0; r < slide.rows.size(); ++r) {
        const AssumptionRow& row = slide.rows[r];
        const std::string_view fill = r % 2 ? "F2F2F2" : "";
        w.start("a:tr").attr("h", rowH);
        tableCell(w, row.label, bodyStyle, fill, slide.language);
        tableCell(w, row.value, row.changed ? changedStyle : bodyStyle, fill, slide.language);
        tableCell(w, row.source, sourceStyle, fill, slide.language);
        w.end();
    }
    w.end();  // a:tbl
    w.end().end();
    w.end();  // p:graphicFrame
    const std::string note =
        zh ? "取值为情景“" + slide.scenarioName +
                 "”下的当前值；橙色粗体为相对基准情景调整过的假设。"
           : "Values as used in the " + slide.scenarioName +
                 " scenario; bold orange marks a value changed from the base case.";
    sourceLine(w, id, note, slide.language);
    return endSlide(w);
}

}  // namespace jevons::core::deck
