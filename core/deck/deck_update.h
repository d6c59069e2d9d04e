#pragma once
// Updating a deck in place (issue 15, `jevons-cli update-deck`, File → Update Deck…): every chart
// Jevons linked (chart_link.h) is redrawn from the current forecast, and only its data is carried
// into the deck: the chart's cached values and formulas, its embedded workbook's cells, its axis
// bounds, and on its slide the CAGR labels, the published-figures line and marks, the scenario
// tag and the source line; and the values of the "Assumptions & sources" tables. Everything
// else stays as the user left it: other slides and shapes,
// the order of slides, notes, titles, the chart's colours, fonts, label positions, number
// formats and other plots, and the workbook's other sheets and cells.
#include "core/deck/chart_link.h"
#include "core/eval/model.h"
#include "core/io/atomic_file.h"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jevons::core::deck {

struct DeckUpdateOptions {
    /// Set: every linked chart is redrawn for this scenario, and its link names it from then on.
    std::optional<std::string> scenario{};
    /// The assumption values of a scenario where they differ from the file's (the dashboard's
    /// edits); unset, or std::nullopt for a scenario, = the file's values.
    std::function<std::optional<std::map<std::string, double>>(const std::string& scenario)>
        valuesOf{};
};

enum class ChartUpdateStatus {
    Updated,    ///< some number, label or mark moved
    Unchanged,  ///< the deck already shows the forecast
    Gone,       ///< the forecast no longer has the chart or scenario; left as it was
    Mismatch,   ///< the slide's chart no longer fits the forecast's (series added or removed)
};

struct ChartUpdate {
    std::size_t slide = 0;  ///< 1-based, in the deck's order
    ChartLink link;         ///< as updated (the new scenario with DeckUpdateOptions::scenario)
    ChartUpdateStatus status = ChartUpdateStatus::Unchanged;
    std::string detail{};  ///< why Gone or Mismatch; a remark for Updated ("no workbook")
};

struct DeckUpdate {
    std::vector<ChartUpdate> charts;  ///< in slide order
    /// Slides (1-based) whose "Assumptions & sources" table had a value, scenario or note
    /// brought up to date (rows matched by the assumption's label; rows the user added or
    /// relabelled are left alone).
    std::vector<std::size_t> tables{};
    std::string bytes;  ///< the updated deck; the input when nothing changed
    bool changed = false;
};

/// @brief The deck `bytes` (named `name` in messages) with its linked charts updated from
/// `model`. Throws DeckError naming the file and the part for a file that is not a deck (not a
/// zip, encrypted, no presentation part), a damaged part, or a deck without any linked chart.
[[nodiscard]] DeckUpdate updateDeckBytes(const Model& model, const std::string& bytes,
                                         const std::string& name,
                                         const DeckUpdateOptions& options = {});

/// @brief Updates the deck at `path`: reads it, updates it (updateDeckBytes) and, when anything
/// changed, replaces it with writeFileAtomically. On any failure DeckError and the file is
/// untouched; when nothing changed it is not written at all (updating twice changes nothing).
DeckUpdate updateDeck(const Model& model, const std::string& path,
                      const DeckUpdateOptions& options = {}, const WriteFault& fault = {});

/// @brief One report line: "slide 3: asic_market (bull): updated", "…: unchanged",
/// "…: no longer in the forecast, left as it was", with the detail after a dash.
[[nodiscard]] std::string updateLine(const ChartUpdate& update);

}  // namespace jevons::core::deck
