// Tests for core/uncertainty/distribution.h: quantiles against analytic values, truncation,
// plain messages for invalid parameters.
#include "core/uncertainty/distribution.h"

#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/percentiles.h"
#include "core/uncertainty/uncertainty_error.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace jevons::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

DistributionSpec spec(DistributionType type) {
    DistributionSpec s;
    s.type = type;
    return s;
}

std::string messageOf(const DistributionSpec& s, double lo = -kInf, double hi = kInf) {
    try {
        (void)Distribution::make(s, lo, hi);
    } catch (const UncertaintyError& e) {
        return e.what();
    }
    return "";
}

TEST(Distribution, NormalQuantileKnownValuesAndRoundTrip) {
    EXPECT_NEAR(normalQuantile(0.975), 1.959963984540054, 1e-14);
    EXPECT_NEAR(normalQuantile(0.95), kZ95, 1e-14);
    EXPECT_NEAR(normalQuantile(0.5), 0.0, 1e-16);
    EXPECT_NEAR(normalQuantile(1e-10), -6.361340902404056, 1e-12);
    for (const double u : {1e-300, 1e-20, 1e-8, 0.001, 0.02, 0.07, 0.3, 0.5, 0.6, 0.93, 0.999})
        EXPECT_NEAR(normalCdf(normalQuantile(u)) / u, 1.0, 1e-13) << u;
}

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Distribution, BatchedNormalQuantilesAreBitForBitTheOneAtATimeOnes) {
    // normalQuantiles() takes AS241's central region two lanes at a time and the rest (tails,
    // ends, NaN) through normalQuantile(): every value must be exactly normalQuantile()'s. More
    // than one 512-value chunk, odd lengths (the last lane alone), every region.
    std::vector<double> u{0.0,   1.0,    -1.0,   2.0, 1e-300, 1e-20,     0.075,
                          0.925, 0.0749, 0.9251, 0.5, 1e-16,  1 - 1e-16, std::nan("")};
    std::mt19937_64 rng(5);
    for (int i = 0; i < 3001; ++i)
        u.push_back(std::ldexp((static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53,
                               i % 5 == 0 ? -static_cast<int>(rng() % 40) : 0));
    std::vector<double> batch(u.size());
    normalQuantiles(u, batch);
    std::size_t central = 0;
    for (std::size_t i = 0; i < u.size(); ++i) {
        EXPECT_TRUE(sameBits(batch[i], normalQuantile(u[i]))) << "u=" << u[i];
        central += std::abs(u[i] - 0.5) <= 0.425 ? 1 : 0;
    }
    EXPECT_GT(central, 2000u);  // both paths are exercised
    EXPECT_LT(central, u.size() - 500);
    EXPECT_EQ(batch[0], -kInf);
    EXPECT_EQ(batch[1], kInf);
    EXPECT_TRUE(std::isnan(batch[13]));
    // Normal (truncated to a share's domain and not) and lognormal: quantiles() == quantile().
    auto n = spec(DistributionType::Normal);
    n.mean = 0.05;
    n.sd = 0.1;
    auto l = spec(DistributionType::Lognormal);
    l.p5 = 140;
    l.p95 = 200;
    for (const auto& d : {Distribution::make(n, 0.0, 1.0), Distribution::make(n, -kInf, kInf),
                          Distribution::make(l, 0.0, kInf)}) {
        d.quantiles(u, batch);
        for (std::size_t i = 0; i < u.size(); ++i)
            EXPECT_TRUE(sameBits(batch[i], d.quantile(u[i]))) << "u=" << u[i];
        // u = 0: F⁻¹(F(lower)) when truncated, lower() itself (−∞ for the open normal) when not.
        EXPECT_TRUE(batch[0] == d.lower() || std::abs(batch[0] - d.lower()) < 1e-15) << batch[0];
        EXPECT_GE(batch[0], d.lower());
        EXPECT_LE(batch[1], d.upper());
    }
}

TEST(Distribution, IncompleteBetaKnownValues) {
    EXPECT_NEAR(incompleteBeta(1.0, 1.0, 0.3), 0.3, 1e-15);
    EXPECT_NEAR(incompleteBeta(2.0, 2.0, 0.25), 3 * 0.0625 - 2 * 0.015625, 1e-15);  // 3x²−2x³
    EXPECT_NEAR(incompleteBeta(3.0, 5.0, 0.5), 0.7734375, 1e-14);
}

TEST(Distribution, LognormalFromNinetyPercentIntervalHitsItsEnds) {
    auto s = spec(DistributionType::Lognormal);
    s.p5 = 0.3;
    s.p95 = 0.6;
    const auto d = Distribution::make(s, -kInf, kInf);
    EXPECT_NEAR(d.quantile(0.05), 0.3, 1e-14);
    EXPECT_NEAR(d.quantile(0.95), 0.6, 1e-14);
    EXPECT_NEAR(d.quantile(0.5), std::sqrt(0.3 * 0.6), 1e-14);
    EXPECT_NEAR(d.cdf(0.3), 0.05, 1e-14);
}

TEST(Distribution, LognormalQuantilesAtHundredThousandPathsMatchAnalytic) {
    using testing::assumption;
    const Scenario sc = testing::makeScenario(
        assumption("x", 0.25, "share", 0.1, 0.5,
                   R"({"type": "lognormal", "p5": 0.2, "p95": 0.35})"),
        R"("y": {"label": {"en": "y"}, "unit": "share", "kind": "formula", "expr": "x"})");
    const auto plan = SamplingPlan::make(sc);
    constexpr Eigen::Index n = 100000;
    std::vector<double> all;
    for (Eigen::Index first = 0; first < n; first += kBlockPaths) {
        AssumptionValues v(1);
        plan.sample(7, first, std::min(kBlockPaths, n - first), v);
        all.insert(all.end(), v[0].data(), v[0].data() + v[0].size());
    }
    const double mu = 0.5 * (std::log(0.2) + std::log(0.35));
    const double sigma = (std::log(0.35) - std::log(0.2)) / (2 * kZ95);
    for (const double p : {0.05, 0.1, 0.5, 0.9, 0.95}) {
        const double analytic = std::exp(mu + sigma * normalQuantile(p));
        // Standard error of a sample quantile: sqrt(p(1−p)/n) / density.
        const double density = std::exp(-0.5 * std::pow(normalQuantile(p), 2)) /
                               (std::sqrt(2 * std::numbers::pi) * sigma * analytic);
        const double se = std::sqrt(p * (1 - p) / n) / density;
        EXPECT_NEAR(percentile(all, p), analytic, 4 * se) << p;
        EXPECT_LT(4 * se / analytic, 0.01);  // the tolerance is tight: under 1%
    }
}

TEST(Distribution, UniformAndTriangularClosedForms) {
    auto u = spec(DistributionType::Uniform);
    u.min = 2;
    u.max = 6;
    EXPECT_DOUBLE_EQ(Distribution::make(u, -kInf, kInf).quantile(0.25), 3.0);
    auto t = spec(DistributionType::Triangular);
    t.min = 0;
    t.mode = 1;
    t.max = 4;
    const auto d = Distribution::make(t, -kInf, kInf);
    EXPECT_NEAR(d.quantile(0.25), 1.0, 1e-15);                        // F(mode) = 1/4
    EXPECT_NEAR(d.quantile(0.5), 4 - std::sqrt(0.5 * 4 * 3), 1e-14);  // on the right leg
    EXPECT_NEAR(d.cdf(d.quantile(0.8)), 0.8, 1e-14);
}

TEST(Distribution, PertQuantileInvertsTheExactBetaCdf) {
    auto p = spec(DistributionType::Pert);
    p.min = 0.2;
    p.mode = 0.25;
    p.max = 0.35;
    const auto d = Distribution::make(p, 0.0, 1.0);
    for (double x = 0.2001; x < 0.35; x += 0.0037)
        EXPECT_NEAR(d.quantile(d.cdf(x)), x, 1e-10 * 0.15) << x;
    // Symmetric PERT: median = mode; mean of a PERT is (min + 4 mode + max) / 6.
    p.mode = 0.275;
    EXPECT_NEAR(Distribution::make(p, 0.0, 1.0).quantile(0.5), 0.275, 1e-12);
    p.mode = 0.25;
    double sum = 0;
    constexpr int kSteps = 200000;
    for (int i = 0; i < kSteps; ++i) sum += d.quantile((i + 0.5) / kSteps);
    EXPECT_NEAR(sum / kSteps, (0.2 + 4 * 0.25 + 0.35) / 6, 1e-7);
}

// x with I_x(a, b) = u by bisection on the incomplete beta, to 1e-15 of x (relative, so the
// tails keep their digits); u > 1/2 through the mirror 1 − x of Beta(b, a) at 1 − u.
double exactBetaQuantile(double a, double b, double u) {
    if (u > 0.5) return 1.0 - exactBetaQuantile(b, a, 1.0 - u);
    double lo = 0.0;
    double hi = 1.0;
    while (hi - lo > 1e-15 * hi)
        (incompleteBeta(a, b, 0.5 * (lo + hi)) < u ? lo : hi) = 0.5 * (lo + hi);
    return 0.5 * (lo + hi);
}

TEST(Distribution, PertTableMatchesTheExactInverseToBelowOneTenBillionthOfTheRange) {
    // α = 1 + 4 (mode − min)/range from 1 to 5 (β = 6 − α), on [2, 2.5]. The u grid: 2,000 even
    // steps (the table's widest intervals, v in [1/4, 1/2), are 1/64 wide), and 500 log-spaced
    // from 1e-15 to 1/2 in each tail, where the quantile is a power law (x ~ u^(1/α)).
    std::vector<double> grid;
    for (int i = 1; i < 2000; ++i) grid.push_back(i / 2000.0 + 1.7e-5);
    for (int i = 0; i <= 500; ++i) {
        const double v = std::pow(10.0, -15.0 + i * (15.0 - std::log10(2.0)) / 500);
        grid.push_back(v);
        grid.push_back(1.0 - v);
    }
    for (const double alpha : {1.0, 1.5, 2.0, 3.0, 4.2, 5.0}) {
        auto p = spec(DistributionType::Pert);
        p.min = 2.0;
        p.max = 2.5;
        p.mode = 2.0 + 0.5 * (alpha - 1.0) / 4.0;
        const auto d = Distribution::make(p, -kInf, kInf);
        double worst = 0.0;
        for (const double u : grid)
            worst = std::max(
                worst,
                std::abs(d.quantile(u) - (2.0 + 0.5 * exactBetaQuantile(alpha, 6.0 - alpha, u))));
        // Measured over 10^6 u: 5.8e-12 (α = 3) to 1.21e-11 (α = 1, 5) of the range.
        EXPECT_LT(worst / 0.5, 1e-10) << "alpha " << alpha;
        EXPECT_GT(worst / 0.5, 1e-14) << "alpha " << alpha;  // an interpolation, not exact
    }
}

TEST(Distribution, PertBatchedQuantilesAreBitForBitTheOneAtATimeOnes) {
    // quantiles() runs the table's loop over the span (or, for u below 2^-41 from either end, the
    // exact inverse); every value must be exactly quantile()'s, whatever its neighbours. Shapes:
    // skewed, mode at min (α = 1), mode near max, symmetric.
    for (const auto& [min, mode, max] : {std::array{0.2, 0.25, 0.35}, std::array{0.0, 0.0, 1.0},
                                         std::array{5.0, 9.9, 10.0}, std::array{1.0, 1.5, 2.0}}) {
        auto p = spec(DistributionType::Pert);
        p.min = min;
        p.mode = mode;
        p.max = max;
        const auto d = Distribution::make(p, -kInf, kInf);
        std::vector<double> u{0.0,       1.0,         -0.5,  1.5,       1e-300,
                              1e-12,     1e-7,        0.5,   1 - 1e-12, 0.25,
                              0x1.0p-41, 0x1.fffp-42, 1e-13, 1 - 1e-13, std::nextafter(0.5, 0.0),
                              0x1.0p-54};
        for (int k = 0; k <= 8192; k += 7) u.push_back(k / 8192.0);            // on interval ends
        for (int k = 2; k <= 60; ++k) u.push_back(1.0 - std::ldexp(1.0, -k));  // octave ends
        std::mt19937_64 rng(17);
        for (int i = 0; i < 5000; ++i)
            u.push_back((static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53);
        std::vector<double> batch(u.size());
        d.quantiles(u, batch);
        for (std::size_t i = 0; i < u.size(); ++i) {
            const double one = d.quantile(u[i]);
            EXPECT_EQ(std::memcmp(&batch[i], &one, sizeof one), 0) << mode << " u=" << u[i];
            EXPECT_GE(batch[i], min);
            EXPECT_LE(batch[i], max);
        }
        // And the value inverts the exact CDF.
        for (std::size_t i = 10; i < u.size(); i += 97)
            EXPECT_NEAR(d.cdf(batch[i]), u[i], 1e-7) << mode << " u=" << u[i];
    }
}

TEST(Distribution, NormalShareIsTruncatedToZeroOne) {
    auto s = spec(DistributionType::Normal);
    s.mean = 0.05;
    s.sd = 0.1;
    const auto d = Distribution::make(s, 0.0, 1.0);
    EXPECT_GE(d.quantile(1e-12), 0.0);
    EXPECT_DOUBLE_EQ(d.cdf(0.0), 0.0);
    const double f0 = normalCdf(-0.5);
    EXPECT_NEAR(d.quantile(0.5), 0.05 + 0.1 * normalQuantile(f0 + 0.5 * (1 - f0)), 1e-14);
    EXPECT_NEAR(d.cdf(d.quantile(0.3)), 0.3, 1e-14);
}

TEST(Distribution, InvalidParametersAreSaidPlainly) {
    auto l = spec(DistributionType::Lognormal);
    l.p5 = 0.35;
    l.p95 = 0.2;
    EXPECT_EQ(messageOf(l), "p5 0.35 must be below p95 0.2");
    auto t = spec(DistributionType::Pert);
    t.min = 0.3;
    t.mode = 0.2;
    t.max = 0.4;
    EXPECT_EQ(messageOf(t), "the mode 0.2 must lie between min 0.3 and max 0.4");
    auto u = spec(DistributionType::Uniform);
    u.min = 0.5;
    u.max = 1.2;
    EXPECT_NE(messageOf(u, 0.0, 1.0).find("max 1.2 is above 1"), std::string::npos);
    auto n = spec(DistributionType::Normal);
    n.mean = -0.5;
    n.sd = 0.1;
    EXPECT_NE(messageOf(n, 0.0, 1.0).find("below 0"), std::string::npos);
}

}  // namespace
}  // namespace jevons::core
