#include "core/models/s_curve.h"

#include "core/models/input_checks.h"

#include <string>

namespace jevons::core::detail {

void checkSCurveCeiling(const Paths& ceiling, Eigen::Index n, std::string_view curveName) {
    checkPaths(ceiling, n, "the ceiling");
    for (Eigen::Index r = 0; r < ceiling.size(); ++r) {
        if (!(ceiling(r) > 0.0)) {
            throw ModelError("the ceiling " + num(ceiling(r)) + " must be above zero for a " +
                             std::string(curveName) + " curve" + pathNote(r, n));
        }
    }
}

void checkSCurveAnchors(const Paths& ceiling, const SCurveAnchor& a, const SCurveAnchor& b,
                        Eigen::Index n, std::string_view curveName) {
    const std::string curve(curveName);
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
                throw ModelError(what + " " + num(s) + " must be above zero: a " + curve +
                                 " curve never reaches zero" + pathNote(r, n));
            }
            if (!(s < cap)) {
                throw ModelError(what + " " + num(s) + " is at or above the ceiling " + num(cap) +
                                 ": a " + curve + " curve cannot pass through it" + pathNote(r, n));
            }
        }
    }
}

}  // namespace jevons::core::detail
