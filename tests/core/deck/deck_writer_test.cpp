#include "core/deck/deck_writer.h"

#include "core/plan/chart_plan.h"
#include "tests/core/deck/deck_test_decks.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/mount.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <regex>
#include <set>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

std::vector<fs::path> partsUnder(const fs::path& dir, const std::string& pattern) {
    std::vector<fs::path> out;
    const std::regex re(pattern);
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() &&
            std::regex_match(fs::relative(e.path(), dir).generic_string(), re))
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Every part validates against its schema; every relationship target exists; every part has a
// content type.
void expectValidPackage(const std::string& pptx, std::size_t slides) {
    const auto names = zipNames(pptx);
    ASSERT_FALSE(names.empty());
    EXPECT_EQ(names.front(), "[Content_Types].xml");
    const TempDir dir;
    unzip(pptx, dir.path());
    const fs::path root = dir.path();

    EXPECT_EQ(partsUnder(root, R"(ppt/slides/slide\d+\.xml)").size(), slides);
    std::vector<fs::path> pml = partsUnder(
        root,
        R"(ppt/(slides/slide\d+|slideMasters/slideMaster1|slideLayouts/slideLayout1|presentation|presProps|viewProps)\.xml)");
    for (const auto& part : pml) EXPECT_EQ(schemaErrors(part, "pml.xsd"), "") << part;
    for (const auto& part : partsUnder(root, R"(ppt/charts/chart\d+\.xml)"))
        EXPECT_EQ(schemaErrors(part, "dml-chart.xsd"), "") << part;
    EXPECT_EQ(schemaErrors(root / "ppt/theme/theme1.xml", "dml-main.xsd"), "");
    EXPECT_EQ(schemaErrors(root / "ppt/tableStyles.xml", "dml-main.xsd"), "");
    EXPECT_EQ(schemaErrors(root / "docProps/app.xml", "shared-documentPropertiesExtended.xsd"), "");
    for (const auto& part : partsUnder(root, R"(.*\.(xml|rels))"))
        EXPECT_EQ(run("xmllint --noout " + quoted(part.string())).status, 0) << part;

    const std::string types = readFile((root / "[Content_Types].xml").string());
    const std::regex target("Target=\"([^\"]+)\"");
    for (const auto& rels : partsUnder(root, R"(.*\.rels)")) {
        const std::string xml = readFile(rels.string());
        // _rels/x.xml.rels describes x.xml; targets are relative to x.xml's folder.
        const fs::path base = rels.parent_path().parent_path();
        for (std::sregex_iterator m(xml.begin(), xml.end(), target), end; m != end; ++m) {
            const fs::path resolved = (base / (*m)[1].str()).lexically_normal();
            EXPECT_TRUE(fs::exists(resolved)) << rels << " -> " << (*m)[1];
        }
    }
    for (const auto& name : names) {
        if (name.ends_with(".rels") || name.ends_with(".xlsx") || name.ends_with(".png") ||
            name == "[Content_Types].xml")
            continue;
        EXPECT_NE(types.find("PartName=\"/" + name + "\""), std::string::npos) << name;
    }
}

Deck defaultDeck(const std::string& scenario, const std::string& language = "en") {
    DeckOptions options;
    options.scenarioId = scenario;
    options.language = language;
    return buildDeck(defaultModel(), options);
}

// The value a chart should cache for `ref` in `year`: display units, shares as fractions.
double expectedValue(const Evaluator& e, const std::string& ref, int year) {
    const auto out = e.model().resolve(ref);
    const Unit unit = e.model().unitOf(*out);
    const double v = e.value(ref, year);
    return unit == Unit::Share || unit == Unit::Rate ? v : toDisplay(v, unit, defaultDisplay(unit));
}

}  // namespace

TEST(DeckWriter, DefaultDeckIsAValidPackage) {
    const TempDir dir;
    const Deck deck = defaultDeck("base");
    const std::size_t charts = defaultModel().scenario().charts.size();
    // asic_market, asic_market_range, asic_share, accel_split, capex, jevons, glasses
    ASSERT_EQ(charts, 7u);
    EXPECT_GE(deck.slides.size(), charts + 1);
    writeDeck(deck, dir.file("deck.pptx"));
    expectValidPackage(dir.file("deck.pptx"), deck.slides.size());
    EXPECT_TRUE(tempFilesIn(dir.path()).empty());
}

