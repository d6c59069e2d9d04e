// Tests for core/uncertainty/uniform_stream.h: the reference SplitMix64 value, draws from any
// offset equal the same draws from the start, and the draws look uniform and independent.
#include "core/uncertainty/uniform_stream.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

namespace {

using namespace jevons::core;

TEST(UniformStream, SplitMixMatchesTheReferenceImplementation) {
    // Vigna's splitmix64.c seeded with 0 returns 0xE220A8397B1DCDAF first, then 0x6E789E6AA1B965F4.
    EXPECT_EQ(splitmix64(0), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(splitmix64(0x9E3779B97F4A7C15ULL), 0x6E789E6AA1B965F4ULL);
    std::array<double, 2> u{};
    uniforms(0, 0, u);
    EXPECT_EQ(u[0], (static_cast<double>(0xE220A8397B1DCDAFULL >> 11) + 0.5) * 0x1.0p-53);
    EXPECT_EQ(u[1], (static_cast<double>(0x6E789E6AA1B965F4ULL >> 11) + 0.5) * 0x1.0p-53);
}

TEST(UniformStream, DrawsFromAnOffsetAreTheStreamsOwn) {
    const std::uint64_t key = streamKey(20250209, 3, hashId("asic_share_2028"));
    std::vector<double> whole(1500);
    uniforms(key, 0, whole);
    std::vector<double> tail(500);
    uniforms(key, 1000, tail);
    for (std::size_t i = 0; i < tail.size(); ++i) EXPECT_EQ(tail[i], whole[1000 + i]) << i;
}

TEST(UniformStream, DrawsAreUniformAndIndependent) {
    constexpr std::size_t kN = 1'000'000;
    std::vector<double> u(kN);
    uniforms(streamKey(7, 0, hashId("x")), 0, u);
    double sum = 0.0;
    double squares = 0.0;
    double lagged = 0.0;
    std::array<int, 100> bins{};
    for (std::size_t i = 0; i < kN; ++i) {
        ASSERT_GT(u[i], 0.0);
        ASSERT_LT(u[i], 1.0);
        sum += u[i];
        squares += u[i] * u[i];
        if (i > 0) lagged += (u[i] - 0.5) * (u[i - 1] - 0.5);
        ++bins[static_cast<std::size_t>(u[i] * 100)];
    }
    const double n = kN;
    const double mean = sum / n;
    EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12 / n));  // 4 standard errors
    EXPECT_NEAR(squares / n - mean * mean, 1.0 / 12, 4 * 0.0745 / std::sqrt(n));  // sd of (u − ½)²
    EXPECT_LT(std::abs(lagged / n * 12), 4 / std::sqrt(n));  // lag-1 correlation
    double chi2 = 0.0;
    for (const int b : bins) chi2 += (b - n / 100) * (b - n / 100) / (n / 100);
    EXPECT_LT(chi2, 148.2);  // χ²(99) at 0.999
    // Another stream of the same seed is not the same sequence shifted or correlated.
    std::vector<double> v(kN);
    uniforms(streamKey(7, 0, hashId("y")), 0, v);
    double cross = 0.0;
    for (std::size_t i = 0; i < kN; ++i) cross += (u[i] - 0.5) * (v[i] - 0.5);
    EXPECT_LT(std::abs(cross / n * 12), 4 / std::sqrt(n));
}

}  // namespace
