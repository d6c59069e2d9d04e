#pragma once
// The `formula` series kind: arithmetic over other series and assumptions, e.g.
// `accel_market * asic_share` or `lag(glasses.cumulative, 1) × 0.2`.
//
// A formula is parsed once (Formula::parse) and evaluated many times (on every slider move),
// vectorised over paths x years. See parser.h for the grammar and evaluator.h for broadcasting.
//
// Functions (x any expression; all elementwise over paths):
//   min(a, b, ...), max(a, b, ...)  n-ary (>= 2), elementwise; NaN propagates
//   lag(x, n)    value n years earlier; n is a whole-number literal, 0..1000. The first n years,
//                which have no earlier value, hold the earliest value x(first year).
//   cumsum(x)    running sum over years, starting at the first year (x has a value in)
//   growth(x)    x_t / x_{t-1} - 1 as a fraction; the first year takes the second year's growth;
//                with a single year the growth is 0
// Non-finite results (division by zero, 0^-1, growth from a zero year) are NOT caught here:
// the series evaluator checks every series for NaN/inf and names the year.
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formula/ast.h"
#include "core/formula/formula_error.h"
#include "core/models/grid.h"

namespace jevons::core::formula {

/// @brief The functions a formula may call, in the order messages list them.
inline constexpr std::string_view kFunctionNames[] = {"min", "max", "lag", "cumsum", "growth"};

/// @brief A parsed formula: immutable, cheap to copy (copies share one syntax tree).
class Formula {
public:
    /// @brief Parse `text`; throws FormulaError (message and 1-based column) if it is not a
    /// valid formula.
    [[nodiscard]] static Formula parse(std::string_view text);

    /// @brief The text as given to parse().
    [[nodiscard]] const std::string& text() const { return *text_; }

    /// @brief Names the formula reads, unique, in order of first appearance, each as written
    /// including any `.output` part ("glasses.cumulative"). Function names are not included.
    [[nodiscard]] const std::vector<std::string>& references() const { return *references_; }

    /// @brief Value over `nPaths` x `nYears` (rows = paths, column 0 = first year).
    ///
    /// `lookup(name)` is called exactly once per entry of references() and returns that name's
    /// value as a Grid of nPaths x nYears, nPaths x 1 (one value per path, e.g. a sampled
    /// assumption), 1 x nYears (one deterministic series) or 1 x 1 (a constant); rows and
    /// columns are broadcast as needed. Exceptions from lookup propagate. Throws ModelError if a
    /// looked-up grid has another shape, std::invalid_argument if nPaths or nYears < 1.
    /// Non-finite values are returned, not caught (see the file comment).
    [[nodiscard]] Grid evaluate(const std::function<Grid(const std::string&)>& lookup,
                                Eigen::Index nPaths, int nYears) const;
    /// @brief As above, with the values given directly: `values[i]` points at the value of
    /// references()[i] (no copy, no lookup). Contract: values.size() == references().size().
    [[nodiscard]] Grid evaluate(std::span<const Grid* const> values, Eigen::Index nPaths,
                                int nYears) const;
    /// @brief As above, into `out` (nPaths x nYears; its storage reused when it already has that
    /// shape). Same values bit for bit. Contract: `out` is none of `values`. On a throw `out`
    /// holds unspecified values.
    void evaluate(std::span<const Grid* const> values, Eigen::Index nPaths, int nYears,
                  Grid& out) const;

    /// @brief The first year column (0-based) from which the formula has a value, given the first
    /// column with a value of each reference (`firstOf[i]` for references()[i]; 0 = every year,
    /// an assumption or a series without missing years). Years with no value ("missing", NaN)
    /// spread as IEEE arithmetic spreads NaN: an operator or min/max has a value where all its
    /// operands have one (the latest first column); lag(x, n) from x's first column + n (or 0 when
    /// x has every year); growth(x) one year after x's; cumsum(x) from x's (it sums the years x
    /// has a value). At most nYears (no value at all). Contract: firstOf.size() ==
    /// references().size().
    [[nodiscard]] int firstValueColumn(std::span<const int> firstOf, int nYears) const;

private:
    Formula(std::string text, Node root, std::vector<std::string> references);
    void checkExtent(Eigen::Index nPaths, int nYears) const;
    void evaluateChecked(std::span<const Grid* const> values, Eigen::Index nPaths, int nYears,
                         Grid& out) const;

    std::shared_ptr<const std::string> text_;
    std::shared_ptr<const Node> root_;
    std::shared_ptr<const std::vector<std::string>> references_;
};

}  // namespace jevons::core::formula