TEST(DeckWriter, ChineseDeckIsAValidPackage) {
    const TempDir dir;
    const Deck deck = defaultDeck("bull", "zh");
    writeDeck(deck, dir.file("deck.pptx"));
    expectValidPackage(dir.file("deck.pptx"), deck.slides.size());
    const TempDir out;
    unzip(dir.file("deck.pptx"), out.path());
    const std::string slide = readFile(out.file("ppt/slides/slide1.xml"));
    EXPECT_NE(slide.find("lang=\"zh-CN\""), std::string::npos);
    EXPECT_NE(slide.find("<a:ea typeface=\"Microsoft YaHei\"/>"), std::string::npos);
    EXPECT_NE(slide.find("数据中心ASIC市场规模（十亿美元）"), std::string::npos);
    EXPECT_NE(slide.find("情景：乐观"), std::string::npos);
}

TEST(DeckWriter, CachedNumbersAreTheEvaluatorsForBaseAndBull) {
    for (const std::string scenario : {"base", "bull"}) {
        SCOPED_TRACE(scenario);
        const TempDir dir;
        writeDeck(defaultDeck(scenario), dir.file("deck.pptx"));
        unzip(dir.file("deck.pptx"), dir.path() / "x");
        const Evaluator e(defaultModel(), scenario);
        const auto& charts = defaultModel().scenario().charts;
        for (std::size_t k = 0; k < charts.size(); ++k) {
            const ChartDef& def = charts[k];
            SCOPED_TRACE(def.id);
            const auto cached = cachedValues(
                readFile((dir.path() / "x/ppt/charts" / ("chart" + std::to_string(k + 1) + ".xml"))
                             .string()));
            std::vector<std::string> refs = def.series;
            refs.insert(refs.end(), def.secondary.begin(), def.secondary.end());
            ASSERT_EQ(cached.size(), refs.size());
            for (std::size_t s = 0; s < refs.size(); ++s) {
                ASSERT_EQ(cached[s].size(),
                          static_cast<std::size_t>(def.toYear - def.fromYear + 1));
                for (std::size_t i = 0; i < cached[s].size(); ++i)
                    EXPECT_DOUBLE_EQ(cached[s][i],
                                     expectedValue(e, refs[s], def.fromYear + static_cast<int>(i)))
                        << refs[s] << " " << def.fromYear + static_cast<int>(i);
            }
        }
    }
}

TEST(DeckWriter, BullAndBaseDiffer) {
    const Deck base = defaultDeck("base");
    const Deck bull = defaultDeck("bull");
    const auto& a = std::get<ChartPlan>(base.slides[0]);
    const auto& b = std::get<ChartPlan>(bull.slides[0]);
    EXPECT_NE(a.series[0].values[5], b.series[0].values[5]);
    EXPECT_EQ(b.scenarioName, "Bull");
}

TEST(DeckWriter, EmbeddedWorkbooksHoldTheCachedNumbers) {
    const TempDir dir;
    writeDeck(defaultDeck("bull"), dir.file("deck.pptx"));
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    const auto charts = partsUnder(dir.path() / "x", R"(ppt/charts/chart\d+\.xml)");
    ASSERT_EQ(charts.size(), defaultModel().scenario().charts.size());
    for (std::size_t k = 1; k <= charts.size(); ++k) {
        SCOPED_TRACE(k);
        const std::string chart = readFile(
            (dir.path() / "x/ppt/charts" / ("chart" + std::to_string(k) + ".xml")).string());
        const std::string book = (dir.path() / "x/ppt/embeddings" /
                                  ("Microsoft_Excel_Worksheet" + std::to_string(k) + ".xlsx"))
                                     .string();
        const RunResult r = run(std::string(kPython) + " " + JEVONS_SOURCE_DIR +
                                "/tests/core/deck/read_workbook.py " + quoted(book));
        ASSERT_EQ(r.status, 0) << r.output;
        const auto json = nlohmann::json::parse(r.output);
        const auto cached = cachedValues(chart);
        for (std::size_t s = 0; s < cached.size(); ++s) {
            const std::string column(1, static_cast<char>('B' + s));
            EXPECT_TRUE(json["cells"].contains(column + "1"));
            for (std::size_t i = 0; i < cached[s].size(); ++i) {
                const std::string cell = column + std::to_string(i + 2);
                // libxlsxwriter writes 16 significant digits ("%.16G"; Excel keeps 15), the
                // cache 17.
                EXPECT_NEAR(json["cells"][cell].get<double>(), cached[s][i],
                            1e-15 * std::abs(cached[s][i]))
                    << cell;
                EXPECT_NE(chart.find("<c:formatCode>" + json["formats"][cell].get<std::string>() +
                                     "</c:formatCode>"),
                          std::string::npos)
                    << cell;
            }
        }
        // Formulas point at the workbook's layout.
        EXPECT_NE(chart.find("<c:f>Sheet1!$B$1</c:f>"), std::string::npos);
        EXPECT_NE(chart.find("<c:f>Sheet1!$A$2:$A$"), std::string::npos);
    }
}

