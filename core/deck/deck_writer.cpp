#include "core/deck/deck_writer.h"

#include "core/deck/chart_xml.h"
#include "core/deck/deck_template.h"
#include "core/deck/ooxml_edit.h"
#include "core/deck/package_parts.h"
#include "core/deck/slide_xml.h"
#include "core/deck/workbook.h"
#include "core/deck/zip_archive.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

namespace jevons::core::deck {
namespace {

std::string nowUtc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

// The parts of one deck, collected in package order.
class Package {
public:
    /// `style`: the template the slides are placed into; null = Jevons' own master.
    explicit Package(const DeckTemplate* style) : m_style(style) {}

    void add(std::string name, std::string data, std::string_view contentType = {}) {
        if (!contentType.empty()) m_types.push_back({"/" + name, std::string(contentType)});
        m_entries.push_back({std::move(name), std::move(data)});
    }
    void addSlide(const Slide& slide) {
        const std::string n = std::to_string(++m_slides);
        const std::string layout =
            m_style ? m_style->layoutPart.substr(m_style->layoutPart.rfind('/') + 1)
                    : std::string("slideLayout1.xml");
        std::vector<Relationship> rels{{"rId1", kSlideLayoutRel, "../slideLayouts/" + layout}};
        std::string xml;
        if (const auto* chart = std::get_if<ChartPlan>(&slide)) {
            xml = addChart(*chart, rels);
        } else if (const auto* picture = std::get_if<PictureSlide>(&slide)) {
            xml = addPicture(*picture, rels);
        } else {
            xml = assumptionsSlideXml(std::get<AssumptionsSlide>(slide));
        }
        if (m_style) xml = placeOnTemplate(xml, *m_style);
        add("ppt/slides/slide" + n + ".xml", std::move(xml), kSlideType);
        add("ppt/slides/_rels/slide" + n + ".xml.rels", relationshipsXml(rels));
    }
    [[nodiscard]] std::size_t slideCount() const { return m_slides; }
    [[nodiscard]] const std::vector<PartType>& types() const { return m_types; }
    [[nodiscard]] std::vector<ZipEntry>& entries() { return m_entries; }

private:
    std::string addChart(const ChartPlan& chart, std::vector<Relationship>& rels) {
        if (const std::string problem = chartProblem(chart); !problem.empty())
            throw DeckError("chart '" + (chart.id.empty() ? chart.title : chart.id) +
                            "' cannot be drawn: " + problem);
        const std::string k = std::to_string(++m_charts);
        const std::string workbook = "Microsoft_Excel_Worksheet" + k + ".xlsx";
        std::string xml;
        if (m_style) {
            ChartPlan styled = chart;
            styled.palette.assign(m_style->accents.begin(), m_style->accents.end());
            xml = chartInTemplateFonts(chartXml(styled, "rId1"), *m_style);
        } else {
            xml = chartXml(chart, "rId1");
        }
        add("ppt/charts/chart" + k + ".xml", std::move(xml), kChartType);
        add("ppt/charts/_rels/chart" + k + ".xml.rels",
            relationshipsXml({{"rId1", kPackageRel, "../embeddings/" + workbook}}));
        add("ppt/embeddings/" + workbook, workbookBytes(chart));
        rels.push_back({"rId2", kChartRel, "../charts/chart" + k + ".xml"});
        return chartSlideXml(chart, "rId2");
    }
    std::string addPicture(const PictureSlide& picture, std::vector<Relationship>& rels) {
        if (!pngSize(picture.png))
            throw DeckError("the picture of slide " + std::to_string(m_slides) + " ('" +
                            picture.title + "') is not a PNG image");
        std::string image = "image" + std::to_string(++m_images) + ".png";
        if (m_style) image = "jevons-" + image;  // the template's own media keep their names
        add("ppt/media/" + image, picture.png);
        rels.push_back({"rId2", kImageRel, "../media/" + image});
        return pictureSlideXml(picture, "rId2");
    }

