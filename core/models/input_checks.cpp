#include "core/models/input_checks.h"

#include <cmath>

namespace jevons::core::detail {

std::string pct(double fraction) { return num(fraction * 100.0) + "%"; }

std::string pathNote(Eigen::Index row, Eigen::Index n) {
    return n > 1
               ? " (Monte Carlo path " + std::to_string(row + 1) + " of " + std::to_string(n) + ")"
               : "";
}

void checkPaths(const Paths& p, Eigen::Index n, const std::string& what) {
    if (p.size() != 1 && p.size() != n) {
        throw ModelError(what + " has " + std::to_string(p.size()) +
                         " values but other inputs have " + std::to_string(n) +
                         " paths: give one value or one per path");
    }
    if (allFinite(p)) return;
    for (Eigen::Index r = 0; r < p.size(); ++r) {
        if (!std::isfinite(p(r))) {
            throw ModelError(what + " " + num(p(r)) + " is not a number" + pathNote(r, n));
        }
    }
}

void checkFinite(const Grid& g, const YearRange& range, const std::string& what) {
    if (allFinite(g)) return;
    for (Eigen::Index c = 0; c < g.cols(); ++c) {
        for (Eigen::Index r = 0; r < g.rows(); ++r) {
            if (!std::isfinite(g(r, c))) {
                throw ModelError("the " + what + " becomes too large to represent in " +
                                 std::to_string(range.first + c) + pathNote(r, g.rows()));
            }
        }
    }
}

}  // namespace jevons::core::detail
