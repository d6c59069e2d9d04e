#include "app/document/anchor_solver.h"

#include "core/scenario/scenario_error.h"

#include <cmath>
#include <optional>

namespace jevons::app {

double solveAssumptionFor(const core::Evaluator& evaluator, const core::Assumption& assumption,
                          std::string_view ref, int year, double target) {
    core::Evaluator scratch = evaluator;
    auto f = [&](double x) -> std::optional<double> {
        try {
            scratch.setAssumption(assumption.id, x);
            const double v = scratch.value(ref, year);
            if (!std::isfinite(v)) return std::nullopt;
            return v - target;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    double lo = assumption.min;
    double hi = assumption.max;
    if (!(hi > lo)) return evaluator.assumption(assumption.id);
    // Step inside the range until the model accepts both ends (e.g. a share below its ceiling).
    std::optional<double> flo = f(lo);
    for (int k = 0; !flo && k < 30; ++k) flo = f(lo += (hi - lo) * 1e-3 * (1 << (k % 10)));
    std::optional<double> fhi = f(hi);
    for (int k = 0; !fhi && k < 30; ++k) fhi = f(hi -= (hi - lo) * 1e-3 * (1 << (k % 10)));
    if (!flo || !fhi) return evaluator.assumption(assumption.id);
    if (*flo == 0.0) return lo;
    if (*fhi == 0.0) return hi;
    if ((*flo > 0) == (*fhi > 0)) return std::abs(*flo) < std::abs(*fhi) ? lo : hi;

    double a = lo, b = hi, fa = *flo, fb = *fhi;
    const double tolerance = 1e-10 * std::max(1.0, std::abs(target));
    int side = 0;
    for (int i = 0; i < 60; ++i) {
        const double c = (a * fb - b * fa) / (fb - fa);
        const std::optional<double> fc = f(c);
        if (!fc) {  // refused inside the bracket: fall back to bisection
            const double m = 0.5 * (a + b);
            const std::optional<double> fm = f(m);
            if (!fm) break;
            if ((*fm > 0) == (fa > 0))
                a = m, fa = *fm;
            else
                b = m, fb = *fm;
            continue;
        }
        if (std::abs(*fc) < tolerance || std::abs(b - a) < 1e-12 * std::max(1.0, std::abs(c)))
            return c;
        if ((*fc > 0) == (fb > 0)) {
            b = c, fb = *fc;
            if (side == -1) fa /= 2;
            side = -1;
        } else {
            a = c, fa = *fc;
            if (side == 1) fb /= 2;
            side = 1;
        }
    }
    return std::abs(fa) < std::abs(fb) ? a : b;
}

}  // namespace jevons::app
