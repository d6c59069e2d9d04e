// Series kind "formula": an expression over other series' outputs and assumptions
// (core/formula/formula.h), e.g. "accel_market * asic_share". One output, in the series' unit.
// The model compiles the expression once and binds each name it references to a series output
// or an assumption (Model::compile); evaluate reads those bindings from the context. A
// formula's first year with a value is its inputs' (Formula::firstValueColumn, in the model).
#include "core/formula/formula.h"
#include "core/scenario/limits.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

namespace jevons::core {
namespace {

void parse(const SeriesFieldReader& in, SeriesDef& s) {
    s.expr = in.string("expr");
    checkLimit(s.expr.size(), kMaxFormulaLength, in.fieldPath("expr"),
               "characters in this formula");
    if (s.expr.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ScenarioError(in.fieldPath("expr"), "the formula is empty");
}

// The model checks the output for non-finite values (a division by zero).
bool evaluate(const SeriesEvalContext& ctx, std::vector<Grid>& out) {
    if (!ctx.formula) throw ModelError("the formula was not compiled");
    ctx.formula->evaluate(ctx.formulaInputs, ctx.nPaths, ctx.years.count(), out[0]);
    return false;
}

// "formula accel_market * asic_share" / "公式 accel_market * asic_share"
std::string describe(const SeriesDef& s, const Scenario&, std::string_view language) {
    return (language == "zh" ? "公式 " : "formula ") + s.expr;
}

}  // namespace

SeriesKindSpec formulaKindSpec() {
    return {.kind = SeriesKind::Formula,
            .name = "formula",
            .fields = {"expr"},
            .outputs = {{""}},
            .parse = parse,
            .evaluate = evaluate,
            .describe = describe};
}

}  // namespace jevons::core
