#include "core/deck/deck_writer.h"

#include "core/deck/chart_xml.h"
#include "core/deck/package_parts.h"
#include "core/deck/slide_xml.h"
#include "core/deck/workbook.h"
#include "core/deck/zip_archive.h"

#include <chrono>
#include <ctime>

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
    void add(std::string name, std::string data, std::string_view contentType = {}) {
        if (!contentType.empty()) m_types.push_back({"/" + name, std::string(contentType)});
        m_entries.push_back({std::move(name), std::move(data)});
    }
    void addSlide(const Slide& slide) {
        const std::string n = std::to_string(++m_slides);
        std::vector<Relationship> rels{
            {"rId1", kSlideLayoutRel, "../slideLayouts/slideLayout1.xml"}};
        std::string xml;
        if (const auto* chart = std::get_if<ChartPlan>(&slide)) {
            xml = addChart(*chart, rels);
        } else if (const auto* picture = std::get_if<PictureSlide>(&slide)) {
            xml = addPicture(*picture, rels);
        } else {
            xml = assumptionsSlideXml(std::get<AssumptionsSlide>(slide));
        }
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
        add("ppt/charts/chart" + k + ".xml", chartXml(chart, "rId1"), kChartType);
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
        const std::string image = "image" + std::to_string(++m_images) + ".png";
        add("ppt/media/" + image, picture.png);
        rels.push_back({"rId2", kImageRel, "../media/" + image});
        return pictureSlideXml(picture, "rId2");
    }

    std::vector<ZipEntry> m_entries;
    std::vector<PartType> m_types;
    std::size_t m_slides = 0;
    std::size_t m_charts = 0;
    std::size_t m_images = 0;
};

}  // namespace

std::string deckBytes(const Deck& deck) {
    if (deck.slides.empty()) throw DeckError("the deck has no slides");
    Package slides;
    for (const Slide& slide : deck.slides) slides.addSlide(slide);
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
