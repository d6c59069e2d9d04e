#pragma once
// Historical values ("actuals") pasted from a spreadsheet or read from a CSV file.
#include "core/scenario/scenario.h"  // Label

#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

/// @brief The most text parseActuals reads (16 MiB, as a forecast file), the most series columns
/// (a forecast's series limit) and the most rows (1,000 years of quarters). Beyond them the data
/// is refused with a message saying which bound, so a huge paste or file cannot exhaust memory:
/// the table costs rows × columns numbers.
inline constexpr std::size_t kMaxActualsBytes = std::size_t{16} << 20;
inline constexpr std::size_t kMaxActualsColumns = 2000;
inline constexpr std::size_t kMaxActualsRows = 4000;

/// @brief A table of yearly actuals, one column per series.
///
/// `values[s][i]` is series `names[s]` in year `years[i]` (NaN = missing). Years are distinct and
/// ascending; gaps between them are allowed (a year with no row is simply absent).
struct Actuals {
    std::vector<int> years;
    std::vector<std::string> names;
    std::vector<std::vector<double>> values;  ///< [series][year index]; NaN = missing
    std::string source;                       ///< where the data came from, e.g. "sales.csv"
    Label note;  ///< what parsing did to the data (quarters summed, ...), in English and Chinese;
                 ///< empty when it did nothing

    /// @brief Index of the series called `name`; throws CalibrationError naming the known ones.
    [[nodiscard]] std::size_t seriesIndex(std::string_view name) const;
};

/// @brief Parse CSV text or cells pasted from a spreadsheet.
///
/// Format: a header row `year,series1,series2,...` then one row per period. Cells are separated
/// by tabs if the header has one, else by commas (semicolons if it has neither); CSV cells may be
/// quoted ("1,234"). A UTF-8 byte-order mark, Windows line ends, surrounding spaces and blank
/// lines are ignored. Periods are years ("2019") or quarters ("2019Q1", "2019-Q1", "2019 Q1");
/// quarters are summed to years, as for flows (sales, revenue): a year with a quarter missing is
/// missing, and `note` says so. Cells: blank, "NA", "n/a" or "-" = missing; "1,234" (thousands
/// separators) = 1234; "25%" = 0.25. Throws CalibrationError naming line and column (both from 1):
/// "line 4, column 2: 'abc' is not a number". Refuses text, columns or rows beyond the bounds
/// above.
[[nodiscard]] Actuals parseActuals(std::string_view text, std::string source = "pasted data");

/// @brief parseActuals on a file's content; `source` is the file name. Throws CalibrationError
/// if the file cannot be read, with the path in the message. Reads at most kMaxActualsBytes + 1
/// bytes, whatever the file's size.
[[nodiscard]] Actuals readActualsFile(const std::string& path);

}  // namespace jevons::core
