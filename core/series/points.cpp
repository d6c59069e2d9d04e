// Series kind "points": a curve drawn through a few given (year, value) points
// (core/models/points.h). One output, in the series' unit.
#include "core/models/points.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

namespace jevons::core {
namespace {

void parse(const SeriesFieldReader& in, SeriesDef& s) {
    s.points = in.increasingPoints("points");
    if (s.points.empty())
        throw ScenarioError(in.fieldPath("points"), "a points series needs at least one point");
    s.interpolation = in.choice("interpolation", {"linear", "log"});
}

bool evaluate(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    const SeriesDef& s = ctx.series;
    PointsParams pp;
    pp.interpolation = s.interpolation == "log" ? Interpolation::LogLinear : Interpolation::Linear;
    for (const auto& pt : s.points) {
        pp.years.push_back(pt.year);
        pp.values.push_back(ctx.param(pt.value));
    }
    out[0] = pointsSeries(ctx.years, pp);
    return false;
}

// "points 2023: 1.5, 2025: 3, interpolated linearly"
std::string describe(const SeriesDef& s, const Scenario& scenario, std::string_view language) {
    const bool zh = language == "zh";
    std::string out = zh ? "数据点 " : "points ";
    for (std::size_t i = 0; i < s.points.size(); ++i)
        out += (i > 0 ? (zh ? "，" : ", ") : "") + pointText(s.points[i], s.unit, scenario);
    if (s.points.size() > 1) {
        const bool log = s.interpolation == "log";
        out += zh ? (log ? "，几何插值" : "，线性插值")
                  : (log ? ", interpolated geometrically" : ", interpolated linearly");
    }
    return out;
}

}  // namespace

SeriesKindSpec pointsKindSpec() {
    return {.kind = SeriesKind::Points,
            .name = "points",
            .fields = {"points", "interpolation"},
            .outputs = {{""}},
            .pointsField = "points",
            .parse = parse,
            .evaluate = evaluate,
            .describe = describe};
}

}  // namespace jevons::core
