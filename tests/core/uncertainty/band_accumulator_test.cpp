// Tests for core/uncertainty/band_accumulator.h: the bands of columns added chunk by chunk equal
// the type-7 percentiles of the whole column (exactly), whatever the pilot, the ties, the chunk
// order or the worker that added each chunk.
#include "core/uncertainty/band_accumulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <random>
#include <vector>

namespace {

using namespace jevons::core;

constexpr std::size_t kChunk = 256;

struct Accumulated {
    std::vector<Percentiles> bands;
    std::vector<double> run;  // the run buffer as add() left it
};

// Adds `columns` (each of the same length) chunk by chunk, chunks in `order`, chunk c by worker
// c % workers; the pilot of each column is its chunk 0 (as runMonteCarlo does).
Accumulated accumulate(const std::vector<std::vector<double>>& columns, int workers,
                       const std::vector<std::size_t>& order) {
    const std::size_t n = columns.front().size();
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    BandAccumulator acc(columns.size(), chunks, workers);
    // 16-byte aligned (as the run buffer is), so add() takes its streaming path.
    std::vector<double> run(columns.size() * n + 2);
    double* base = run.data() + (reinterpret_cast<std::uintptr_t>(run.data()) % 16 ? 1 : 0);
    std::vector<std::uint16_t> codes(columns.size() * n);
    for (std::size_t k = 0; k < columns.size(); ++k)
        acc.setRange(k, std::span<const double>(columns[k].data(), std::min(kChunk, n)));
    for (const std::size_t c : order)
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const std::size_t first = c * kChunk;
            const std::size_t m = std::min(kChunk, n - first);
            acc.add(static_cast<int>(c % static_cast<std::size_t>(workers)), c, k,
                    columns[k].data() + first, m, base + k * n + first,
                    codes.data() + k * n + first);
        }
    BandAccumulator::storeFence();
    Accumulated out;
    out.run.assign(base, base + columns.size() * n);
    for (std::size_t k = 0; k < columns.size(); ++k)
        out.bands.push_back(acc.finish(k, std::span<double>(base + k * n, n),
                                       std::span<const std::uint16_t>(codes.data() + k * n, n)));
    return out;
}

std::vector<std::size_t> inOrder(std::size_t n) {
    std::vector<std::size_t> order((n + kChunk - 1) / kChunk);
    std::iota(order.begin(), order.end(), 0);
    return order;
}

void expectExact(const std::vector<double>& column, const Percentiles& got) {
    const Percentiles want = percentiles(column);
    EXPECT_EQ(got.p10, want.p10);
    EXPECT_EQ(got.p25, want.p25);
    EXPECT_EQ(got.p50, want.p50);
    EXPECT_EQ(got.p75, want.p75);
    EXPECT_EQ(got.p90, want.p90);
    EXPECT_NEAR(got.mean, want.mean, 1e-13 * std::max(1.0, std::abs(want.mean)));
}

std::vector<std::vector<double>> sampleColumns(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(50.0, 8.0);
    std::lognormal_distribution<double> lognormal(0.0, 1.2);
    std::uniform_int_distribution<int> few(1, 3);
    std::vector<std::vector<double>> columns(4, std::vector<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        columns[0][i] = normal(rng);
        columns[1][i] = lognormal(rng);           // long right tail, beyond any pilot
        columns[2][i] = few(rng);                 // heavy ties
        columns[3][i] = std::round(normal(rng));  // ties inside buckets
    }
    return columns;
}

TEST(BandAccumulator, BandsEqualTheTypeSevenPercentilesOfTheWholeColumn) {
    for (const std::size_t n : {1000u, 1024u, 10000u, 100003u}) {
        const auto columns = sampleColumns(n, n);
        const Accumulated r = accumulate(columns, 2, inOrder(n));
        for (std::size_t k = 0; k < columns.size(); ++k) {
            SCOPED_TRACE(testing::Message() << "n " << n << " column " << k);
            expectExact(columns[k], r.bands[k]);
        }
    }
}

TEST(BandAccumulator, CopiesEveryValueToTheRunBuffer) {
    const auto columns = sampleColumns(5000, 3);
    const Accumulated r = accumulate(columns, 1, inOrder(5000));
    for (std::size_t k = 0; k < columns.size(); ++k) {
        std::vector<double> copy(r.run.begin() + static_cast<std::ptrdiff_t>(k * 5000),
                                 r.run.begin() + static_cast<std::ptrdiff_t>((k + 1) * 5000));
        std::vector<double> want = columns[k];
        // finish() may reorder a column: compare as multisets.
        std::sort(copy.begin(), copy.end());
        std::sort(want.begin(), want.end());
        EXPECT_EQ(copy, want) << k;
    }
}

TEST(BandAccumulator, SameBytesWhateverTheChunkOrderAndWorkers) {
    const std::size_t n = 20000;
    const auto columns = sampleColumns(n, 11);
    const Accumulated a = accumulate(columns, 1, inOrder(n));
    std::vector<std::size_t> shuffled = inOrder(n);
    std::shuffle(shuffled.begin() + 1, shuffled.end(), std::mt19937_64(5));
    const Accumulated b = accumulate(columns, 3, shuffled);
    for (std::size_t k = 0; k < columns.size(); ++k)
        EXPECT_EQ(std::memcmp(&a.bands[k], &b.bands[k], sizeof(Percentiles)), 0) << k;
}

TEST(BandAccumulator, PilotFarFromTheRestStaysExact) {
    // The first chunk (the pilot) lies near 0, every later value near 1,000: all of them fall
    // in the top code, and the selection falls back to the whole column.
    const std::size_t n = 8000;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<std::vector<double>> columns(2, std::vector<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        columns[0][i] = i < kChunk ? normal(rng) : 1000.0 + normal(rng);
        columns[1][i] = i < kChunk ? 5.0 : normal(rng);  // a constant pilot: one code
    }
    const Accumulated r = accumulate(columns, 2, inOrder(n));
    expectExact(columns[0], r.bands[0]);
    expectExact(columns[1], r.bands[1]);
    EXPECT_GT(r.bands[0].p10, 990.0);
}

TEST(BandAccumulator, ConstantColumnGivesItsValue) {
    const std::vector<std::vector<double>> columns{std::vector<double>(3000, 42.5)};
    const Percentiles p = accumulate(columns, 2, inOrder(3000)).bands[0];
    EXPECT_EQ(p.p10, 42.5);
    EXPECT_EQ(p.p50, 42.5);
    EXPECT_EQ(p.p90, 42.5);
    EXPECT_DOUBLE_EQ(p.mean, 42.5);
}

}  // namespace
