// A Chinese deck of the default forecast: its "假设与资料来源" slides give every source and
// figure in the Chinese the file has, and no English sentence the file gave in Chinese
// (issue 20). Read from the written .pptx, every <a:t> of those slides.
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/plan/chart_plan.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace jevons::core::deck {
namespace {

using namespace testing;

/// `xml` with its five predefined entities replaced.
std::string unescaped(std::string xml) {
    for (const auto& [entity, c] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&quot;", "\""},
                                    {"&apos;", "'"},
                                    {"&amp;", "&"}})
        for (std::size_t at = xml.find(entity); at != std::string::npos;
             at = xml.find(entity, at + c.size()))
            xml.replace(at, entity.size(), c);
    return xml;
}

/// The texts (<a:t>, unescaped) of every slide of `dir` whose XML includes `title`.
std::vector<std::string> textsOfSlidesTitled(const fs::path& dir, const std::string& title) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir / "ppt" / "slides")) {
        if (entry.path().extension() != ".xml") continue;
        const std::string xml = readFile(entry.path().string());
        if (xml.find(title) == std::string::npos) continue;
        const std::regex text("<a:t>([^<]*)</a:t>");
        for (auto it = std::sregex_iterator(xml.begin(), xml.end(), text);
             it != std::sregex_iterator(); ++it)
            out.push_back(unescaped((*it)[1]));
    }
    return out;
}

bool anyContains(const std::vector<std::string>& texts, const std::string& s) {
    for (const std::string& t : texts)
        if (t.find(s) != std::string::npos) return true;
    return false;
}

/// The texts of the sources slides (titled `title` in the XML) of the default forecast's deck in
/// `language`, written to a .pptx and read back.
std::vector<std::string> sourcesSlideTexts(const std::string& language, const std::string& title) {
    DeckOptions options;
    options.language = language;
    const Deck deck = buildDeck(defaultModel(), options);
    const fs::path dir = fs::temp_directory_path() / ("jevons_bilingual_sources_" + language);
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "deck.pptx").string();
    writeDeck(deck, path);
    unzip(path, dir / "x");
    std::vector<std::string> texts = textsOfSlidesTitled(dir / "x", title);
    fs::remove_all(dir);
    return texts;
}

TEST(BilingualSourcesSlide, AChineseDeckGivesTheFilesChinese) {
    const std::vector<std::string> texts = sourcesSlideTexts("zh", "假设与资料来源");
    ASSERT_FALSE(texts.empty()) << "no 假设与资料来源 slide";

    const Scenario& s = defaultModel().scenario();
    int checked = 0;
    for (const Assumption& a : s.assumptions) {
        const Provenance& p = a.provenance;
        // The row shows the figure, else the note (assumptions_slide.cpp), in Chinese.
        const Label& detail = !p.figure.empty() ? p.figure : p.note;
        if (detail.zh.empty()) continue;
        EXPECT_TRUE(anyContains(texts, detail.zh)) << a.id << ": " << detail.zh;
        if (detail.en != detail.zh) {
            EXPECT_FALSE(anyContains(texts, detail.en)) << detail.en;
        }
        const Source* source = s.findSource(p.source);
        if (source && !source->publisher.zh.empty()) {
            EXPECT_TRUE(anyContains(texts, shortPublisher(source->publisher.zh)))
                << a.id << ": " << source->publisher.zh;
        }
        ++checked;
    }
    EXPECT_GE(checked, 12);  // the shipped forecast gives Chinese for every figure and note
}

TEST(BilingualSourcesSlide, AnEnglishDeckKeepsTheEnglish) {
    const std::vector<std::string> texts = sourcesSlideTexts("en", "Assumptions &amp; sources");
    ASSERT_FALSE(texts.empty());
    const Assumption* a = defaultModel().scenario().findAssumption("asic_share_2028");
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(anyContains(texts, a->provenance.figure.en));
    EXPECT_FALSE(anyContains(texts, a->provenance.figure.zh));
}

}  // namespace
}  // namespace jevons::core::deck
