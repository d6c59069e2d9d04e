#include "core/deck/chart_xml.h"

#include "core/bridge/bridge_plan.h"

#include "core/deck/plot_layout.h"
#include "core/deck/text_style.h"
#include "core/deck/workbook.h"
#include "core/deck/xml_writer.h"
#include "core/plan/axis_scale.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace jevons::core::deck {
namespace {

constexpr int kCatPrimary = 1001;
constexpr int kValPrimary = 1002;
constexpr int kCatSecondary = 2001;
constexpr int kValSecondary = 2002;

constexpr std::array<std::string_view, 6> kPrimaryColours = {"1F4E79", "5B9BD5", "A5A5A5",
                                                             "2E75B6", "BDD7EE", "7F7F7F"};
constexpr std::array<std::string_view, 3> kSecondaryColours = {"C55A11", "FFC000", "70AD47"};
constexpr std::string_view kOuterBandColour = "C9DDF0";    // fan: P10–P25 and P75–P90
constexpr std::string_view kInnerBandColour = "8FB8E0";    // fan: P25–P75
constexpr std::string_view kMedianColour = "1F4E79";       // fan: the median line
constexpr std::string_view kTornadoLowColour = "9DC3E6";   // output at the low input
constexpr std::string_view kTornadoHighColour = "1F4E79";  // output at the high input
// Waterfall steps: up green and down red in English; 红涨绿跌 in Chinese, as Chinese markets
// colour a rise red. Light tints, so that a dark label reads inside and beside a short bar.
constexpr std::string_view kGreenStep = "A9D18E";
constexpr std::string_view kRedStep = "F4A6A6";

const RunStyle kAxisText{1100, false, "404040"};
const RunStyle kAxisTitleText{1100, false, "595959"};
const RunStyle kLabelText{1000, false, "262626"};
const RunStyle kLabelOnDarkText{1000, false, "FFFFFF"};

std::vector<std::size_t> seriesOn(const ChartPlan& chart, AxisSide side) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < chart.series.size(); ++i)
        if (chart.series[i].axis == side) out.push_back(i);
    return out;
}

// Plotted series on `side`: an Actual series and its Forecast count once.
std::size_t plottedCount(const ChartPlan& chart, AxisSide side) {
    return static_cast<std::size_t>(std::count_if(
        chart.series.begin(), chart.series.end(),
        [side](const PlanSeries& s) { return s.axis == side && s.role != SeriesRole::Forecast; }));
}

void solidFill(XmlWriter& w, std::string_view colour) {
    w.start("a:solidFill").val("a:srgbClr", colour).end();
}

void noFillShape(XmlWriter& w) {
    w.start("c:spPr").empty("a:noFill").start("a:ln").empty("a:noFill").end().end();
}

// Whether white reads better than dark text on `colour` ("RRGGBB"): its perceived brightness
// (ITU-R BT.601 weights) under 45%. Of Jevons' palette, 1F4E79 and 2E75B6 are dark.
bool isDark(std::string_view colour) {
    if (colour.size() < 6) return false;
    const auto channel = [&](std::size_t k) {
        return std::stoi(std::string(colour.substr(k, 2)), nullptr, 16) / 255.0;
    };
    return 0.299 * channel(0) + 0.587 * channel(2) + 0.114 * channel(4) < 0.45;
}

// `colour` ("RRGGBB") mixed with 55% white, as the dashboard tints forecast columns.
std::string lighter(std::string_view colour) {
    constexpr double kWhite = 0.55;
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t k = 0; k + 1 < colour.size() && k < 6; k += 2) {
        const int c = std::stoi(std::string(colour.substr(k, 2)), nullptr, 16);
        const int mixed = static_cast<int>(std::lround(c + (255 - c) * kWhite));
        out += kHex[mixed / 16];
        out += kHex[mixed % 16];
    }
    return out;
}

// A line's outline: solid, or dashed for a forecast continuing actuals.
void lineShape(XmlWriter& w, std::string_view colour, int widthEmu, bool dashed) {
    w.start("c:spPr").start("a:ln").attr("w", widthEmu).attr("cap", "rnd");
    solidFill(w, colour);
    if (dashed) w.val("a:prstDash", "dash");
    w.empty("a:round").end().end();
}

