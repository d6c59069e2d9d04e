#include "core/models/gompertz.h"

#include "core/models/exp_steps.h"
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
    Grid out;
    gompertzSeries(range, params, out);
    return out;
}

void gompertzSeries(const YearRange& range, const SCurveParams& params, Grid& out) {
    const Eigen::Index n = pathCount(params.ceiling, params.midpoint, params.steepness);
    checkSCurveCeiling(params.ceiling, n, "Gompertz");
    checkPaths(params.midpoint, n, "the inflection year");
    checkPaths(params.steepness, n, "the steepness");

    const Paths cap = broadcast(params.ceiling, n);
    const Paths t0 = broadcast(params.midpoint, n);
    const Paths c = broadcast(params.steepness, n);
    const Eigen::Index cols = std::max(range.count(), 0);
    out.resize(n, cols);
    if (cols == 0) return;
    // Inner e = exp(-c (t - t0)), year after year a product with exp(-c) (exp_steps.h). It may
    // overflow to +inf far before the inflection: exp(-inf) = 0, finite.
    const double first = static_cast<double>(range.first);
    Paths e = (-c * (first - t0)).exp();
    const Paths factor = (-c).exp();
    out.col(0) = cap * (-e).exp();
    for (Eigen::Index col = 1; col < cols; ++col) {
        const double t = first + static_cast<double>(col);
        stepExp(e, factor, -c * (t - t0));
        out.col(col) = cap * (-e).exp();
    }
}

}  // namespace jevons::core
