// Series kind "cagr": compound growth from a start value through rate segments, or through two
// given points (core/models/cagr.h). One output, in the series' unit; rates are fractions a year.
#include "core/models/cagr.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

namespace jevons::core {
namespace {

void parse(const SeriesFieldReader& in, SeriesDef& s) {
    const bool start = in.has("start");
    const bool thru = in.has("through");
    if (start == thru)
        throw ScenarioError(in.path(),
                            "a cagr series needs either 'start' (with 'segments') "
                            "or 'through' (two points), not both");
    if (start) {
        s.start = in.yearPoint("start");
        if (!in.has("segments"))
            throw ScenarioError(in.path(), "a cagr series with a 'start' needs 'segments'");
        s.segments = in.segments("segments", s.start->year);
        if (s.segments.empty())
            throw ScenarioError(in.fieldPath("segments"),
                                "a cagr series with a 'start' needs at least one segment");
    } else {
        s.points = in.through("through");
        s.segments = in.segments("segments", s.points[1].year);
    }
    if (in.has("backcast")) s.backcast = in.boolean("backcast");
}

// The kernel checks its output for overflow itself (naming the year).
bool evaluate(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    const SeriesDef& s = ctx.series;
    CagrParams cp;
    if (s.points.size() >= 2) {
        cp.startYear = s.points[0].year;
        cp.startValue = ctx.param(s.points[0].value);
        cp.segments.push_back(
            {s.points[1].year, cagrBetween(cp.startValue, ctx.param(s.points[1].value),
                                           s.points[1].year - s.points[0].year)});
    } else if (s.start) {
        cp.startYear = s.start->year;
        cp.startValue = ctx.param(s.start->value);
    } else {
        throw ModelError("a cagr series needs a start or two through points");
    }
    for (const auto& seg : s.segments) cp.segments.push_back({seg.until, ctx.param(seg.rate)});
    cagrSeries(ctx.years, cp, out[0]);
    return true;
}

// Nobody published the years before the first given one: without backcast, no value there.
std::optional<int> firstYear(const SeriesDef& s) {
    if (s.backcast) return std::nullopt;
    if (s.start) return s.start->year;
    if (s.points.empty()) return std::nullopt;
    return s.points.front().year;
}

// "CAGR from 2025: 62.5 (meta_capex_2025), 12% (capex_growth) a year until 2035"
std::string describe(const SeriesDef& s, const Scenario& scenario, std::string_view language) {
    const bool zh = language == "zh";
    std::string out = "CAGR";
    if (s.start) {
        out += zh ? "，自 " + pointText(*s.start, s.unit, scenario) + " 起"
                  : " from " + pointText(*s.start, s.unit, scenario);
    } else if (s.points.size() == 2) {
        out += (zh ? "，经过 " : " through ") + pointText(s.points[0], s.unit, scenario) +
               (zh ? " 与 " : " and ") + pointText(s.points[1], s.unit, scenario);
    }
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const std::string rate = paramText(s.segments[i].rate, Unit::Rate, scenario);
        const std::string until = std::to_string(s.segments[i].until);
        if (zh)
            out += std::string(i == 0 && s.start ? "，" : "，之后") + "每年 " + rate + " 至 " +
                   until + " 年";
        else
            out +=
                std::string(i == 0 && s.start ? ", " : ", then ") + rate + " a year until " + until;
    }
    if (s.backcast) out += zh ? "，首年之前按首段增速回推" : ", backcast before its first year";
    return out;
}

}  // namespace

SeriesKindSpec cagrKindSpec() {
    return {.kind = SeriesKind::Cagr,
            .name = "cagr",
            .fields = {"start", "through", "segments", "backcast"},
            .outputs = {{""}},
            .parse = parse,
            .evaluate = evaluate,
            .firstYear = firstYear,
            .describe = describe};
}

}  // namespace jevons::core