void fillShape(XmlWriter& w, std::string_view colour) {
    w.start("c:spPr");
    solidFill(w, colour);
    w.start("a:ln").empty("a:noFill").end();
    w.end();
}

void seriesHeader(XmlWriter& w, const ChartPlan& chart, std::size_t i) {
    w.val("c:idx", i).val("c:order", i);
    w.start("c:tx").start("c:strRef").element("c:f", seriesNameFormula(i));
    w.start("c:strCache").val("c:ptCount", 1);
    w.start("c:pt").attr("idx", 0).element("c:v", chart.series[i].name).end();
    w.end().end().end();
}

void categoryData(XmlWriter& w, const ChartPlan& chart) {
    w.start("c:cat").start("c:strRef").element("c:f", categoriesFormula(chart));
    w.start("c:strCache").val("c:ptCount", chart.categories.size());
    for (std::size_t k = 0; k < chart.categories.size(); ++k)
        w.start("c:pt").attr("idx", k).element("c:v", chart.categories[k]).end();
    w.end().end().end();
}

void valueData(XmlWriter& w, const ChartPlan& chart, std::size_t i) {
    const PlanSeries& s = chart.series[i];
    w.start("c:val").start("c:numRef").element("c:f", seriesValuesFormula(chart, i));
    w.start("c:numCache").element("c:formatCode", s.numberFormat);
    w.val("c:ptCount", s.values.size());
    for (std::size_t k = 0; k < s.values.size(); ++k) {
        if (!std::isfinite(s.values[k])) continue;  // missing: no point, drawn as a gap
        w.start("c:pt").attr("idx", k).start("c:v").number(s.values[k]).end().end();
    }
    w.end().end().end();
}

// The group of a c:dLbls (after any c:dLbl): value labels at `position`.
void dataLabelsBody(XmlWriter& w, const ChartPlan& chart, const PlanSeries& s,
                    std::string_view position, const RunStyle& style) {
    w.start("c:numFmt").attr("formatCode", s.numberFormat).attr("sourceLinked", 0).end();
    noFillShape(w);
    writeTextProperties(w, "c:txPr", style, chart.language);
    w.val("c:dLblPos", position);
    w.val("c:showLegendKey", 0).val("c:showVal", 1).val("c:showCatName", 0);
    w.val("c:showSerName", 0).val("c:showPercent", 0).val("c:showBubbleSize", 0);
}

void dataLabels(XmlWriter& w, const ChartPlan& chart, const PlanSeries& s,
                std::string_view position, const RunStyle& style) {
    w.start("c:dLbls");
    dataLabelsBody(w, chart, s, position, style);
    w.end();
}

void noDataLabels(XmlWriter& w) {
    w.start("c:dLbls").val("c:showLegendKey", 0).val("c:showVal", 0).val("c:showCatName", 0);
    w.val("c:showSerName", 0).val("c:showPercent", 0).val("c:showBubbleSize", 0).end();
}

void axisIds(XmlWriter& w, int cat, int val) { w.val("c:axId", cat).val("c:axId", val); }

void barGroup(XmlWriter& w, const ChartPlan& chart, const std::vector<std::size_t>& series,
              bool stacked) {
    w.start("c:barChart").val("c:barDir", "col");
    w.val("c:grouping", stacked ? "stacked" : "clustered").val("c:varyColors", 0);
    for (std::size_t i : series) {
        const std::string colour = seriesColour(chart, i);
        w.start("c:ser");
        seriesHeader(w, chart, i);
        fillShape(w, colour);
        w.val("c:invertIfNegative", 0);
        const PlanSeries& s = chart.series[i];
        if (s.forecastFrom != PlanSeries::kNoForecastTint) {  // forecast years after actuals
            const std::string tint = lighter(colour);
            for (std::size_t k = s.forecastFrom; k < s.values.size(); ++k) {
                w.start("c:dPt").val("c:idx", k).val("c:invertIfNegative", 0);
                w.val("c:bubble3D", 0);
                fillShape(w, tint);
                w.end();
            }
        }
        const bool dark = isDark(colour);
        const std::string_view position = stacked ? "ctr" : "outEnd";
        if (stacked && dark && s.forecastFrom != PlanSeries::kNoForecastTint) {
            // White labels inside the dark actual columns, dark ones on the light forecast.
            w.start("c:dLbls");
            for (std::size_t k = s.forecastFrom; k < s.values.size(); ++k) {
                w.start("c:dLbl").val("c:idx", k);
                dataLabelsBody(w, chart, s, position, kLabelText);
                w.end();
            }
            dataLabelsBody(w, chart, s, position, kLabelOnDarkText);
            w.end();
        } else {
            dataLabels(w, chart, s, position, stacked && dark ? kLabelOnDarkText : kLabelText);
        }
        categoryData(w, chart);
        valueData(w, chart, i);
        w.end();
    }
    w.val("c:gapWidth", stacked ? 55 : 70).val("c:overlap", stacked ? 100 : 0);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
}

