// Native fan, tornado and histogram slides: their numbers are the core's (Monte Carlo bands,
// tornado, histogram), their chart parts validate against the OOXML schema, and the embedded
// workbooks hold the cached numbers.
#include "core/deck/uncertainty_slides.h"

#include "core/deck/chart_xml.h"
#include "core/deck/deck.h"
#include "core/deck/deck_error.h"
#include "core/deck/deck_writer.h"
#include "core/text/number_text.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <numeric>
#include <regex>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

const ChartDef& chartOf(const std::string& id) {
    const ChartDef* c = defaultModel().scenario().findChart(id);
    if (!c) throw std::runtime_error("no chart " + id);
    return *c;
}

// One simulation of the default forecast (base values), keeping asic_market's paths.
const MonteCarloResult& simulation() {
    static const MonteCarloResult result = [] {
        MonteCarloOptions options;
        options.keep = {*defaultModel().resolve("asic_market")};
        return runMonteCarlo(defaultModel(), options);
    }();
    return result;
}

double shownValue(double stored, const std::string& ref) {
    return planValue(stored, defaultModel().unitOf(*defaultModel().resolve(ref)));
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

TEST(UncertaintySlides, FanIncrementsSumBackToTheBands) {
    const ChartDef& chart = chartOf("asic_share");
    const ChartPlan s =
        fanSlideFor(defaultModel(), simulation(), chart, "asic_share", "en", "Base");
    EXPECT_EQ(s.kind, ChartKind::Fan);
    EXPECT_EQ(s.bandSeries, 4u);
    ASSERT_EQ(s.series.size(), 5u);
    EXPECT_TRUE(chartProblem(s).empty()) << chartProblem(s);
    const OutputBands& b = *simulation().bands(*defaultModel().resolve("asic_share"));
    ASSERT_EQ(s.categories.front(), std::to_string(chart.fromYear));
    for (std::size_t i = 0; i < s.categories.size(); ++i) {
        const auto k =
            static_cast<std::size_t>(std::stoi(s.categories[i]) - simulation().years.first);
        SCOPED_TRACE(s.categories[i]);
        EXPECT_DOUBLE_EQ(s.series[0].values[i], b.p10[k]);  // shares stay fractions
        EXPECT_NEAR(s.series[0].values[i] + s.series[1].values[i], b.p25[k], 1e-15);
        EXPECT_NEAR(s.series[0].values[i] + s.series[1].values[i] + s.series[2].values[i], b.p75[k],
                    1e-15);
        const double top = s.series[0].values[i] + s.series[1].values[i] + s.series[2].values[i] +
                           s.series[3].values[i];
        EXPECT_NEAR(top, b.p90[k], 1e-15);
        EXPECT_DOUBLE_EQ(s.series[4].values[i], b.p50[k]);
        for (std::size_t band = 1; band < 4; ++band) EXPECT_GE(s.series[band].values[i], 0.0);
    }
    // 2028 is uncertain (PERT 20–35%): the P10–P90 band is wide there, 2023 is data (no band).
    const auto k2028 = static_cast<std::size_t>(2028 - chart.fromYear);
    EXPECT_GT(s.series[1].values[k2028] + s.series[2].values[k2028] + s.series[3].values[k2028],
              0.05);
    EXPECT_NEAR(s.series[1].values[0] + s.series[2].values[0] + s.series[3].values[0], 0.0, 1e-12);
    EXPECT_EQ(s.series[0].numberFormat, "0.0%");
    EXPECT_NE(s.note.find("10,000 Monte Carlo paths (seed 20250209)"), std::string::npos) << s.note;
    EXPECT_NE(s.note.find("P10 is the 10th percentile"), std::string::npos);
}

TEST(UncertaintySlides, FanCagrReadsTheCoresP10ToP90) {
    const ChartDef& chart = chartOf("asic_market");  // a column chart with a 2023→2028 CAGR
    const ChartPlan s =
        fanSlideFor(defaultModel(), simulation(), chart, "asic_market", "en", "Base");
    const CagrRange* range = simulation().cagrRange("asic_market", 2023, 2028);
    ASSERT_NE(range, nullptr);
    ASSERT_EQ(s.cagr.size(), 1u);
    EXPECT_EQ(s.cagr[0].text, "CAGR " + fixedNumber(range->cagr.p10 * 100, 0) + "–" +
                                  fixedNumber(range->cagr.p90 * 100, 0) + "%");
    EXPECT_LT(range->cagr.p10, 0.454);  // the deterministic 45.4% lies inside the range
    EXPECT_GT(range->cagr.p90, 0.454);
    const OutputBands& b = *simulation().bands(*defaultModel().resolve("asic_market"));
    const auto k = static_cast<std::size_t>(2028 - simulation().years.first);
    EXPECT_NEAR(s.series[0].values[5] + s.series[1].values[5] + s.series[2].values[5] +
                    s.series[3].values[5],
                shownValue(b.p90[k], "asic_market"), 1e-12);
}

TEST(UncertaintySlides, TornadoBarsAreTheCoresInOrder) {
    const SamplingPlan plan = SamplingPlan::make(defaultModel().scenario());
    const Tornado t = tornado(defaultModel(), plan, "asic_market", 2030);
    const ChartPlan s = tornadoSlide(defaultModel(), t, "en", "Base");
    EXPECT_EQ(s.kind, ChartKind::Tornado);
    EXPECT_TRUE(chartProblem(s).empty()) << chartProblem(s);
    // Bars that move the output; the others (capex growth, elasticity, glasses do not reach the
    // ASIC market) are left out and counted in the note.
    std::size_t moving = 0;
    while (moving < t.bars.size() && t.bars[moving].swing() > 1e-6) ++moving;
    for (std::size_t i = moving; i < t.bars.size(); ++i)
        EXPECT_LE(t.bars[i].swing(), 1e-9 * std::abs(t.base));
    ASSERT_EQ(s.categories.size(), moving);
    ASSERT_GE(moving, 2u);
    EXPECT_NE(s.note.find(std::to_string(t.bars.size() - moving) + " assumptions do not move it"),
              std::string::npos)
        << s.note;
    EXPECT_DOUBLE_EQ(s.crossesAt, shownValue(t.base, "asic_market"));
    for (std::size_t i = 0; i < moving; ++i) {
        SCOPED_TRACE(t.bars[i].id);
        EXPECT_DOUBLE_EQ(s.series[0].values[i], shownValue(t.bars[i].lowOutput, "asic_market"));
        EXPECT_DOUBLE_EQ(s.series[1].values[i], shownValue(t.bars[i].highOutput, "asic_market"));
        if (i > 0) {
            EXPECT_GE(t.bars[i - 1].swing(), t.bars[i].swing());
        }
    }
    // The ASIC share assumption, labelled with its P10 and P90 inputs.
    const auto it = std::find_if(t.bars.begin(), t.bars.end(),
                                 [](const TornadoBar& b) { return b.id == "asic_share_2028"; });
    ASSERT_NE(it, t.bars.end());
    const std::string& label = s.categories[static_cast<std::size_t>(it - t.bars.begin())];
    EXPECT_EQ(label.substr(label.find(": ")),
              ": " + formatAs(it->lowInput, "0.0%") + "–" + formatAs(it->highInput, "0.0%"))
        << label;
    EXPECT_TRUE(std::regex_search(label, std::regex(R"(: 2\d\.\d%–[23]\d\.\d%$)"))) << label;

    const std::string xml = chartXml(s);
    EXPECT_NE(xml.find("<c:barDir val=\"bar\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<c:overlap val=\"100\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<c:crossesAt val=\"" + shortestNumber(s.crossesAt) + "\"/>"),
              std::string::npos);
    const auto cached = cachedValues(xml);
    ASSERT_EQ(cached.size(), 2u);
    EXPECT_EQ(cached[0], s.series[0].values);
    EXPECT_EQ(cached[1], s.series[1].values);
}

TEST(UncertaintySlides, HistogramCountsAreTheCores) {
    const ChartPlan s =
        histogramSlide(defaultModel(), simulation(), "asic_market", 2028, "en", "Base", 24);
    EXPECT_EQ(s.kind, ChartKind::Histogram);
    const Histogram h = histogramOf(defaultModel(), simulation(), "asic_market", 2028, 24);
    ASSERT_EQ(s.categories.size(), 24u);
    ASSERT_EQ(s.series.size(), 1u);
    double total = 0;
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        EXPECT_EQ(s.series[0].values[i], static_cast<double>(h.counts[i]));
        total += s.series[0].values[i];
    }
    EXPECT_EQ(total, static_cast<double>(simulation().paths));
    // the percentiles in the note are the core's bands for that year
    const OutputBands& b = *simulation().bands(*defaultModel().resolve("asic_market"));
    const auto k = static_cast<std::size_t>(2028 - simulation().years.first);
    EXPECT_NEAR(h.stats.p50, b.p50[k], 1e-9);
    EXPECT_NE(s.note.find("P50 " + formatAs(h.stats.p50, "0.0") + " US$B"), std::string::npos)
        << s.note;
    EXPECT_EQ(s.highlighted.size(), 3u);
    const std::string xml = chartXml(s);
    EXPECT_NE(xml.find("<c:gapWidth val=\"4\"/>"), std::string::npos);
    EXPECT_EQ(cachedValues(xml).at(0), s.series[0].values);
}

