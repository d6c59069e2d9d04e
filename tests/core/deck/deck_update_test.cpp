// Updating a deck in place (issue 15, core/deck/deck_update.h): a deck exported, edited by a
// script as a user would (edit_deck.py: a new slide, slides moved, a title changed, a series
// recoloured and given a number format, notes, a sheet of the user's in the workbook), then
// updated after an assumption changed: the numbers, the workbook and the CAGR label follow the
// forecast, every edit survives, and the parts stay schema-valid. Also what python-pptx's
// replace_data gets wrong (scanny/python-pptx#666, #877, #379, #381), idempotence, and every
// kind of bad input, each leaving the deck on disk as it was.
#include "core/deck/deck_update.h"
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/deck/zip_archive.h"

#include "tests/core/deck/deck_test_support.h"
#include "tests/core/deck/deck_update_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <regex>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

}  // namespace

TEST(DeckUpdate, EditedDeckFollowsTheForecastAndKeepsEveryEdit) {
    const TempDir dir;
    const std::string exported = exportDefault(dir, "exported.pptx");
    const std::string deck = dir.file("deck.pptx");
    const nlohmann::json edit = editDeck(exported, deck);
    const fs::path before = dir.path() / "before";
    unzip(deck, before);

    const DeckUpdate update = updateDeck(defaultModel(), deck, changedOptions());
    ASSERT_TRUE(update.changed);
    const std::map<std::string, ChartPlan> expected = expectedPlans();
    ASSERT_EQ(update.charts.size(), expected.size());
    std::size_t updated = 0;
    for (const ChartUpdate& c : update.charts) {
        EXPECT_TRUE(c.status == ChartUpdateStatus::Updated ||
                    c.status == ChartUpdateStatus::Unchanged)
            << updateLine(c);
        updated += c.status == ChartUpdateStatus::Updated;
    }
    // The base values changed, so every slide's scenario tag now reads "Base (edited)", as an
    // export of the edited forecast would: every chart is updated, though the ASIC share moves
    // only the ASIC market, its line and the ASIC/GPU split (not capex or the glasses).
    EXPECT_EQ(updated, update.charts.size());
    // The reordered deck reports in its new order: the moved slide first, the user's second.
    EXPECT_EQ(update.charts.front().slide, 1u);
    EXPECT_EQ(update.charts.at(1).slide, 3u);

    const fs::path after = dir.path() / "after";
    unzip(deck, after);
    // Every chart's cached numbers are the changed forecast's (the cache PowerPoint draws:
    // python-pptx#381), in every plot of the combo charts (#877).
    const auto parts = linkedChartParts(after);
    ASSERT_EQ(parts.size(), expected.size());
    for (const auto& [link, plan] : expected) {
        ASSERT_TRUE(parts.count(link)) << link;
        const std::string chart = readFile(parts.at(link).string());
        expectSameValues(cachedValues(chart), plan, link);
        if (plan.kind == ChartKind::Combo) {
            EXPECT_NE(chart.find("<c:barChart>"), std::string::npos) << link;
            EXPECT_NE(chart.find("<c:lineChart>"), std::string::npos) << link;
        }
        EXPECT_EQ(schemaErrors(parts.at(link), "dml-chart.xsd"), "") << link;
    }
    const ChartPlan* asicPlan = nullptr;
    for (const auto& [link, plan] : expected)
        if (plan.id == "asic_market") asicPlan = &plan;
    ASSERT_NE(asicPlan, nullptr);
    const ChartPlan& asic = *asicPlan;
    EXPECT_NEAR(asic.series[0].values[5], 171.6 * kShare2028, 1e-9);  // 2028

    // The user's edits of the first chart: its colour and number format (python-pptx#666).
    const std::string chart = readFile((after / edit["chart"].get<std::string>()).string());
    EXPECT_NE(chart.find("FF00FF"), std::string::npos);
    EXPECT_NE(chart.find("<c:formatCode>#,##0.000</c:formatCode>"), std::string::npos);
    EXPECT_EQ(countOf(chart, "<c:ser>"),
              countOf(readFile((before / edit["chart"].get<std::string>()).string()), "<c:ser>"));

    // The workbook: new numbers in Sheet1, the user's sheet kept (python-pptx#379).
    const nlohmann::json book =
        readWorkbook((after / edit["workbook"].get<std::string>()).string());
    EXPECT_EQ(book["sheets"], (nlohmann::json{"Sheet1", "Analyst notes"}));
    EXPECT_NEAR(book["cells"]["B7"].get<double>(), 171.6 * kShare2028, 1e-9);  // 2028
    EXPECT_EQ(book["cells"]["A7"], "2028");

    // The slide: the retitle stays, the CAGR label follows (42.9 -> 51.48: 2023-2028 CAGR).
    const std::string slide = readFile((after / edit["slide"].get<std::string>()).string());
    EXPECT_NE(slide.find("Retitled by the analyst"), std::string::npos);
    ASSERT_FALSE(asic.cagr.empty());
    EXPECT_NE(slide.find(asic.cagr[0].text), std::string::npos) << asic.cagr[0].text;
    EXPECT_EQ(slide.find("+45.4% CAGR"), std::string::npos);
    EXPECT_EQ(schemaErrors(after / edit["slide"].get<std::string>(), "pml.xsd"), "");

    // The assumptions table: the changed value (and no other) follows; the update says so.
    ASSERT_FALSE(update.tables.empty());
    bool found = false;
    for (const auto& e : fs::directory_iterator(after / "ppt" / "slides")) {
        if (e.path().extension() != ".xml") continue;
        const std::string xml = readFile(e.path().string());
        const std::size_t label = xml.find("<a:t>ASIC share of accelerators, 2028</a:t>");
        if (xml.find("name=\"Assumptions\"") == std::string::npos || label == std::string::npos)
            continue;
        const std::size_t value = xml.find("<a:t>", xml.find("</a:tc>", label));
        EXPECT_EQ(xml.substr(value, 16), "<a:t>30.0%</a:t>");
        const std::string old =
            readFile((before / "ppt" / "slides" / e.path().filename()).string());
        EXPECT_EQ(countOf(xml, "<a:t>"), countOf(old, "<a:t>"));
        found = true;
    }
    EXPECT_TRUE(found);

    // What the update has no business with is byte for byte as the user left it.
    for (const char* part : {"ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
                             "[Content_Types].xml", "ppt/notesSlides/notesSlide1.xml",
                             "ppt/notesMasters/notesMaster1.xml", "ppt/slides/slide901.xml"})
        EXPECT_EQ(readFile((after / part).string()), readFile((before / part).string())) << part;
    const auto beforeParts = linkedChartParts(before);
    std::size_t same = 0;
    for (const auto& [link, part] : parts) {
        const bool equal = readFile(part.string()) == readFile(beforeParts.at(link).string());
        same += equal;
        if (link.find("Jevons chart glasses ") == 0 || link.find("Jevons chart capex ") == 0) {
            EXPECT_TRUE(equal) << link << ": does not depend on the ASIC share";
        }
    }
    EXPECT_GE(same, 2u);
    EXPECT_LE(same, parts.size() - 3);
    const std::string moved = readFile((after / edit["moved"].get<std::string>()).string());
    EXPECT_NE(moved.find("Scenario: Base (edited)"), std::string::npos);
}