// Lines. An Actual series is solid with markers; a Forecast dashed without markers, its first
// point (the last actual, drawn by the Actual series) unlabelled.
void lineGroup(XmlWriter& w, const ChartPlan& chart, const std::vector<std::size_t>& series,
               bool labels, int cat, int val) {
    w.start("c:lineChart").val("c:grouping", "standard").val("c:varyColors", 0);
    for (std::size_t i : series) {
        const PlanSeries& s = chart.series[i];
        const bool forecast = s.role == SeriesRole::Forecast;
        const std::string colour = seriesColour(chart, i);
        w.start("c:ser");
        seriesHeader(w, chart, i);
        lineShape(w, colour, 28575, forecast);
        if (forecast) {
            w.start("c:marker").val("c:symbol", "none").end();
        } else {
            w.start("c:marker").val("c:symbol", "circle").val("c:size", 6);
            w.start("c:spPr");
            solidFill(w, colour);
            w.start("a:ln").attr("w", 9525);
            solidFill(w, colour);
            w.end().end().end();
        }
        if (labels) {
            const auto join = std::find_if(s.values.begin(), s.values.end(),
                                           [](double v) { return std::isfinite(v); });
            if (forecast && join != s.values.end()) {
                const auto k = static_cast<std::size_t>(join - s.values.begin());
                w.start("c:dLbls").start("c:dLbl").val("c:idx", k).val("c:delete", 1).end();
                dataLabelsBody(w, chart, s, "t", kLabelText);
                w.end();
            } else {
                dataLabels(w, chart, s, "t", kLabelText);
            }
        }
        categoryData(w, chart);
        valueData(w, chart, i);
        w.val("c:smooth", 0);
        w.end();
    }
    w.val("c:marker", 1);
    axisIds(w, cat, val);
    w.end();
}

void areaGroup(XmlWriter& w, const ChartPlan& chart, const std::vector<std::size_t>& series) {
    w.start("c:areaChart").val("c:grouping", "stacked").val("c:varyColors", 0);
    for (std::size_t i : series) {
        w.start("c:ser");
        seriesHeader(w, chart, i);
        fillShape(w, seriesColour(chart, i));
        categoryData(w, chart);
        valueData(w, chart, i);
        w.end();
    }
    noDataLabels(w);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
}

// Fan: the bands as a stacked area whose first series (P10) has no fill, so the visible areas
// are P10–P25, P25–P75 and P75–P90; then the median (and any other line) on the same axes.
void fanGroups(XmlWriter& w, const ChartPlan& chart) {
    w.start("c:areaChart").val("c:grouping", "stacked").val("c:varyColors", 0);
    for (std::size_t i = 0; i < chart.bandSeries; ++i) {
        w.start("c:ser");
        seriesHeader(w, chart, i);
        if (i == 0)
            noFillShape(w);
        else
            fillShape(w, seriesColour(chart, i));
        categoryData(w, chart);
        valueData(w, chart, i);
        w.end();
    }
    noDataLabels(w);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
    w.start("c:lineChart").val("c:grouping", "standard").val("c:varyColors", 0);
    for (std::size_t i = chart.bandSeries; i < chart.series.size(); ++i) {
        w.start("c:ser");
        seriesHeader(w, chart, i);
        lineShape(w, seriesColour(chart, i), 31750, false);
        w.start("c:marker").val("c:symbol", "none").end();
        categoryData(w, chart);
        valueData(w, chart, i);
        w.val("c:smooth", 0);
        w.end();
    }
    w.val("c:marker", 1);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
}

