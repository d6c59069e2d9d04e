#include "core/eval/model.h"

#include "core/series/series_kind.h"
#include "core/text/number_text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

namespace jevons::core {
namespace {

std::string seriesPath(const SeriesDef& s) { return "series." + s.id; }

// Every Param of a series with the JSON path it was read from.
std::vector<std::pair<const Param*, std::string>> paramsOf(const SeriesDef& s) {
    std::vector<std::pair<const Param*, std::string>> out;
    const std::string base = seriesPath(s);
    for (const auto& [name, p] : s.params) out.emplace_back(&p, base + "." + name);
    const std::string pointsName = "." + std::string(seriesKind(s.kind).pointsField) + "[";
    for (std::size_t i = 0; i < s.points.size(); ++i)
        out.emplace_back(&s.points[i].value, base + pointsName + std::to_string(i) + "].value");
    if (s.start) out.emplace_back(&s.start->value, base + ".start.value");
    for (std::size_t i = 0; i < s.segments.size(); ++i)
        out.emplace_back(&s.segments[i].rate, base + ".segments[" + std::to_string(i) + "].rate");
    return out;
}

}  // namespace

std::vector<std::string> Model::outputNames(SeriesKind kind) {
    std::vector<std::string> names;
    for (const auto& o : seriesKind(kind).outputs) names.emplace_back(o.name);
    return names;
}

std::size_t Model::outputCount(SeriesKind kind) { return seriesKind(kind).outputs.size(); }

int Model::assumptionIndex(std::string_view id) const {
    const auto it = m_assumptionIndex.find(id);
    return it == m_assumptionIndex.end() ? -1 : it->second;
}

int Model::seriesIndex(std::string_view id) const {
    const auto it = m_seriesIndex.find(id);
    return it == m_seriesIndex.end() ? -1 : it->second;
}

std::optional<OutputRef> Model::resolve(std::string_view ref) const {
    const auto dot = ref.find('.');
    const int series = seriesIndex(ref.substr(0, dot));
    if (series < 0) return std::nullopt;
    if (dot == std::string_view::npos) return OutputRef{series, 0};
    const auto names = outputNames(m_scenario.series[static_cast<std::size_t>(series)].kind);
    const auto output = ref.substr(dot + 1);
    for (std::size_t i = 1; i < names.size(); ++i)
        if (names[i] == output) return OutputRef{series, static_cast<int>(i)};
    return std::nullopt;
}

std::string Model::refName(OutputRef ref) const {
    const auto& s = m_scenario.series[static_cast<std::size_t>(ref.series)];
    if (ref.output == 0) return s.id;
    return s.id + "." + outputNames(s.kind)[static_cast<std::size_t>(ref.output)];
}

Unit Model::unitOf(OutputRef ref) const {
    const auto& s = m_scenario.series[static_cast<std::size_t>(ref.series)];
    return seriesKind(s.kind).outputs[static_cast<std::size_t>(ref.output)].unit.value_or(s.unit);
}

Model Model::compile(Scenario scenario) {
    Model m;
    m.m_scenario = std::move(scenario);
    const auto& sc = m.m_scenario;
    for (std::size_t i = 0; i < sc.assumptions.size(); ++i)
        m.m_assumptionIndex.emplace(sc.assumptions[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < sc.series.size(); ++i) {
        const auto& s = sc.series[i];
        if (m.m_assumptionIndex.count(s.id))
            throw ScenarioError(seriesPath(s),
                                "the id '" + s.id + "' is used by an assumption and a series");
        if (!m.m_seriesIndex.emplace(s.id, static_cast<int>(i)).second)
            throw ScenarioError(seriesPath(s), "duplicate series id '" + s.id + "'");
    }

    m.m_compiled.resize(sc.series.size());
    for (std::size_t i = 0; i < sc.series.size(); ++i) {
        const auto& s = sc.series[i];
        auto& c = m.m_compiled[i];
        std::set<int> seriesDeps;
        std::set<int> assumptionDeps;
        for (const auto& [p, path] : paramsOf(s)) {
            if (p->isLiteral()) continue;
            const int a = m.assumptionIndex(p->ref());
            if (a < 0)
                throw ScenarioError(path, "'" + p->ref() + "' is not an assumption of this file");
            assumptionDeps.insert(a);
        }
        if (s.kind == SeriesKind::Formula) {
            try {
                c.formula = formula::Formula::parse(s.expr);
            } catch (const formula::FormulaError& e) {
                throw ScenarioError(seriesPath(s) + ".expr",
                                    "formula '" + s.expr + "': " + e.what());
            }
            for (const auto& name : c.formula->references()) {
                if (const int a = m.assumptionIndex(name); a >= 0) {
                    assumptionDeps.insert(a);
                    c.formulaAssumptions.emplace_back(name, a);
                } else if (const auto ref = m.resolve(name)) {
                    seriesDeps.insert(ref->series);
                    c.formulaSeries.emplace_back(name, *ref);
                } else {
                    throw ScenarioError(seriesPath(s) + ".expr",
                                        "formula '" + s.expr + "' refers to '" + name +
                                            "', which is neither a series nor an assumption");
                }
            }
        }
        c.seriesDeps.assign(seriesDeps.begin(), seriesDeps.end());
        c.assumptionDeps.assign(assumptionDeps.begin(), assumptionDeps.end());
    }

    // Topological order by depth-first search; a back edge is a cycle, reported as its chain.
    const std::size_t n = sc.series.size();
    std::vector<int> state(n, 0);  // 0 = new, 1 = on the stack, 2 = done
    std::vector<int> stack;
    std::function<void(int)> visit = [&](int v) {
        state[static_cast<std::size_t>(v)] = 1;
        stack.push_back(v);
        for (int d : m.m_compiled[static_cast<std::size_t>(v)].seriesDeps) {
            if (state[static_cast<std::size_t>(d)] == 1) {
                std::string chain;
                const auto from = std::find(stack.begin(), stack.end(), d);
                for (auto it = from; it != stack.end(); ++it)
                    chain += sc.series[static_cast<std::size_t>(*it)].id + " → ";
                chain += sc.series[static_cast<std::size_t>(d)].id;
                throw ScenarioError(seriesPath(sc.series[static_cast<std::size_t>(d)]),
                                    "these series depend on each other in a cycle: " + chain);
            }
            if (state[static_cast<std::size_t>(d)] == 0) visit(d);
        }
        stack.pop_back();
        state[static_cast<std::size_t>(v)] = 2;
        m.m_order.push_back(v);
    };
    for (std::size_t v = 0; v < n; ++v)
        if (state[v] == 0) visit(static_cast<int>(v));

    // The first year with a value, in evaluation order (a formula needs its inputs').
    m.m_firstValue.assign(n, 0);
    const int nYears = std::max(sc.years.count(), 0);
    for (int v : m.m_order) {
        const auto& s = sc.series[static_cast<std::size_t>(v)];
        const auto& c = m.m_compiled[static_cast<std::size_t>(v)];
        int first = 0;
        if (const auto firstYear = seriesKind(s.kind).firstYear) {
            if (const auto given = firstYear(s))
                first = std::clamp(*given - sc.years.first, 0, nYears);
        } else if (c.formula) {
            std::vector<int> firstOf;
            for (const auto& name : c.formula->references()) {
                const auto ref = m.resolve(name);
                firstOf.push_back(ref && m.assumptionIndex(name) < 0
                                      ? m.m_firstValue[static_cast<std::size_t>(ref->series)]
                                      : 0);
            }
            first = c.formula->firstValueColumn(firstOf, nYears);
        }
        m.m_firstValue[static_cast<std::size_t>(v)] = first;
    }

    // Dependents of each assumption: direct readers, then everything downstream, in order.
    std::vector<int> position(n);
    for (std::size_t k = 0; k < n; ++k)
        position[static_cast<std::size_t>(m.m_order[k])] = static_cast<int>(k);
    // Each assumption's direct readers are marked, then the order is walked once from the first
    // of them: linear in the series and their links per assumption, whatever the formulas' size.
    std::vector<std::vector<int>> readers(sc.assumptions.size());
    for (std::size_t v = 0; v < n; ++v)
        for (int a : m.m_compiled[v].assumptionDeps)
            readers[static_cast<std::size_t>(a)].push_back(static_cast<int>(v));
    m.m_dependents.assign(sc.assumptions.size(), {});
    std::vector<char> affected(n, 0);
    for (std::size_t a = 0; a < sc.assumptions.size(); ++a) {
        if (readers[a].empty()) continue;
        std::fill(affected.begin(), affected.end(), 0);
        std::size_t from = n;
        for (int v : readers[a]) {
            affected[static_cast<std::size_t>(v)] = 1;
            from = std::min(from, static_cast<std::size_t>(position[static_cast<std::size_t>(v)]));
        }
        for (std::size_t k = from; k < n; ++k) {
            const int v = m.m_order[k];
            const auto& c = m.m_compiled[static_cast<std::size_t>(v)];
            char& hit = affected[static_cast<std::size_t>(v)];
            for (std::size_t d = 0; !hit && d < c.seriesDeps.size(); ++d)
                hit = affected[static_cast<std::size_t>(c.seriesDeps[d])];
            if (hit) m.m_dependents[a].push_back(v);
        }
    }
    return m;
}

AssumptionValues Model::assumptionValues(std::string_view scenarioId) const {
    return assumptionValues(m_scenario.assumptionValues(scenarioId));
}

AssumptionValues Model::assumptionValues(const std::map<std::string, double>& values) const {
    AssumptionValues out;
    out.reserve(m_scenario.assumptions.size());
    for (const auto& a : m_scenario.assumptions) {
        const auto it = values.find(a.id);
        out.push_back(Paths::Constant(1, it == values.end() ? a.value : it->second));
    }
    return out;
}

std::vector<Grid> Model::evaluateSeries(int index, const AssumptionValues& a,
                                        const SeriesResults& results, Eigen::Index nPaths) const {
    std::vector<Grid> out;
    evaluateSeriesInto(index, a, results, nPaths, out);
    return out;
}

void Model::bindFormulaInputs(const Compiled& c, const AssumptionValues& a,
                              const SeriesResults& results, std::vector<Grid>& assumptionGrids,
                              std::vector<const Grid*>& values) {
    const auto& names = c.formula->references();
    assumptionGrids.reserve(names.size());  // no reallocation: pointers stay valid
    values.assign(names.size(), nullptr);
    // compile() split the references, in their order, between the two lists: one pass over
    // each, so a formula of many names binds in linear time.
    std::size_t nextAssumption = 0;
    std::size_t nextSeries = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (nextAssumption < c.formulaAssumptions.size() &&
            c.formulaAssumptions[nextAssumption].first == names[i]) {
            const int idx = c.formulaAssumptions[nextAssumption++].second;
            assumptionGrids.emplace_back(a[static_cast<std::size_t>(idx)]);
            values[i] = &assumptionGrids.back();
        } else if (nextSeries < c.formulaSeries.size() &&
                   c.formulaSeries[nextSeries].first == names[i]) {
            const OutputRef ref = c.formulaSeries[nextSeries++].second;
            values[i] = &results[static_cast<std::size_t>(ref.series)]
                                [static_cast<std::size_t>(ref.output)];
        } else {
            throw ModelError("unknown name '" + names[i] + "'");
        }
    }
}

void Model::evaluateSeriesInto(int index, const AssumptionValues& a, const SeriesResults& results,
                               Eigen::Index nPaths, std::vector<Grid>& out) const {
    const auto& s = m_scenario.series[static_cast<std::size_t>(index)];
    const auto& c = m_compiled[static_cast<std::size_t>(index)];
    const YearRange& yr = m_scenario.years;
    out.resize(outputCount(s.kind));
    const SeriesKindSpec& kind = seriesKind(s.kind);
    bool checked = false;  // the kernel checked every output for non-finite values
    try {
        // A formula reads the series' grids where they are; assumptions become one-column grids.
        std::vector<Grid> assumptionGrids;
        std::vector<const Grid*> inputs;
        if (c.formula) bindFormulaInputs(c, a, results, assumptionGrids, inputs);
        const SeriesEvalContext ctx{.series = s,
                                    .years = yr,
                                    .nPaths = nPaths,
                                    .assumptions = a,
                                    .assumptionIndex = m_assumptionIndex,
                                    .formula = c.formula ? &*c.formula : nullptr,
                                    .formulaInputs = inputs};
        checked = kind.evaluate(ctx, out);
    } catch (const ModelError& e) {
        throw ScenarioError(seriesPath(s), e.what());
    }
    for (std::size_t o = 0; o < out.size(); ++o) {
        Grid& g = out[o];
        if (g.rows() == 1 && nPaths > 1) {  // one deterministic row: broadcast column by column
            Grid full(nPaths, g.cols());
            for (Eigen::Index col = 0; col < g.cols(); ++col) full.col(col).setConstant(g(0, col));
            g.swap(full);
        }
        // Years before the series starts have no value, whatever the kernel computed there.
        const Eigen::Index first = std::min<Eigen::Index>(firstValueColumn(index), g.cols());
        if (first > 0) g.leftCols(first).setConstant(std::numeric_limits<double>::quiet_NaN());
        if (checked || allFiniteValues(g.data() + first * g.rows(), (g.cols() - first) * g.rows()))
            continue;
        const std::string_view name = kind.outputs[o].name;
        for (Eigen::Index col = first; col < g.cols(); ++col) {
            if (allFinite(g.col(col))) continue;
            const std::string what = name.empty() ? "" : " (" + std::string(name) + ")";
            throw ScenarioError(seriesPath(s),
                                "the value for " + std::to_string(yr.first + col) + what +
                                    " is not a finite number (a division by zero or an overflow)");
        }
    }
}

SeriesResults Model::evaluateAll(const AssumptionValues& assumptions, Eigen::Index nPaths) const {
    SeriesResults results;
    evaluateAll(assumptions, nPaths, results);
    return results;
}

void Model::evaluateAll(const AssumptionValues& assumptions, Eigen::Index nPaths,
                        SeriesResults& out) const {
    out.resize(m_scenario.series.size());
    for (int v : m_order)
        evaluateSeriesInto(v, assumptions, out, nPaths, out[static_cast<std::size_t>(v)]);
}

std::vector<int> Model::orderFor(const std::vector<int>& series) const {
    std::vector<char> needed(m_scenario.series.size(), 0);
    std::vector<int> stack(series.begin(), series.end());
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        if (needed[static_cast<std::size_t>(s)]) continue;
        needed[static_cast<std::size_t>(s)] = 1;
        for (const int d : m_compiled[static_cast<std::size_t>(s)].seriesDeps) stack.push_back(d);
    }
    std::vector<int> order;
    for (const int v : m_order)
        if (needed[static_cast<std::size_t>(v)]) order.push_back(v);
    return order;
}

