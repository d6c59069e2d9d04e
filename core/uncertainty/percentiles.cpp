#include "core/uncertainty/percentiles.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace jevons::core {
namespace {

// Below this size std::nth_element is as fast as bucketing.
constexpr std::size_t kSmall = 4096;
constexpr std::size_t kMaxBuckets = 4096;

// Reused between calls on one thread (the top level of selectRanks; recursion allocates).
struct Scratch {
    std::vector<std::uint32_t> count;  // 2 × buckets: two interleaved histograms, then ranks
    std::vector<std::int32_t> slot;    // bucket -> its place among the wanted ones, or -1
    std::vector<double> gathered;      // the values of the wanted buckets
    std::vector<std::size_t> first;    // rank of each bucket's first value
};

// Values at the 0-based order statistics `ranks` (sorted ascending, unique) of `v`, into `out`
// (same order). `lo` and `hi` are v's minimum and maximum. Reorders v. Exact: any ranks, ties,
// outliers.
void selectRanks(std::span<double> v, std::span<const std::size_t> ranks, std::span<double> out,
                 double lo, double hi, Scratch* reuse) {
    const std::size_t n = v.size();
    if (ranks.empty()) return;
    if (n <= kSmall) {
        std::size_t start = 0;
        for (std::size_t k = 0; k < ranks.size(); ++k) {
            std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(start),
                             v.begin() + static_cast<std::ptrdiff_t>(ranks[k]), v.end());
            out[k] = v[ranks[k]];
            start = ranks[k] + 1;
        }
        return;
    }
    if (!(hi > lo)) {
        std::fill(out.begin(), out.end(), lo);
        return;
    }
    // Bucket selection: bucket every value by its position in [lo, hi], count, keep only the
    // buckets holding a wanted rank, then select inside them.
    Scratch local;
    Scratch& s = reuse ? *reuse : local;
    const std::size_t buckets = std::min<std::size_t>(kMaxBuckets, n / 8);
    const double scale = static_cast<double>(buckets) / (hi - lo);
    // (x − lo)·scale is in [0, buckets] (up to rounding): a signed conversion is one
    // instruction, an unsigned one a branch and several.
    const auto top = static_cast<std::int64_t>(buckets) - 1;
    const auto bucketOf = [&](double x) {
        const auto b = static_cast<std::int64_t>((x - lo) * scale);
        return static_cast<std::size_t>(b < top ? b : top);
    };
    // Two histograms, even and odd positions: consecutive increments of one bucket do not wait
    // on each other.
    s.count.assign(2 * buckets, 0);
    std::uint32_t* even = s.count.data();
    std::uint32_t* odd = even + buckets;
    std::size_t i = 0;
    for (; i + 1 < n; i += 2) {
        ++even[bucketOf(v[i])];
        ++odd[bucketOf(v[i + 1])];
    }
    if (i < n) ++even[bucketOf(v[i])];
    // first[b]: the rank of the first value of bucket b (first[buckets] = n).
    s.first.resize(buckets + 1);
    const std::span<std::size_t> first(s.first.data(), buckets + 1);
    std::size_t before = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
        first[b] = before;
        before += std::size_t{even[b]} + odd[b];
    }
    first[buckets] = before;
    // Wanted buckets and where their values go in the gathered buffer.
    s.slot.assign(buckets, -1);
    std::vector<std::size_t> wanted;  // bucket of each slot
    std::vector<std::size_t> rankBucket(ranks.size());
    for (std::size_t k = 0; k < ranks.size(); ++k) {
        const auto it = std::upper_bound(first.begin(), first.end(), ranks[k]);
        const std::size_t b = static_cast<std::size_t>(it - first.begin()) - 1;
        rankBucket[k] = b;
        if (s.slot[b] < 0) {
            s.slot[b] = static_cast<std::int32_t>(wanted.size());
            wanted.push_back(b);
        }
    }
    std::vector<std::size_t> offset(wanted.size() + 1, 0);
    for (std::size_t w = 0; w < wanted.size(); ++w)
        offset[w + 1] = offset[w] + (first[wanted[w] + 1] - first[wanted[w]]);
    if (s.gathered.size() < offset.back()) s.gathered.resize(offset.back());
    std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
    const std::int32_t* slot = s.slot.data();
    double* gathered = s.gathered.data();
    for (const double x : v) {
        const std::int32_t w = slot[bucketOf(x)];
        if (w >= 0) gathered[fill[static_cast<std::size_t>(w)]++] = x;
    }
    // Select inside each wanted bucket (recursing when a bucket is still large).
    for (std::size_t w = 0; w < wanted.size(); ++w) {
        const std::size_t b = wanted[w];
        std::vector<std::size_t> localRanks;
        std::vector<std::size_t> which;
        for (std::size_t k = 0; k < ranks.size(); ++k)
            if (rankBucket[k] == b) {
                localRanks.push_back(ranks[k] - first[b]);
                which.push_back(k);
            }
        std::span<double> part(gathered + offset[w], offset[w + 1] - offset[w]);
        std::vector<double> values(localRanks.size());
        if (part.size() < n) {
            double partLo = part.front();
            double partHi = part.front();
            if (part.size() > kSmall)
                for (const double x : part) {
                    partLo = std::min(partLo, x);
                    partHi = std::max(partHi, x);
                }
            selectRanks(part, localRanks, values, partLo, partHi, nullptr);
        } else {
            // Every value in one bucket despite hi > lo (only possible through rounding): sort.
            std::sort(part.begin(), part.end());
            for (std::size_t k = 0; k < localRanks.size(); ++k) values[k] = part[localRanks[k]];
        }
        for (std::size_t k = 0; k < which.size(); ++k) out[which[k]] = values[k];
    }
}

