// Series kinds "logistic" and "gompertz": S-curves towards a ceiling, given by midpoint and
// steepness or through two points (core/models/logistic.h, gompertz.h). One output, in the
// series' unit; the ceiling is in that unit too.
#include "core/models/gompertz.h"
#include "core/models/logistic.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

namespace jevons::core {
namespace {

void parse(const SeriesFieldReader& in, SeriesDef& s) {
    s.params.emplace("ceiling", in.param("ceiling"));
    const bool thru = in.has("through");
    const bool shape = in.has("midpoint") || in.has("steepness");
    if (thru && shape)
        throw ScenarioError(in.path(),
                            "give either 'midpoint' and 'steepness', or 'through' "
                            "(two points), not both");
    if (thru) {
        s.points = in.through("through");
    } else {
        if (!shape)
            throw ScenarioError(in.path(),
                                "an S-curve needs 'midpoint' and 'steepness', or "
                                "'through' (two points)");
        s.params.emplace("midpoint", in.param("midpoint"));
        s.params.emplace("steepness", in.param("steepness"));
    }
}

SCurveParams sCurveParams(const SeriesEvalContext& ctx, bool logistic) {
    const SeriesDef& s = ctx.series;
    if (s.points.size() == 2) {
        const Paths ceiling = ctx.namedParam("ceiling");
        const SCurveAnchor first{s.points[0].year, ctx.param(s.points[0].value)};
        const SCurveAnchor second{s.points[1].year, ctx.param(s.points[1].value)};
        return logistic ? logisticThrough(ceiling, first, second)
                        : gompertzThrough(ceiling, first, second);
    }
    SCurveParams sp;
    sp.ceiling = ctx.namedParam("ceiling");
    sp.midpoint = ctx.namedParam("midpoint");
    sp.steepness = ctx.namedParam("steepness");
    return sp;
}

// Values lie in [0, ceiling] by construction (checked inputs): no check needed afterwards.
bool evaluateLogistic(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    logisticSeries(ctx.years, sCurveParams(ctx, true), out[0]);
    return true;
}

bool evaluateGompertz(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    gompertzSeries(ctx.years, sCurveParams(ctx, false), out[0]);
    return true;
}

// "<curve> S-curve, ceiling 50% (asic_share_ceiling), through 2023: 16% (...) and 2028: 25% (...)"
// or "..., midpoint 2030, steepness 0.5".
std::string describeCurve(std::string_view curve, const SeriesDef& s, const Scenario& scenario,
                          std::string_view language) {
    const bool zh = language == "zh";
    const auto named = [&](const char* name, Unit unit) {
        const auto it = s.params.find(name);
        return it == s.params.end() ? std::string("?") : paramText(it->second, unit, scenario);
    };
    std::string out = std::string(curve) + (zh ? "S曲线，上限 " : " S-curve, ceiling ") +
                      named("ceiling", s.unit);
    if (s.points.size() == 2)
        return out + (zh ? "，经过 " : ", through ") + pointText(s.points[0], s.unit, scenario) +
               (zh ? " 与 " : " and ") + pointText(s.points[1], s.unit, scenario);
    return out + (zh ? "，中点 " : ", midpoint ") + named("midpoint", Unit::Year) +
           (zh ? "，陡度 " : ", steepness ") + named("steepness", Unit::Number);
}

std::string describeLogistic(const SeriesDef& s, const Scenario& scenario,
                             std::string_view language) {
    return describeCurve(language == "zh" ? "逻辑斯蒂" : "logistic", s, scenario, language);
}

std::string describeGompertz(const SeriesDef& s, const Scenario& scenario,
                             std::string_view language) {
    return describeCurve(language == "zh" ? "冈珀茨" : "Gompertz", s, scenario, language);
}

}  // namespace

SeriesKindSpec logisticKindSpec() {
    return {.kind = SeriesKind::Logistic,
            .name = "logistic",
            .fields = {"ceiling", "midpoint", "steepness", "through"},
            .outputs = {{""}},
            .parse = parse,
            .evaluate = evaluateLogistic,
            .describe = describeLogistic};
}

SeriesKindSpec gompertzKindSpec() {
    return {.kind = SeriesKind::Gompertz,
            .name = "gompertz",
            .fields = {"ceiling", "midpoint", "steepness", "through"},
            .outputs = {{""}},
            .parse = parse,
            .evaluate = evaluateGompertz,
            .describe = describeGompertz};
}

}  // namespace jevons::core