void Model::evaluateOnly(const std::vector<int>& order, const AssumptionValues& assumptions,
                         Eigen::Index nPaths, SeriesResults& out,
                         const std::function<void(int)>& evaluated) const {
    out.resize(m_scenario.series.size());
    for (int v : order) {
        evaluateSeriesInto(v, assumptions, out, nPaths, out[static_cast<std::size_t>(v)]);
        if (evaluated) evaluated(v);
    }
}

void checkDomain(const Model& model, int seriesIndex, const std::vector<Grid>& outputs,
                 std::string_view context) {
    for (int o = 0; o < static_cast<int>(outputs.size()); ++o) {
        const OutputRef ref{seriesIndex, o};
        const Unit unit = model.unitOf(ref);
        const double lo = lowerBound(unit);
        const double hi = upperBound(unit);
        const Grid& g = outputs[static_cast<std::size_t>(o)];
        for (Eigen::Index col = 0; col < g.cols(); ++col) {
            const double v = g(0, col);
            const bool below = v < lo - kDomainTolerance;
            const int year = model.years().first + static_cast<int>(col);
            if (std::abs(v) > largestStorable(unit))
                throw ScenarioError("series." + model.refName(ref),
                                    "the " + std::to_string(year) + " value " + num(v) +
                                        std::string(context) + " " + std::string(unitToken(unit)) +
                                        " is too large to show: over " +
                                        num(largestStorable(unit), 3) +
                                        " would overflow a display unit (US$M, 亿元, 万台)");
            if (!below && !(v > hi + kDomainTolerance)) continue;
            throw ScenarioError("series." + model.refName(ref),
                                "the " + std::to_string(year) + " value " + num(v) +
                                    std::string(context) + (below ? " is below " : " is above ") +
                                    num(below ? lo : hi) + ", impossible for a " +
                                    std::string(unitToken(unit)) + " series");
        }
    }
}

