#pragma once
// Bringing a chart part a user may have restyled up to date with a freshly drawn one
// (update-deck, issue 15): only the data moves, the formatting stays. Internal to jevons_deck.
#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace jevons::core::deck {

/// @brief What refreshChart did: `changed` when any cached value, formula or axis bound moved;
/// `mismatch` (non-empty, nothing changed) when the slide's chart no longer has the fresh
/// chart's shape (another number of series, a series without values), in plain words.
struct ChartRefresh {
    bool changed = false;
    std::string mismatch;
};

/// @brief Copies into `user` (a chart part from a deck) the data of `fresh` (the same chart as
/// Jevons draws it now), series matched by c:idx across every plot of the chart: each series'
/// name, categories and values (formula, point count and points of c:strCache/c:numCache;
/// the cache's c:formatCode and everything outside the caches stay as the user left them:
/// colours, fonts, label positions and number formats, gap width, other plots), and each
/// axis' bounds, major unit and crossing (axes matched in order within c:catAx and c:valAx).
/// Numbers that differ by less than 1e-12 relative count as equal, so a chart another program
/// re-wrote with more digits is not "changed".
[[nodiscard]] ChartRefresh refreshChart(pugi::xml_document& user, const pugi::xml_document& fresh);

/// @brief One cell of a chart's embedded workbook, as the chart's formulas place its data.
struct WorkbookCell {
    std::string sheet;                  ///< "Sheet1"
    std::size_t row = 0, column = 0;    ///< 0-based
    std::optional<double> number{};     ///< a value
    std::optional<std::string> text{};  ///< a name or a category; neither = an empty cell
};

/// @brief The cells `chart`'s formulas (c:f of c:strRef/c:numRef) and caches say the workbook
/// holds: one per cell of each range, empty where the cache has no point.
[[nodiscard]] std::vector<WorkbookCell> workbookCells(const pugi::xml_document& chart);

/// @brief The embedded workbook `xlsx` with `cells` written into their sheets (each cell keeps
/// its style, so its number format; rows and cells are added where missing; every other sheet,
/// cell and part stays as it was); std::nullopt when every cell already holds its value.
/// `what` names the workbook in messages. Throws DeckError when the workbook cannot be read or
/// lacks a sheet a formula names.
[[nodiscard]] std::optional<std::string> refreshWorkbook(const std::string& xlsx,
                                                         const std::vector<WorkbookCell>& cells,
                                                         const std::string& what);

}  // namespace jevons::core::deck
