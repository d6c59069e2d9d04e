#pragma once
// The chart plan: everything one chart shows, worked out once, in display units, from the
// evaluation and the latest simulation. Every output draws from it and computes nothing of its
// own: the dashboard's chart cards, the presentation slides, the PNG/SVG/PDF pictures and the
// native deck (its chart part, embedded workbook and annotations). So the screen and the slide
// show the same values, the same axis ticks and the same CAGR labels.
#include "core/eval/evaluator.h"
#include "core/plan/axis_scale.h"
#include "core/scenario/scenario.h"
#include "core/units/display_choice.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

struct MonteCarloResult;

/// @brief A chart cannot be planned: an unknown series, years outside the forecast, a CAGR that
/// cannot be taken. The message names the chart: "chart 'capex': unknown series 'x'".
class ChartPlanError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Fan: Monte Carlo bands, a stacked area (the first `bandSeries` series, the first of them
/// without fill) with the remaining series as lines on the same axes. Tornado: horizontal bars
/// (two series, overlapping) growing from the category axis, which crosses the value axis at
/// `crossesAt`. Histogram: columns without gaps, one category per bin. Waterfall: a scenario
/// bridge as stacked columns whose first series has no fill (core/bridge/bridge_plan.h).
enum class ChartKind {
    Line,
    ClusteredColumn,
    StackedColumn,
    StackedArea,
    Combo,
    Fan,
    Tornado,
    Histogram,
    Waterfall
};

enum class AxisSide { Primary, Secondary };

/// How a line series relates to the scenario's actuals (Scenario::actuals).
enum class SeriesRole {
    Plain,     ///< no actuals: drawn as always
    Actual,    ///< a line's history "<name> (actual)": solid with markers, NaN outside the
               ///< actual years; the series after it (if any) is its Forecast, in its colour
    Forecast,  ///< the model from the last actual year on, dashed; its first point is the last
               ///< actual value (the lines join), NaN before
    Total,     ///< compare mode, stacked charts: another scenario's stack total, as a line
};

/// Plans compare equal when they draw the same: a NaN (a gap, "none") equals a NaN.
[[nodiscard]] inline bool sameNumber(double a, double b) { return a == b || (a != a && b != b); }
[[nodiscard]] inline bool sameNumbers(const std::vector<double>& a, const std::vector<double>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), sameNumber);
}

/// @brief One plotted series, in display units (shares as fractions under a "0.0%" format).
struct PlanSeries {
    std::string name;            ///< legend entry, in the plan's language
    std::vector<double> values;  ///< one per category; NaN = missing (left out, drawn as a gap)
    AxisSide axis = AxisSide::Primary;  ///< Secondary: the line of a combo (right-hand axis)
    std::string numberFormat = "0.0";   ///< Excel format code: "0.0", "#,##0", "0.0%", ...
    SeriesRole role = SeriesRole::Plain;
    /// Columns with actuals: the index of the first category after the last actual year; it
    /// and later columns are forecast, drawn in a lighter tint. kNoForecastTint = none (no
    /// actuals, or they reach the chart's end).
    std::size_t forecastFrom = kNoForecastTint;
    static constexpr std::size_t kNoForecastTint = static_cast<std::size_t>(-1);
    /// Compare mode: which scenario the series belongs to (0 = the first, the one annotated).
    int run = 0;
    /// The output it shows ("asic_market", "glasses.cumulative"); empty for series made for the
    /// picture (a fan's band increments, a tornado's ends, a histogram's counts).
    std::string ref{};
    bool operator==(const PlanSeries& o) const {
        return name == o.name && sameNumbers(values, o.values) && axis == o.axis &&
               numberFormat == o.numberFormat && role == o.role && forecastFrom == o.forecastFrom &&
               run == o.run && ref == o.ref;
    }
};

/// @brief A CAGR arrow from one category to another, labelled e.g. "+45.4% CAGR", or with a
/// simulation "+45.4% CAGR (P10–P90 39–53%)".
struct CagrMark {
    std::string fromCategory;
    std::string toCategory;
    double rate = 0.0;  ///< fraction per year (0.454 = 45.4%)
    std::string text;
    std::string series{};  ///< the output it measures, as the chart names it
    AxisSide axis = AxisSide::Primary;
    /// With a simulation: the P10 and P90 of the per-path CAGRs (fractions); NaN without one
    /// or when the simulation could not take them.
    double p10 = std::numeric_limits<double>::quiet_NaN();
    double p90 = std::numeric_limits<double>::quiet_NaN();
    bool operator==(const CagrMark& o) const {
        return fromCategory == o.fromCategory && toCategory == o.toCategory &&
               sameNumber(rate, o.rate) && text == o.text && series == o.series && axis == o.axis &&
               sameNumber(p10, o.p10) && sameNumber(p90, o.p90);
    }
};