void validateModel(const Scenario& scenario) {
    const Model model = Model::compile(scenario);
    std::vector<std::string> scenarioIds{"base"};
    for (const auto& sc : scenario.scenarios)
        if (sc.id != "base") scenarioIds.push_back(sc.id);
    for (const auto& id : scenarioIds) {
        const SeriesResults results = model.evaluateAll(model.assumptionValues(id));
        const std::string in = id == "base" ? "" : " in the " + id + " scenario";
        for (std::size_t i = 0; i < scenario.series.size(); ++i)
            checkDomain(model, static_cast<int>(i), results[i], in);
    }
    for (std::size_t i = 0; i < scenario.anchors.size(); ++i)
        if (!model.resolve(scenario.anchors[i].series))
            throw ScenarioError("anchors[" + std::to_string(i) + "].series",
                                "'" + scenario.anchors[i].series + "' is not a series output");
    for (const auto& chart : scenario.charts) {
        const auto check = [&](const std::string& ref, const std::string& path) {
            if (!model.resolve(ref))
                throw ScenarioError(path, "'" + ref + "' is not a series output");
        };
        for (std::size_t k = 0; k < chart.series.size(); ++k)
            check(chart.series[k], "charts." + chart.id + ".series[" + std::to_string(k) + "]");
        for (std::size_t k = 0; k < chart.secondary.size(); ++k)
            check(chart.secondary[k],
                  "charts." + chart.id + ".secondary[" + std::to_string(k) + "]");
        for (std::size_t k = 0; k < chart.cagr.size(); ++k)
            check(chart.cagr[k].series,
                  "charts." + chart.id + ".cagr[" + std::to_string(k) + "].series");
    }
}

}  // namespace jevons::core
