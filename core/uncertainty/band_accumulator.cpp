#include "core/uncertainty/band_accumulator.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jevons::core {
namespace {

constexpr std::size_t kCodes = BandAccumulator::kBuckets * BandAccumulator::kFine;
static_assert(kCodes <= 32768, "codes are packed as signed 16-bit integers");
static_assert(std::has_single_bit(BandAccumulator::kFine), "a code's bucket is a shift");
constexpr int kFineBits = std::countr_zero(BandAccumulator::kFine);
constexpr double kTopCode = static_cast<double>(kCodes - 1);
// A column whose wanted buckets hold more than 1/kFallbackShare of its values (a pilot far off
// the column's distribution) is selected over the whole column instead.
constexpr std::size_t kFallbackShare = 8;
// Below this many values a plain selection is as fast; from it on the ranks are ascending. At or
// above kLargeColumn a position no longer fits beside its fine code in 32 bits.
constexpr std::size_t kSmallColumn = 1024;
constexpr std::size_t kLargeColumn = std::size_t{1} << (32 - kFineBits);

// Scratch of finish(), reused by each thread: (position << kFineBits | fine code) of the values in
// the wanted buckets, the values of one fine code and the positions of every rank's fine code.
thread_local std::vector<std::uint32_t> t_entries;
thread_local std::vector<double> t_values;
thread_local std::vector<std::uint32_t> t_positions;

}  // namespace

BandAccumulator::BandAccumulator(std::size_t columns, std::size_t chunks, int workers)
    : m_columns(columns),
      m_chunks(chunks),
      m_workers(std::max(workers, 1)),
      m_lo(columns, 0.0),
      m_scale(columns, 0.0),
      m_sums(new double[columns * chunks]),
      m_counts(new std::uint32_t[static_cast<std::size_t>(m_workers) * columns * kBuckets]) {}

void BandAccumulator::storeFence() {
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

void BandAccumulator::setRange(std::size_t column, std::span<const double> pilot) {
    for (int w = 0; w < m_workers; ++w)
        std::fill_n(m_counts.get() + (static_cast<std::size_t>(w) * m_columns + column) * kBuckets,
                    kBuckets, 0u);
    if (pilot.empty()) {
        m_lo[column] = 0.0;
        m_scale[column] = 0.0;
        return;
    }
    const auto [lo, hi] = std::minmax_element(pilot.begin(), pilot.end());
    const double width = *hi - *lo;
    if (!(width > 0.0) || !std::isfinite(width)) {
        m_lo[column] = *lo;
        m_scale[column] = 0.0;  // one code: finish() selects over the whole column if needed
        return;
    }
    m_lo[column] = *lo - 0.05 * width;
    m_scale[column] = static_cast<double>(kCodes) / (1.1 * width);
}

// (x − lo)·scale clamped to [0, kTopCode] (max with 0 first, then min with the top: the operand
// order of SSE2's maxpd/minpd below), truncated. Non-decreasing in x.
inline std::uint16_t BandAccumulator::codeOf(std::size_t column, double x) const {
    double t = (x - m_lo[column]) * m_scale[column];
    t = t > 0.0 ? t : 0.0;
    t = t < kTopCode ? t : kTopCode;
    return static_cast<std::uint16_t>(static_cast<std::int32_t>(t));
}

void BandAccumulator::add(int worker, std::size_t chunk, std::size_t column, const double* values,
                          std::size_t n, double* run, std::uint16_t* codes) {
#if defined(__SSE2__)
    // Streaming stores (in the loop below) need a 16-byte aligned destination and pairs.
    const bool stream = reinterpret_cast<std::uintptr_t>(run) % 16 == 0 && n % 2 == 0;
#else
    constexpr bool stream = false;
#endif
    if (!stream) std::memcpy(run, values, n * sizeof(double));
    std::uint32_t* count =
        m_counts.get() + (static_cast<std::size_t>(worker) * m_columns + column) * kBuckets;
    double chunkSum = 0.0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Two lanes of sums, minima and maxima (combined in a fixed order below); eight codes a step.
    // Four independent sums, so that no chain of dependent additions sets the pace; combined in a
    // fixed order below.
    const __m128d zero = _mm_setzero_pd();
    __m128d sum[4] = {zero, zero, zero, zero};
    const __m128d lo = _mm_set1_pd(m_lo[column]);
    const __m128d scale = _mm_set1_pd(m_scale[column]);
    const __m128d top = _mm_set1_pd(kTopCode);
    const auto pair = [&](std::size_t at, int lane, auto streaming) {
        const __m128d x = _mm_loadu_pd(values + at);
        if constexpr (decltype(streaming)::value) _mm_stream_pd(run + at, x);
        sum[lane] = _mm_add_pd(sum[lane], x);
        const __m128d t = _mm_min_pd(_mm_max_pd(_mm_mul_pd(_mm_sub_pd(x, lo), scale), zero), top);
        const __m128i code = _mm_cvttpd_epi32(t);  // two codes in the low lanes
        const __m128i bucket = _mm_srli_epi32(code, kFineBits);
        ++count[_mm_cvtsi128_si32(bucket)];
        ++count[_mm_cvtsi128_si32(_mm_shuffle_epi32(bucket, 1))];
        return code;
    };
    const auto loop = [&](auto streaming) {
        for (; i + 8 <= n; i += 8) {
            const __m128i c01 = pair(i, 0, streaming);
            const __m128i c23 = pair(i + 2, 1, streaming);
            const __m128i c45 = pair(i + 4, 2, streaming);
            const __m128i c67 = pair(i + 6, 3, streaming);
            const __m128i packed =
                _mm_packs_epi32(_mm_unpacklo_epi64(c01, c23), _mm_unpacklo_epi64(c45, c67));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(codes + i), packed);
        }
    };
    if (stream)
        loop(std::true_type{});
    else
        loop(std::false_type{});
    alignas(16) std::array<double, 2> lanes{};
    _mm_store_pd(lanes.data(), _mm_add_pd(_mm_add_pd(sum[0], sum[1]), _mm_add_pd(sum[2], sum[3])));
    chunkSum = lanes[0] + lanes[1];
#endif
    for (; i < n; ++i) {
        const double x = values[i];
        if (stream) run[i] = x;
        chunkSum += x;
        codes[i] = codeOf(column, x);
        ++count[codes[i] >> kFineBits];
    }
    m_sums[chunk * m_columns + column] = chunkSum;
}

