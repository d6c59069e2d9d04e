// A real client: LibreOffice opens the deck and prints it to PDF. Slow (10-30 s), so it runs
// only when JEVONS_SLOW_TESTS is set; ctest's "DeckLibreOffice" test (label "slow") sets it.
#include "core/deck/chart_link.h"
#include "core/deck/deck_template.h"
#include "core/deck/deck_writer.h"

#include "tests/core/deck/deck_test_decks.h"
#include "tests/core/deck/deck_test_support.h"
#include "tests/core/deck/deck_update_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <regex>
#include <string_view>

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

/// Every chart slide of `deck` printed on its own page of `pdf`: its title (and, with
/// `sourceLines`, its source line) on that page.
void expectTitlesOnTheirPages(const std::string& pdf, const Deck& deck, const std::string& what,
                              bool sourceLines = false) {
    ASSERT_EQ(pageCount(pdf), static_cast<int>(deck.slides.size())) << what;
    for (std::size_t k = 0; k < deck.slides.size(); ++k) {
        const auto* chart = std::get_if<ChartPlan>(&deck.slides[k]);
        if (!chart) continue;
        const std::string page = std::to_string(k + 1);
        const std::string text = collapseSpaces(
            run("pdftotext -enc UTF-8 -f " + page + " -l " + page + " " + quoted(pdf) + " -")
                .output);
        EXPECT_NE(text.find(collapseSpaces(chart->title)), std::string::npos)
            << what << " page " << page << ": " << chart->title;
        if (sourceLines) {
            EXPECT_NE(text.find(collapseSpaces(chart->sourceLine)), std::string::npos)
                << what << " page " << page;
        }
    }
}

// Whether this is a CI run (CI=true), where a missing tool fails the test it would have checked
// rather than skipping it.
bool ciRun() {
    const char* ci = std::getenv("CI");
    return ci && std::string_view(ci) == "true";
}

}  // namespace

// soffice missing: the test fails under CI=true and skips elsewhere.
#define REQUIRE_SOFFICE()                                                \
    do {                                                                 \
        if (run("command -v soffice").status != 0) {                     \
            if (ciRun()) FAIL() << "soffice is not installed (CI=true)"; \
            GTEST_SKIP() << "soffice is not installed";                  \
        }                                                                \
    } while (false)

TEST(DeckLibreOffice, DefaultAndHandMadeDecksPrintEverySlide) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    REQUIRE_SOFFICE();
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
    REQUIRE_SOFFICE();
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
    REQUIRE_SOFFICE();
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
        expectTitlesOnTheirPages(pdf, deck, name);
    }
}

// Issue 15: the link each chart carries (chart_link.h) survives a save by LibreOffice Impress,
// the round trip a deck makes when a colleague edits it there.
TEST(DeckLibreOffice, LinksSurviveImpress) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    REQUIRE_SOFFICE();
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

namespace {

/// Converts `files` with one LibreOffice run into `format` in `outDir`; under CI=true a missing
/// soffice fails the test instead of skipping it.
bool convert(const TempDir& dir, const std::vector<std::string>& files, const std::string& format,
             const fs::path& outDir) {
    std::string command = "soffice -env:UserInstallation=file://" + dir.file("lo-profile") +
                          " --headless --convert-to " + format + " --outdir " +
                          quoted(outDir.string());
    for (const std::string& f : files) command += " " + quoted(f);
    const RunResult r = run(command);
    for (const std::string& f : files) {
        const fs::path out =
            outDir / fs::path(f).filename().replace_extension(format == "pdf" ? ".pdf" : ".pptx");
        EXPECT_TRUE(fs::exists(out)) << r.output;
        if (!fs::exists(out)) return false;
    }
    return true;
}

}  // namespace

// Issue 15, update in place: a deck exported, edited by a user (edit_deck.py), updated after an
// assumption changed, prints in LibreOffice with every page and the new CAGR label; and the same
// deck saved by LibreOffice Impress first (which renumbers shapes, rewrites every chart part and
// drops the embedded workbooks) updates too, and prints.
TEST(DeckLibreOffice, UpdatedDecksPrintAndImpressSavedDecksUpdate) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    REQUIRE_SOFFICE();
    const TempDir dir;
    const std::string deck = dir.file("edited.pptx");
    editDeck(exportDefault(dir, "exported.pptx"), deck);
    const fs::path impress = dir.path() / "impress";
    ASSERT_TRUE(convert(dir, {deck}, "pptx", impress));
    const std::string saved = (impress / "edited.pptx").string();

    const std::map<std::string, ChartPlan> expected = expectedPlans();
    const ChartPlan* asic = nullptr;
    for (const auto& [link, plan] : expected)
        if (plan.id == "asic_market") asic = &plan;
    ASSERT_NE(asic, nullptr);
    for (const std::string& path : {deck, saved}) {
        const DeckUpdate update = updateDeck(defaultModel(), path, changedOptions());
        EXPECT_TRUE(update.changed) << path;
        ASSERT_EQ(update.charts.size(), expected.size()) << path;
        for (const ChartUpdate& c : update.charts)
            EXPECT_TRUE(c.status == ChartUpdateStatus::Updated ||
                        c.status == ChartUpdateStatus::Unchanged)
                << path << ": " << updateLine(c);
        const fs::path root =
            dir.path() / (fs::path(path).parent_path().filename().string() + "-x");
        unzip(path, root);
        const auto parts = linkedChartParts(root);
        ASSERT_TRUE(parts.count(asic->link)) << path;
        expectSameValues(cachedValues(readFile(parts.at(asic->link).string())), *asic, path);
        EXPECT_FALSE(updateDeck(defaultModel(), path, changedOptions()).changed) << path;
    }

    const fs::path pdfs = dir.path() / "pdf";
    const std::string savedCopy = dir.file("impress-saved.pptx");
    fs::copy_file(saved, savedCopy);
    ASSERT_TRUE(convert(dir, {deck, savedCopy}, "pdf", pdfs));
    for (const char* name : {"edited.pdf", "impress-saved.pdf"}) {
        const std::string pdf = (pdfs / name).string();
        // 7 charts + the user's slide + the assumptions pages, as exported plus one.
        EXPECT_EQ(pageCount(pdf),
                  static_cast<int>(buildDeck(defaultModel(), DeckOptions{}).slides.size()) + 1)
            << name;
        const std::string text =
            collapseSpaces(run("pdftotext -enc UTF-8 " + quoted(pdf) + " -").output);
        EXPECT_NE(text.find(collapseSpaces(asic->cagr.at(0).text)), std::string::npos) << name;
        EXPECT_NE(text.find("Retitledbytheanalyst"), std::string::npos) << name;
        EXPECT_NE(text.find("Ourview:ASICstakeshare"), std::string::npos) << name;
    }
}

