#pragma once
// Shared by the update-deck tests (deck_update_test.cpp, deck_libreoffice_test.cpp): the
// forecast change they update for (the 2028 ASIC share from 25% to 30%), the charts it should
// give, the user's edit script, and reading an extracted deck's linked chart parts.
#include "core/deck/deck.h"
#include "core/deck/deck_update.h"
#include "core/deck/zip_archive.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <regex>

namespace jevons::core::deck::testing {

inline constexpr double kShare2028 = 0.30;  ///< the changed assumption (base: 25%)

inline std::map<std::string, double> changedValues() {
    std::map<std::string, double> values = defaultModel().scenario().assumptionValues("base");
    values["asic_share_2028"] = kShare2028;
    return values;
}

inline DeckUpdateOptions changedOptions() {
    DeckUpdateOptions options;
    options.valuesOf =
        [](const std::string& scenario) -> std::optional<std::map<std::string, double>> {
        if (scenario == "base") return changedValues();
        return std::nullopt;
    };
    return options;
}

/// The charts of the default deck as the changed forecast draws them, by link name.
inline std::map<std::string, ChartPlan> expectedPlans() {
    Evaluator evaluator(defaultModel(), "base");
    evaluator.setAssumptions(changedValues());
    std::map<std::string, ChartPlan> out;
    for (Slide& slide : buildDeck(evaluator, DeckOptions{}).slides)
        if (auto* plan = std::get_if<ChartPlan>(&slide)) out.emplace(plan->link, *plan);
    return out;
}

inline std::string exportDefault(const TempDir& dir, const std::string& name,
                                 const DeckOptions& options = {}) {
    const std::string path = dir.file(name);
    writeDeck(buildDeck(defaultModel(), options), path);
    return path;
}

/// In an extracted deck: link name -> chart part file, read from every slide and its rels.
inline std::map<std::string, fs::path> linkedChartParts(const fs::path& root) {
    std::map<std::string, fs::path> out;
    const std::regex name(R"(name="(Jevons chart [^"]*)\")");
    const std::regex target(R"(Target="\.\./charts/(chart\d+\.xml)\")");
    for (const auto& e : fs::directory_iterator(root / "ppt" / "slides")) {
        if (e.path().extension() != ".xml") continue;
        const std::string slide = readFile(e.path().string());
        const std::string rels =
            readFile((root / "ppt" / "slides" / "_rels" / (e.path().filename().string() + ".rels"))
                         .string());
        std::smatch n, t;
        if (std::regex_search(slide, n, name) && std::regex_search(rels, t, target))
            out[n[1]] = root / "ppt" / "charts" / t[1].str();
    }
    return out;
}

/// Every cached number of a chart part (cachedValues) is the plan's.
inline void expectSameValues(const std::vector<std::vector<double>>& cached, const ChartPlan& plan,
                             const std::string& what) {
    ASSERT_EQ(cached.size(), plan.series.size()) << what;
    for (std::size_t s = 0; s < cached.size(); ++s) {
        ASSERT_EQ(cached[s].size(), plan.series[s].values.size()) << what;
        for (std::size_t k = 0; k < cached[s].size(); ++k) {
            const double want = plan.series[s].values[k];
            if (!std::isfinite(want)) {
                EXPECT_TRUE(std::isnan(cached[s][k])) << what << " series " << s << " point " << k;
            } else {
                EXPECT_NEAR(cached[s][k], want, 1e-9 * std::max(1.0, std::abs(want)))
                    << what << " series " << s << " point " << k;
            }
        }
    }
}

/// The archive `deck` with each part passed through `edit(name, bytes)`.
template <typename Edit>
inline std::string rezipped(const std::string& deck, const TempDir& dir, Edit edit) {
    const fs::path root = dir.path() / "rezip";
    fs::remove_all(root);
    unzip(deck, root);
    std::vector<ZipEntry> entries;
    for (const std::string& name : zipNames(deck))
        entries.push_back({name, edit(name, readFile((root / name).string()))});
    return zipArchive(entries);
}

inline nlohmann::json editDeck(const std::string& in, const std::string& out) {
    const RunResult r = run(std::string(kPython) + " " + JEVONS_SOURCE_DIR +
                            "/tests/core/deck/edit_deck.py " + quoted(in) + " " + quoted(out));
    EXPECT_EQ(r.status, 0) << r.output;
    return nlohmann::json::parse(r.output.substr(r.output.find('{')));
}

}  // namespace jevons::core::deck::testing