Percentiles BandAccumulator::finish(std::size_t column, std::span<double> data,
                                    std::span<const std::uint16_t> codes) const {
    const std::size_t n = data.size();
    double sum = 0.0;
    for (std::size_t c = 0; c < m_chunks; ++c) sum += m_sums[c * m_columns + column];
    const double mean = sum / static_cast<double>(n);
    // An exact selection over the whole column (a constant column lands here: one code).
    const auto wholeColumn = [&] {
        const auto [lo, hi] = std::minmax_element(data.begin(), data.end());
        if (!(*hi > *lo)) return Percentiles{*lo, *lo, *lo, *lo, *lo, mean};
        return percentilesInPlace(data, sum, *lo, *hi);
    };
    if (n < kSmallColumn || n >= kLargeColumn) return wholeColumn();

    std::array<std::uint32_t, kBuckets> count{};
    for (int w = 0; w < m_workers; ++w) {
        const std::uint32_t* c =
            m_counts.get() + (static_cast<std::size_t>(w) * m_columns + column) * kBuckets;
        for (std::size_t b = 0; b < kBuckets; ++b) count[b] += c[b];
    }
    // Type 7: each level needs the order statistics ⌊h⌋ and ⌊h⌋ + 1 (h = (n − 1)·p), ascending.
    constexpr std::size_t kLevels = kBandLevels.size();
    constexpr std::size_t kRanks = 2 * kLevels;
    std::array<std::size_t, kRanks> rank{};
    std::array<double, kLevels> frac{};
    for (std::size_t l = 0; l < kLevels; ++l) {
        const double h = static_cast<double>(n - 1) * kBandLevels[l];
        const auto lower = static_cast<std::size_t>(std::floor(h));
        rank[2 * l] = lower;
        rank[2 * l + 1] = std::min(lower + 1, n - 1);
        frac[l] = h - static_cast<double>(lower);
    }
    // The bucket of each rank; the wanted buckets ("slots", ascending), the rank of each one's
    // first value and where its entries go.
    std::array<std::size_t, kRanks> slotOfRank{};
    std::array<std::int16_t, kBuckets> slot;
    slot.fill(-1);
    std::array<std::uint16_t, kRanks> wanted{};
    std::array<std::size_t, kRanks> firstRank{};
    std::array<std::size_t, kRanks + 1> offset{};
    std::size_t slots = 0;
    std::size_t b = 0;
    std::size_t before = 0;  // values in the buckets below b
    for (std::size_t k = 0; k < kRanks; ++k) {
        while (before + count[b] <= rank[k]) before += count[b++];
        if (slot[b] < 0) {
            slot[b] = static_cast<std::int16_t>(slots);
            wanted[slots] = static_cast<std::uint16_t>(b);
            firstRank[slots] = before;
            offset[slots + 1] = offset[slots] + count[b];
            ++slots;
        }
        slotOfRank[k] = static_cast<std::size_t>(slot[b]);
    }
    if (offset[slots] > n / kFallbackShare) return wholeColumn();

    // One scan of the codes: the entries of the wanted buckets, by slot.
    if (t_entries.size() < offset[slots]) t_entries.resize(offset[slots]);
    std::uint32_t* const entries = t_entries.data();
    std::array<std::size_t, kRanks> fill{};
    std::copy(offset.begin(), offset.begin() + static_cast<std::ptrdiff_t>(slots), fill.begin());
    const auto keep = [&](std::size_t position) {
        const std::uint16_t code = codes[position];
        const auto s = static_cast<std::size_t>(slot[code >> kFineBits]);
        entries[fill[s]++] = static_cast<std::uint32_t>(position << kFineBits) |
                             (code & static_cast<std::uint32_t>(kFine - 1));
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    __m128i buckets[kRanks];  // a C array: std::array would drop __m128i's alignment attribute
    for (std::size_t s = 0; s < slots; ++s)
        buckets[s] = _mm_set1_epi16(static_cast<short>(wanted[s]));
    for (; i + 8 <= n; i += 8) {
        const __m128i bucket = _mm_srli_epi16(
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(codes.data() + i)), kFineBits);
        __m128i hit = _mm_cmpeq_epi16(bucket, buckets[0]);
        for (std::size_t s = 1; s < slots; ++s)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi16(bucket, buckets[s]));
        // Two mask bits per 16-bit lane: keep the even ones.
        for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) & 0x5555u; mask != 0;
             mask &= mask - 1)
            keep(i + static_cast<std::size_t>(std::countr_zero(mask)) / 2);
    }