TEST(DeckWriter, ChartPartsFollowThePowerPointRules) {
    const TempDir dir;
    writeDeck(defaultDeck("base"), dir.file("deck.pptx"));
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    for (const auto& part : partsUnder(dir.path() / "x", R"(ppt/charts/chart\d+\.xml)")) {
        SCOPED_TRACE(part.string());
        const std::string xml = readFile(part.string());
        EXPECT_NE(xml.find("<c:autoTitleDeleted val=\"1\"/>"), std::string::npos);
        EXPECT_NE(xml.find("<c:dispBlanksAs val=\"gap\"/>"), std::string::npos);
        EXPECT_EQ(xml.find("NaN"), std::string::npos);
        EXPECT_EQ(xml.find("nan"), std::string::npos);
        // exactly two axId per chart group, and every axId has its axis
        const std::regex group("<c:(bar|line|area)Chart>([\\s\\S]*?)</c:\\1Chart>");
        for (std::sregex_iterator g(xml.begin(), xml.end(), group), end; g != end; ++g) {
            const std::string body = (*g)[2];
            const std::regex axId("<c:axId val=\"(\\d+)\"/>");
            std::vector<std::string> ids;
            for (std::sregex_iterator a(body.begin(), body.end(), axId); a != end; ++a)
                ids.push_back((*a)[1]);
            ASSERT_EQ(ids.size(), 2u);
            for (const auto& id : ids)
                EXPECT_NE(xml.find("Ax><c:axId val=\"" + id + "\"/>"), std::string::npos) << id;
        }
        EXPECT_LT(xml.find("</c:txPr><c:externalData r:id=\"rId1\">"), std::string::npos);
    }
}

TEST(DeckWriter, HandMadeDeckWithMarkupAndChineseIsValid) {
    const TempDir dir;
    const Deck deck = handMadeDeck();
    writeDeck(deck, dir.file("deck.pptx"));
    expectValidPackage(dir.file("deck.pptx"), deck.slides.size());
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    const std::string core = readFile((dir.path() / "x/docProps/core.xml").string());
    EXPECT_NE(core.find("R&amp;D &lt;capex&gt; &quot;AI&quot; &amp; 算力：眼镜 &apos;x&apos;"),
              std::string::npos)
        << core;
    const std::string slide = readFile((dir.path() / "x/ppt/slides/slide1.xml").string());
    EXPECT_NE(slide.find("R&amp;D &lt;capex&gt;"), std::string::npos);
    // the missing 2024 point is left out of the cache
    const auto cached = cachedValues(readFile((dir.path() / "x/ppt/charts/chart1.xml").string()));
    EXPECT_TRUE(std::isnan(cached[0][1]));
    EXPECT_EQ(cached[0][2], 12.0);
}

// --- failures: a clear message, and nothing new left behind -------------------------------

