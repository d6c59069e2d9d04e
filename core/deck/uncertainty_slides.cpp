#include "core/deck/uncertainty_slides.h"

#include "core/deck/deck_error.h"
#include "core/text/number_text.h"
#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <cmath>

namespace jevons::core::deck {
namespace {

bool isFraction(Unit unit) { return unit == Unit::Share || unit == Unit::Rate; }

/// A tornado bar narrower than this fraction of the base (or of 1) is no bar: the assumption
/// does not move the output (only rounding does).
constexpr double kNoSwing = 1e-9;

OutputRef resolveOrThrow(const Model& model, std::string_view ref, const std::string& what) {
    const auto out = model.resolve(ref);
    if (!out) throw DeckError(what + ": unknown series '" + std::string(ref) + "'");
    return *out;
}

std::size_t columnOf(const YearRange& years, int year, const std::string& what) {
    if (!years.contains(year))
        throw DeckError(what + ": the year " + std::to_string(year) + " is not within " +
                        std::to_string(years.first) + "–" + std::to_string(years.last));
    return static_cast<std::size_t>(years.column(year));
}

std::string thousands(long long n) { return formatAs(static_cast<double>(n), "#,##0"); }

std::string percentFormat(const DisplayChoice& units) {
    return planNumberFormat(Unit::Share, 0.0, units);
}

// "20.9%", "171.6 US$B", "1.60": a value with its unit as a category label shows it.
std::string valueText(double stored, Unit unit, std::string_view language,
                      const DisplayChoice& units, double largestShown) {
    if (isFraction(unit)) return formatAs(stored, percentFormat(units));
    const double v = planValue(stored, unit, units);
    const std::string format =
        largestShown >= 1000 ? "#,##0" : (largestShown >= 10 ? "0.0" : "0.00");
    const std::string suffix = planAxisTitle(unit, language, units);
    return formatAs(v, format) + (suffix.empty() || suffix == "x" ? "" : " " + suffix);
}

// "20.9%–31.8%", "145.6–192.3 US$B": the unit once, after the high end.
std::string rangeText(double low, double high, Unit unit, std::string_view language,
                      const DisplayChoice& units, double largestShown) {
    if (isFraction(unit))
        return valueText(low, unit, language, units, largestShown) + "–" +
               valueText(high, unit, language, units, largestShown);
    const std::string format =
        largestShown >= 1000 ? "#,##0" : (largestShown >= 10 ? "0.0" : "0.00");
    return formatAs(planValue(low, unit, units), format) + "–" +
           valueText(high, unit, language, units, largestShown);
}

std::string pathsAndSeed(const MonteCarloResult& r, std::string_view language) {
    return language == "zh"
               ? thousands(r.paths) + "条蒙特卡洛路径（种子 " + std::to_string(r.seed) + "）"
               : thousands(r.paths) + " Monte Carlo paths (seed " + std::to_string(r.seed) + ")";
}

std::string modelSource(std::string_view language) {
    return language == "zh" ? "资料来源：Jevons模型（蒙特卡洛模拟）"
                            : "Source: Jevons model (Monte Carlo simulation)";
}

}  // namespace

bool hasBands(const Model& model, const MonteCarloResult& result, const ChartDef& chart,
              std::string_view ref) {
    const auto out = model.resolve(ref);
    const OutputBands* bands = out ? result.bands(*out) : nullptr;
    if (!bands) return false;
    const int from = chart.fromYear ? chart.fromYear : result.years.first;
    const int to = chart.toYear ? chart.toYear : result.years.last;
    for (int year = from; year <= to; ++year) {
        if (!result.years.contains(year)) continue;
        const auto k = static_cast<std::size_t>(result.years.column(year));
        if (bands->p90[k] - bands->p10[k] > 1e-12 * std::max(1.0, std::abs(bands->p50[k])))
            return true;
    }
    return false;
}

ChartPlan fanSlideFor(const Model& model, const MonteCarloResult& result, const ChartDef& chart,
                      std::string_view ref, std::string_view language,
                      const std::string& scenarioLabel, const DisplayChoice& units) {
    const std::string what = "fan of chart '" + chart.id + "'";
    const OutputRef out = resolveOrThrow(model, ref, what);
    const OutputBands* bands = result.bands(out);
    if (!bands) throw DeckError(what + ": no bands for '" + std::string(ref) + "'");
    const Unit unit = model.unitOf(out);
    const bool zh = language == "zh";

    ChartPlan slide;
    slide.id = chart.id + "_fan";
    slide.kind = ChartKind::Fan;
    slide.title = chart.title.in(language);  // named in its units once they are known
    slide.scenarioName = scenarioLabel;
    slide.language = std::string(language);
    slide.sourceLine = chart.sourceLine.in(language);
    if (slide.sourceLine.empty()) slide.sourceLine = modelSource(language);
    const int from = chart.fromYear ? chart.fromYear : result.years.first;
    const int to = chart.toYear ? chart.toYear : result.years.last;
    columnOf(result.years, from, what);
    columnOf(result.years, to, what);

    const std::string label = planSeriesName(model, out, language);
    slide.series = {{"P10", {}},
                    {"P10–P25", {}},
                    {"P25–P75", {}},
                    {"P75–P90", {}},
                    {zh ? label + " 中位数（P50）" : label + ", median (P50)", {}}};
    // One choice of units for the axis, stepped up (万台 to 亿台) when the top band reaches 10,000.
    double top = 0.0;
    for (int year = from; year <= to; ++year) {
        const double p90 =
            units.toShown(bands->p90[static_cast<std::size_t>(result.years.column(year))], unit);
        if (std::isfinite(p90)) top = std::max(top, std::abs(p90));
    }
    const DisplayChoice axisUnits = units.groupedFor(unit, top);
    slide.primaryUnits = axisUnits;
    slide.title = planTitle(slide.title, unit, language, axisUnits) +
                  (zh ? "——P10–P90与P25–P75区间" : " — P10–P90 and P25–P75");
    double largest = 0.0;
    for (int year = from; year <= to; ++year) {
        slide.categories.push_back(std::to_string(year));
        const auto k = static_cast<std::size_t>(result.years.column(year));
        const double p10 = planValue(bands->p10[k], unit, axisUnits);
        const double p25 = planValue(bands->p25[k], unit, axisUnits);
        const double p50 = planValue(bands->p50[k], unit, axisUnits);
        const double p75 = planValue(bands->p75[k], unit, axisUnits);
        const double p90 = planValue(bands->p90[k], unit, axisUnits);
        // Stacked: each band is the increment over the one below, so the tops are P25, P75, P90.
        slide.series[0].values.push_back(p10);
        slide.series[1].values.push_back(p25 - p10);
        slide.series[2].values.push_back(p75 - p25);
        slide.series[3].values.push_back(p90 - p75);
        slide.series[4].values.push_back(p50);
        largest = std::max(largest, std::abs(p90));
    }
    slide.bandSeries = 4;
    const std::string format = planNumberFormat(unit, largest, axisUnits);
    for (PlanSeries& s : slide.series) s.numberFormat = format;
    slide.primaryAxisTitle = planAxisTitle(unit, language, axisUnits);

    for (const CagrAnnotation& a : chart.cagr) {
        const auto cagrRef = model.resolve(a.series);
        if (!cagrRef || !(*cagrRef == out) || a.from < from || a.to > to) continue;
        const CagrRange* range = result.cagrRange(a.series, a.from, a.to);
        if (!range || !range->problem.empty()) continue;
        const std::string text = "CAGR " + fixedNumber(range->cagr.p10 * 100, 0) + "–" +
                                 fixedNumber(range->cagr.p90 * 100, 0) + "%";
        CagrMark mark;
        mark.fromCategory = std::to_string(a.from);
        mark.toCategory = std::to_string(a.to);
        mark.rate = range->cagr.p50;
        mark.text = text;
        mark.series = a.series;
        mark.p10 = range->cagr.p10;
        mark.p90 = range->cagr.p90;
        slide.cagr.push_back(std::move(mark));
    }
    slide.note =
        zh ? "阴影：" + pathsAndSeed(result, language) +
                 "的P10–P90与P25–P75区间；线：中位数。P10为第10百分位数（有90%的概率高于该值）"
           : "Shaded: P10–P90 and P25–P75 of " + pathsAndSeed(result, language) +
                 "; line: median. P10 is the 10th percentile (a 90% chance of exceeding "
                 "it)";
    scaleAxes(slide);
    return slide;
}

ChartPlan tornadoSlide(const Model& model, const Tornado& tornado, std::string_view language,
                       const std::string& scenarioLabel, const DisplayChoice& units) {
    if (tornado.bars.empty())
        throw DeckError("tornado of '" + tornado.name +
                        "': no assumption has a distribution, so there is nothing to swing");
    const bool zh = language == "zh";
    const std::string output = planSeriesName(model, tornado.output, language);
    const std::string year = std::to_string(tornado.year);

    ChartPlan slide;
    slide.id = "tornado_" + tornado.name;
    slide.kind = ChartKind::Tornado;
    slide.title =
        zh ? year + "年" + output + "的敏感性：各假设从P10到P90"
           : "What moves " + output + " in " + year + ": each assumption from its P10 to its P90";
    slide.scenarioName = scenarioLabel;
    slide.language = std::string(language);
    slide.sourceLine = zh ? "资料来源：Jevons模型（单因素敏感性分析）"
                          : "Source: Jevons model (one assumption at a time)";
    slide.series = {{zh ? "假设取P10时" : "Assumption at its P10", {}},
                    {zh ? "假设取P90时" : "Assumption at its P90", {}}};
    double largest = std::abs(planValue(tornado.base, tornado.unit, units));
    std::size_t still = 0;
    for (const TornadoBar& bar : tornado.bars) {
        if (!(bar.swing() > kNoSwing * std::max(1.0, std::abs(tornado.base)))) {
            ++still;  // an assumption that does not move the output: no bar
            continue;
        }
        const Assumption& a =
            model.scenario().assumptions.at(static_cast<std::size_t>(bar.assumption));
        const std::string& name = a.label.in(language).empty() ? a.id : a.label.in(language);
        const double big = std::max(std::abs(planValue(bar.lowInput, a.unit, units)),
                                    std::abs(planValue(bar.highInput, a.unit, units)));
        slide.categories.push_back(
            name + (zh ? "：" : ": ") +
            rangeText(bar.lowInput, bar.highInput, a.unit, language, units, big));
        const double low = planValue(bar.lowOutput, tornado.unit, units);
        const double high = planValue(bar.highOutput, tornado.unit, units);
        slide.series[0].values.push_back(low);
        slide.series[1].values.push_back(high);
        largest = std::max({largest, std::abs(low), std::abs(high)});
    }
    const std::string format = planNumberFormat(tornado.unit, largest, units);
    for (PlanSeries& s : slide.series) s.numberFormat = format;
    slide.crossesAt = planValue(tornado.base, tornado.unit, units);
    slide.primaryAxisTitle = planAxisTitle(tornado.unit, language, units);
    const std::string base = valueText(tornado.base, tornado.unit, language, units, largest);
    slide.note = zh ? "中线：基准值 " + base +
                          "；每根条形将一个假设从P10变动到P90，其余假设保持基准值，按影响幅度排序"
                    : "Centre line: the base case, " + base +
                          ". Each bar swings one assumption from its P10 to its P90 with the "
                          "others at base; widest first";
    if (still > 0)
        slide.note += zh ? "；另有" + std::to_string(still) + "个假设不影响该输出"
                         : "; " + std::to_string(still) +
                               (still == 1 ? " assumption does" : " assumptions do") +
                               " not move it";
    if (slide.categories.empty())
        throw DeckError("tornado of '" + tornado.name + "': no uncertain assumption moves it in " +
                        year);
    scaleAxes(slide);
    return slide;
}

Histogram histogramOf(const Model& model, const MonteCarloResult& result, std::string_view ref,
                      int year, int bins) {
    const std::string what = "histogram of '" + std::string(ref) + "'";
    const OutputRef out = resolveOrThrow(model, ref, what);
    const Grid* grid = result.grid(out);
    if (!grid) throw DeckError(what + ": the simulation did not keep its paths");
    const auto column = static_cast<Eigen::Index>(columnOf(result.years, year, what));
    if (!model.hasValue(out, year))
        throw DeckError(what + ": the series has no value in " + std::to_string(year));
    const Eigen::ArrayXd values = grid->col(column);
    return histogram(
        std::span<const double>(values.data(), static_cast<std::size_t>(values.size())), bins);
}

ChartPlan histogramSlide(const Model& model, const MonteCarloResult& result, std::string_view ref,
                         int year, std::string_view language, const std::string& scenarioLabel,
                         int bins, const DisplayChoice& units) {
    const Histogram h = histogramOf(model, result, ref, year, bins);
    const OutputRef out = *model.resolve(ref);
    const Unit unit = model.unitOf(out);
    const bool zh = language == "zh";
    const std::string label = planSeriesName(model, out, language);
    const std::string suffix = planAxisTitle(unit, language, units);

    ChartPlan slide;
    slide.id = "histogram_" + std::string(ref);
    slide.kind = ChartKind::Histogram;
    slide.title = zh ? std::to_string(year) + "年" + label + "：" + thousands(result.paths) +
                           "条路径的分布" + (suffix.empty() ? "" : "（" + suffix + "）")
                     : label + " in " + std::to_string(year) + ": distribution of " +
                           thousands(result.paths) + " paths" +
                           (suffix.empty() ? "" : " (" + suffix + ")");
    slide.scenarioName = scenarioLabel;
    slide.language = std::string(language);
    slide.sourceLine = modelSource(language);

    // Centres with enough decimals that neighbours differ: one more than the width's magnitude.
    const double shownWidth = isFraction(unit)
                                  ? h.binWidth * 100.0
                                  : std::abs(planValue(h.lower + h.binWidth, unit, units) -
                                             planValue(h.lower, unit, units));
    const int decimals =
        shownWidth > 0 ? std::clamp(1 - static_cast<int>(std::floor(std::log10(shownWidth))), 0, 3)
                       : 1;
    PlanSeries counts{zh ? "路径数" : "Paths", {}, AxisSide::Primary, "#,##0"};
    const double width = h.counts.size() == 1 && h.binWidth == 0 ? 0.0 : h.binWidth;
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        const double centre = h.edge(i) + width / 2;
        slide.categories.push_back(isFraction(unit)
                                       ? fixedNumber(centre * 100.0, decimals) + "%"
                                       : fixedNumber(planValue(centre, unit, units), decimals));
        counts.values.push_back(static_cast<double>(h.counts[i]));
    }
    slide.series.push_back(std::move(counts));
    slide.primaryAxisTitle = zh ? "路径数" : "Paths";
    // The bins holding P10, P50 and P90 are drawn darker.
    for (const double p : {h.stats.p10, h.stats.p50, h.stats.p90}) {
        if (h.counts.empty() || !(h.binWidth > 0)) break;
        const auto bin = static_cast<std::size_t>(std::clamp(
            std::floor((p - h.lower) / h.binWidth), 0.0, static_cast<double>(h.counts.size() - 1)));
        if (std::find(slide.highlighted.begin(), slide.highlighted.end(), bin) ==
            slide.highlighted.end())
            slide.highlighted.push_back(bin);
    }
    const double largest = std::max(std::abs(planValue(h.lower, unit, units)),
                                    std::abs(planValue(h.upper, unit, units)));
    const auto v = [&](double stored) { return valueText(stored, unit, language, units, largest); };
    slide.note = (zh ? "P10 " : "P10 ") + v(h.stats.p10) + " · P50 " + v(h.stats.p50) + " · P90 " +
                 v(h.stats.p90) + (zh ? " · 均值 " : " · mean ") + v(h.stats.mean) +
                 (zh ? "（深色柱含P10、P50、P90）；" : " (darker bins hold P10, P50, P90); ") +
                 pathsAndSeed(result, language) +
                 (zh ? "；P10为第10百分位数" : "; P10 is the 10th percentile");
    scaleAxes(slide);
    return slide;
}

