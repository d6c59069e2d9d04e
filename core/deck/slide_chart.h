#pragma once
// One chart slide as plain data, independent of how it was built: what the chart part, the
// embedded workbook and the slide's annotations are written from.
#include "core/eval/evaluator.h"
#include "core/scenario/scenario.h"
#include "core/units/display_choice.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::deck {

/// Fan: Monte Carlo bands, a stacked area (the first `bandSeries` series, the first of them
/// without fill) with the remaining series as lines on the same axes. Tornado: horizontal bars
/// (two series, overlapping) growing from the category axis, which crosses the value axis at
/// `crossesAt`. Histogram: columns without gaps, one category per bin.
enum class ChartKind {
    Line,
    ClusteredColumn,
    StackedColumn,
    StackedArea,
    Combo,
    Fan,
    Tornado,
    Histogram
};

enum class AxisSide { Primary, Secondary };

/// How a line series relates to the scenario's actuals (Scenario::actuals).
enum class SeriesRole {
    Plain,     ///< no actuals: drawn as always
    Actual,    ///< a line's history "<name> (actual)": solid with markers, NaN outside the
               ///< actual years; the series after it (if any) is its Forecast, in its colour
    Forecast,  ///< the model from the last actual year on, dashed; its first point is the last
               ///< actual value (the lines join), NaN before
};

/// @brief One plotted series, in display units (shares as fractions under a "0.0%" format).
struct SlideSeries {
    std::string name;
    std::vector<double> values;  ///< one per category; NaN = missing (left out, drawn as a gap)
    AxisSide axis = AxisSide::Primary;  ///< Secondary: the line of a combo (right-hand axis)
    std::string numberFormat = "0.0";   ///< Excel format code: "0.0", "#,##0", "0.0%", ...
    SeriesRole role = SeriesRole::Plain;
    /// Columns with actuals: the index of the first category after the last actual year; it
    /// and later columns are forecast, drawn in a lighter tint. kNoForecastTint = none (no
    /// actuals, or they reach the chart's end).
    std::size_t forecastFrom = kNoForecastTint;
    static constexpr std::size_t kNoForecastTint = static_cast<std::size_t>(-1);
};

/// @brief A CAGR arrow from one category to another, labelled e.g. "+45.4% CAGR".
struct CagrMark {
    std::string fromCategory;
    std::string toCategory;
    double rate = 0.0;  ///< fraction per year (0.454 = 45.4%)
    std::string text;
};

/// @brief A published figure shown against the model, e.g. 42.9 in "2028" from Marvell.
struct AnchorMark {
    std::string category;
    double value = 0.0;  ///< display units, like the series
    std::string label;   ///< as listed on the slide: "2028: 42.9 (Marvell)"
};

struct SlideChart {
    std::string id;  ///< the chart's id in the forecast, named in error messages
    std::string title;
    ChartKind kind = ChartKind::ClusteredColumn;
    std::vector<std::string> categories;  ///< years as text: "2023", "2024", ...
    std::vector<SlideSeries> series;
    std::string primaryAxisTitle;    ///< unit of the left axis: "US$B", "%", "M units"
    std::string secondaryAxisTitle;  ///< combo: unit of the right axis
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
};

/// @brief Why `chart` cannot be drawn ("no series", "no categories", "series 'x' has 7 values
/// for 8 categories", ...); empty when it can.
[[nodiscard]] std::string chartProblem(const SlideChart& chart);

/// @brief Build the slide of `chart` from an evaluated forecast: categories from the chart's
/// years (0 = the scenario's range), values in display units (money in US$B with "0.0", or
/// "#,##0" from 1,000 up, shares as fractions with "0.0%"), CAGR labels from cagrOver, the anchors
/// of the chart's series, the source line in `language`. Money and volumes are shown in
/// `units`' choice (亿美元, 万台, ...; axis titles say so) and percentages with its decimals.
/// A plotted series id with actuals (Scenario::findActuals) in the chart's years is shown like
/// the dashboard does: on a line, an Actual series followed by its Forecast (SeriesRole); as
/// columns, the actual values in actual years and `forecastFrom` set; the source line then
/// starts with the actuals' sources ("Actuals: IDC; Source: ...", "实际值：IDC；资料来源：...").
/// Throws DeckError naming the chart when a year, CAGR or series reference cannot be used.
[[nodiscard]] SlideChart slideChartFor(const Evaluator& evaluator, const ChartDef& chart,
                                       std::string_view language, const std::string& scenarioLabel,
                                       const DisplayChoice& units = {});

// Shared by the chart builders (slide_chart.cpp, uncertainty_slides.cpp).

/// @brief A stored value as a slide shows it: shares and rates stay fractions (the "0.0%"
/// format adds the %), money and volumes in `units`' choice (US$B, 亿美元, M units, ...).
[[nodiscard]] double slideValue(double stored, Unit unit, const DisplayChoice& units = {});
/// @brief The series' label in `language`, "label — output" for a secondary output.
[[nodiscard]] std::string slideSeriesName(const Model& model, OutputRef ref,
                                          std::string_view language);
/// @brief The value-axis title of `unit`: "US$B", "%", "万台", "" for a plain number.
[[nodiscard]] std::string slideAxisTitle(Unit unit, std::string_view language,
                                         const DisplayChoice& units = {});
/// @brief The number format of values of `unit` up to `largest` (display units): "0.0%" (with
/// `units`' percent decimals), "0.0", "#,##0", "0.00", "0.0\"x\"".
[[nodiscard]] std::string slideNumberFormat(Unit unit, double largest,
                                            const DisplayChoice& units = {});

/// @brief The short name of a publisher for a slide: "Tianfeng Securities (天风证券), ..." ->
/// "Tianfeng Securities".
[[nodiscard]] std::string shortPublisher(const std::string& publisher);

}  // namespace jevons::core::deck