TEST(DeckUpdate, UpdatingTwiceChangesNothingMore) {
    const TempDir dir;
    const std::string deck = dir.file("deck.pptx");
    editDeck(exportDefault(dir, "exported.pptx"), deck);
    ASSERT_TRUE(updateDeck(defaultModel(), deck, changedOptions()).changed);
    const std::string once = readFile(deck);
    const auto stamp = fs::last_write_time(deck);
    const DeckUpdate again = updateDeck(defaultModel(), deck, changedOptions());
    EXPECT_FALSE(again.changed);
    for (const ChartUpdate& c : again.charts)
        EXPECT_EQ(c.status, ChartUpdateStatus::Unchanged) << updateLine(c);
    EXPECT_EQ(readFile(deck), once);
    EXPECT_EQ(fs::last_write_time(deck), stamp);  // not even rewritten
}

TEST(DeckUpdate, AFreshDeckOfTheSameForecastIsUpToDate) {
    const TempDir dir;
    DeckOptions options;
    options.language = "zh";
    options.bridges = {{"base", "bull"}};
    const std::string deck = exportDefault(dir, "deck.pptx", options);
    const std::string bytes = readFile(deck);
    const DeckUpdate update = updateDeck(defaultModel(), deck);
    EXPECT_FALSE(update.changed);
    EXPECT_EQ(update.charts.size(), defaultModel().scenario().charts.size() + 1);
    for (const ChartUpdate& c : update.charts)
        EXPECT_EQ(c.status, ChartUpdateStatus::Unchanged) << updateLine(c);
    EXPECT_EQ(update.charts.back().link.chart, "bridge:base:bull:asic_market:2028");
    EXPECT_EQ(readFile(deck), bytes);
}

