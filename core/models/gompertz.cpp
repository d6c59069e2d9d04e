#include "core/models/gompertz.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace jevons::core {
namespace {

/// Number as a strategist reads it (6 significant digits, no trailing zeros).
std::string num(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

/// " (Monte Carlo path r+1 of n)" when there are several paths, else "".
std::string pathNote(Eigen::Index row, Eigen::Index n) {
    return n > 1
               ? " (Monte Carlo path " + std::to_string(row + 1) + " of " + std::to_string(n) + ")"
               : "";
}

/// Throws unless `p` has 1 or `n` values, all finite.
void checkPaths(const Paths& p, Eigen::Index n, const std::string& what) {
    if (p.size() != 1 && p.size() != n) {
        throw ModelError(what + " has " + std::to_string(p.size()) +
                         " values but other inputs have " + std::to_string(n) +
                         " paths: give one value or one per path");
    }
    for (Eigen::Index r = 0; r < p.size(); ++r) {
        if (!std::isfinite(p(r))) {
            throw ModelError(what + " " + num(p(r)) + " is not a number" + pathNote(r, n));
        }
    }
}

/// Throws unless every ceiling value is above zero.
void checkCeiling(const Paths& ceiling, Eigen::Index n) {
    checkPaths(ceiling, n, "the ceiling");
    for (Eigen::Index r = 0; r < ceiling.size(); ++r) {
        if (!(ceiling(r) > 0.0)) {
            throw ModelError("the ceiling " + num(ceiling(r)) +
                             " must be above zero for a Gompertz curve" + pathNote(r, n));
        }
    }
}

/// Throws unless 0 < anchor < ceiling, checking path by path (first offending path reported).
void checkAnchors(const Paths& ceiling, const SCurveAnchor& a, const SCurveAnchor& b,
                  Eigen::Index n) {
    const std::string whatA = "the " + std::to_string(a.year) + " anchor";
    const std::string whatB = "the " + std::to_string(b.year) + " anchor";
    checkPaths(a.value, n, whatA);
    checkPaths(b.value, n, whatB);
    for (Eigen::Index r = 0; r < n; ++r) {
        for (const auto* anchor : {&a, &b}) {
            const std::string& what = anchor == &a ? whatA : whatB;
            const double s = at(anchor->value, r);
            const double cap = at(ceiling, r);
            if (!(s > 0.0)) {
                throw ModelError(what + " " + num(s) +
                                 " must be above zero: a Gompertz curve never reaches zero" +
                                 pathNote(r, n));
            }
            if (!(s < cap)) {
                throw ModelError(what + " " + num(s) + " is at or above the ceiling " + num(cap) +
                                 ": a Gompertz curve cannot pass through it" + pathNote(r, n));
            }
        }
    }
}

}  // namespace

SCurveParams gompertzThrough(const Paths& ceiling, const SCurveAnchor& a, const SCurveAnchor& b) {
    const Eigen::Index n = pathCount(ceiling, a.value, b.value);
    checkCeiling(ceiling, n);
    if (a.year == b.year) {
        throw ModelError("the two anchors are both in " + std::to_string(a.year) +
                         ": a Gompertz curve needs anchors in two different years");
    }
    checkAnchors(ceiling, a, b, n);

    const Paths cap = broadcast(ceiling, n);
    const Paths va = (-(broadcast(a.value, n) / cap).log()).log();
    const Paths vb = (-(broadcast(b.value, n) / cap).log()).log();
    const Paths c = (va - vb) / static_cast<double>(b.year - a.year);
    for (Eigen::Index r = 0; r < n; ++r) {
        if (!(c(r) != 0.0) || !std::isfinite(c(r))) {
            throw ModelError("the " + std::to_string(a.year) + " and " + std::to_string(b.year) +
                             " anchors are both " + num(at(a.value, r)) +
                             ": a flat line has no inflection point, so no Gompertz curve fits" +
                             pathNote(r, n));
        }
    }
    return SCurveParams{cap, static_cast<double>(a.year) + va / c, c};
}

Grid gompertzSeries(const YearRange& range, const SCurveParams& params) {
    const Eigen::Index n = pathCount(params.ceiling, params.midpoint, params.steepness);
    checkCeiling(params.ceiling, n);
    checkPaths(params.midpoint, n, "the inflection year");
    checkPaths(params.steepness, n, "the steepness");

    const Paths cap = broadcast(params.ceiling, n);
    const Paths t0 = broadcast(params.midpoint, n);
    const Paths c = broadcast(params.steepness, n);
    const Eigen::Index cols = std::max(range.count(), 0);
    Grid out(n, cols);
    for (Eigen::Index col = 0; col < cols; ++col) {
        const double t = static_cast<double>(range.first + col);
        // The inner exp may overflow to +inf far before the inflection: exp(-inf) = 0, finite.
        out.col(col) = cap * (-(-c * (t - t0)).exp()).exp();
    }
    return out;
}

}  // namespace jevons::core
