#include "core/uncertainty/tornado.h"

#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <cmath>

namespace jevons::core {

Tornado tornado(const Model& model, const SamplingPlan& plan, std::string_view ref, int year,
                const std::map<std::string, double>& values, std::string_view scenarioId,
                double lowLevel, double highLevel) {
    const auto output = model.resolve(ref);
    if (!output) throw UncertaintyError("'" + std::string(ref) + "' is not a series output");
    const YearRange& years = model.years();
    if (!years.contains(year))
        throw UncertaintyError("the year " + std::to_string(year) + " is outside " +
                               std::to_string(years.first) + "–" + std::to_string(years.last));
    if (!model.hasValue(*output, year))
        throw UncertaintyError("'" + std::string(ref) + "' has no value in " +
                               std::to_string(year) + " (the series starts later)");
    Tornado t;
    t.output = *output;
    t.name = model.refName(*output);
    t.unit = model.unitOf(*output);
    t.year = year;
    t.lowLevel = lowLevel;
    t.highLevel = highLevel;

    std::map<std::string, double> fixed = model.scenario().assumptionValues(scenarioId);
    for (const auto& [id, v] : values) fixed[id] = v;
    const AssumptionValues base = model.assumptionValues(fixed);
    const auto column = years.column(year);
    const auto pick = [&](const SeriesResults& r, Eigen::Index row) {
        return r[static_cast<std::size_t>(output->series)]
                [static_cast<std::size_t>(output->output)](row, column);
    };
    t.base = pick(model.evaluateAll(base, 1), 0);

    // Row 2i: assumption i at its low quantile, row 2i + 1 at its high; all else at base.
    const auto& uncertain = plan.uncertain();
    const auto k = static_cast<Eigen::Index>(uncertain.size());
    if (k == 0) return t;
    AssumptionValues swung = base;
    for (std::size_t i = 0; i < uncertain.size(); ++i) {
        const auto a = static_cast<std::size_t>(uncertain[i]);
        const Distribution& d = plan.distributions()[i];
        TornadoBar bar;
        bar.assumption = uncertain[i];
        bar.id = model.scenario().assumptions[a].id;
        bar.lowInput = d.quantile(lowLevel);
        bar.highInput = d.quantile(highLevel);
        t.bars.push_back(bar);
        Paths p = Paths::Constant(2 * k, base[a](0));
        p(2 * static_cast<Eigen::Index>(i)) = bar.lowInput;
        p(2 * static_cast<Eigen::Index>(i) + 1) = bar.highInput;
        swung[a] = p;
    }
    try {
        const SeriesResults r = model.evaluateAll(swung, 2 * k);
        for (Eigen::Index i = 0; i < k; ++i) {
            t.bars[static_cast<std::size_t>(i)].lowOutput = pick(r, 2 * i);
            t.bars[static_cast<std::size_t>(i)].highOutput = pick(r, 2 * i + 1);
        }
    } catch (const ScenarioError&) {
        // Evaluate bar by bar to name the assumption whose swing the model rejects.
        for (auto& bar : t.bars) {
            for (const auto& [input, out] : {std::pair{bar.lowInput, &bar.lowOutput},
                                             std::pair{bar.highInput, &bar.highOutput}}) {
                AssumptionValues one = base;
                one[static_cast<std::size_t>(bar.assumption)] = Paths::Constant(1, input);
                try {
                    *out = pick(model.evaluateAll(one, 1), 0);
                } catch (const ScenarioError& e) {
                    throw UncertaintyError("with " + bar.id + " at " + std::to_string(input) +
                                           " the model fails: " + e.what());
                }
            }
        }
    }
    std::stable_sort(t.bars.begin(), t.bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
        return a.swing() > b.swing();
    });
    return t;
}

}  // namespace jevons::core
