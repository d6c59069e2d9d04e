#pragma once
// Decks the deck tests write: the default forecast's, and small hand-made ones.
#include "core/deck/deck.h"
#include "tests/core/deck/deck_test_support.h"

#include <cmath>

namespace jevons::core::deck::testing {

/// A 4 x 2 pixel PNG.
inline std::string tinyPng() {
    static const char bytes[] =
        "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00"
        "\x00\x02\x08\x02\x00\x00\x00\xf0\xca\xea\x34\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63"
        "\x90\xf7\xab\x84\x23\x06\x64\x0e\x00\x5a\xba\x07\x31\x4a\x24\xc6\x6d\x00\x00\x00\x00\x49"
        "\x45\x4e\x44\xae\x42\x60\x82";
    return std::string(bytes, sizeof bytes - 1);
}

/// Markup characters and Chinese in every kind of text a deck carries.
inline constexpr const char* kNastyTitle = "R&D <capex> \"AI\" & 算力：眼镜 'x'";

/// One chart of each kind plus a picture, with a nasty title, a missing value and Chinese.
inline Deck handMadeDeck(std::string language = "en") {
    Deck deck;
    deck.title = kNastyTitle;
    deck.author = "Strategist <desk> & \"team\" 天风";
    deck.language = language;
    const std::vector<std::string> years = {"2023", "2024", "2025", "2026"};
    const ChartKind kinds[] = {ChartKind::Line, ChartKind::ClusteredColumn,
                               ChartKind::StackedColumn, ChartKind::StackedArea, ChartKind::Combo};
    int n = 0;
    for (ChartKind kind : kinds) {
        ChartPlan c;
        c.id = "chart" + std::to_string(++n);
        c.title = std::string(kNastyTitle) + " #" + std::to_string(n);
        c.kind = kind;
        c.categories = years;
        c.series = {{"ASIC <&> 市场", {6.6, NAN, 12.0, 20.5}, AxisSide::Primary, "0.0"},
                    {"GPU \"others\"", {34.65, 40.0, 47.5, 60.25}, AxisSide::Primary, "0.0"}};
        if (kind == ChartKind::Combo)
            c.series[1] = {"Share 份额", {0.16, 0.18, 0.2, 0.22}, AxisSide::Secondary, "0.0%"};
        c.primaryAxisTitle = "US$B";
        c.secondaryAxisTitle = "%";
        c.cagr = {{"2023", "2026", 0.459, "+45.9% CAGR"}};
        c.anchors = {{"2023", 6.6, "2023: 6.6 (Marvell & <co>)"}};
        c.sourceLine = "Source: Marvell & \"电子发烧友网\" <test>";
        c.scenarioName = "Bull & <more>";
        c.language = language;
        deck.slides.emplace_back(std::move(c));
    }
    deck.slides.emplace_back(
        PictureSlide{"Picture & <png>", tinyPng(), "Source: pixels & co", "Base", language});
    AssumptionsSlide a;
    a.title = "Assumptions & <sources>";
    a.rows = {{"Share & <x>", "25.0%", "Tianfeng — F3: \"25%\" 份额", true},
              {"Market", "171.6 US$B", "Analyst judgement", false}};
    a.scenarioName = "Bull";
    a.language = language;
    deck.slides.emplace_back(std::move(a));
    return deck;
}

}  // namespace jevons::core::deck::testing