TEST(UncertaintySlides, ChineseTexts) {
    const SamplingPlan plan = SamplingPlan::make(defaultModel().scenario());
    const Tornado t = tornado(defaultModel(), plan, "asic_market", 2030);
    const ChartPlan s = tornadoSlide(defaultModel(), t, "zh", "基准");
    EXPECT_NE(s.title.find("2030年"), std::string::npos) << s.title;
    EXPECT_EQ(s.series[0].name, "假设取P10时");
    const ChartPlan f = fanSlideFor(defaultModel(), simulation(), chartOf("asic_share"),
                                    "asic_share", "zh", "基准");
    EXPECT_NE(f.note.find("10,000条蒙特卡洛路径"), std::string::npos) << f.note;
}

TEST(UncertaintySlides, WhatCannotBeDrawnIsNamed) {
    EXPECT_EQ(messageOf([] {
                  (void)histogramSlide(defaultModel(), simulation(), "asic_share", 2028, "en",
                                       "Base");
              }),
              "histogram of 'asic_share': the simulation did not keep its paths");
    EXPECT_EQ(messageOf([] {
                  (void)histogramSlide(defaultModel(), simulation(), "asic_market", 2051, "en",
                                       "Base");
              }),
              "histogram of 'asic_market': the year 2051 is not within 2023–2035");
    DeckOptions options;
    options.uncertainty = UncertaintySlideOptions{};
    options.uncertainty->tornadoOutput = "no_such_series";
    EXPECT_EQ(messageOf([&] { (void)buildDeck(defaultModel(), options); }),
              "tornado: unknown series 'no_such_series'");
    options.uncertainty = UncertaintySlideOptions{};
    options.uncertainty->tornadoYear = 2040;
    EXPECT_NE(
        messageOf([&] { (void)buildDeck(defaultModel(), options); }).find("uncertainty slides: "),
        std::string::npos);
}

