#include "core/plan/chart_plan.h"

#include "core/eval/derived.h"
#include "core/text/number_text.h"
#include "core/uncertainty/monte_carlo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace jevons::core {
namespace {

ChartKind kindOf(ChartType type) {
    switch (type) {
        case ChartType::Line:
            return ChartKind::Line;
        case ChartType::Column:
            return ChartKind::ClusteredColumn;
        case ChartType::StackedColumn:
            return ChartKind::StackedColumn;
        case ChartType::StackedArea:
            return ChartKind::StackedArea;
        case ChartType::Combo:
            return ChartKind::Combo;
    }
    return ChartKind::ClusteredColumn;
}

bool isFraction(Unit unit) { return unit == Unit::Share || unit == Unit::Rate; }

// A stored value in the unit a slide shows: fractions stay fractions (the format adds the %),
// money and volumes in the reader's chosen units.
double shown(double value, Unit unit, const DisplayChoice& units) {
    return isFraction(unit) ? value : units.toShown(value, unit);
}

std::string outputTitle(std::string_view output, std::string_view language) {
    const bool zh = language == "zh";
    if (output == "spend") return zh ? "支出" : "spend";
    if (output == "unit_cost") return zh ? "单位成本（指数）" : "unit cost (index)";
    if (output == "cumulative") return zh ? "累计" : "cumulative";
    return std::string(output);
}

// "Spend", "Unit cost (index)", "支出": an output's name as a legend entry of its own.
std::string outputName(const Model& model, OutputRef ref, std::string_view language) {
    const SeriesDef& def = model.scenario().series[static_cast<std::size_t>(ref.series)];
    std::string name =
        outputTitle(Model::outputNames(def.kind)[static_cast<std::size_t>(ref.output)], language);
    if (!name.empty() && name.front() >= 'a' && name.front() <= 'z') name.front() -= 'a' - 'A';
    return name;
}

struct Plotted {
    std::string ref;
    OutputRef output;
    AxisSide axis;
};

}  // namespace

std::string cagrLabel(double rate, double p10, double p90, std::string_view language) {
    const bool zh = language == "zh";
    if (!std::isfinite(rate)) return zh ? "CAGR 无法计算" : "n/a CAGR";
    const std::string pct = (rate >= 0 ? "+" : "") + formatAs(rate, "0.0%");
    std::string text = zh ? "CAGR " + pct : pct + " CAGR";
    if (!std::isfinite(p10) || !std::isfinite(p90)) return text;
    const int decimals = fixedNumber(p10 * 100, 0) == fixedNumber(p90 * 100, 0) ? 1 : 0;
    const auto percent = [&](double v, bool sign) {
        return (sign && v >= 0 ? "+" : "") + fixedNumber(v * 100, decimals);
    };
    const std::string range =
        p10 >= 0 ? percent(p10, false) + "–" + percent(p90, false) + "%"
                 : percent(p10, true) + (zh ? "% 至 " : "% to ") + percent(p90, true) + "%";
    return text + (zh ? "（P10–P90 " + range + "）" : " (P10–P90 " + range + ")");
}

namespace {

std::string axisTitle(Unit unit, std::string_view language, const DisplayChoice& units) {
    switch (unit) {
        case Unit::Share:
        case Unit::Rate:
            return "%";
        case Unit::Index:
            return language == "zh" ? "指数" : "Index";
        case Unit::Multiple:
            return "x";
        case Unit::Number:
        case Unit::Year:
            return "";
        default:
            return units.suffix(unit, language);
    }
}

// One format per axis, so stacked or side-by-side series read alike.
std::string formatFor(Unit unit, double largest, const DisplayChoice& units) {
    if (isFraction(unit))
        return units.percentDecimals <= 0
                   ? "0%"
                   : "0." + std::string(static_cast<std::size_t>(units.percentDecimals), '0') + "%";
    if (unit == Unit::Index) return "0.00";
    if (unit == Unit::Multiple) return "0.0\"x\"";
    if (largest >= 1000.0) return "#,##0";
    return isGroupedUnit(units.unitFor(unit)) && largest < 100.0 ? "0.00" : "0.0";
}

}  // namespace

double planValue(double stored, Unit unit, const DisplayChoice& units) {
    return shown(stored, unit, units);
}

std::string planAxisTitle(Unit unit, std::string_view language, const DisplayChoice& units) {
    return axisTitle(unit, language, units);
}