TEST(DeckUpdate, ScenarioOptionRedrawsAndRelinks) {
    const TempDir dir;
    const std::string deck = exportDefault(dir, "deck.pptx");
    DeckUpdateOptions options;
    options.scenario = "bull";
    const DeckUpdate update = updateDeck(defaultModel(), deck, options);
    ASSERT_TRUE(update.changed);
    for (const ChartUpdate& c : update.charts) EXPECT_EQ(c.link.scenario, "bull");
    const fs::path after = dir.path() / "after";
    unzip(deck, after);
    DeckOptions bull;
    bull.scenarioId = "bull";
    const auto parts = linkedChartParts(after);
    for (Slide& slide : buildDeck(defaultModel(), bull).slides)
        if (auto* plan = std::get_if<ChartPlan>(&slide)) {
            ASSERT_TRUE(parts.count(plan->link)) << plan->link;
            expectSameValues(cachedValues(readFile(parts.at(plan->link).string())), *plan,
                             plan->link);
        }
    // And from then on the deck is bull's: a plain update finds it current.
    EXPECT_FALSE(updateDeck(defaultModel(), deck).changed);
}

TEST(DeckUpdate, AChartTheForecastDroppedIsLeftAsItWas) {
    const TempDir dir;
    const std::string deck = exportDefault(dir, "deck.pptx");
    Scenario scenario = loadScenarioFile(defaultForecastPath());
    const std::string dropped = scenario.charts.front().id;
    scenario.charts.erase(scenario.charts.begin());
    const Model model = Model::compile(scenario);
    const DeckUpdate update = updateDeck(model, deck);
    ASSERT_FALSE(update.charts.empty());
    EXPECT_EQ(update.charts.front().link.chart, dropped);
    EXPECT_EQ(update.charts.front().status, ChartUpdateStatus::Gone);
    EXPECT_EQ(updateLine(update.charts.front()),
              "slide 1: asic_market (base): no longer in the forecast, left as it was — the "
              "forecast has no chart 'asic_market'");
    for (std::size_t k = 1; k < update.charts.size(); ++k)
        EXPECT_EQ(update.charts[k].status, ChartUpdateStatus::Unchanged)
            << updateLine(update.charts[k]);
}

namespace {

/// The DeckError message of updating `bytes` saved as `name`, and that the file is untouched.
std::string failure(const TempDir& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir.file(name);
    writeFile(path, bytes);
    try {
        (void)updateDeck(defaultModel(), path, changedOptions());
    } catch (const DeckError& e) {
        EXPECT_EQ(readFile(path), bytes) << name;
        EXPECT_TRUE(tempFilesIn(dir.path()).empty());
        return e.what();
    }
    ADD_FAILURE() << name << " was updated";
    return {};
}

}  // namespace

TEST(DeckUpdate, BadDecksGetOneClearMessageAndStayAsTheyWere) {
    const TempDir dir;
    const std::string deck = exportDefault(dir, "good.pptx");
    EXPECT_NE(failure(dir, "notes.pptx", "just some text\n")
                  .find("notes.pptx is not a .pptx or .potx file (not a zip archive)"),
              std::string::npos);
    EXPECT_NE(failure(dir, "locked.pptx",
                      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'))
                  .find("locked.pptx is a password-protected (encrypted) Office file"),
              std::string::npos);
    EXPECT_NE(failure(dir, "book.pptx", zipArchive({{"xl/workbook.xml", "<workbook/>"}}))
                  .find("book.pptx is not a presentation (it has no ppt/presentation.xml)"),
              std::string::npos);
    const std::string broken =
        rezipped(deck, dir, [](const std::string& name, const std::string& bytes) {
            return name == "ppt/slides/slide2.xml"
                       ? std::string("<?xml version=\"1.0\"?>\n<p:sld>\n<p:cSld>\n</p:sld>")
                       : bytes;
        });
    EXPECT_NE(failure(dir, "broken.pptx", broken)
                  .find("broken.pptx, part ppt/slides/slide2.xml, line 4: not well-formed XML"),
              std::string::npos);
    // A deck whose charts carry no link (a deck of pictures, or another tool's) has nothing
    // to update.
    const std::string unlinked =
        rezipped(deck, dir, [](const std::string& name, const std::string& bytes) {
            return name.rfind("ppt/slides/slide", 0) == 0
                       ? std::regex_replace(bytes, std::regex("Jevons chart [^\"]*"), "Chart 1")
                       : bytes;
        });
    EXPECT_NE(failure(dir, "unlinked.pptx", unlinked)
                  .find("unlinked.pptx holds no chart linked to a forecast"),
              std::string::npos);
}

TEST(DeckUpdate, AFailedWriteLeavesTheDeckAsItWas) {
    const TempDir dir;
    const std::string deck = exportDefault(dir, "deck.pptx");
    const std::string bytes = readFile(deck);
    int writes = 0;
    const WriteFault fault = [&](std::string_view) {
        ++writes;
        return ENOSPC;
    };
    EXPECT_THROW((void)updateDeck(defaultModel(), deck, changedOptions(), fault), DeckError);
    EXPECT_GE(writes, 1);
    EXPECT_EQ(readFile(deck), bytes);
    EXPECT_TRUE(tempFilesIn(dir.path()).empty());
}