namespace {

void expectUntouched(const TempDir& dir, const std::string& target, const std::string& before) {
    EXPECT_EQ(readFile(target), before);
    EXPECT_TRUE(tempFilesIn(dir.path()).empty());
}

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const DeckError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(DeckWriter, UnwritableFolderSaysWhy) {
    const std::string path = "/nonexistent-jevons-dir/deck.pptx";
    const std::string message = messageOf([&] { writeDeck(defaultDeck("base"), path); });
    EXPECT_EQ(message, "cannot write " + path +
                           ": No such file or directory (creating a temporary file beside it)");
    EXPECT_FALSE(fs::exists(path));
}

TEST(DeckWriter, InjectedFullDiskLeavesTheOldFile) {
    const TempDir dir;
    const std::string target = dir.file("deck.pptx");
    writeFile(target, "the previous deck");
    const std::string message = messageOf(
        [&] { writeDeck(defaultDeck("base"), target, [](std::string_view) { return ENOSPC; }); });
    EXPECT_EQ(message, "cannot write " + target + ": No space left on device (writing)");
    expectUntouched(dir, target, "the previous deck");
}

TEST(DeckWriter, RealFullDiskLeavesTheOldFile) {
    const TempDir dir;
    const fs::path mountPoint = dir.path() / "small";
    fs::create_directory(mountPoint);
    if (::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=200k") != 0)
        GTEST_SKIP() << "cannot mount a 200k tmpfs here (" << std::strerror(errno)
                     << "); InjectedFullDiskLeavesTheOldFile covers the same path";
    struct Unmount {
        fs::path p;
        ~Unmount() { ::umount(p.c_str()); }
    } unmount{mountPoint};
    const std::string target = (mountPoint / "deck.pptx").string();
    writeFile(target, "the previous deck");
    {  // fill the disk
        std::ofstream filler(mountPoint / "filler", std::ios::binary);
        const std::string block(4096, 'x');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) {
        }
    }
    const std::string message = messageOf([&] { writeDeck(defaultDeck("base"), target); });
    EXPECT_EQ(message, "cannot write " + target + ": No space left on device (writing)");
    EXPECT_EQ(readFile(target), "the previous deck");
    EXPECT_TRUE(tempFilesIn(mountPoint).empty());
}

TEST(DeckWriter, ChartWithoutDataIsNamed) {
    const TempDir dir;
    const std::string target = dir.file("deck.pptx");
    writeFile(target, "old");
    Deck deck = handMadeDeck();
    std::get<ChartPlan>(deck.slides[1]).series.clear();
    EXPECT_EQ(messageOf([&] { writeDeck(deck, target); }),
              "chart 'chart2' cannot be drawn: no series");
    std::get<ChartPlan>(deck.slides[1]) = std::get<ChartPlan>(handMadeDeck().slides[1]);
    std::get<ChartPlan>(deck.slides[1]).categories.clear();
    EXPECT_NE(messageOf([&] {
                  writeDeck(deck, target);
              }).find("chart 'chart2' cannot be drawn: no years"),
              std::string::npos);
    expectUntouched(dir, target, "old");
    EXPECT_EQ(messageOf([&] { writeDeck(Deck{}, target); }), "the deck has no slides");
}

TEST(DeckWriter, ChartDefinitionWithoutDataIsNamed) {
    Scenario s = defaultModel().scenario();
    s.charts[2].series.clear();
    const Model model = Model::compile(s);
    EXPECT_EQ(messageOf([&] { (void)buildDeck(model, DeckOptions{}); }),
              "chart '" + s.charts[2].id + "' cannot be drawn: no series");
}

TEST(DeckWriter, UnknownChartOrScenarioIsNamed) {
    DeckOptions options;
    options.chartIds = {"asic_market", "no_such_chart"};
    EXPECT_EQ(messageOf([&] { (void)buildDeck(defaultModel(), options); }),
              "unknown chart 'no_such_chart'");
    options.chartIds = {};
    options.scenarioId = "moon";
    EXPECT_EQ(messageOf([&] { (void)buildDeck(defaultModel(), options); }),
              "unknown scenario 'moon'");
}

TEST(DeckWriter, ChosenChartsInOrderAndEditedScenario) {
    Evaluator e(defaultModel(), "bull");
    e.setAssumption("elasticity", 2.0);
    DeckOptions options;
    options.chartIds = {"glasses", "asic_share"};
    options.scenarioId = "bull";
    const Deck deck = buildDeck(e, options);
    ASSERT_GE(deck.slides.size(), 3u);
    EXPECT_EQ(std::get<ChartPlan>(deck.slides[0]).id, "glasses");
    EXPECT_EQ(std::get<ChartPlan>(deck.slides[1]).id, "asic_share");
    EXPECT_EQ(std::get<ChartPlan>(deck.slides[0]).scenarioName, "Bull (edited)");
    EXPECT_TRUE(std::holds_alternative<AssumptionsSlide>(deck.slides[2]));
}

TEST(DeckWriter, PicturesNeedARendererAndAPng) {
    DeckOptions options;
    options.pictures = true;
    EXPECT_NE(messageOf([&] { (void)buildDeck(defaultModel(), options); }).find("renderer"),
              std::string::npos);
    const Deck deck = buildDeck(defaultModel(), options,
                                [](const ChartDef&, const ChartPlan&) { return tinyPng(); });
    EXPECT_TRUE(std::holds_alternative<PictureSlide>(deck.slides[0]));
    const TempDir dir;
    writeDeck(deck, dir.file("pictures.pptx"));
    expectValidPackage(dir.file("pictures.pptx"), deck.slides.size());
    const Deck bad = buildDeck(defaultModel(), options, [](const ChartDef&, const ChartPlan&) {
        return std::string("GIF89a");
    });
    EXPECT_NE(messageOf([&] { writeDeck(bad, dir.file("bad.pptx")); }).find("is not a PNG"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(dir.file("bad.pptx")));
}