thread_local Scratch t_scratch;

// The order statistics type 7 needs for `levels` over n values, ascending and distinct.
std::vector<std::size_t> ranksFor(std::size_t n, std::span<const double> levels) {
    std::vector<std::size_t> ranks;
    ranks.reserve(2 * levels.size());
    for (const double p : levels) {
        const double h = static_cast<double>(n - 1) * std::clamp(p, 0.0, 1.0);
        const auto lower = static_cast<std::size_t>(std::floor(h));
        ranks.push_back(lower);
        if (lower + 1 < n) ranks.push_back(lower + 1);
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    return ranks;
}

// Type-7 interpolation at `levels` from the order statistics `at` of `ranks` (ranksFor).
void interpolate(std::size_t n, std::span<const double> levels, std::span<const std::size_t> ranks,
                 std::span<const double> at, std::span<double> out) {
    const auto valueAt = [&](std::size_t rank) {
        return at[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), rank) -
                                           ranks.begin())];
    };
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const double h = static_cast<double>(n - 1) * std::clamp(levels[i], 0.0, 1.0);
        const auto lower = static_cast<std::size_t>(std::floor(h));
        const double frac = h - static_cast<double>(lower);
        const double x0 = valueAt(lower);
        out[i] = lower + 1 < n && frac > 0.0 ? x0 + frac * (valueAt(lower + 1) - x0) : x0;
    }
}

void percentilesInPlace(std::span<double> values, std::span<const double> levels,
                        std::span<double> out, double lo, double hi,
                        const std::function<double(double)>& g = {}) {
    const std::size_t n = values.size();
    const std::vector<std::size_t> ranks = ranksFor(n, levels);
    std::vector<double> at(ranks.size());
    selectRanks(values, ranks, at, lo, hi, &t_scratch);
    if (g)
        for (double& x : at) x = g(x);
    interpolate(n, levels, ranks, at, out);
}

}  // namespace

std::vector<std::size_t> bandRanks(std::size_t n) { return ranksFor(n, kBandLevels); }

BandPercentiles bandsFromRanks(std::size_t n, std::span<const double> at) {
    const std::vector<std::size_t> ranks = ranksFor(n, kBandLevels);
    std::array<double, 5> q{};
    interpolate(n, kBandLevels, ranks, at, q);
    return {q[0], q[1], q[2], q[3], q[4]};
}

void percentilesInPlace(std::span<double> values, std::span<const double> levels,
                        std::span<double> out) {
    double lo = values.empty() ? 0.0 : values.front();
    double hi = lo;
    if (values.size() > kSmall)
        for (const double x : values) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    percentilesInPlace(values, levels, out, lo, hi);
}

double percentile(std::span<const double> values, double level) {
    std::vector<double> copy(values.begin(), values.end());
    double out = 0.0;
    percentilesInPlace(copy, std::span<const double>(&level, 1), std::span<double>(&out, 1));
    return out;
}

Percentiles percentilesInPlace(std::span<double> values, double sum, double min, double max) {
    std::array<double, 5> q{};
    percentilesInPlace(values, kBandLevels, q, min, max);
    return {q[0], q[1], q[2], q[3], q[4], sum / static_cast<double>(values.size())};
}

Percentiles percentilesInPlace(std::span<double> values) {
    double sum = 0.0;
    double lo = values.empty() ? 0.0 : values.front();
    double hi = lo;
    for (const double x : values) {
        sum += x;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    return percentilesInPlace(values, sum, lo, hi);
}

Percentiles percentiles(std::span<const double> values) {
    std::vector<double> copy(values.begin(), values.end());
    return percentilesInPlace(copy);
}

BandPercentiles percentilesOfIncreasing(std::span<double> values,
                                        const std::function<double(double)>& g) {
    double lo = values.empty() ? 0.0 : values.front();
    double hi = lo;
    for (const double x : values) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    std::array<double, 5> q{};
    percentilesInPlace(values, kBandLevels, q, lo, hi, g);
    return {q[0], q[1], q[2], q[3], q[4]};
}

}  // namespace jevons::core