    const DeckTemplate* m_style;
    std::vector<ZipEntry> m_entries;
    std::vector<PartType> m_types;
    std::size_t m_slides = 0;
    std::size_t m_charts = 0;
    std::size_t m_images = 0;
};

// The template's parts with Jevons' slides added: listed in the presentation (slide ids from
// 256, relationships "rIdN" numbered after the template's highest), typed in
// [Content_Types].xml.
std::string templatedDeckBytes(const DeckTemplate& style, Package& slides) {
    std::map<std::string, std::string> parts = style.parts;
    auto presentation = parseXmlPart(parts.at("ppt/presentation.xml"), "ppt/presentation.xml");
    pugi::xml_node root = presentation->child("p:presentation");
    pugi::xml_node size = root.child("p:sldSz");
    pugi::xml_node list =
        size ? root.insert_child_before("p:sldIdLst", size) : root.append_child("p:sldIdLst");
    const std::string relsName = "ppt/_rels/presentation.xml.rels";
    auto rels = parseXmlPart(parts.at(relsName), relsName);
    pugi::xml_node relList = rels->child("Relationships");
    unsigned long last = 0;
    for (pugi::xml_node r : relList.children("Relationship")) {
        const std::string id = r.attribute("Id").value();
        if (id.size() > 3 && id.compare(0, 3, "rId") == 0 &&
            id.find_first_not_of("0123456789", 3) == std::string::npos)
            last = std::max(last, std::stoul(id.substr(3)));
    }
    for (std::size_t k = 1; k <= slides.slideCount(); ++k) {
        const std::string id = "rId" + std::to_string(last + k);
        pugi::xml_node slide = list.append_child("p:sldId");
        slide.append_attribute("id").set_value(static_cast<unsigned>(255 + k));
        slide.append_attribute("r:id").set_value(id.c_str());
        pugi::xml_node r = relList.append_child("Relationship");
        r.append_attribute("Id").set_value(id.c_str());
        r.append_attribute("Type").set_value(kSlideRel.c_str());
        r.append_attribute("Target").set_value(
            ("slides/slide" + std::to_string(k) + ".xml").c_str());
    }
    parts["ppt/presentation.xml"] = xmlText(*presentation);
    parts[relsName] = xmlText(*rels);

    auto types = parseXmlPart(parts.at("[Content_Types].xml"), "[Content_Types].xml");
    pugi::xml_node all = types->child("Types");
    for (const auto& [extension, type] :
         {std::pair<std::string, std::string>{
              "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
          {"png", "image/png"}}) {
        bool known = false;
        for (pugi::xml_node d : all.children("Default"))
            known |= std::string_view(d.attribute("Extension").value()) == extension;
        if (known) continue;
        pugi::xml_node d = all.prepend_child("Default");
        d.append_attribute("Extension").set_value(extension.c_str());
        d.append_attribute("ContentType").set_value(type.c_str());
    }
    for (const PartType& t : slides.types()) {
        pugi::xml_node o = all.append_child("Override");
        o.append_attribute("PartName").set_value(t.name.c_str());
        o.append_attribute("ContentType").set_value(t.contentType.c_str());
    }
    parts["[Content_Types].xml"] = xmlText(*types);

    std::vector<ZipEntry> entries{{"[Content_Types].xml", parts.at("[Content_Types].xml")}};
    for (auto& [name, bytes] : parts)
        if (name != "[Content_Types].xml") entries.push_back({name, std::move(bytes)});
    for (ZipEntry& e : slides.entries()) entries.push_back(std::move(e));
    return zipArchive(entries);
}

}  // namespace

std::string deckBytes(const Deck& deck) {
    if (deck.slides.empty()) throw DeckError("the deck has no slides");
    Package slides(deck.style.get());
    for (const Slide& slide : deck.slides) slides.addSlide(slide);
    if (deck.style) return templatedDeckBytes(*deck.style, slides);
    const std::size_t n = slides.slideCount();

    std::vector<PartType> types = fixedPartTypes();
    types.insert(types.end(), slides.types().begin(), slides.types().end());
    std::vector<ZipEntry> entries{
        {"[Content_Types].xml", contentTypesXml(types)},
        {"_rels/.rels", rootRelsXml()},
        {"docProps/core.xml", corePropertiesXml(deck.title, deck.author, nowUtc())},
        {"docProps/app.xml", appPropertiesXml(n)},
        {"ppt/presentation.xml", presentationXml(n)},
        {"ppt/_rels/presentation.xml.rels", presentationRelsXml(n)},
        {"ppt/presProps.xml", presPropsXml()},
        {"ppt/viewProps.xml", viewPropsXml()},
        {"ppt/tableStyles.xml", tableStylesXml()},
        {"ppt/slideMasters/slideMaster1.xml", slideMasterXml()},
        {"ppt/slideMasters/_rels/slideMaster1.xml.rels", slideMasterRelsXml()},
        {"ppt/slideLayouts/slideLayout1.xml", slideLayoutXml()},
        {"ppt/slideLayouts/_rels/slideLayout1.xml.rels", slideLayoutRelsXml()},
        {"ppt/theme/theme1.xml", themeXml()},
    };
    for (ZipEntry& e : slides.entries()) entries.push_back(std::move(e));
    return zipArchive(entries);
}

void writeDeck(const Deck& deck, const std::string& path, const WriteFault& fault) {
    const std::string bytes = deckBytes(deck);  // may throw before touching the disk
    try {
        writeFileAtomically(path, bytes, fault);
    } catch (const AtomicWriteError& e) {
        throw DeckError(e.what());
    }
}

}  // namespace jevons::core::deck