// Tornado: horizontal bars, the output at the low and at the high input overlapping in one
// slot, each growing from the base value (where the category axis crosses), labelled at its end.
void tornadoGroup(XmlWriter& w, const ChartPlan& chart) {
    w.start("c:barChart").val("c:barDir", "bar");
    w.val("c:grouping", "clustered").val("c:varyColors", 0);
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        w.start("c:ser");
        seriesHeader(w, chart, i);
        fillShape(w, seriesColour(chart, i));
        w.val("c:invertIfNegative", 0);
        dataLabels(w, chart, chart.series[i], "outEnd", kLabelText);
        categoryData(w, chart);
        valueData(w, chart, i);
        w.end();
    }
    w.val("c:gapWidth", 45).val("c:overlap", 100);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
}

// Waterfall: stacked columns; the offset has no fill, no label and no legend entry (there is no
// legend), so each step floats where the running total was; totals stand on the axis.
void waterfallGroup(XmlWriter& w, const ChartPlan& chart) {
    w.start("c:barChart").val("c:barDir", "col");
    w.val("c:grouping", "stacked").val("c:varyColors", 0);
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        w.start("c:ser");
        seriesHeader(w, chart, i);
        if (i == kWaterfallOffset) {
            noFillShape(w);
            w.val("c:invertIfNegative", 0);
            noDataLabels(w);
        } else {
            fillShape(w, seriesColour(chart, i));
            w.val("c:invertIfNegative", 0);
            dataLabels(w, chart, chart.series[i], "ctr",
                       i == kWaterfallTotal ? kLabelOnDarkText : kLabelText);
        }
        categoryData(w, chart);
        valueData(w, chart, i);
        w.end();
    }
    w.val("c:gapWidth", 50).val("c:overlap", 100);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
}

// Histogram: one column per bin, nearly touching, no labels (there are many bins).
void histogramGroup(XmlWriter& w, const ChartPlan& chart) {
    w.start("c:barChart").val("c:barDir", "col");
    w.val("c:grouping", "clustered").val("c:varyColors", 0);
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        w.start("c:ser");
        seriesHeader(w, chart, i);
        fillShape(w, seriesColour(chart, i));
        w.val("c:invertIfNegative", 0);
        for (std::size_t bin : chart.highlighted) {
            w.start("c:dPt").val("c:idx", bin).val("c:invertIfNegative", 0).val("c:bubble3D", 0);
            fillShape(w, kPrimaryColours[0]);
            w.end();
        }
        categoryData(w, chart);
        valueData(w, chart, i);
        w.end();
    }
    noDataLabels(w);
    w.val("c:gapWidth", 4).val("c:overlap", 0);
    axisIds(w, kCatPrimary, kValPrimary);
    w.end();
}

void axisLine(XmlWriter& w, bool visible) {
    w.start("c:spPr").empty("a:noFill").start("a:ln").attr("w", 9525);
    if (visible)
        solidFill(w, "A6A6A6");
    else
        w.empty("a:noFill");
    w.end().end();
}

void categoryAxis(XmlWriter& w, const ChartPlan& chart, int id, int cross, bool deleted) {
    const bool tornado = chart.kind == ChartKind::Tornado;
    w.start("c:catAx").val("c:axId", id);
    // A tornado lists its widest bar first, at the top.
    w.start("c:scaling").val("c:orientation", tornado ? "maxMin" : "minMax").end();
    w.val("c:delete", deleted ? 1 : 0).val("c:axPos", tornado ? "l" : "b");
    w.val("c:majorTickMark", "none").val("c:minorTickMark", "none");
    w.val("c:tickLblPos", deleted ? "nextTo" : "low");
    if (tornado) {  // the axis line is the tornado's centre line: darker
        w.start("c:spPr").empty("a:noFill").start("a:ln").attr("w", 15875);
        solidFill(w, "404040");
        w.end().end();
    } else {
        axisLine(w, !deleted);
    }
    // A waterfall's categories are assumption names: level, wrapped, never turned and cut.
    writeTextProperties(w, "c:txPr", kAxisText, chart.language,
                        chart.kind == ChartKind::Waterfall ? std::optional<int>(0) : std::nullopt);
    w.val("c:crossAx", cross);
    if (tornado) {
        w.start("c:crossesAt").attr("val", chart.crossesAt).end();
    } else {
        w.val("c:crosses", "autoZero");
    }
    w.val("c:auto", 1).val("c:lblAlgn", "ctr").val("c:lblOffset", 100).val("c:noMultiLvlLbl", 0);
    w.end();
}