std::string planTitle(const std::string& title, Unit unit, std::string_view language,
                      const DisplayChoice& shown) {
    const std::string stored = displaySuffix(defaultDisplay(unit), language);
    const std::string now = displaySuffix(shown.unitFor(unit), language);
    if (stored.empty() || now.empty() || stored == now) return title;
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                                      std::pair<std::string_view, std::string_view>{"（", "）"}}) {
        const std::string named = std::string(open) + stored + std::string(close);
        if (title.ends_with(named))
            return title.substr(0, title.size() - named.size()) + std::string(open) + now +
                   std::string(close);
    }
    return title;
}

std::string planNumberFormat(Unit unit, double largest, const DisplayChoice& units) {
    return formatFor(unit, largest, units);
}

std::string planSeriesName(const Model& model, OutputRef ref, std::string_view language) {
    const SeriesDef& def = model.scenario().series[static_cast<std::size_t>(ref.series)];
    const std::string& label = def.label.in(language).empty() ? def.id : def.label.in(language);
    if (ref.output == 0) return label;
    const auto outputs = Model::outputNames(def.kind);
    return label + " — " + outputTitle(outputs[static_cast<std::size_t>(ref.output)], language);
}

std::string planLegendName(const Model& model, OutputRef ref, const std::vector<OutputRef>& plotted,
                           std::string_view language) {
    const bool oneSeries =
        plotted.size() > 1 && std::all_of(plotted.begin(), plotted.end(), [&](OutputRef p) {
            return p.series == plotted.front().series;
        });
    return oneSeries ? outputName(model, ref, language) : planSeriesName(model, ref, language);
}

std::string shortPublisher(const std::string& publisher) {
    std::size_t cut = publisher.size();
    for (const std::string_view mark : {"(", ",", ";", "（", "，"})
        cut = std::min(cut, publisher.find(mark));
    std::string out = publisher.substr(0, cut);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.empty() ? publisher : out;
}

bool hasAxis(const ChartPlan& plan, AxisSide side) {
    return std::any_of(plan.series.begin(), plan.series.end(),
                       [&](const PlanSeries& s) { return s.axis == side; });
}

void scaleAxes(ChartPlan& plan) {
    const std::size_t n = plan.categories.size();
    if (plan.kind == ChartKind::Tornado) {  // bars around the base, a fifth of the swing beyond
        double lo = plan.crossesAt, hi = plan.crossesAt;
        for (const PlanSeries& s : plan.series)
            for (const double v : s.values)
                if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        plan.primaryScale = niceScale(lo, hi, {.margin = 0.2, .includeZero = false});
        return;
    }
    for (const AxisSide side : {AxisSide::Primary, AxisSide::Secondary}) {
        double lo = 0.0, hi = 0.0;
        const auto widen = [&](double v) {
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        };
        // Stacked series add up: the axis covers the top of each stack.
        const bool stacks =
            side == AxisSide::Primary &&
            (plan.kind == ChartKind::StackedColumn || plan.kind == ChartKind::StackedArea ||
             plan.kind == ChartKind::Fan || plan.kind == ChartKind::Waterfall);
        std::vector<double> top(n, 0.0);
        for (std::size_t k = 0; k < plan.series.size(); ++k) {
            const PlanSeries& s = plan.series[k];
            if (s.axis != side) continue;
            const bool inStack = stacks && s.run == 0 && s.role != SeriesRole::Total &&
                                 (plan.kind != ChartKind::Fan || k < plan.bandSeries);
            for (std::size_t i = 0; i < s.values.size() && i < n; ++i) {
                widen(s.values[i]);
                if (inStack && std::isfinite(s.values[i])) widen(top[i] += s.values[i]);
            }
        }
        for (const PlanBand& b : plan.bands)
            if (b.series < plan.series.size() && plan.series[b.series].axis == side)
                for (std::size_t i = 0; i < b.p10.size(); ++i) widen(b.p10[i]), widen(b.p90[i]);
        for (const AnchorMark& a : plan.anchors)
            if (a.series < plan.series.size() && plan.series[a.series].axis == side)
                widen(a.base + (std::isnan(a.high) ? a.value : a.high));
        const bool arrows = std::any_of(plan.cagr.begin(), plan.cagr.end(),
                                        [&](const CagrMark& c) { return c.axis == side; });
        // Room above the data: for the value labels, and for the CAGR arrows over them.
        (side == AxisSide::Primary ? plan.primaryScale : plan.secondaryScale) =
            niceScale(lo, hi, {.headroom = arrows ? 0.32 : 0.12});
    }
}