std::vector<ChartPlan> uncertaintySlides(const Evaluator& evaluator,
                                         const std::vector<const ChartDef*>& charts,
                                         const UncertaintySlideOptions& options,
                                         std::string_view scenarioId, std::string_view language,
                                         const std::string& scenarioLabel,
                                         const DisplayChoice& units) {
    const Model& model = evaluator.model();
    const Scenario& sampled = options.distributions ? *options.distributions : model.scenario();
    std::vector<ChartPlan> slides;
    try {
        const SamplingPlan plan = SamplingPlan::make(sampled);
        if (plan.empty()) return slides;
        const Scenario::Focus focus = model.scenario().focus();
        if (focus.ref.empty()) return slides;  // no series: nothing to simulate
        const std::string tornadoOutput =
            options.tornadoOutput.empty() ? focus.ref : options.tornadoOutput;
        const std::string histogramOutput =
            options.histogramOutput.empty() ? focus.ref : options.histogramOutput;
        const int tornadoYear = options.tornadoYear ? options.tornadoYear : focus.chartEnd;
        const int histogramYear = options.histogramYear ? options.histogramYear : focus.cagrEnd;
        const auto histogramRef = resolveOrThrow(model, histogramOutput, "histogram");
        resolveOrThrow(model, tornadoOutput, "tornado");
        MonteCarloOptions mc;
        mc.paths = options.paths;
        mc.seed = options.seed;
        mc.values = evaluator.assumptionValues();
        mc.scenario = std::string(scenarioId);
        mc.keep = {histogramRef};
        // The fans' series (the charts') and the histogram's: nothing else is drawn.
        mc.series = seriesCharted(model);
        mc.series.push_back(histogramRef.series);
        const MonteCarloResult result = runMonteCarlo(model, plan, mc);
        for (const ChartDef* chart : charts) {
            if (chart->type != ChartType::Line) continue;
            for (const std::string& ref : chart->series)
                if (hasBands(model, result, *chart, ref))
                    slides.push_back(
                        fanSlideFor(model, result, *chart, ref, language, scenarioLabel, units));
        }
        const Tornado t = tornado(model, plan, tornadoOutput, tornadoYear, mc.values, scenarioId);
        slides.push_back(tornadoSlide(model, t, language, scenarioLabel, units));
        slides.push_back(histogramSlide(model, result, histogramOutput, histogramYear, language,
                                        scenarioLabel, 24, units));
    } catch (const UncertaintyError& e) {
        throw DeckError(std::string("uncertainty slides: ") + e.what());
    }
    return slides;
}

}  // namespace jevons::core::deck
