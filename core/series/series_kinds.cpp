// The one table of series kinds, and what the kinds share (series_kind.h).
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"
#include "core/text/number_text.h"

#include <stdexcept>

namespace jevons::core {

// Each kind's spec, defined in its own file in this folder.
SeriesKindSpec pointsKindSpec();    // points.cpp
SeriesKindSpec cagrKindSpec();      // cagr.cpp
SeriesKindSpec logisticKindSpec();  // s_curve.cpp
SeriesKindSpec gompertzKindSpec();  // s_curve.cpp
SeriesKindSpec bassKindSpec();      // bass.cpp
SeriesKindSpec jevonsKindSpec();    // jevons.cpp
SeriesKindSpec formulaKindSpec();   // formula.cpp

const std::vector<SeriesKindSpec>& seriesKinds() {
    static const std::vector<SeriesKindSpec> table{
        pointsKindSpec(), cagrKindSpec(),   logisticKindSpec(), gompertzKindSpec(),
        bassKindSpec(),   jevonsKindSpec(), formulaKindSpec(),
    };
    return table;
}

const SeriesKindSpec& seriesKind(SeriesKind kind) {
    const auto& table = seriesKinds();
    const auto i = static_cast<std::size_t>(kind);
    if (i < table.size() && table[i].kind == kind) return table[i];  // the table is in enum order
    for (const auto& spec : table)
        if (spec.kind == kind) return spec;
    throw std::logic_error("series kind " + std::to_string(i) + " has no entry in seriesKinds()");
}

const SeriesKindSpec* findSeriesKind(std::string_view name) {
    for (const auto& spec : seriesKinds())
        if (spec.name == name) return &spec;
    return nullptr;
}

std::string describeSeries(const SeriesDef& s, const Scenario& scenario,
                           std::string_view language) {
    return seriesKind(s.kind).describe(s, scenario, language);
}

// ---------------------------------------------------------------------------------------------
// Evaluation context

Paths SeriesEvalContext::param(const Param& p) const {
    if (p.isLiteral()) return Paths::Constant(1, p.literal());
    return assumptions[static_cast<std::size_t>(assumptionIndex.find(p.ref())->second)];
}

Paths SeriesEvalContext::namedParam(const std::string& name) const {
    const auto it = series.params.find(name);
    if (it == series.params.end())
        throw ScenarioError("series." + series.id, "a " + name + " is required");
    return param(it->second);
}

// ---------------------------------------------------------------------------------------------
// Words for describe

namespace {

std::string valueText(double v, Unit unit) {
    if (unit == Unit::Share || unit == Unit::Rate) return num(v * 100.0) + "%";
    return num(v);
}

}  // namespace

std::string paramText(const Param& p, Unit unit, const Scenario& scenario) {
    if (p.isLiteral()) return valueText(p.literal(), unit);
    if (const Assumption* a = scenario.findAssumption(p.ref()))
        return valueText(a->value, a->unit) + " (" + a->id + ")";
    return p.ref();
}

std::string pointText(const YearPoint& p, Unit unit, const Scenario& scenario) {
    return std::to_string(p.year) + ": " + paramText(p.value, unit, scenario);
}

}  // namespace jevons::core
