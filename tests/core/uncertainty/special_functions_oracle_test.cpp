// The special functions the simulation samples with (core/uncertainty/special_functions.h, the
// PERT quantile of core/uncertainty/distribution.h) against a reference library, Boost.Math
// (Debian libboost-math-dev, test-only), evaluated in long double on dense grids that reach far
// into the tails (issue 17, item 7). Each test prints its worst error, which the README quotes,
// and asserts a bound a little above it.
#include "core/uncertainty/distribution.h"
#include "core/uncertainty/special_functions.h"

#include <gtest/gtest.h>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace jevons::core {
namespace {

using Real = long double;
const boost::math::normal_distribution<Real> kStandardNormal;
// Boost's inverse incomplete beta gives up after 200 root-finding steps by default; far in the
// tails of the wider shapes it needs more.
using Patient = boost::math::policies::policy<boost::math::policies::max_root_iterations<5000>>;

/// Probabilities from 1e-300 to 1 − 2^-53: a uniform grid of `n` inner points plus, at each end,
/// `perDecade` points per decade down to 1e-300 (the lower tail) and to 2^-53 (the upper tail,
/// where 1 − u is the smallest gap a double has below 1).
std::vector<double> probabilityGrid(int n, int perDecade) {
    std::vector<double> u;
    for (int i = 1; i < n; ++i) u.push_back(double(i) / n);
    for (int k = 0; k <= 300 * perDecade; ++k) u.push_back(std::pow(10.0, -double(k) / perDecade));
    for (int k = 0; k <= 16 * perDecade; ++k) {
        const double gap = std::pow(10.0, -double(k) / perDecade);
        if (gap >= 0x1p-53 && gap < 1.0) u.push_back(1.0 - gap);
    }
    u.erase(std::remove_if(u.begin(), u.end(), [](double v) { return !(v > 0.0 && v < 1.0); }),
            u.end());
    return u;
}

double relativeError(double value, Real reference) {
    if (reference == 0) return value == 0 ? 0.0 : std::numeric_limits<double>::infinity();
    return double(std::fabs((Real(value) - reference) / reference));
}

struct Worst {
    double error = 0;
    double at = 0;
    void add(double e, double x) {
        if (e > error || std::isnan(e)) {
            error = e;
            at = x;
        }
    }
};

TEST(SpecialFunctionsOracle, NormalQuantile) {
    Worst worst;
    const std::vector<double> grid = probabilityGrid(200000, 20);
    for (const double u : grid)
        worst.add(relativeError(normalQuantile(u), boost::math::quantile(kStandardNormal, Real(u))),
                  u);
    std::printf("[ oracle   ] normalQuantile: %zu points, worst relative error %.2e at u = %.17g\n",
                grid.size(), worst.error, worst.at);
    EXPECT_LT(worst.error, 1e-15) << "at u = " << worst.at;
}

TEST(SpecialFunctionsOracle, NormalCdf) {
    Worst worst;
    Worst scaled;  // the error over (4 + z²)·2^-53, what the rounding of z/√2 explains
    int points = 0;
    // z from −37.5 (Φ ≈ 5e-308, near the smallest normal double) to +8.3 (Φ rounds to 1).
    for (double z = -37.5; z <= 8.3; z += 1.0 / 4096, ++points) {
        const double e = relativeError(normalCdf(z), boost::math::cdf(kStandardNormal, Real(z)));
        worst.add(e, z);
        scaled.add(e / ((4 + z * z) * 0x1p-53), z);
    }
    std::printf("[ oracle   ] normalCdf: %d points, worst relative error %.2e at z = %.17g\n",
                points, worst.error, worst.at);
    // Φ(z) = erfc(−z/√2)/2: the rounding of z/√2 (half an ulp) is amplified by z² in the lower
    // tail (z²·2^-53 = 1.6e-13 at z = −37.5), so each point is held to a few ulps times 4 + z².
    std::printf("[ oracle   ] normalCdf: worst error / ((4 + z²)·2^-53) = %.2f at z = %.17g\n",
                scaled.error, scaled.at);
    EXPECT_LT(scaled.error, 4.0) << "at z = " << scaled.at;
    EXPECT_LT(worst.error, 2.5e-13) << "at z = " << worst.at;
}

/// Shapes: every PERT's α, β lies in [1, 5]; the others reach below 1 and above 5.
const std::vector<double> kShapes{0.5, 1.0, 1.25, 1.5, 2.0, 2.6, 3.0, 3.7, 4.0, 5.0, 7.5};

TEST(SpecialFunctionsOracle, IncompleteBeta) {
    Worst worst;
    int points = 0;
    std::vector<double> xs;
    for (int i = 0; i <= 4000; ++i) xs.push_back(i / 4000.0);
    for (int k = 1; k <= 100 * 10; ++k) {  // 10 per decade down to 1e-100, at both ends
        xs.push_back(std::pow(10.0, -k / 10.0));
        xs.push_back(1.0 - std::pow(10.0, -k / 10.0));
    }
    for (const double a : kShapes)
        for (const double b : kShapes)
            for (const double x : xs) {
                if (!(x >= 0.0 && x <= 1.0)) continue;
                const Real reference = boost::math::ibeta(Real(a), Real(b), Real(x));
                if (reference < Real(std::numeric_limits<double>::min())) continue;  // underflow
                worst.add(relativeError(incompleteBeta(a, b, x), reference), x);
                ++points;
            }
    std::printf(
        "[ oracle   ] incompleteBeta: %d points over %zu × %zu shapes, worst relative "
        "error %.2e at x = %.17g\n",
        points, kShapes.size(), kShapes.size(), worst.error, worst.at);
    EXPECT_LT(worst.error, 1e-12) << "at x = " << worst.at;
}

/// The PERT quantile on [0, 1] is the inverse of the incomplete beta, I⁻¹(α, β, u): the table
/// within 1.3e-11 of the range; in the far tails (u within 2^-41 of an end) the exact inverse,
/// checked forwards (Boost's I at the quantile against u: a relative error r there is r/α in x)
/// because Boost's own inverse gives up for some shapes below u ≈ 1e-160.
TEST(SpecialFunctionsOracle, PertQuantileIsTheInverseIncompleteBeta) {
    Worst absolute;  // of the range (1)
    Worst tail;      // relative, of I at the quantile against u (lower tail)
    Worst upper;     // in ulps below 1 (2^-53), of x against Boost's 1 − I_c⁻¹(1 − u)
    int points = 0;
    int uninvertible = 0;
    const std::vector<double> grid = probabilityGrid(20000, 4);
    for (const double mode : {0.0, 0.1, 0.25, 0.5, 0.8, 1.0}) {
        DistributionSpec spec;
        spec.type = DistributionType::Pert;
        spec.min = 0.0;
        spec.mode = mode;
        spec.max = 1.0;
        const Distribution d = Distribution::make(spec, -HUGE_VAL, HUGE_VAL);
        const Real alpha = 1 + 4 * Real(mode);
        const Real beta = 5 - 4 * Real(mode);
        for (const double u : grid) {
            const double x = d.quantile(u);
            ++points;
            try {
                const Real reference = boost::math::ibeta_inv(alpha, beta, Real(u), Patient());
                absolute.add(double(std::fabs(Real(x) - reference)), u);
            } catch (const boost::math::evaluation_error&) {
                ++uninvertible;
            }
            if (u < 0x1p-41)
                tail.add(relativeError(u, boost::math::ibeta(alpha, beta, Real(x))), u);
            else if (1.0 - u < 0x1p-41)  // x is 1 − y with y tiny: x within an ulp below 1
                upper.add(double(std::fabs(Real(x) - boost::math::ibetac_inv(
                                                         alpha, beta, 1 - Real(u), Patient()))) /
                              0x1p-53,
                          u);
        }
    }
    std::printf(
        "[ oracle   ] PERT quantile: %d points over 6 shapes, worst error %.2e of the range "
        "at u = %.17g (%d points Boost could not invert); within 2^-41 of 0, I at the "
        "quantile within %.2e of u (relative) at u = %.3g; within 2^-41 of 1, %.2f ulps\n",
        points, absolute.error, absolute.at, uninvertible, tail.error, tail.at, upper.error);
    EXPECT_LT(absolute.error, 1.3e-11) << "at u = " << absolute.at;
    EXPECT_LT(tail.error, 1e-12) << "at u = " << tail.at;
    EXPECT_LE(upper.error, 1.0) << "at u = " << upper.at;
    EXPECT_LT(uninvertible, points / 100);
}

}  // namespace
}  // namespace jevons::core
