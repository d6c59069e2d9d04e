// A real client: LibreOffice opens the deck and prints it to PDF. Slow (10-30 s), so it runs
// only when JEVONS_SLOW_TESTS is set; ctest's "DeckLibreOffice" test (label "slow") sets it.
#include "core/deck/chart_link.h"
#include "core/deck/deck_writer.h"

#include "tests/core/deck/deck_test_decks.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

// pdftotext puts spaces where LibreOffice switches between Latin and CJK fonts, and breaks
// wrapped lines: compare texts without any whitespace.
std::string collapseSpaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out += c;
    return out;
}

int pageCount(const std::string& pdf) {
    const RunResult r = run("pdfinfo " + quoted(pdf));
    const auto at = r.output.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(r.output.substr(at + 6));
}

bool slowTestsEnabled() { return std::getenv("JEVONS_SLOW_TESTS") != nullptr; }

}  // namespace

TEST(DeckLibreOffice, DefaultAndHandMadeDecksPrintEverySlide) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    if (run("command -v soffice").status != 0) GTEST_SKIP() << "soffice is not installed";
    const TempDir dir;

    DeckOptions options;
    options.scenarioId = "bull";
    options.bridges = {{"base", "bull"}};  // a waterfall (issue 15) after the charts
    const Deck deck = buildDeck(defaultModel(), options);
    const std::string pptx = dir.file("default.pptx");
    writeDeck(deck, pptx);
    const Deck nasty = handMadeDeck();
    const std::string nastyPptx = dir.file("nasty.pptx");
    writeDeck(nasty, nastyPptx);
    // one LibreOffice run converts both (start-up dominates)
    const RunResult r = run("soffice -env:UserInstallation=file://" + dir.file("lo-profile") +
                            " --headless --convert-to pdf --outdir " + quoted(dir.path().string()) +
                            " " + quoted(pptx) + " " + quoted(nastyPptx));
    const std::string pdf = dir.file("default.pdf");
    const std::string nastyPdf = dir.file("nasty.pdf");
    ASSERT_TRUE(fs::exists(pdf)) << r.output;
    ASSERT_TRUE(fs::exists(nastyPdf)) << r.output;

    EXPECT_EQ(pageCount(pdf), static_cast<int>(deck.slides.size()));
    const std::string text =
        collapseSpaces(run("pdftotext -enc UTF-8 " + quoted(pdf) + " -").output);
    for (const Slide& slide : deck.slides) {
        if (const auto* chart = std::get_if<ChartPlan>(&slide)) {
            EXPECT_NE(text.find(collapseSpaces(chart->title)), std::string::npos) << chart->title;
            EXPECT_NE(text.find(collapseSpaces(chart->sourceLine)), std::string::npos)
                << chart->sourceLine;
            for (const CagrMark& cagr : chart->cagr)
                EXPECT_NE(text.find(collapseSpaces(cagr.text)), std::string::npos) << cagr.text;
        }
    }
    EXPECT_NE(text.find("Scenario:Bull"), std::string::npos);
    // The bridge's signed steps and its totals, as the plan labels them.
    EXPECT_NE(text.find("+7.8"), std::string::npos);
    EXPECT_NE(text.find("+9.3"), std::string::npos);
    EXPECT_NE(text.find("Accelerated-computemarket,2028"), std::string::npos);
    EXPECT_NE(text.find("Assumptions&sources"), std::string::npos);

    EXPECT_EQ(pageCount(nastyPdf), static_cast<int>(nasty.slides.size()));
    const std::string nastyText =
        collapseSpaces(run("pdftotext -enc UTF-8 " + quoted(nastyPdf) + " -").output);
    EXPECT_NE(nastyText.find(collapseSpaces(std::string(kNastyTitle) + " #1")), std::string::npos)
        << nastyText;
    EXPECT_NE(nastyText.find(collapseSpaces("Source: Marvell & \"电子发烧友网\" <test>")),
              std::string::npos);
}

TEST(DeckLibreOffice, UncertaintySlidesPrint) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    if (run("command -v soffice").status != 0) GTEST_SKIP() << "soffice is not installed";
    const TempDir dir;
    DeckOptions options;
    options.uncertainty = UncertaintySlideOptions{};
    const Deck deck = buildDeck(defaultModel(), options);
    const std::string pptx = dir.file("uncertainty.pptx");
    writeDeck(deck, pptx);
    const RunResult r = run("soffice -env:UserInstallation=file://" + dir.file("lo-profile") +
                            " --headless --convert-to pdf --outdir " + quoted(dir.path().string()) +
                            " " + quoted(pptx));
    const std::string pdf = dir.file("uncertainty.pdf");
    ASSERT_TRUE(fs::exists(pdf)) << r.output;
    EXPECT_EQ(pageCount(pdf), static_cast<int>(deck.slides.size()));
    const std::string text =
        collapseSpaces(run("pdftotext -enc UTF-8 " + quoted(pdf) + " -").output);
    int uncertain = 0;
    for (const Slide& slide : deck.slides) {
        const auto* chart = std::get_if<ChartPlan>(&slide);
        if (!chart || (chart->kind != ChartKind::Fan && chart->kind != ChartKind::Tornado &&
                       chart->kind != ChartKind::Histogram))
            continue;
        ++uncertain;
        EXPECT_NE(text.find(collapseSpaces(chart->title)), std::string::npos) << chart->title;
        for (const CagrMark& cagr : chart->cagr)
            EXPECT_NE(text.find(collapseSpaces(cagr.text)), std::string::npos) << cagr.text;
        if (chart->kind == ChartKind::Tornado) {
            // LibreOffice draws the category labels and the legend
            EXPECT_NE(text.find(collapseSpaces(chart->categories.front())), std::string::npos)
                << chart->categories.front();
            EXPECT_NE(text.find(collapseSpaces(chart->series[1].name)), std::string::npos);
        }
    }
    EXPECT_GE(uncertain, 3);
}

