#pragma once
// How large a forecast file may be. A file beyond a bound is refused whole with a ScenarioError
// naming the JSON path and the bound, so a broken or hostile file cannot exhaust memory or time.
//
// Bounds enforced elsewhere: the file size (kMaxScenarioFileBytes, 16 MiB, scenario_json.h), the
// years a forecast covers (200, the loader), formula nesting (200 levels, core/formula/parser).
#include <cstddef>
#include <string>
#include <string_view>

namespace jevons::core {

inline constexpr std::size_t kMaxAssumptions = 5000;
inline constexpr std::size_t kMaxSeries = 2000;
inline constexpr std::size_t kMaxCharts = 500;
inline constexpr std::size_t kMaxScenarios = 200;
inline constexpr std::size_t kMaxAnchors = 5000;
/// @brief Rank correlations (uncertainty.correlations): the copula over the assumptions they
/// name (at most twice as many) is factored once per run and multiplies every path's draws, so
/// its cost grows with the square of their number.
inline constexpr std::size_t kMaxCorrelations = 500;
/// @brief Points of a points series, and growth segments of a cagr series.
inline constexpr std::size_t kMaxPointsPerSeries = 1000;
/// @brief Characters (bytes) of one formula's text.
inline constexpr std::size_t kMaxFormulaLength = 10000;
/// @brief Characters (bytes) of all the formulas of a file together: compiling and evaluating
/// cost about a microsecond and a hundred bytes per character (4.5 s and 540 MB for 14 MiB of
/// formulas, tests/core/scenario/hostile_files_test.cpp), so the file's formulas are bounded
/// as a whole; 2,000 series of 500 characters fit.
inline constexpr std::size_t kMaxFormulaTextPerFile = 1000000;

/// @brief Throws ScenarioError at `path` ("the file has 2,001 series; at most 2,000 are
/// allowed") when `count` exceeds `limit`. `what` names the things counted, in the plural.
void checkLimit(std::size_t count, std::size_t limit, const std::string& path,
                std::string_view what);

/// @brief 12345 -> "12,345".
[[nodiscard]] std::string withThousands(std::size_t n);

}  // namespace jevons::core
