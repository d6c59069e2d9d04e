#include "core/edit/model_edit.h"

#include "core/eval/model.h"
#include "core/formula/formula.h"
#include "core/formula/lexer.h"
#include "core/scenario/json_reader.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"
#include "core/text/number_text.h"

#include <algorithm>
#include <array>

namespace jevons::core::edit {

namespace {

/// Whether formula name `name` ("x" or "x.output") refers to `id`.
bool namesId(std::string_view name, std::string_view id) {
    return name == id ||
           (name.size() > id.size() && name.substr(0, id.size()) == id && name[id.size()] == '.');
}

/// The part of a reference before any ".output".
std::string_view head(std::string_view ref) { return ref.substr(0, ref.find('.')); }

bool formulaNames(const std::string& expr, std::string_view id) {
    try {
        const auto refs = formula::Formula::parse(expr).references();
        return std::any_of(refs.begin(), refs.end(),
                           [&](const std::string& r) { return namesId(r, id); });
    } catch (const formula::FormulaError&) {
        return false;  // a formula that does not parse names nothing (the model refuses it)
    }
}

bool isRef(const Param& p, std::string_view id) { return !p.isLiteral() && p.ref() == id; }

/// Byte offset of 1-based code-point column `column` in UTF-8 `text`.
std::size_t byteOffset(std::string_view text, int column) {
    std::size_t i = 0;
    for (int c = 1; c < column && i < text.size(); ++c) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

[[noreturn]] void refuse(const std::string& path, const std::string& detail) {
    throw ScenarioError(path, detail);
}

std::string inQuotes(std::string_view id) { return "'" + std::string(id) + "'"; }

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += (out.empty() ? "" : "; ") + line;
    return out;
}

/// Apply `f` to every parameter of every series of `s` (a Scenario, const or not), with the
/// series and the parameter's name.
template <class S, class F>
void forEachParam(S& s, F&& f) {
    for (auto& def : s.series) {
        for (auto& [name, p] : def.params) f(def, name, p);
        for (auto& point : def.points) f(def, "point " + std::to_string(point.year), point.value);
        if (def.start) f(def, std::string("start"), def.start->value);
        for (auto& seg : def.segments) f(def, "rate until " + std::to_string(seg.until), seg.rate);
    }
}

}  // namespace

std::vector<std::string> referrersOf(const Scenario& scenario, std::string_view id) {
    std::vector<std::string> out;
    for (const SeriesDef& def : scenario.series)
        if (def.kind == SeriesKind::Formula && formulaNames(def.expr, id))
            out.push_back("series " + def.id + " (formula)");
    forEachParam(scenario, [&](const SeriesDef& def, const std::string& name, const Param& p) {
        if (isRef(p, id)) out.push_back("series " + def.id + ": " + name);
    });
    for (std::size_t i = 0; i < scenario.anchors.size(); ++i) {
        const Anchor& a = scenario.anchors[i];
        if (head(a.series) == id)
            out.push_back("anchor " + std::to_string(i + 1) + " (" + std::to_string(a.year) + ")");
        if (a.drives == id) out.push_back("anchor " + std::to_string(i + 1) + " (drives)");
    }
    for (const ChartDef& c : scenario.charts) {
        const auto plots = [&](const std::vector<std::string>& refs) {
            return std::any_of(refs.begin(), refs.end(),
                               [&](const std::string& r) { return head(r) == id; });
        };
        const bool arrow = std::any_of(c.cagr.begin(), c.cagr.end(), [&](const CagrAnnotation& a) {
            return head(a.series) == id;
        });
        if (plots(c.series) || plots(c.secondary) || arrow) out.push_back("chart " + c.id);
    }
    for (const ScenarioDef& def : scenario.scenarios)
        if (def.overrides.count(std::string(id)))
            out.push_back("scenario " + def.id + " (override)");
    if (scenario.uncertainty)
        for (const RankCorrelation& c : scenario.uncertainty->correlations)
            if (c.a == id || c.b == id) out.push_back("correlation " + c.a + "–" + c.b);
    for (const SeriesActuals& a : scenario.actuals)
        if (a.series == id) out.push_back("actuals of " + a.series);
    return out;
}

std::string renamedInFormula(std::string_view expr, std::string_view from, std::string_view to) {
    std::string out;
    std::size_t done = 0;
    for (const formula::Token& t : formula::tokenize(expr)) {
        if (t.kind != formula::TokenKind::Name || !namesId(t.text, from)) continue;
        const std::size_t at = byteOffset(expr, t.column);
        out.append(expr.substr(done, at - done));
        out.append(to);
        done = at + from.size();
    }
    out.append(expr.substr(done));
    return out;
}

void checkNewId(const Scenario& scenario, std::string_view id, const std::string& path) {
    if (!scenario_json_detail::isIdentifier(id))
        refuse(path, inQuotes(id) +
                         " is not an id: letters, digits and _ only, not starting with a digit");
    if (std::ranges::find(formula::kFunctionNames, id) != std::end(formula::kFunctionNames))
        refuse(path, inQuotes(id) + " is the name of a formula function");
    if (scenario.findAssumption(id)) refuse(path, inQuotes(id) + " is already an assumption");
    if (scenario.findSeries(id)) refuse(path, inQuotes(id) + " is already a series");
}

std::string freshId(const Scenario& scenario, std::string_view stem) {
    const auto taken = [&](const std::string& id) {
        return scenario.findAssumption(id) || scenario.findSeries(id);
    };
    std::string id(stem);
    for (int n = 2; taken(id); ++n) id = std::string(stem) + "_" + std::to_string(n);
    return id;
}

Scenario renamed(Scenario s, std::string_view from, std::string_view to) {
    const std::string f(from), t(to);
    Assumption* assumption = s.findAssumption(f);
    SeriesDef* series = nullptr;
    for (SeriesDef& def : s.series)
        if (def.id == f) series = &def;
    if (!assumption && !series) refuse(f, inQuotes(f) + " is neither an assumption nor a series");
    if (f == t) return s;
    checkNewId(s, t, (assumption ? "assumptions." : "series.") + f + ".id");
    if (assumption) assumption->id = t;
    if (series) series->id = t;
    const auto rewrite = [&](std::string& ref) {
        if (namesId(ref, f)) ref = t + ref.substr(f.size());
    };
    for (SeriesDef& def : s.series)
        if (def.kind == SeriesKind::Formula) def.expr = renamedInFormula(def.expr, f, t);
    forEachParam(s, [&](SeriesDef&, const std::string&, Param& p) {
        if (isRef(p, f)) p.value = t;
    });
    for (Anchor& a : s.anchors) {
        rewrite(a.series);
        if (a.drives == f) a.drives = t;
    }
    for (ChartDef& c : s.charts) {
        for (std::string& r : c.series) rewrite(r);
        for (std::string& r : c.secondary) rewrite(r);
        for (CagrAnnotation& a : c.cagr) rewrite(a.series);
    }
    for (ScenarioDef& def : s.scenarios)
        if (auto node = def.overrides.extract(f)) {
            node.key() = t;
            def.overrides.insert(std::move(node));
        }
    if (s.uncertainty)
        for (RankCorrelation& c : s.uncertainty->correlations) {
            if (c.a == f) c.a = t;
            if (c.b == f) c.b = t;
        }
    for (SeriesActuals& a : s.actuals)
        if (a.series == f) a.series = t;
    return s;
}

Scenario withoutAssumption(Scenario s, std::string_view id) {
    const auto it = std::find_if(s.assumptions.begin(), s.assumptions.end(),
                                 [&](const Assumption& a) { return a.id == id; });
    if (it == s.assumptions.end()) refuse(std::string(id), inQuotes(id) + " is not an assumption");
    if (const auto refs = referrersOf(s, id); !refs.empty())
        refuse("assumptions." + std::string(id),
               inQuotes(id) + " is used by " + joined(refs) +
                   ": change those first, or replace every reference by its value");
    s.assumptions.erase(it);
    return s;
}

Scenario inlined(Scenario s, std::string_view id) {
    const Assumption* a = s.findAssumption(id);
    if (!a) refuse(std::string(id), inQuotes(id) + " is not an assumption");
    const double value = a->value;
    // A negative literal in a formula is written in parentheses: "x ^ (-1)", not "x ^ -1".
    const std::string text = value < 0 ? "(" + shortestNumber(value) + ")" : shortestNumber(value);
    for (SeriesDef& def : s.series)
        if (def.kind == SeriesKind::Formula) def.expr = renamedInFormula(def.expr, id, text);
    forEachParam(s, [&](SeriesDef&, const std::string&, Param& p) {
        if (isRef(p, id)) p.value = value;
    });
    for (Anchor& anchor : s.anchors)
        if (anchor.drives == id) anchor.drives.clear();
    for (ScenarioDef& def : s.scenarios) def.overrides.erase(std::string(id));
    if (s.uncertainty)
        std::erase_if(s.uncertainty->correlations,
                      [&](const RankCorrelation& c) { return c.a == id || c.b == id; });
    return withoutAssumption(std::move(s), id);
}

Scenario withoutSeries(Scenario s, std::string_view id) {
    const auto it = std::find_if(s.series.begin(), s.series.end(),
                                 [&](const SeriesDef& d) { return d.id == id; });
    if (it == s.series.end()) refuse(std::string(id), inQuotes(id) + " is not a series");
    std::vector<std::string> refs = referrersOf(s, id);
    std::erase_if(refs, [](const std::string& r) {
        return r.rfind("chart ", 0) == 0 || r.rfind("actuals of ", 0) == 0;
    });
    if (!refs.empty())
        refuse("series." + std::string(id),
               inQuotes(id) + " is used by " + joined(refs) + ": change those first");
    s.series.erase(it);
    const auto plotsIt = [&](const std::string& r) { return head(r) == id; };
    for (ChartDef& c : s.charts) {
        std::erase_if(c.series, plotsIt);
        std::erase_if(c.secondary, plotsIt);
        std::erase_if(c.cagr, [&](const CagrAnnotation& a) { return head(a.series) == id; });
    }
    std::erase_if(s.charts, [](const ChartDef& c) { return c.series.empty(); });
    std::erase_if(s.actuals, [&](const SeriesActuals& a) { return a.series == id; });
    return s;
}

Scenario renamedSource(Scenario s, std::string_view from, std::string_view to) {
    const std::string f(from), t(to);
    if (!s.findSource(f)) refuse("meta.sources", "there is no source " + inQuotes(f));
    if (f == t) return s;
    const std::string path = "meta.sources." + f + ".id";
    if (!scenario_json_detail::isIdentifier(t))
        refuse(path, inQuotes(t) +
                         " is not an id: letters, digits and _ only, not starting with a digit");
    if (s.findSource(t)) refuse(path, inQuotes(t) + " is already a source");
    for (Source& src : s.sources)
        if (src.id == f) src.id = t;
    for (Assumption& a : s.assumptions)
        if (a.provenance.source == f) a.provenance.source = t;
    for (Anchor& a : s.anchors)
        if (a.source == f) a.source = t;
    for (SeriesActuals& a : s.actuals)
        if (a.source == f) a.source = t;
    return s;
}

Scenario withoutSource(Scenario s, std::string_view id) {
    const std::string i(id);
    if (!s.findSource(i)) refuse("meta.sources", "there is no source " + inQuotes(i));
    std::vector<std::string> citers;
    for (const Assumption& a : s.assumptions)
        if (a.provenance.source == i) citers.push_back("assumption " + a.id);
    for (std::size_t n = 0; n < s.anchors.size(); ++n)
        if (s.anchors[n].source == i)
            citers.push_back("anchor " + std::to_string(n + 1) + " (" + s.anchors[n].series + " " +
                             std::to_string(s.anchors[n].year) + ")");
    for (const SeriesActuals& a : s.actuals)
        if (a.source == i) citers.push_back("actuals of " + a.series);
    if (!citers.empty()) {
        std::string list;
        for (const std::string& c : citers) list += (list.empty() ? "" : "; ") + c;
        refuse("meta.sources." + i, "is cited by " + list);
    }
    std::erase_if(s.sources, [&](const Source& src) { return src.id == i; });
    return s;
}

Scenario renamedScenario(Scenario s, std::string_view from, std::string_view to) {
    const std::string f(from), t(to);
    if (!s.findScenario(f)) refuse("scenarios", "there is no scenario " + inQuotes(f));
    if (f == t) return s;
    const std::string path = "scenarios." + f + ".id";
    if (f == "base") refuse(path, "the base case keeps the id 'base'");
    if (!scenario_json_detail::isIdentifier(t))
        refuse(path, inQuotes(t) +
                         " is not an id: letters, digits and _ only, not starting with a digit");
    if (s.findScenario(t)) refuse(path, inQuotes(t) + " is already a scenario");
    for (ScenarioDef& d : s.scenarios)
        if (d.id == f) d.id = t;
    return s;
}

}  // namespace jevons::core::edit
