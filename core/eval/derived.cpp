#include "core/eval/derived.h"

#include <string>

namespace jevons::core {
namespace {
void checkYears(const YearRange& range, int from, int to) {
    if (!range.contains(from) || !range.contains(to))
        throw ModelError("a CAGR from " + std::to_string(from) + " to " + std::to_string(to) +
                         " needs both years within " + std::to_string(range.first) + "–" +
                         std::to_string(range.last));
    if (from >= to)
        throw ModelError("a CAGR needs the start year (" + std::to_string(from) +
                         ") before the end year (" + std::to_string(to) + ")");
}
}  // namespace

Paths cagrOver(const Grid& grid, const YearRange& range, int from, int to) {
    checkYears(range, from, to);
    const Paths start = grid.col(range.column(from));
    const Paths end = grid.col(range.column(to));
    if (start.isNaN().any() || end.isNaN().any())
        throw ModelError("a CAGR from " + std::to_string(from) + " to " + std::to_string(to) +
                         " needs values in both years, and the series has none in " +
                         std::to_string(start.isNaN().any() ? from : to));
    if ((start <= 0.0).any() || (end <= 0.0).any())
        throw ModelError("a CAGR needs positive values in " + std::to_string(from) + " and " +
                         std::to_string(to));
    return (end / start).pow(1.0 / (to - from)) - 1.0;
}

double cagrOver(const Eigen::ArrayXd& row, const YearRange& range, int from, int to) {
    const Grid g = row.transpose();
    return cagrOver(g, range, from, to)(0);
}

Eigen::ArrayXd shareOf(const Eigen::ArrayXd& part, const Eigen::ArrayXd& whole) {
    return (whole == 0.0).select(Eigen::ArrayXd::Zero(part.size()), part / whole);
}

}  // namespace jevons::core