std::string chartProblem(const ChartPlan& chart) {
    if (chart.series.empty()) return "no series";
    if (chart.categories.empty()) return "no years";
    for (const PlanSeries& s : chart.series) {
        if (s.values.size() != chart.categories.size())
            return "series '" + s.name + "' has " + std::to_string(s.values.size()) +
                   " values for " + std::to_string(chart.categories.size()) + " years";
    }
    const bool anyValue = std::any_of(chart.series.begin(), chart.series.end(), [](const auto& s) {
        return std::any_of(s.values.begin(), s.values.end(),
                           [](double v) { return std::isfinite(v); });
    });
    if (!anyValue) return "every value is missing";
    const bool secondary = std::any_of(chart.series.begin(), chart.series.end(),
                                       [](const auto& s) { return s.axis == AxisSide::Secondary; });
    if (secondary && chart.kind != ChartKind::Combo)
        return "only a combo chart has a secondary axis";
    if (chart.kind == ChartKind::Fan &&
        (chart.bandSeries < 2 || chart.bandSeries >= chart.series.size()))
        return "a fan chart needs a base, at least one band and a median line";
    if (chart.kind == ChartKind::Tornado && chart.series.size() != 2)
        return "a tornado chart has two series (output at the low and at the high input)";
    if (chart.kind == ChartKind::Tornado && !std::isfinite(chart.crossesAt))
        return "a tornado chart needs a finite base value";
    if (chart.kind == ChartKind::Waterfall && chart.series.size() != 4)
        return "a waterfall chart has four series (offset, increase, decrease, total)";
    if (chart.kind == ChartKind::Combo &&
        std::none_of(chart.series.begin(), chart.series.end(),
                     [](const auto& s) { return s.axis == AxisSide::Primary; }))
        return "a combo chart needs a series on the primary axis";
    return {};
}

