#include "core/uncertainty/goal_seek.h"

#include "core/text/number_text.h"
#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace jevons::core {
namespace {

constexpr int kScanPoints = 65;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string show(double v, Unit unit) {
    if (defaultDisplay(unit) == DisplayUnit::Percent)
        return formatValue(v, unit, DisplayUnit::Percent, 2);
    const std::string suffix = displaySuffix(defaultDisplay(unit));
    return suffix.empty() ? num(v) : num(v) + " " + suffix;
}

}  // namespace

BrentResult brentRoot(const std::function<double(double)>& f, double a, double b, double fa,
                      double fb, double xTolerance, double fTolerance, int maxEvaluations) {
    constexpr double kEps = std::numeric_limits<double>::epsilon();
    BrentResult r;
    if (std::abs(fa) <= fTolerance) return {a, fa, 0, true};
    if (std::abs(fb) <= fTolerance) return {b, fb, 0, true};
    double c = b;
    double fc = fb;
    double d = b - a;
    double e = d;
    while (r.evaluations < maxEvaluations) {
        if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0)) {
            c = a;  // keep the root bracketed by b and c
            fc = fa;
            d = e = b - a;
        }
        if (std::abs(fc) < std::abs(fb)) {  // b is the best estimate
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const double tol = 2.0 * kEps * std::abs(b) + 0.5 * xTolerance;
        const double half = 0.5 * (c - b);
        if (std::abs(fb) <= fTolerance || std::abs(half) <= tol) {
            r.x = b;
            r.fx = fb;
            r.converged = true;
            return r;
        }
        if (std::abs(e) >= tol && std::abs(fa) > std::abs(fb)) {
            // Inverse quadratic interpolation (secant when only two points differ).
            const double s = fb / fa;
            double p = 0.0;
            double q = 0.0;
            if (a == c) {
                p = 2.0 * half * s;
                q = 1.0 - s;
            } else {
                const double qa = fa / fc;
                const double rb = fb / fc;
                p = s * (2.0 * half * qa * (qa - rb) - (b - a) * (rb - 1.0));
                q = (qa - 1.0) * (rb - 1.0) * (s - 1.0);
            }
            if (p > 0.0) q = -q;
            p = std::abs(p);
            if (2.0 * p < std::min(3.0 * half * q - std::abs(tol * q), std::abs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = half;  // interpolation would leave the bracket or converge slowly: bisect
                e = d;
            }
        } else {
            d = half;
            e = d;
        }
        a = b;
        fa = fb;
        b += std::abs(d) > tol ? d : std::copysign(tol, half);
        fb = f(b);
        ++r.evaluations;
    }
    r.x = b;
    r.fx = fb;
    return r;
}