/// @brief A published figure shown against the model, e.g. 42.9 in "2028" from Marvell.
struct AnchorMark {
    std::string category;
    double value = 0.0;      ///< display units, like the series; a range's low end
    std::string label;       ///< as listed on the slide: "2028: 42.9 (Marvell)", "2027: 60–90"
    int anchor = -1;         ///< its index in Scenario::anchors
    std::size_t series = 0;  ///< the plan series it is drawn against
    /// Stacked charts: the stack below the anchored series in the anchor's year (the marker
    /// sits at base + value); 0 otherwise.
    double base = 0.0;
    /// A published range's high end (display units); NaN for a point. A range is drawn as a
    /// vertical bar with caps from base + value to base + high.
    double high = std::numeric_limits<double>::quiet_NaN();
    bool operator==(const AnchorMark& o) const {
        return category == o.category && sameNumber(value, o.value) && label == o.label &&
               anchor == o.anchor && series == o.series && sameNumber(base, o.base) &&
               sameNumber(high, o.high);
    }
};

/// @brief Monte Carlo bands around a plotted series (line charts with a simulation): per
/// category, in display units like the series; NaN where the output has no value.
struct PlanBand {
    std::size_t series = 0;  ///< index into ChartPlan::series
    std::vector<double> p10, p25, p50, p75, p90;
    bool operator==(const PlanBand& o) const {
        return series == o.series && sameNumbers(p10, o.p10) && sameNumbers(p25, o.p25) &&
               sameNumbers(p50, o.p50) && sameNumbers(p75, o.p75) && sameNumbers(p90, o.p90);
    }
};

struct ChartPlan {
    std::string id;  ///< the chart's id in the forecast, named in error messages
    std::string title;
    ChartKind kind = ChartKind::ClusteredColumn;
    std::vector<std::string> categories;  ///< years as text: "2023", "2024", ...
    std::vector<PlanSeries> series;
    std::string primaryAxisTitle;    ///< unit of the left axis: "US$B", "%", "M units"
    std::string secondaryAxisTitle;  ///< combo: unit of the right axis
    /// The units each axis' values are in: the reader's choice, with 亿美元/亿元/万台 stepped up
    /// to 万亿美元/万亿元/亿台 on an axis that reaches 10,000 (DisplayChoice::groupedFor).
    DisplayChoice primaryUnits{};
    DisplayChoice secondaryUnits{};
    /// The value axes' ranges and ticks, by the one axis rule (axis_scale.h): the data, stacks,
    /// bands and anchors on that side, with room above for labels (and CAGR arrows).
    AxisScale primaryScale;
    AxisScale secondaryScale;  ///< combo only
    std::vector<PlanBand> bands;
    std::vector<CagrMark> cagr;
    std::vector<AnchorMark> anchors;
    std::string sourceLine;       ///< "Source: Marvell; Tianfeng Securities; Jevons model"
    std::string scenarioName;     ///< "Bull"
    std::string language = "en";  ///< "en" or "zh"
    /// Fan only: the first bandSeries series are stacked areas (the first unfilled), the rest
    /// lines.
    std::size_t bandSeries = 0;
    /// Tornado only: the value (display units) where the bars start, i.e. the base case.
    double crossesAt = 0.0;
    std::string note;  ///< a line under the chart (e.g. "P10 = 10th percentile; 10,000 paths")
    /// Histogram only: categories (bins) drawn darker, e.g. those holding P10, P50 and P90.
    std::vector<std::size_t> highlighted;
    /// Decks only: the chart frame's shape name tying it to the forecast
    /// (core/deck/chart_link.h); empty = "Chart" (a deck made without a forecast).
    std::string link{};
    /// Decks only: the colours ("RRGGBB") of the series on the primary axis in rank order, a
    /// deck template's theme accents; empty = Jevons' own palette.
    std::vector<std::string> palette{};
    /// Equal when both draw the same picture (NaN equals NaN in every number).
    bool operator==(const ChartPlan&) const = default;
};

/// @brief The label of a CAGR mark: "+45.4% CAGR", with a simulation's P10 and P90 (fractions,
/// NaN = none) "+45.4% CAGR (P10–P90 39–53%)"; whole percentages unless the ends would read
/// alike ("45.1–45.4%"); a range from below zero with signs ("-5% to +10%"); Chinese puts CAGR
/// first ("CAGR +45.4%（P10–P90 39–53%）"). A rate that is NaN (a series through zero) reads
/// "n/a CAGR".
[[nodiscard]] std::string cagrLabel(double rate, double p10, double p90, std::string_view language);

/// @brief Whether any series of `plan` is on `side`.
[[nodiscard]] bool hasAxis(const ChartPlan& plan, AxisSide side);

