#include "core/models/gompertz.h"

#include "core/models/input_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace jevons::core {

using namespace detail;

SCurveParams gompertzThrough(const Paths& ceiling, const SCurveAnchor& a, const SCurveAnchor& b) {
    const Eigen::Index n = pathCount(ceiling, a.value, b.value);
    checkSCurveCeiling(ceiling, n, "Gompertz");
    if (a.year == b.year) {
        throw ModelError("the two anchors are both in " + std::to_string(a.year) +
                         ": a Gompertz curve needs anchors in two different years");
    }
    checkSCurveAnchors(ceiling, a, b, n, "Gompertz");

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
    checkSCurveCeiling(params.ceiling, n, "Gompertz");
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