ChartPlan buildChartPlan(const Evaluator& evaluator, const ChartDef& chart,
                         std::string_view language, const std::string& scenarioLabel,
                         const DisplayChoice& units, const MonteCarloResult* simulation) {
    const Model& model = evaluator.model();
    const Scenario& scenario = model.scenario();
    const YearRange& range = evaluator.years();
    const auto fail = [&](const std::string& what) {
        return ChartPlanError("chart '" + chart.id + "': " + what);
    };

    ChartPlan slide;
    slide.id = chart.id;
    slide.title = chart.title.in(language);
    slide.kind = kindOf(chart.type);
    slide.scenarioName = scenarioLabel;
    slide.language = std::string(language);
    slide.sourceLine = chart.sourceLine.in(language);
    if (slide.sourceLine.empty())
        slide.sourceLine = language == "zh" ? "资料来源：Jevons模型" : "Source: Jevons model";

    const int from = chart.fromYear ? chart.fromYear : range.first;
    const int to = chart.toYear ? chart.toYear : range.last;
    if (!range.contains(from) || !range.contains(to))
        throw fail("the years " + std::to_string(from) + "–" + std::to_string(to) +
                   " are not within the forecast's " + std::to_string(range.first) + "–" +
                   std::to_string(range.last));
    for (int year = from; year <= to; ++year) slide.categories.push_back(std::to_string(year));

    std::vector<Plotted> plotted;
    const auto add = [&](const std::string& ref, AxisSide axis) {
        const auto output = model.resolve(ref);
        if (!output) throw fail("unknown series '" + ref + "'");
        plotted.push_back({ref, *output, axis});
    };
    for (const auto& ref : chart.series) add(ref, AxisSide::Primary);
    for (const auto& ref : chart.secondary) add(ref, AxisSide::Secondary);

    // Each axis shows its values in one choice of units, stepped up from 万台 to 亿台 (亿美元 to
    // 万亿美元) when the axis reaches 10,000: judged on the model's values and actuals in the
    // chart's years, before anything is converted.
    DisplayChoice axisUnits[2] = {units, units};
    for (const AxisSide side : {AxisSide::Primary, AxisSide::Secondary}) {
        double big = 0.0;
        std::optional<Unit> unitOnSide;
        for (const Plotted& p : plotted) {
            if (p.axis != side) continue;
            const Unit unit = model.unitOf(p.output);
            unitOnSide = unitOnSide.value_or(unit);
            const Eigen::ArrayXd row = evaluator.values(p.ref);
            for (int year = from; year <= to; ++year)
                if (const double v = units.toShown(row(range.column(year)), unit); std::isfinite(v))
                    big = std::max(big, std::abs(v));
            if (const SeriesActuals* actuals = scenario.findActuals(p.ref))
                for (const auto& [year, value] : actuals->values)
                    if (year >= from && year <= to && std::isfinite(value))
                        big = std::max(big, std::abs(units.toShown(value, unit)));
        }
        if (unitOnSide)
            axisUnits[side == AxisSide::Primary ? 0 : 1] = units.groupedFor(*unitOnSide, big);
    }
    slide.primaryUnits = axisUnits[0];
    slide.secondaryUnits = axisUnits[1];
    for (const Plotted& p : plotted)
        if (p.axis == AxisSide::Primary) {
            slide.title = planTitle(slide.title, model.unitOf(p.output), language, axisUnits[0]);
            break;
        }
    const auto unitsOn = [&](AxisSide side) -> const DisplayChoice& {
        return axisUnits[side == AxisSide::Primary ? 0 : 1];
    };

    // The largest shown value on each axis picks that axis' number format; `slotOf[k]` is the
    // slide series standing for plotted[k] (its forecast, or the plain series).
    double largest[2] = {0.0, 0.0};
    const auto widen = [&](AxisSide axis, double v) {
        if (!std::isfinite(v)) return;
        double& big = largest[axis == AxisSide::Primary ? 0 : 1];
        big = std::max(big, std::abs(v));
    };
    const bool lines = slide.kind == ChartKind::Line || slide.kind == ChartKind::Combo;
    const bool columns = slide.kind == ChartKind::ClusteredColumn ||
                         slide.kind == ChartKind::StackedColumn || slide.kind == ChartKind::Combo;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::size_t> slotOf;
    std::vector<Unit> unitOfSlide;
    std::vector<std::string> actualSources;
    std::vector<OutputRef> outputs;
    for (const Plotted& p : plotted) outputs.push_back(p.output);
    for (const Plotted& p : plotted) {
        PlanSeries s;
        s.name = planLegendName(model, p.output, outputs, language);
        s.ref = p.ref;
        s.axis = p.axis;
        const Unit unit = model.unitOf(p.output);
        const Eigen::ArrayXd row = evaluator.values(p.ref);
        for (int year = from; year <= to; ++year) {
            const double v = shown(row(range.column(year)), unit, unitsOn(p.axis));
            s.values.push_back(std::isfinite(v) ? v : nan);
            widen(p.axis, v);
        }
        // Actuals within the chart's years, by category index (display units).
        std::vector<double> history(s.values.size(), nan);
        std::size_t last = PlanSeries::kNoForecastTint;
        const SeriesActuals* actuals = scenario.findActuals(p.ref);
        if (actuals)
            for (const auto& [year, value] : actuals->values)
                if (year >= from && year <= to && std::isfinite(value)) {
                    last = static_cast<std::size_t>(year - from);
                    history[last] = shown(value, unit, unitsOn(p.axis));
                }
        const bool split = last != PlanSeries::kNoForecastTint &&
                           (p.axis == AxisSide::Secondary ? lines : slide.kind == ChartKind::Line);
        const bool tint =
            last != PlanSeries::kNoForecastTint && !split && columns && p.axis == AxisSide::Primary;
        if (split || tint) {
            for (double v : history) widen(p.axis, v);
            const std::string& id = actuals->source;
            const Source* source = scenario.findSource(id);
            const std::string name = source ? shortPublisher(source->publisher.in(language)) : id;
            if (std::find(actualSources.begin(), actualSources.end(), name) == actualSources.end())
                actualSources.push_back(name);
        }
        if (split) {
            PlanSeries actual = s;
            actual.name += language == "zh" ? "（实际值）" : " (actual)";
            actual.role = SeriesRole::Actual;
            actual.values = history;
            slide.series.push_back(std::move(actual));
            unitOfSlide.push_back(unit);
            if (last + 1 < s.values.size()) {  // else the actuals reach the end: no forecast
                s.role = SeriesRole::Forecast;
                for (std::size_t k = 0; k < last; ++k) s.values[k] = nan;
                s.values[last] = history[last];
            } else {
                slotOf.push_back(slide.series.size() - 1);
                continue;
            }
        } else if (tint) {
            for (std::size_t k = 0; k < history.size(); ++k)
                if (std::isfinite(history[k])) s.values[k] = history[k];
            if (last + 1 < s.values.size()) s.forecastFrom = last + 1;
        }
        slotOf.push_back(slide.series.size());
        slide.series.push_back(std::move(s));
        unitOfSlide.push_back(unit);
    }
    for (std::size_t i = 0; i < slide.series.size(); ++i) {
        const Unit unit = unitOfSlide[i];
        const int side = slide.series[i].axis == AxisSide::Primary ? 0 : 1;
        slide.series[i].numberFormat = formatFor(unit, largest[side], axisUnits[side]);
        std::string& title = side == 0 ? slide.primaryAxisTitle : slide.secondaryAxisTitle;
        if (title.empty()) title = axisTitle(unit, language, axisUnits[side]);
    }
    if (!actualSources.empty()) {
        const bool zh = language == "zh";
        std::string prefix = zh ? "实际值：" : "Actuals: ";
        for (std::size_t k = 0; k < actualSources.size(); ++k)
            prefix += (k ? (zh ? "；" : "; ") : "") + actualSources[k];
        slide.sourceLine = prefix + (zh ? "；" : "; ") + slide.sourceLine;
    }

    for (const CagrAnnotation& a : chart.cagr) {
        const auto output = model.resolve(a.series);
        if (!output) throw fail("CAGR of unknown series '" + a.series + "'");
        if (a.from < from || a.to > to)
            throw fail("the CAGR " + std::to_string(a.from) + "–" + std::to_string(a.to) +
                       " lies outside the chart's years " + std::to_string(from) + "–" +
                       std::to_string(to));
        double rate = std::numeric_limits<double>::quiet_NaN();  // "n/a CAGR" (through zero)
        try {
            rate = cagrOver(Eigen::ArrayXd(evaluator.values(a.series)), range, a.from, a.to);
        } catch (const ModelError&) {
        }
        CagrMark mark;
        mark.fromCategory = std::to_string(a.from);
        mark.toCategory = std::to_string(a.to);
        mark.rate = rate;
        mark.series = a.series;
        const bool secondary = std::find(chart.secondary.begin(), chart.secondary.end(),
                                         a.series) != chart.secondary.end();
        mark.axis = secondary ? AxisSide::Secondary : AxisSide::Primary;
        if (simulation)
            if (const CagrRange* r = simulation->cagrRange(a.series, a.from, a.to);
                r && r->problem.empty())
                mark.p10 = r->cagr.p10, mark.p90 = r->cagr.p90;
        mark.text = cagrLabel(rate, mark.p10, mark.p90, language);
        slide.cagr.push_back(std::move(mark));
    }

    const bool stacked =
        slide.kind == ChartKind::StackedColumn || slide.kind == ChartKind::StackedArea;
    if (chart.showAnchors) {
        for (std::size_t k = 0; k < scenario.anchors.size(); ++k) {
            const Anchor& anchor = scenario.anchors[k];
            const auto it = std::find_if(plotted.begin(), plotted.end(),
                                         [&](const Plotted& p) { return p.ref == anchor.series; });
            if (it == plotted.end() || anchor.year < from || anchor.year > to) continue;
            const auto index = slotOf[static_cast<std::size_t>(it - plotted.begin())];
            const double value = shown(anchor.value, model.unitOf(it->output), unitsOn(it->axis));
            std::string label = plotted.size() > 1 ? slide.series[index].name + " " : "";
            label += std::to_string(anchor.year) + ": " +
                     formatAs(value, slide.series[index].numberFormat);
            const double high =
                anchor.isRange() ? shown(anchor.high, model.unitOf(it->output), unitsOn(it->axis))
                                 : std::numeric_limits<double>::quiet_NaN();
            if (anchor.isRange()) label += "–" + formatAs(high, slide.series[index].numberFormat);
            if (const Source* source = scenario.findSource(anchor.source))
                label += " (" + shortPublisher(source->publisher.in(language)) + ")";
            AnchorMark mark;
            mark.category = std::to_string(anchor.year);
            mark.value = value;
            mark.high = high;
            mark.label = std::move(label);
            mark.anchor = static_cast<int>(k);
            mark.series = index;
            const auto column = static_cast<std::size_t>(anchor.year - from);
            if (stacked && it->axis == AxisSide::Primary)
                for (std::size_t below = 0; below < index; ++below)
                    if (slide.series[below].axis == AxisSide::Primary &&
                        std::isfinite(slide.series[below].values[column]))
                        mark.base += slide.series[below].values[column];
            slide.anchors.push_back(std::move(mark));
        }
    }

    // Fan bands around the lines of a line chart, from the simulation of these values.
    if (simulation && slide.kind == ChartKind::Line) {
        for (std::size_t k = 0; k < plotted.size(); ++k) {
            const OutputBands* bands = simulation->bands(plotted[k].output);
            if (!bands) continue;
            const Unit unit = model.unitOf(plotted[k].output);
            PlanBand band;
            band.series = slotOf[k];
            for (int year = from; year <= to; ++year) {
                const long i = year - simulation->years.first;
                const bool in = i >= 0 && i < static_cast<long>(bands->p50.size());
                const auto at = static_cast<std::size_t>(in ? i : 0);
                const auto edge = [&](const std::vector<double>& v) {
                    return in && std::isfinite(bands->p50[at])
                               ? shown(v[at], unit, unitsOn(plotted[k].axis))
                               : nan;
                };
                band.p10.push_back(edge(bands->p10));
                band.p25.push_back(edge(bands->p25));
                band.p50.push_back(edge(bands->p50));
                band.p75.push_back(edge(bands->p75));
                band.p90.push_back(edge(bands->p90));
            }
            slide.bands.push_back(std::move(band));
        }
    }
    scaleAxes(slide);
    return slide;
}