struct ValueAxisSpec {
    int id;
    int cross;
    AxisSide side;
    std::string_view title;
};

void valueAxis(XmlWriter& w, const ChartPlan& chart, const ValueAxisSpec& spec) {
    const auto series = seriesOn(chart, spec.side);
    const std::string& format = chart.series[series.front()].numberFormat;
    const bool primary = spec.side == AxisSide::Primary;
    const bool tornado = chart.kind == ChartKind::Tornado;
    w.start("c:valAx").val("c:axId", spec.id);
    // The plan's scale, so that the slide shows the ticks the dashboard shows.
    const AxisScale& scale = primary ? chart.primaryScale : chart.secondaryScale;
    w.start("c:scaling").val("c:orientation", "minMax");
    w.val("c:max", scale.max).val("c:min", scale.min);
    w.end();
    w.val("c:delete", 0).val("c:axPos", tornado ? "b" : (primary ? "l" : "r"));
    if (primary) {
        w.start("c:majorGridlines").start("c:spPr").start("a:ln").attr("w", 6350);
        solidFill(w, "E7E6E6");
        w.end().end().end();
    }
    if (!spec.title.empty()) {
        w.start("c:title").start("c:tx").start("c:rich");
        w.start("a:bodyPr").attr("rot", tornado ? 0 : -5400000).attr("vert", "horz").end();
        w.empty("a:lstStyle");
        w.start("a:p").start("a:pPr");
        writeRunProperties(w, "a:defRPr", kAxisTitleText, languageTag(spec.title, chart.language));
        w.end();
        writeRun(w, spec.title, kAxisTitleText, chart.language);
        w.end();
        w.end().end();
        w.val("c:overlay", 0);
        w.end();
    }
    w.start("c:numFmt").attr("formatCode", axisFormat(format)).attr("sourceLinked", 0).end();
    w.val("c:majorTickMark", "none").val("c:minorTickMark", "none").val("c:tickLblPos", "nextTo");
    axisLine(w, false);
    writeTextProperties(w, "c:txPr", kAxisText, chart.language);
    // A tornado's categories run top down (maxMin): its value axis sits at their far end.
    w.val("c:crossAx", spec.cross).val("c:crosses", primary && !tornado ? "autoZero" : "max");
    const bool area = chart.kind == ChartKind::StackedArea || chart.kind == ChartKind::Fan;
    w.val("c:crossBetween", area ? "midCat" : "between");
    w.val("c:majorUnit", scale.step);
    w.end();
}

void plotAreaLayout(XmlWriter& w, const ChartPlan& chart) {
    const PlotRect r = plotRect(chart);
    w.start("c:layout").start("c:manualLayout");
    w.val("c:layoutTarget", "inner").val("c:xMode", "edge").val("c:yMode", "edge");
    w.val("c:x", r.x).val("c:y", r.y).val("c:w", r.w).val("c:h", r.h);
    w.end().end();
}

void plotArea(XmlWriter& w, const ChartPlan& chart) {
    const auto primary = seriesOn(chart, AxisSide::Primary);
    w.start("c:plotArea");
    plotAreaLayout(w, chart);
    switch (chart.kind) {
        case ChartKind::Line:
            lineGroup(w, chart, primary, plottedCount(chart, AxisSide::Primary) == 1, kCatPrimary,
                      kValPrimary);
            break;
        case ChartKind::ClusteredColumn:
            barGroup(w, chart, primary, false);
            break;
        case ChartKind::StackedColumn:
            barGroup(w, chart, primary, true);
            break;
        case ChartKind::StackedArea:
            areaGroup(w, chart, primary);
            break;
        case ChartKind::Fan:
            fanGroups(w, chart);
            break;
        case ChartKind::Tornado:
            tornadoGroup(w, chart);
            break;
        case ChartKind::Histogram:
            histogramGroup(w, chart);
            break;
        case ChartKind::Waterfall:
            waterfallGroup(w, chart);
            break;
        case ChartKind::Combo:
            barGroup(w, chart, primary, false);
            lineGroup(w, chart, seriesOn(chart, AxisSide::Secondary), false, kCatSecondary,
                      kValSecondary);
            break;
    }
    categoryAxis(w, chart, kCatPrimary, kValPrimary, false);
    valueAxis(w, chart, {kValPrimary, kCatPrimary, AxisSide::Primary, chart.primaryAxisTitle});
    if (chart.kind == ChartKind::Combo) {
        valueAxis(w, chart,
                  {kValSecondary, kCatSecondary, AxisSide::Secondary, chart.secondaryAxisTitle});
        categoryAxis(w, chart, kCatSecondary, kValSecondary, true);
    }
    noFillShape(w);
    w.end();
}

}  // namespace

