#include "core/uncertainty/percentiles.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace jevons::core {
namespace {

// Below this size std::nth_element is as fast as bucketing.
constexpr std::size_t kSmall = 4096;

// Values at the 0-based order statistics `ranks` (sorted ascending, unique) of `v`, into `out`
// (same order). Reorders v.
void selectRanks(std::span<double> v, std::span<const std::size_t> ranks, std::span<double> out) {
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
    // Bucket selection: bucket every value by its position in [lo, hi], count, keep only the
    // buckets holding a wanted rank, then select inside them.
    const auto [minIt, maxIt] = std::minmax_element(v.begin(), v.end());
    const double lo = *minIt;
    const double hi = *maxIt;
    if (!(hi > lo)) {
        std::fill(out.begin(), out.end(), lo);
        return;
    }
    const std::size_t buckets = std::min<std::size_t>(4096, n / 8);
    const double scale = static_cast<double>(buckets) / (hi - lo);
    const auto bucketOf = [&](double x) {
        const auto b = static_cast<std::size_t>((x - lo) * scale);
        return b < buckets ? b : buckets - 1;
    };
    std::vector<std::size_t> count(buckets + 1, 0);
    for (const double x : v) ++count[bucketOf(x)];
    // count[b] becomes the rank of the first value of bucket b.
    std::size_t before = 0;
    for (std::size_t b = 0; b <= buckets; ++b) {
        const std::size_t c = count[b];
        count[b] = before;
        before += c;
    }
    // Wanted buckets and where their values go in the scratch buffer.
    std::vector<int> slot(buckets, -1);
    std::vector<std::size_t> wanted;  // bucket of each slot
    std::vector<std::size_t> rankBucket(ranks.size());
    for (std::size_t k = 0; k < ranks.size(); ++k) {
        const auto it = std::upper_bound(count.begin(), count.end(), ranks[k]);
        const std::size_t b = static_cast<std::size_t>(it - count.begin()) - 1;
        rankBucket[k] = b;
        if (slot[b] < 0) {
            slot[b] = static_cast<int>(wanted.size());
            wanted.push_back(b);
        }
    }
    std::vector<std::size_t> offset(wanted.size() + 1, 0);
    for (std::size_t s = 0; s < wanted.size(); ++s)
        offset[s + 1] = offset[s] + (count[wanted[s] + 1] - count[wanted[s]]);
    std::vector<double> scratch(offset.back());
    std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
    for (const double x : v) {
        const int s = slot[bucketOf(x)];
        if (s >= 0) scratch[fill[static_cast<std::size_t>(s)]++] = x;
    }
    // Select inside each wanted bucket (recursing when a bucket is still large).
    for (std::size_t s = 0; s < wanted.size(); ++s) {
        const std::size_t b = wanted[s];
        std::vector<std::size_t> local;
        std::vector<std::size_t> which;
        for (std::size_t k = 0; k < ranks.size(); ++k)
            if (rankBucket[k] == b) {
                local.push_back(ranks[k] - count[b]);
                which.push_back(k);
            }
        std::span<double> part(scratch.data() + offset[s], offset[s + 1] - offset[s]);
        std::vector<double> values(local.size());
        if (part.size() < n)
            selectRanks(part, local, values);
        else {
            // Every value in one bucket despite hi > lo (only possible through rounding): sort.
            std::sort(part.begin(), part.end());
            for (std::size_t k = 0; k < local.size(); ++k) values[k] = part[local[k]];
        }
        for (std::size_t k = 0; k < which.size(); ++k) out[which[k]] = values[k];
    }
}

}  // namespace

void percentilesInPlace(std::span<double> values, std::span<const double> levels,
                        std::span<double> out) {
    const std::size_t n = values.size();
    // Each level needs the order statistics ⌊h⌋ and ⌊h⌋ + 1.
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
    std::vector<double> at(ranks.size());
    selectRanks(values, ranks, at);
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

double percentile(std::span<const double> values, double level) {
    std::vector<double> copy(values.begin(), values.end());
    double out = 0.0;
    percentilesInPlace(copy, std::span<const double>(&level, 1), std::span<double>(&out, 1));
    return out;
}

Percentiles percentilesInPlace(std::span<double> values) {
    double sum = 0.0;
    for (const double x : values) sum += x;
    std::array<double, 5> q{};
    percentilesInPlace(values, kBandLevels, q);
    return {q[0], q[1], q[2], q[3], q[4], sum / static_cast<double>(values.size())};
}

Percentiles percentiles(std::span<const double> values) {
    std::vector<double> copy(values.begin(), values.end());
    return percentilesInPlace(copy);
}

}  // namespace jevons::core