// Issue 15, templates: a deck exported into one of LibreOffice's own presentation templates
// (Blue Curve, converted with soffice --convert-to potx, as a firm's template would come from
// PowerPoint) uses its master, size and accent colours, is schema-valid, and prints in
// LibreOffice with every chart's title on its page.
TEST(DeckLibreOffice, DecksInALibreOfficeTemplatePrintEveryTitleOnItsPage) {
    if (!slowTestsEnabled()) GTEST_SKIP() << "slow: set JEVONS_SLOW_TESTS=1 (ctest -L slow)";
    const fs::path otp = "/usr/lib/libreoffice/share/template/common/presnt/Blue_Curve.otp";
    if (run("command -v soffice").status != 0 || !fs::exists(otp)) {
        if (ciRun()) FAIL() << "soffice or its templates are not installed (CI=true)";
        GTEST_SKIP() << "soffice is not installed";
    }
    const TempDir dir;
    fs::copy_file(otp, dir.path() / "Blue_Curve.otp");
    const RunResult converted =
        run("cd " + quoted(dir.path().string()) + " && soffice -env:UserInstallation=file://" +
            dir.file("lo-profile") + " --headless --convert-to potx Blue_Curve.otp");
    const std::string potx = dir.file("Blue_Curve.potx");
    ASSERT_TRUE(fs::exists(potx)) << converted.output;

    const DeckTemplate tpl = loadTemplate(potx);
    const fs::path tplRoot = dir.path() / "template";
    unzip(potx, tplRoot);
    const std::string tplPresentation = readFile((tplRoot / "ppt/presentation.xml").string());
    std::smatch size;
    ASSERT_TRUE(std::regex_search(tplPresentation, size, std::regex(R"(<p:sldSz[^>]*/>)")));

    DeckOptions options;
    options.bridges = {{"base", "bull"}};
    Deck deck = buildDeck(defaultModel(), options);
    deck.style = std::make_shared<const DeckTemplate>(tpl);
    const std::string pptx = dir.file("templated.pptx");
    writeDeck(deck, pptx);
    const fs::path root = dir.path() / "deck";
    unzip(pptx, root);
    EXPECT_NE(readFile((root / "ppt/presentation.xml").string()).find(size.str()),
              std::string::npos)
        << size.str();
    EXPECT_EQ(readFile((root / tpl.layoutPart).string()),
              readFile((tplRoot / tpl.layoutPart).string()));
    EXPECT_EQ(readFile((root / "ppt/slideMasters/slideMaster1.xml").string()),
              readFile((tplRoot / "ppt/slideMasters/slideMaster1.xml").string()));
    std::size_t charts = 0;
    for (const auto& e : fs::directory_iterator(root / "ppt" / "charts")) {
        if (e.path().extension() != ".xml") continue;
        ++charts;
        EXPECT_EQ(schemaErrors(e.path(), "dml-chart.xsd"), "") << e.path();
    }
    EXPECT_GT(charts, 0u);
    EXPECT_NE(readFile((root / "ppt/charts/chart1.xml").string())
                  .find("<a:srgbClr val=\"" + tpl.accents[0] + "\"/>"),
              std::string::npos)
        << "the first series takes accent 1, " << tpl.accents[0];
    for (std::size_t k = 1; k <= deck.slides.size(); ++k) {
        const fs::path part = root / "ppt" / "slides" / ("slide" + std::to_string(k) + ".xml");
        EXPECT_EQ(schemaErrors(part, "pml.xsd"), "") << part;
    }

    // Fresh, it is up to date: the range marks placed on the template's page are where an
    // update would put them.
    const DeckUpdate current = updateDeck(defaultModel(), pptx);
    EXPECT_FALSE(current.changed);
    for (const ChartUpdate& c : current.charts)
        EXPECT_EQ(c.status, ChartUpdateStatus::Unchanged) << updateLine(c);

    const fs::path pdfs = dir.path() / "pdf";
    ASSERT_TRUE(convert(dir, {pptx}, "pdf", pdfs));
    expectTitlesOnTheirPages((pdfs / "templated.pdf").string(), deck, "Blue Curve", true);
}