#endif
    for (; i < n; ++i)
        if (slot[codes[i] >> kFineBits] >= 0) keep(i);

    // Each rank: its fine code inside the bucket, then a selection among that code's values.
    // The values lie in the run buffer, written by streaming stores and so not in any cache:
    // first find every rank's positions and ask for their cache lines, then read them.
    std::array<std::size_t, kRanks> localOfRank{};
    std::array<std::size_t, kRanks + 1> firstPosition{};
    t_positions.clear();
    for (std::size_t k = 0; k < kRanks; ++k) {
        const std::size_t s = slotOfRank[k];
        const std::span<const std::uint32_t> bucket(entries + offset[s], offset[s + 1] - offset[s]);
        std::array<std::uint32_t, kFine> fineCount{};
        for (const std::uint32_t e : bucket) ++fineCount[e & (kFine - 1)];
        std::size_t local = rank[k] - firstRank[s];
        std::uint32_t fine = 0;
        while (local >= fineCount[fine]) local -= fineCount[fine++];
        localOfRank[k] = local;
        for (const std::uint32_t e : bucket)
            if ((e & (kFine - 1)) == fine) {
                t_positions.push_back(e >> kFineBits);
                __builtin_prefetch(data.data() + (e >> kFineBits));
            }
        firstPosition[k + 1] = t_positions.size();
    }
    std::array<double, kRanks> value{};
    for (std::size_t k = 0; k < kRanks; ++k) {
        t_values.clear();
        for (std::size_t j = firstPosition[k]; j < firstPosition[k + 1]; ++j)
            t_values.push_back(data[t_positions[j]]);
        const auto nth = t_values.begin() + static_cast<std::ptrdiff_t>(localOfRank[k]);
        std::nth_element(t_values.begin(), nth, t_values.end());
        value[k] = *nth;
    }
    std::array<double, kLevels> q{};
    for (std::size_t l = 0; l < kLevels; ++l) {
        const double x0 = value[2 * l];
        q[l] = rank[2 * l] + 1 < n && frac[l] > 0.0 ? x0 + frac[l] * (value[2 * l + 1] - x0) : x0;
    }
    return {q[0], q[1], q[2], q[3], q[4], mean};
}

}  // namespace jevons::core