/// @brief Why `chart` cannot be drawn ("no series", "no categories", "series 'x' has 7 values
/// for 8 categories", ...); empty when it can.
[[nodiscard]] std::string chartProblem(const ChartPlan& chart);

/// @brief `title` with the unit it ends with in parentheses, "Datacenter ASIC market (US$B)" or
/// "数据中心ASIC市场规模（十亿美元）", renamed to the unit values of `unit` are shown in with
/// `shown` ("（亿美元）", without an RMB rate: the axis states it); any other title as it is.
[[nodiscard]] std::string planTitle(const std::string& title, Unit unit, std::string_view language,
                                    const DisplayChoice& shown);

/// @brief Build the slide of `chart` from an evaluated forecast: categories from the chart's
/// years (0 = the scenario's range), values in display units (money in US$B with "0.0", or
/// "#,##0" from 1,000 up, shares as fractions with "0.0%"), CAGR labels from cagrOver, the anchors
/// of the chart's series, the source line in `language`. Money and volumes are shown in
/// `units`' choice (亿美元, 万台, ...; axis titles say so) and percentages with its decimals.
/// A plotted series id with actuals (Scenario::findActuals) in the chart's years is shown like
/// the dashboard does: on a line, an Actual series followed by its Forecast (SeriesRole); as
/// columns, the actual values in actual years and `forecastFrom` set; the source line then
/// starts with the actuals' sources ("Actuals: IDC; Source: ...", "实际值：IDC；资料来源：...").
/// With `simulation` (run on the evaluator's values), a line chart's series get P10/P25/P50/
/// P75/P90 bands and every CAGR mark its P10–P90 range. Throws ChartPlanError naming the chart
/// when a year, CAGR or series reference cannot be used.
[[nodiscard]] ChartPlan buildChartPlan(const Evaluator& evaluator, const ChartDef& chart,
                                       std::string_view language, const std::string& scenarioLabel,
                                       const DisplayChoice& units = {},
                                       const MonteCarloResult* simulation = nullptr);

/// @brief Compare mode: add the chart's series as scenario `run` (1, 2, ...) named `runName`
/// computes them (`evaluator`, built like the plan's own), and re-scale the axes to cover them.
/// Line, column and combo charts get each series again (named "Bull · label" when the chart has
/// several, else "Bull"); stacked charts get one Total line per scenario instead. Bands are
/// dropped: in compare mode the lines are scenarios, not a fan. The values are in the plan's axis
/// units (primaryUnits, secondaryUnits). Contract: `plan` was built by buildChartPlan for `chart`.
void addCompareRun(ChartPlan& plan, const Evaluator& evaluator, const ChartDef& chart, int run,
                   const std::string& runName);

/// @brief The axis scales of `plan` from its series, bands, anchors and CAGR marks (the rule
/// buildChartPlan uses; builders of other charts call it after filling the series).
void scaleAxes(ChartPlan& plan);

// Shared by the chart builders (chart_plan.cpp, deck/uncertainty_slides.cpp).

/// @brief A stored value as a slide shows it: shares and rates stay fractions (the "0.0%"
/// format adds the %), money and volumes in `units`' choice (US$B, 亿美元, M units, ...).
[[nodiscard]] double planValue(double stored, Unit unit, const DisplayChoice& units = {});
/// @brief The series' label in `language`, "label — output" for a secondary output.
[[nodiscard]] std::string planSeriesName(const Model& model, OutputRef ref,
                                         std::string_view language);
/// @brief The legend entry of output `ref` on a chart plotting `plotted`: planSeriesName, or the
/// output alone ("Spend", "Unit cost (index)", "支出") when all of `plotted` are outputs of one
/// series, whose name the chart's title gives ("AI compute bought, at 2023 prices (Jevons view)
/// — spend" would not fit a legend).
[[nodiscard]] std::string planLegendName(const Model& model, OutputRef ref,
                                         const std::vector<OutputRef>& plotted,
                                         std::string_view language);
/// @brief The value-axis title of `unit`: "US$B", "%", "万台", "" for a plain number.
[[nodiscard]] std::string planAxisTitle(Unit unit, std::string_view language,
                                        const DisplayChoice& units = {});
/// @brief The number format of values of `unit` up to `largest` (display units): "0.0%" (with
/// `units`' percent decimals), "0.0", "#,##0", "0.00", "0.0\"x\"".
[[nodiscard]] std::string planNumberFormat(Unit unit, double largest,
                                           const DisplayChoice& units = {});

/// @brief The short name of a publisher for a slide: "Tianfeng Securities (天风证券), ..." ->
/// "Tianfeng Securities".
[[nodiscard]] std::string shortPublisher(const std::string& publisher);

}  // namespace jevons::core