// Every shipped template's deck in Chinese (with the uncertainty slides), printed by LibreOffice:
// one page per slide and each chart's title on its own page.
TEST(DeckLibreOffice, TemplatesPrintEveryTitleOnItsPage) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    if (run("command -v soffice").status != 0) GTEST_SKIP() << "soffice is not installed";
    const TempDir dir;
    std::vector<std::pair<std::string, Deck>> decks;
    std::string inputs;
    for (const auto& e :
         fs::directory_iterator(fs::path(JEVONS_SOURCE_DIR) / "forecasts" / "templates")) {
        if (e.path().extension() != ".json") continue;
        const Model model = Model::compile(loadScenarioFile(e.path().string()));
        DeckOptions options;
        options.language = "zh";
        options.uncertainty = UncertaintySlideOptions{};
        options.uncertainty->paths = 500;
        const std::string name = e.path().stem().string();
        decks.emplace_back(name, buildDeck(model, options));
        writeDeck(decks.back().second, dir.file(name + ".pptx"));
        inputs += " " + quoted(dir.file(name + ".pptx"));
    }
    ASSERT_EQ(decks.size(), 4u);
    const RunResult r =
        run("soffice -env:UserInstallation=file://" + dir.file("lo-profile") +
            " --headless --convert-to pdf --outdir " + quoted(dir.path().string()) + inputs);
    for (const auto& [name, deck] : decks) {
        const std::string pdf = dir.file(name + ".pdf");
        ASSERT_TRUE(fs::exists(pdf)) << name << ": " << r.output;
        ASSERT_EQ(pageCount(pdf), static_cast<int>(deck.slides.size())) << name;
        for (std::size_t k = 0; k < deck.slides.size(); ++k) {
            const auto* chart = std::get_if<ChartPlan>(&deck.slides[k]);
            if (!chart) continue;
            const std::string page = std::to_string(k + 1);
            const std::string text = collapseSpaces(
                run("pdftotext -enc UTF-8 -f " + page + " -l " + page + " " + quoted(pdf) + " -")
                    .output);
            EXPECT_NE(text.find(collapseSpaces(chart->title)), std::string::npos)
                << name << " page " << page << ": " << chart->title;
        }
    }
}

// Issue 15: the link each chart carries (chart_link.h) survives a save by LibreOffice Impress,
// the round trip a deck makes when a colleague edits it there.
TEST(DeckLibreOffice, LinksSurviveImpress) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    if (run("command -v soffice").status != 0) GTEST_SKIP() << "soffice is not installed";
    const TempDir dir;
    DeckOptions options;
    options.scenarioId = "bull";
    options.language = "zh";
    options.units.money = DisplayUnit::UsdHundredMillion;
    options.bridges = {{"base", "bull"}};
    const Deck deck = buildDeck(defaultModel(), options);
    std::vector<std::string> written;
    for (const Slide& slide : deck.slides)
        if (const auto* chart = std::get_if<ChartPlan>(&slide)) written.push_back(chart->link);
    ASSERT_GE(written.size(), 8u);
    writeDeck(deck, dir.file("deck.pptx"));
    const RunResult r =
        run("soffice -env:UserInstallation=file://" + dir.file("lo-profile") +
            " --headless --convert-to pptx --outdir " + quoted((dir.path() / "impress").string()) +
            " " + quoted(dir.file("deck.pptx")));
    const std::string saved = (dir.path() / "impress" / "deck.pptx").string();
    ASSERT_TRUE(fs::exists(saved)) << r.output;
    // The shape names of every slide, in slide order, as Impress wrote them.
    const RunResult names =
        run(std::string(kPython) +
            " -c 'import sys, re, zipfile, html; z = zipfile.ZipFile(sys.argv[1]); "
            "slides = sorted((n for n in z.namelist() if "
            "re.fullmatch(r\"ppt/slides/slide\\d+\\.xml\", n)), "
            "key=lambda n: int(re.search(r\"\\d+\", n).group())); "
            "[print(html.unescape(m)) for n in slides for m in re.findall(r\"<p:cNvPr "
            "[^>]*name=\\\"([^\\\"]*)\\\"\", "
            "z.read(n).decode())]' " +
            quoted(saved));
    ASSERT_EQ(names.status, 0) << names.output;
    std::vector<std::string> links;
    std::istringstream lines(names.output);
    for (std::string line; std::getline(lines, line);)
        if (const auto link = parseLinkName(line)) {
            EXPECT_EQ(link->units.money, DisplayUnit::UsdHundredMillion);
            links.push_back(line);
        }
    EXPECT_EQ(links, written);
}
