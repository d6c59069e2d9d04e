#pragma once
// Series × years as a table for people (aligned text), spreadsheets (CSV) and programs (JSON).
#include "core/eval/evaluator.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

enum class TableFormat { Text, Csv, Json };

/// @brief The format named "text", "csv" or "json" (a command line's --format); std::nullopt
/// for any other name.
[[nodiscard]] std::optional<TableFormat> tableFormatNamed(std::string_view name);

/// @brief What to print: which series outputs ("id" or "id.output"; empty = every series'
/// primary output), which years (0 = the scenario's range), and an optional CAGR column.
struct TableRequest {
    std::vector<std::string> series;
    int fromYear = 0;
    int toYear = 0;
    std::optional<std::pair<int, int>> cagr;  ///< (from, to) years
    int decimals = 1;                         ///< in display units (shares in %)
    std::string language = "en";              ///< of the labels, units and the header's words
    bool ids = false;  ///< text and CSV name the rows by id ("asic_market"), not by label
};

/// @brief One row: display-unit values per year (NaN: the series has no value that year) and the
/// CAGR (fraction) if requested (none when a year has no value or is not positive).
struct TableRow {
    std::string ref;
    std::string label;
    std::string unit;  ///< display unit suffix ("US$B", "%")
    std::vector<double> values;
    std::optional<double> cagr;
};

struct SeriesTable {
    std::vector<int> years;
    std::vector<TableRow> rows;
    std::optional<std::pair<int, int>> cagr;
    std::string language = "en";
    bool ids = false;  ///< TableRequest::ids
};

/// @brief Collect the requested rows from an evaluated forecast. Throws ScenarioError for an
/// unknown series or a year outside the range.
[[nodiscard]] SeriesTable buildTable(const Evaluator& evaluator, const TableRequest& request);

/// @brief Render a table. Text aligns columns; CSV quotes as RFC 4180; JSON is an object
/// {"years": [...], "series": [{"id", "label", "unit", "values", "cagr"}]} with full precision.
/// A year without a value is "-" in text, an empty cell in CSV and null in JSON.
[[nodiscard]] std::string renderTable(const SeriesTable& table, TableFormat format, int decimals);

}  // namespace jevons::core
