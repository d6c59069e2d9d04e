// Series kind "jevons": demand that grows as unit cost falls (core/models/jevons.h). Outputs ""
// (demand, in the series' unit), "unit_cost" (an index, base_cost in the base year) and "spend"
// (unit_cost x demand, in the series' unit).
#include "core/models/jevons.h"
#include "core/series/series_kind.h"

namespace jevons::core {
namespace {

void parse(const SeriesFieldReader& in, SeriesDef& s) {
    if (in.has("base_year")) s.baseYear = in.modelYear("base_year");
    s.params.emplace("base_demand", in.param("base_demand"));
    if (in.has("base_cost")) s.params.emplace("base_cost", in.param("base_cost"));
    s.params.emplace("cost_decline", in.param("cost_decline"));
    s.params.emplace("elasticity", in.param("elasticity"));
}

// The kernel checks every output for overflow itself (naming it).
bool evaluate(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    const SeriesDef& s = ctx.series;
    const auto cost =
        s.params.count("base_cost") ? ctx.namedParam("base_cost") : Paths::Constant(1, 1.0);
    JevonsParams jp{s.baseYear != 0 ? s.baseYear : ctx.years.first, ctx.namedParam("base_demand"),
                    cost, ctx.namedParam("cost_decline"), ctx.namedParam("elasticity")};
    JevonsOutputs r{std::move(out[0]), std::move(out[1]), std::move(out[2])};
    jevonsSeries(ctx.years, jp, r);  // into the previous grids' storage
    out[0] = std::move(r.demand);
    out[1] = std::move(r.unitCost);
    out[2] = std::move(r.spend);
    return true;
}

// "Jevons demand from 2023: base demand 41.25 (accel_2023), base cost 1, cost falling 35%
// (compute_cost_decline) a year, elasticity 1.6 (elasticity)"
std::string describe(const SeriesDef& s, const Scenario& scenario, std::string_view language) {
    const auto named = [&](const char* name, Unit unit) {
        const auto it = s.params.find(name);
        return it == s.params.end() ? std::string("1") : paramText(it->second, unit, scenario);
    };
    const int base = s.baseYear != 0 ? s.baseYear : scenario.years.first;
    if (language == "zh")
        return "杰文斯需求，自" + std::to_string(base) + "年起：基础需求 " +
               named("base_demand", s.unit) + "，基础成本 " + named("base_cost", Unit::Number) +
               "，成本每年下降 " + named("cost_decline", Unit::Rate) + "，弹性 " +
               named("elasticity", Unit::Multiple);
    return "Jevons demand from " + std::to_string(base) + ": base demand " +
           named("base_demand", s.unit) + ", base cost " + named("base_cost", Unit::Number) +
           ", cost falling " + named("cost_decline", Unit::Rate) + " a year, elasticity " +
           named("elasticity", Unit::Multiple);
}

}  // namespace

SeriesKindSpec jevonsKindSpec() {
    return {.kind = SeriesKind::Jevons,
            .name = "jevons",
            .fields = {"base_year", "base_demand", "base_cost", "cost_decline", "elasticity"},
            .outputs = {{""}, {"unit_cost", Unit::Index}, {"spend"}},
            .parse = parse,
            .evaluate = evaluate,
            .describe = describe};
}

}  // namespace jevons::core
