#pragma once
// The closing "Assumptions & sources" slides: every assumption, its current value with its unit,
// and where it comes from. Long lists continue on further slides instead of overflowing.
#include "core/eval/evaluator.h"
#include "core/units/display_choice.h"

#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::deck {

struct AssumptionRow {
    std::string label;   ///< "ASIC share of accelerators, 2028"
    std::string value;   ///< formatted with its unit: "25.0%", "171.6 US$B"
    std::string source;  ///< "Tianfeng Securities — F3: ASIC share expected to rise to 25% (2028)"
    bool changed = false;  ///< differs from the base case (shown in bold)
};

struct AssumptionsSlide {
    std::string title;  ///< "Assumptions & sources (1/2)"
    std::vector<AssumptionRow> rows;
    std::string scenarioName;
    std::string language = "en";
};

/// @brief Rows per slide that fit under the title with two-line source cells.
inline constexpr std::size_t kAssumptionRowsPerSlide = 8;

/// @brief One row per assumption (file order) with the evaluator's current values, money and
/// volumes in `units`' choice and percentages with at least its decimals.
[[nodiscard]] std::vector<AssumptionRow> assumptionRows(const Evaluator& evaluator,
                                                        std::string_view language,
                                                        const DisplayChoice& units = {});

/// @brief `rows` split into slides of at most `rowsPerSlide` (>= 1), titled "(k/n)" when there
/// are several. No rows gives one slide saying so.
[[nodiscard]] std::vector<AssumptionsSlide> paginateAssumptions(
    const std::vector<AssumptionRow>& rows, std::string_view language,
    const std::string& scenarioLabel, std::size_t rowsPerSlide = kAssumptionRowsPerSlide);

}  // namespace jevons::core::deck
