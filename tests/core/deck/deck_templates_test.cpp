// The shipped templates (forecasts/templates/, issue 14) as a strategist starts from them: each
// evaluates in every one of its scenarios, and its deck (English and Chinese, with the
// uncertainty slides) validates against the OOXML schemas. LibreOffice's print of the decks,
// every title on its own page, is in deck_libreoffice_test.cpp.
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

std::vector<fs::path> shippedTemplates() {
    std::vector<fs::path> out;
    for (const auto& e :
         fs::directory_iterator(fs::path(JEVONS_SOURCE_DIR) / "forecasts" / "templates"))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(TemplateDecks, EveryTemplateEvaluatesInEveryScenario) {
    const auto templates = shippedTemplates();
    ASSERT_EQ(templates.size(), 4u);
    for (const fs::path& path : templates) {
        const Scenario s = loadScenarioFile(path.string());
        const Model model = Model::compile(s);
        ASSERT_GE(s.scenarios.size(), 3u) << path;  // base, bull and bear at least
        for (const ScenarioDef& scenario : s.scenarios) {
            const Evaluator e(model, scenario.id);
            for (const SeriesDef& def : s.series) {
                const Eigen::ArrayXd v = e.values(def.id);
                ASSERT_EQ(v.size(), s.years.last - s.years.first + 1);
                for (Eigen::Index i = 0; i < v.size(); ++i)
                    EXPECT_TRUE(std::isfinite(v(i))) << path.filename() << " " << scenario.id << " "
                                                     << def.id << " " << s.years.first + i;
            }
        }
    }
}

TEST(TemplateDecks, DecksValidateInBothLanguages) {
    for (const fs::path& path : shippedTemplates()) {
        const Model model = Model::compile(loadScenarioFile(path.string()));
        for (const char* language : {"en", "zh"}) {
            SCOPED_TRACE(path.filename().string() + " " + language);
            DeckOptions options;
            options.language = language;
            options.uncertainty = UncertaintySlideOptions{};
            options.uncertainty->paths = 500;
            const Deck deck = buildDeck(model, options);
            const TempDir dir;
            writeDeck(deck, dir.file("deck.pptx"));
            unzip(dir.file("deck.pptx"), dir.path() / "x");
            std::size_t charts = 0;
            for (std::size_t k = 0; k < deck.slides.size(); ++k) {
                const fs::path slide =
                    dir.path() / "x/ppt/slides" / ("slide" + std::to_string(k + 1) + ".xml");
                EXPECT_EQ(schemaErrors(slide, "pml.xsd"), "") << slide;
                if (std::holds_alternative<ChartPlan>(deck.slides[k])) ++charts;
            }
            ASSERT_GE(charts, model.scenario().charts.size() + 2);  // + tornado, histogram
            for (std::size_t n = 1; n <= charts; ++n) {
                const fs::path part =
                    dir.path() / "x/ppt/charts" / ("chart" + std::to_string(n) + ".xml");
                EXPECT_EQ(schemaErrors(part, "dml-chart.xsd"), "") << part;
            }
        }
    }
}
