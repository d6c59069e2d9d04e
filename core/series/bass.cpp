// Series kind "bass": Bass (1969) diffusion of a new product from its launch year
// (core/models/bass.h). Outputs "" (adoptions per year) and "cumulative" (adopters since
// launch), both in the series' unit; m (the market potential) is in that unit too.
#include "core/models/bass.h"
#include "core/series/series_kind.h"

namespace jevons::core {
namespace {

void parse(const SeriesFieldReader& in, SeriesDef& s) {
    s.params.emplace("p", in.param("p"));
    s.params.emplace("q", in.param("q"));
    s.params.emplace("m", in.param("m"));
    s.launch = in.modelYear("launch");
    s.form = in.choice("form", bassFormTokens());
}

// The model checks both outputs for non-finite values.
bool evaluate(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    const SeriesDef& s = ctx.series;
    BassParams bp{ctx.namedParam("p"), ctx.namedParam("q"), ctx.namedParam("m"), s.launch};
    auto r = bassSeries(ctx.years, bp, bassFormFromToken(s.form).value_or(BassForm::ClosedForm));
    out[0] = std::move(r.adoptions);
    out[1] = std::move(r.cumulative);
    return false;
}

// "Bass diffusion from 2025, p 0.03, q 0.38, market 100 (glasses_market), closed form"
std::string describe(const SeriesDef& s, const Scenario& scenario, std::string_view language) {
    const auto named = [&](const char* name, Unit unit) {
        const auto it = s.params.find(name);
        return it == s.params.end() ? std::string("?") : paramText(it->second, unit, scenario);
    };
    const std::string form = s.form.empty() ? std::string("closed") : s.form;
    if (language == "zh")
        return "Bass扩散模型，自" + std::to_string(s.launch) + "年起，p " +
               named("p", Unit::Number) + "，q " + named("q", Unit::Number) + "，市场容量 " +
               named("m", s.unit) + "，" + form + "形式";
    return "Bass diffusion from " + std::to_string(s.launch) + ", p " + named("p", Unit::Number) +
           ", q " + named("q", Unit::Number) + ", market " + named("m", s.unit) + ", " + form +
           " form";
}

}  // namespace

SeriesKindSpec bassKindSpec() {
    return {.kind = SeriesKind::Bass,
            .name = "bass",
            .fields = {"p", "q", "m", "launch", "form"},
            .outputs = {{""}, {"cumulative"}},
            .parse = parse,
            .evaluate = evaluate,
            .describe = describe};
}

}  // namespace jevons::core
