// Tests for core/uncertainty/percentiles.h and histogram.h.
#include "core/uncertainty/percentiles.h"
#include "core/uncertainty/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace jevons::core {
namespace {

// Type 7 by a full sort, the reference.
double sortedPercentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    return lo + 1 < v.size() ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
}

TEST(Percentile, KnownArrayTypeSeven) {
    const std::vector<double> v{7, 1, 10, 3, 5, 2, 9, 4, 8, 6};
    const Percentiles p = percentiles(v);
    EXPECT_DOUBLE_EQ(p.p10, 1.9);
    EXPECT_DOUBLE_EQ(p.p25, 3.25);
    EXPECT_DOUBLE_EQ(p.p50, 5.5);
    EXPECT_DOUBLE_EQ(p.p75, 7.75);
    EXPECT_DOUBLE_EQ(p.p90, 9.1);
    EXPECT_DOUBLE_EQ(p.mean, 5.5);
    EXPECT_DOUBLE_EQ(percentile(v, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(percentile(v, 1.0), 10.0);
    EXPECT_DOUBLE_EQ(percentile(std::vector<double>{4.0}, 0.9), 4.0);
}

TEST(Percentile, LargeShuffledRangeIsExact) {
    std::vector<double> v(100001);
    std::iota(v.begin(), v.end(), 0.0);
    std::shuffle(v.begin(), v.end(), std::mt19937_64(3));
    const Percentiles p = percentiles(v);
    EXPECT_EQ(p.p10, 10000.0);
    EXPECT_EQ(p.p25, 25000.0);
    EXPECT_EQ(p.p50, 50000.0);
    EXPECT_EQ(p.p75, 75000.0);
    EXPECT_EQ(p.p90, 90000.0);
}

TEST(Percentile, BucketSelectionMatchesSortOnSkewedDataWithTies) {
    std::mt19937_64 rng(11);
    std::lognormal_distribution<double> heavy(0.0, 2.0);
    for (const std::size_t n : {5000u, 20000u, 100000u}) {
        std::vector<double> v(n);
        for (auto& x : v) x = std::round(heavy(rng) * 100) / 100;  // heavy tail and ties
        v[0] = 1e9;                                                // one far outlier
        for (const double level : {0.1, 0.25, 0.5, 0.75, 0.9, 0.999})
            EXPECT_EQ(percentile(v, level), sortedPercentile(v, level)) << n << " " << level;
    }
    std::vector<double> same(10000, 2.5);
    EXPECT_EQ(percentiles(same).p90, 2.5);
}

TEST(Percentile, GivenSumMinAndMaxGivesTheSameBits) {
    // The Monte Carlo takes sum, min and max of several columns in one pass and hands them in.
    std::mt19937_64 rng(23);
    std::lognormal_distribution<double> skewed(1.0, 0.7);
    for (const std::size_t n : {1u, 2u, 4096u, 4097u, 10000u, 100000u}) {
        std::vector<double> v(n);
        for (auto& x : v) x = skewed(rng);
        double sum = 0.0;
        for (const double x : v) sum += x;
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        std::vector<double> copy = v;
        const Percentiles given = percentilesInPlace(copy, sum, *lo, *hi);
        EXPECT_EQ(given, percentiles(v)) << n;
        EXPECT_EQ(given.p50, sortedPercentile(v, 0.5)) << n;
        EXPECT_EQ(given.p90, sortedPercentile(v, 0.9)) << n;
    }
}

TEST(Histogram, BinCountsSumToTheNumberOfValues) {
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal(10.0, 2.0);
    std::vector<double> v(10000);
    for (auto& x : v) x = normal(rng);
    const Histogram h = histogram(v);
    EXPECT_EQ(std::accumulate(h.counts.begin(), h.counts.end(), 0L), 10000);
    EXPECT_EQ(h.total, 10000);
    EXPECT_GE(h.counts.size(), 10u);
    EXPECT_LE(h.counts.size(), 80u);
    EXPECT_DOUBLE_EQ(h.lower, *std::min_element(v.begin(), v.end()));
    EXPECT_NEAR(h.edge(h.counts.size()), *std::max_element(v.begin(), v.end()), 1e-9);
    EXPECT_NEAR(h.stats.p50, 10.0, 0.1);
    EXPECT_LT(h.stats.p10, h.stats.p50);
    EXPECT_GT(h.stats.p90, h.stats.p50);

    const Histogram clipped = histogram(v, 20, std::pair{8.0, 12.0});
    EXPECT_EQ(clipped.counts.size(), 20u);
    EXPECT_GT(clipped.below, 0);
    EXPECT_GT(clipped.above, 0);
    EXPECT_EQ(std::accumulate(clipped.counts.begin(), clipped.counts.end(), 0L) + clipped.below +
                  clipped.above,
              10000);
}

}  // namespace
}  // namespace jevons::core