GoalSeekResult goalSeek(const Model& model, const GoalSeekRequest& request) {
    const Scenario& scenario = model.scenario();
    const int index = model.assumptionIndex(request.assumption);
    if (index < 0)
        throw UncertaintyError("'" + request.assumption + "' is not an assumption of this file");
    const auto target = model.resolve(request.target);
    if (!target) throw UncertaintyError("'" + request.target + "' is not a series output");
    const YearRange& years = model.years();
    if (!years.contains(request.year))
        throw UncertaintyError("the year " + std::to_string(request.year) + " is outside " +
                               std::to_string(years.first) + "–" + std::to_string(years.last));
    if (!model.hasValue(*target, request.year))
        throw UncertaintyError("'" + request.target + "' has no value in " +
                               std::to_string(request.year) + " (the series starts later)");
    const Assumption& x = scenario.assumptions[static_cast<std::size_t>(index)];
    const Unit yUnit = model.unitOf(*target);
    const std::string yName = model.refName(*target);

    std::map<std::string, double> fixed = scenario.assumptionValues(request.scenario);
    for (const auto& [id, v] : request.values) fixed[id] = v;
    AssumptionValues values = model.assumptionValues(fixed);
    const double current = values[static_cast<std::size_t>(index)](0);
    const auto column = years.column(request.year);
    const auto pick = [&](const SeriesResults& r, Eigen::Index row) {
        return r[static_cast<std::size_t>(target->series)]
                [static_cast<std::size_t>(target->output)](row, column);
    };

    GoalSeekResult result;
    result.lowest = std::numeric_limits<double>::infinity();
    result.highest = -result.lowest;
    const auto seen = [&](double y) {
        if (!std::isfinite(y)) return;
        result.lowest = std::min(result.lowest, y);
        result.highest = std::max(result.highest, y);
    };
    // Y − V at one value of X; NaN where the model cannot evaluate.
    const auto f = [&](double xv) {
        ++result.evaluations;
        values[static_cast<std::size_t>(index)] = Paths::Constant(1, xv);
        try {
            const double y = pick(model.evaluateAll(values, 1), 0);
            seen(y);
            return y - request.value;
        } catch (const ScenarioError&) {
            return kNaN;
        }
    };

    // Scan [min, max] in one vectorised evaluation (point by point if some point fails).
    std::vector<double> xs(kScanPoints);
    std::vector<double> fs(kScanPoints, kNaN);
    for (int i = 0; i < kScanPoints; ++i)
        xs[static_cast<std::size_t>(i)] = x.min + (x.max - x.min) * i / (kScanPoints - 1);
    try {
        AssumptionValues scan = values;
        scan[static_cast<std::size_t>(index)] = Eigen::Map<const Paths>(xs.data(), kScanPoints);
        const SeriesResults r = model.evaluateAll(scan, kScanPoints);
        result.evaluations += 1;
        for (int i = 0; i < kScanPoints; ++i) {
            const double y = pick(r, i);
            seen(y);
            fs[static_cast<std::size_t>(i)] = y - request.value;
        }
    } catch (const ScenarioError&) {
        for (int i = 0; i < kScanPoints; ++i)
            fs[static_cast<std::size_t>(i)] = f(xs[static_cast<std::size_t>(i)]);
    }

    // Brackets: adjacent valid points with a sign change (or a zero); the nearest to X wins.
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int i = 0; i + 1 < kScanPoints; ++i) {
        const double fa = fs[static_cast<std::size_t>(i)];
        const double fb = fs[static_cast<std::size_t>(i) + 1];
        if (std::isnan(fa) || std::isnan(fb)) continue;
        const bool signChange = (fa <= 0.0 && fb >= 0.0) || (fa >= 0.0 && fb <= 0.0);
        if (!signChange) continue;
        const double lo = xs[static_cast<std::size_t>(i)];
        const double hi = xs[static_cast<std::size_t>(i) + 1];
        const double distance = current < lo ? lo - current : (current > hi ? current - hi : 0.0);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    const std::string goal =
        yName + " reach " + show(request.value, yUnit) + " in " + std::to_string(request.year);
    if (best < 0) {
        std::ostringstream m;
        m << "no value of " << x.id << " between " << show(x.min, x.unit) << " and "
          << show(x.max, x.unit) << " makes " << goal;
        if (std::isfinite(result.lowest))
            m << ": " << yName << " ranges from " << show(result.lowest, yUnit) << " to "
              << show(result.highest, yUnit);
        else
            m << ": the model cannot be evaluated anywhere in that range";
        result.message = m.str();
        return result;
    }
    const auto b = static_cast<std::size_t>(best);
    const double fTolerance = request.relativeTolerance * std::max(std::abs(request.value), 1e-300);
    const BrentResult root = brentRoot(f, xs[b], xs[b + 1], fs[b], fs[b + 1],
                                       1e-15 * std::max(1.0, std::abs(x.max - x.min)), fTolerance);
    result.value = root.x;
    result.achieved = root.fx + request.value;
    // Accept when Y is within 1e-6 relative even if the bracket collapsed first (a step in Y).
    const double relative = std::abs(root.fx) / std::max(std::abs(request.value), 1e-300);
    result.found = root.converged && (std::abs(root.fx) <= fTolerance || relative <= 1e-6);
    if (result.found)
        result.message = x.id + " = " + show(root.x, x.unit) + " makes " + goal;
    else
        result.message = "no value of " + x.id + " makes " + goal + " exactly: " + yName +
                         " jumps from below to above it near " + x.id + " = " +
                         show(root.x, x.unit);
    return result;
}

}  // namespace jevons::core