void addCompareRun(ChartPlan& plan, const Evaluator& evaluator, const ChartDef& chart, int run,
                   const std::string& runName) {
    const Model& model = evaluator.model();
    const YearRange& range = evaluator.years();
    const int from = chart.fromYear ? chart.fromYear : range.first;
    const std::size_t n = plan.categories.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto row = [&](const std::string& ref, Unit& unit, AxisSide axis) {
        const DisplayChoice& units =
            axis == AxisSide::Primary ? plan.primaryUnits : plan.secondaryUnits;
        std::vector<double> values(n, nan);
        const auto output = model.resolve(ref);
        if (!output) return values;
        unit = model.unitOf(*output);
        const Eigen::ArrayXd all = evaluator.values(ref);
        for (std::size_t i = 0; i < n; ++i) {
            const int year = from + static_cast<int>(i);
            if (!range.contains(year)) continue;
            const double v = shown(all(range.column(year)), unit, units);
            if (std::isfinite(v)) values[i] = v;
        }
        return values;
    };
    // The first run's series for `ref` (its format and legend name).
    const auto original = [&](const std::string& ref) -> const PlanSeries* {
        for (const PlanSeries& s : plan.series)
            if (s.run == 0 && s.ref == ref && s.role != SeriesRole::Actual) return &s;
        return nullptr;
    };
    const bool stacked =
        plan.kind == ChartKind::StackedColumn || plan.kind == ChartKind::StackedArea;
    std::vector<PlanSeries> added;
    if (stacked) {
        PlanSeries total;
        total.name = runName + (plan.language == "zh" ? " · 合计" : " · total");
        total.role = SeriesRole::Total;
        total.run = run;
        total.values.assign(n, nan);
        for (const std::string& ref : chart.series) {
            Unit unit = Unit::Number;
            const std::vector<double> values = row(ref, unit, AxisSide::Primary);
            for (std::size_t i = 0; i < n; ++i)
                if (std::isfinite(values[i]))
                    total.values[i] =
                        (std::isfinite(total.values[i]) ? total.values[i] : 0.0) + values[i];
            if (const PlanSeries* first = original(ref)) total.numberFormat = first->numberFormat;
        }
        added.push_back(std::move(total));
    }
    const auto addSide = [&](const std::vector<std::string>& refs, AxisSide axis) {
        for (const std::string& ref : refs) {
            PlanSeries s;
            const PlanSeries* first = original(ref);
            s.name = refs.size() > 1 && first ? runName + " · " + first->name : runName;
            s.ref = ref;
            s.axis = axis;
            s.run = run;
            Unit unit = Unit::Number;
            s.values = row(ref, unit, axis);
            if (first) s.numberFormat = first->numberFormat;
            added.push_back(std::move(s));
        }
    };
    if (!stacked) addSide(chart.series, AxisSide::Primary);
    addSide(chart.secondary, AxisSide::Secondary);
    for (PlanSeries& s : added) plan.series.push_back(std::move(s));
    plan.bands.clear();
    scaleAxes(plan);
}

}  // namespace jevons::core
