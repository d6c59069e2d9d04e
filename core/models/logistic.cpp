#include "core/models/logistic.h"

#include "core/models/exp_steps.h"
#include "core/models/input_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace jevons::core {

using namespace detail;

SCurveParams logisticThrough(const Paths& ceiling, const SCurveAnchor& a, const SCurveAnchor& b) {
    const Eigen::Index n = pathCount(ceiling, a.value, b.value);
    checkSCurveCeiling(ceiling, n, "logistic");
    if (a.year == b.year) {
        throw ModelError("the two anchors are both in " + std::to_string(a.year) +
                         ": a logistic curve needs anchors in two different years");
    }
    checkSCurveAnchors(ceiling, a, b, n, "logistic");

    const Paths cap = broadcast(ceiling, n);
    const Paths ua = (cap / broadcast(a.value, n) - 1.0).log();
    const Paths ub = (cap / broadcast(b.value, n) - 1.0).log();
    const Paths k = (ua - ub) / static_cast<double>(b.year - a.year);
    for (Eigen::Index r = 0; r < n; ++r) {
        if (!(k(r) != 0.0) || !std::isfinite(k(r))) {
            throw ModelError("the " + std::to_string(a.year) + " and " + std::to_string(b.year) +
                             " anchors are both " + num(at(a.value, r)) +
                             ": a flat line has no midpoint, so no logistic curve fits" +
                             pathNote(r, n));
        }
    }
    return SCurveParams{cap, static_cast<double>(a.year) + ua / k, k};
}

Grid logisticSeries(const YearRange& range, const SCurveParams& params) {
    Grid out;
    logisticSeries(range, params, out);
    return out;
}

void logisticSeries(const YearRange& range, const SCurveParams& params, Grid& out) {
    const Eigen::Index n = pathCount(params.ceiling, params.midpoint, params.steepness);
    checkSCurveCeiling(params.ceiling, n, "logistic");
    checkPaths(params.midpoint, n, "the midpoint year");
    checkPaths(params.steepness, n, "the steepness");

    const Paths cap = broadcast(params.ceiling, n);
    const Paths t0 = broadcast(params.midpoint, n);
    const Paths k = broadcast(params.steepness, n);
    const Eigen::Index cols = std::max(range.count(), 0);
    out.resize(n, cols);
    if (cols == 0) return;
    // e = exp(-k (t - t0)), year after year a product with exp(-k) (exp_steps.h). exp may
    // overflow to +inf far below the midpoint: cap / inf = 0, still finite.
    const double first = static_cast<double>(range.first);
    Paths e = (-k * (first - t0)).exp();
    const Paths factor = (-k).exp();
    out.col(0) = cap / (1.0 + e);
    for (Eigen::Index c = 1; c < cols; ++c) {
        const double t = first + static_cast<double>(c);
        stepExp(e, factor, -k * (t - t0));
        out.col(c) = cap / (1.0 + e);
    }
}

}  // namespace jevons::core