TEST(UncertaintySlides, NoDistributionNoSlides) {
    Scenario fixed = defaultModel().scenario();
    for (Assumption& a : fixed.assumptions) a.distribution.reset();
    if (fixed.uncertainty) fixed.uncertainty->correlations.clear();
    const Model model = Model::compile(fixed);
    DeckOptions options;
    options.uncertainty = UncertaintySlideOptions{};
    const Deck with = buildDeck(model, options);
    options.uncertainty.reset();
    EXPECT_EQ(with.slides.size(), buildDeck(model, options).slides.size());
}

TEST(UncertaintySlides, DeckPartsValidateAndWorkbooksHoldTheCaches) {
    DeckOptions options;
    options.uncertainty = UncertaintySlideOptions{};
    const Deck deck = buildDeck(defaultModel(), options);
    std::vector<const ChartPlan*> charts;
    for (const Slide& slide : deck.slides)
        if (const auto* c = std::get_if<ChartPlan>(&slide)) charts.push_back(c);
    std::size_t lineCharts = 0;
    for (const ChartDef& c : defaultModel().scenario().charts)
        lineCharts += c.type == ChartType::Line ? 1 : 0;
    const std::size_t plain = defaultModel().scenario().charts.size();
    ASSERT_EQ(charts.size(), plain + lineCharts + 2);  // fans, tornado, histogram
    EXPECT_EQ(charts[plain]->kind, ChartKind::Fan);
    EXPECT_EQ(charts[charts.size() - 2]->kind, ChartKind::Tornado);
    EXPECT_EQ(charts.back()->kind, ChartKind::Histogram);
    // the tornado of the deck is the core's tornado of the same values
    const Tornado t =
        tornado(defaultModel(), SamplingPlan::make(defaultModel().scenario()), "asic_market", 2030);
    EXPECT_DOUBLE_EQ(charts[charts.size() - 2]->series[1].values[0],
                     shownValue(t.bars[0].highOutput, "asic_market"));

    const TempDir dir;
    writeDeck(deck, dir.file("deck.pptx"));
    unzip(dir.file("deck.pptx"), dir.path() / "x");
    for (std::size_t k = plain; k < charts.size(); ++k) {
        const std::string n = std::to_string(k + 1);
        SCOPED_TRACE(charts[k]->id);
        const fs::path part = dir.path() / "x/ppt/charts" / ("chart" + n + ".xml");
        EXPECT_EQ(schemaErrors(part, "dml-chart.xsd"), "");
        const fs::path slide = dir.path() / "x/ppt/slides" / ("slide" + n + ".xml");
        EXPECT_EQ(schemaErrors(slide, "pml.xsd"), "");
        const std::string xml = readFile(part.string());
        const auto cached = cachedValues(xml);
        ASSERT_EQ(cached.size(), charts[k]->series.size());
        for (std::size_t s = 0; s < cached.size(); ++s)
            EXPECT_EQ(cached[s], charts[k]->series[s].values) << s;
        // exactly two axIds in every chart group (a fan has an area and a line group)
        const std::regex axId("<c:axId val=\"(\\d+)\"/>");
        std::size_t ids = 0;
        for (std::sregex_iterator a(xml.begin(), xml.end(), axId), end; a != end; ++a) ++ids;
        EXPECT_EQ(ids, charts[k]->kind == ChartKind::Fan ? 6u : 4u);  // groups + 2 axes

        const std::string book =
            (dir.path() / "x/ppt/embeddings" / ("Microsoft_Excel_Worksheet" + n + ".xlsx"))
                .string();
        const RunResult r = run(std::string(kPython) + " " + JEVONS_SOURCE_DIR +
                                "/tests/core/deck/read_workbook.py " + quoted(book));
        ASSERT_EQ(r.status, 0) << r.output;
        const auto json = nlohmann::json::parse(r.output);
        for (std::size_t i = 0; i < charts[k]->categories.size(); ++i)
            EXPECT_EQ(json["cells"]["A" + std::to_string(i + 2)], charts[k]->categories[i]);
        for (std::size_t s = 0; s < cached.size(); ++s) {
            const std::string column(1, static_cast<char>('B' + s));
            EXPECT_EQ(json["cells"][column + "1"], charts[k]->series[s].name);
            for (std::size_t i = 0; i < cached[s].size(); ++i)
                EXPECT_NEAR(json["cells"][column + std::to_string(i + 2)].get<double>(),
                            cached[s][i], 1e-15 * std::abs(cached[s][i]) + 1e-300)
                    << column << i + 2;
        }
    }
}