std::string seriesColour(const ChartPlan& chart, std::size_t series) {
    if (chart.kind == ChartKind::Fan) {
        if (series >= chart.bandSeries) return std::string(kMedianColour);
        // P10 (unfilled), then the outer, inner and outer bands again: darker in the middle.
        const std::size_t middle = chart.bandSeries / 2;
        return std::string(series == middle ? kInnerBandColour : kOuterBandColour);
    }
    if (chart.kind == ChartKind::Tornado)
        return std::string(series == 0 ? kTornadoLowColour : kTornadoHighColour);
    if (chart.kind == ChartKind::Histogram) return std::string(kTornadoLowColour);  // light bins
    if (chart.kind == ChartKind::Waterfall) {
        const bool zh = chart.language == "zh";
        if (series == kWaterfallRise) return std::string(zh ? kRedStep : kGreenStep);
        if (series == kWaterfallFall) return std::string(zh ? kGreenStep : kRedStep);
        // the totals (the offset is not filled)
        return chart.palette.empty() ? std::string(kPrimaryColours[0]) : chart.palette.front();
    }
    // The rank among the series on its side; a Forecast takes the colour (rank) of the Actual
    // series just before it.
    std::size_t slots = 0;
    const AxisSide side = chart.series[series].axis;
    for (std::size_t i = 0; i <= series; ++i)
        if (chart.series[i].axis == side && chart.series[i].role != SeriesRole::Forecast) ++slots;
    const std::size_t rank = slots > 0 ? slots - 1 : 0;
    if (!chart.palette.empty()) {  // a template's accents: the secondary side after the primary
        std::size_t primaries = 0;
        for (const PlanSeries& s : chart.series)
            primaries += s.axis == AxisSide::Primary && s.role != SeriesRole::Forecast;
        const std::size_t slot = side == AxisSide::Secondary ? primaries + rank : rank;
        return chart.palette[slot % chart.palette.size()];
    }
    if (side == AxisSide::Secondary)
        return std::string(kSecondaryColours[rank % kSecondaryColours.size()]);
    return std::string(kPrimaryColours[rank % kPrimaryColours.size()]);
}

std::string axisFormat(std::string_view seriesFormat) {
    if (seriesFormat == "0.0%") return "0%";
    if (seriesFormat == "0.0") return "General";
    return std::string(seriesFormat);
}

std::string chartXml(const ChartPlan& chart, std::string_view workbookRelId) {
    XmlWriter w;
    w.declaration();
    w.start("c:chartSpace");
    w.attr("xmlns:c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
    w.attr("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
    w.attr("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    w.val("c:date1904", 0).val("c:lang", chart.language == "zh" ? "zh-CN" : "en-US");
    w.val("c:roundedCorners", 0);
    w.start("c:chart").val("c:autoTitleDeleted", 1);
    plotArea(w, chart);
    if (hasLegend(chart)) {
        w.start("c:legend").val("c:legendPos", "b");
        if (chart.kind == ChartKind::Fan)  // the unfilled P10 base is no band: not in the legend
            w.start("c:legendEntry").val("c:idx", 0).val("c:delete", 1).end();
        w.val("c:overlay", 0);
        writeTextProperties(w, "c:txPr", kAxisText, chart.language);
        w.end();
    }
    w.val("c:plotVisOnly", 1).val("c:dispBlanksAs", "gap");
    w.end();
    noFillShape(w);
    writeTextProperties(w, "c:txPr", RunStyle{1200, false, "262626"}, chart.language);
    w.start("c:externalData").attr("r:id", workbookRelId).val("c:autoUpdate", 0).end();
    w.end();
    return w.finish();
}

}  // namespace jevons::core::deck
