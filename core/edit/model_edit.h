#pragma once
// Structural edits of a forecast (issue 14's model editor): pure functions from one Scenario to
// the next. Each either returns the edited copy or throws ScenarioError naming the field
// ("assumptions.x.id: 'y' is already an assumption") and leaves its input alone; the caller
// (app/document's replaceDefinitions) makes the result one undo step.
//
// Ids of assumptions and series share one namespace: a formula's name may be either.
#include "core/scenario/scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::edit {

/// @brief Every place that names assumption or series `id`, one line each in file order, as a
/// strategist reads them: "series asic_market (formula)", "series asic_share: ceiling",
/// "anchor 3 (drives)", "chart capex", "scenario bull (override)", "correlation a–b",
/// "actuals of asic_market". Empty when nothing refers to it.
[[nodiscard]] std::vector<std::string> referrersOf(const Scenario& scenario, std::string_view id);

/// @brief `expr` with every name `from` (and `from.output`) written `to`; other text, spacing
/// and Unicode operators unchanged. Throws formula::FormulaError when `expr` does not tokenize.
[[nodiscard]] std::string renamedInFormula(std::string_view expr, std::string_view from,
                                           std::string_view to);

/// @brief Rename assumption or series `from` to `to`, rewriting every reference (formulas,
/// series parameters, points, rates, anchors' series and drives, charts and their CAGR arrows,
/// scenario overrides, correlations, actuals). Throws ScenarioError when `from` is neither, or
/// `to` is not an identifier, is a formula function's name or is taken.
[[nodiscard]] Scenario renamed(Scenario scenario, std::string_view from, std::string_view to);

/// @brief Remove assumption `id`. Throws ScenarioError listing referrersOf(id) when anything
/// refers to it (nothing changes); see inlined() for the alternative.
[[nodiscard]] Scenario withoutAssumption(Scenario scenario, std::string_view id);

/// @brief Remove assumption `id` after replacing every reference by its base value: parameters
/// become literals, formulas get the number (shortest round-trip text), anchors stop driving
/// it, overrides and correlations of it go. Throws ScenarioError when `id` is no assumption.
[[nodiscard]] Scenario inlined(Scenario scenario, std::string_view id);

/// @brief Remove series `id`. Throws ScenarioError listing referrersOf(id) when a formula,
/// parameter or anchor refers to it; charts that plot it are not referrers here but are edited:
/// the series leaves them (and their CAGR arrows), and a chart left with no series goes.
[[nodiscard]] Scenario withoutSeries(Scenario scenario, std::string_view id);

/// @brief Rename source `from` (meta.sources) to `to`; assumptions' provenance, anchors and
/// actuals that cite it follow. Throws ScenarioError when there is no such source, or `to` is
/// not an identifier or is taken by another source.
[[nodiscard]] Scenario renamedSource(Scenario scenario, std::string_view from, std::string_view to);

/// @brief Remove source `id`. Throws ScenarioError listing what cites it ("assumption x",
/// "anchor 3", "actuals of y") when anything does; nothing changes.
[[nodiscard]] Scenario withoutSource(Scenario scenario, std::string_view id);

/// @brief Rename scenario `from` to `to`. The base case keeps its id ("base" is what every file
/// has); throws ScenarioError for it, for an unknown scenario, or for a `to` that is no
/// identifier or is taken.
[[nodiscard]] Scenario renamedScenario(Scenario scenario, std::string_view from,
                                       std::string_view to);

/// @brief A fresh id: `stem` when free, else stem_2, stem_3, ... (assumptions and series).
[[nodiscard]] std::string freshId(const Scenario& scenario, std::string_view stem);

/// @brief Throws ScenarioError unless `id` is an identifier no assumption or series uses and no
/// formula function is called. `path` names the field in the message.
void checkNewId(const Scenario& scenario, std::string_view id, const std::string& path);

}  // namespace jevons::core::edit
