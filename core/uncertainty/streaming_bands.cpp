#include "core/uncertainty/streaming_bands.h"

#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/uncertainty_error.h"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jevons::core {
namespace {

constexpr std::size_t kKeys = StreamingBands::kBuckets * StreamingBands::kSub;
static_assert(kKeys - 1 <= std::numeric_limits<std::int32_t>::max(), "keys convert via int32");
// Values keyed at a time into a buffer on the stack (a Monte Carlo chunk's rows).
constexpr std::size_t kBlock = 256;
static_assert(std::has_single_bit(StreamingBands::kSub), "a key's bucket is a shift");
constexpr int kSubBits = std::countr_zero(StreamingBands::kSub);

// Byte offsets of a pass's arrays in one buffer, each on its own cache lines.
struct Carve {
    std::size_t bytes = 0;
    std::size_t place(std::size_t size) {
        const std::size_t at = bytes;
        bytes += (size + 63) / 64 * 64;
        return at;
    }
    [[nodiscard]] std::size_t doubles() const { return bytes / sizeof(double); }
};

// The keys of values[0, count): (x − lo)·scale clamped to [0, kKeys − 1] (max with 0 first,
// then min with the top: the operand order of SSE2's maxpd/minpd), truncated. Non-decreasing in
// x; the one key rule of every pass, so a value gets the same key in each.
void keysOf(double lo, double scale, const double* values, std::size_t count, std::uint32_t* keys) {
    constexpr double top = static_cast<double>(kKeys - 1);
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128d vlo = _mm_set1_pd(lo);
    const __m128d vscale = _mm_set1_pd(scale);
    const __m128d zero = _mm_setzero_pd();
    const __m128d vtop = _mm_set1_pd(top);
    const auto pair = [&](std::size_t at) {
        const __m128d t = _mm_mul_pd(_mm_sub_pd(_mm_loadu_pd(values + at), vlo), vscale);
        return _mm_cvttpd_epi32(_mm_min_pd(_mm_max_pd(t, zero), vtop));  // low two lanes
    };
    for (; i + 4 <= count; i += 4)
        _mm_storeu_si128(reinterpret_cast<__m128i*>(keys + i),
                         _mm_unpacklo_epi64(pair(i), pair(i + 2)));
#endif
    for (; i < count; ++i) {
        double t = (values[i] - lo) * scale;
        t = t > 0.0 ? t : 0.0;
        t = t < top ? t : top;
        keys[i] = static_cast<std::uint32_t>(static_cast<std::int32_t>(t));
    }
}

}  // namespace

StreamingBands::StreamingBands(std::size_t columns, std::size_t n, std::size_t groups, int workers,
                               std::size_t budget, std::size_t reserved)
    : m_columns(columns),
      m_n(n),
      m_groups(std::max<std::size_t>(groups, 1)),
      m_workers(std::max(workers, 1)),
      m_budget(budget),
      m_reserved(reserved),
      m_ranks(bandRanks(n)),
      m_column(columns) {}

namespace {

// Pass 1's arrays: counts (2 bytes each when no bucket can exceed 65,535 values), the groups'
// sums, each worker's minimum and maximum. `at` receives their offsets when given.
Carve firstPassCarve(std::size_t columns, std::size_t n, std::size_t groups, std::size_t workers,
                     std::array<std::size_t, 3>* at = nullptr) {
    Carve carve;
    const std::size_t counts = workers * columns * StreamingBands::kBuckets;
    const std::size_t countsAt = carve.place(counts * (n <= 0xFFFF ? 2 : 4));
    const std::size_t sumsAt = carve.place(groups * columns * sizeof(double));
    const std::size_t minMaxAt = carve.place(workers * columns * 2 * sizeof(double));
    if (at) *at = {countsAt, sumsAt, minMaxAt};
    return carve;
}

}  // namespace

std::size_t StreamingBands::firstPassBytes(std::size_t columns, std::size_t n, std::size_t groups,
                                           int workers) {
    const Carve carve = firstPassCarve(columns, n, std::max<std::size_t>(groups, 1),
                                       static_cast<std::size_t>(std::max(workers, 1)));
    // Per column: its bookkeeping, its wants and wanted buckets, pass 2's bucket table.
    const std::size_t column =
        sizeof(Column) + kMaxWants * (sizeof(Want) + sizeof(std::uint16_t)) + kBuckets;
    return carve.bytes + columns * column;
}

StreamingBands::~StreamingBands() = default;

void StreamingBands::setRange(std::size_t column, std::span<const double> pilot) {
    Column& c = m_column[column];
    c.stage = Stage::Count;
    c.lo = 0.0;
    c.scale = 0.0;
    if (pilot.empty()) return;
    const auto [lo, hi] = std::minmax_element(pilot.begin(), pilot.end());
    const double pad = 0.05 * (*hi - *lo);
    c.lo = *lo - pad;
    const double width = (*hi + pad) - c.lo;
    if (width > 0.0 && std::isfinite(width)) c.scale = static_cast<double>(kKeys) / width;
}

void StreamingBands::beginPass() {
    ++m_pass;
    m_activeColumns = 0;
    const auto workers = static_cast<std::size_t>(m_workers);
    if (m_pass == 1) {
        // Two bytes a count when no bucket can hold more (a worker adds at most n values).
        const bool narrow = m_n <= 0xFFFF;
        std::array<std::size_t, 3> at{};
        const Carve carve = firstPassCarve(m_columns, m_n, m_groups, workers, &at);
        const auto [countsAt, sumsAt, minMaxAt] = at;
        m_memory.reset();
        m_memory = std::make_unique<RunMemory>(carve.doubles());
        m_memoryBytes = carve.bytes;
        char* const base = reinterpret_cast<char*>(m_memory->data());
        m_counts16 = narrow ? reinterpret_cast<std::uint16_t*>(base + countsAt) : nullptr;
        m_counts = narrow ? nullptr : reinterpret_cast<std::uint32_t*>(base + countsAt);
        m_sums = reinterpret_cast<double*>(base + sumsAt);
        m_minMax = reinterpret_cast<double*>(base + minMaxAt);
        for (const Column& c : m_column) m_activeColumns += c.stage == Stage::Count;
        return;
    }
    // Pass 1's arrays are not needed again.
    m_counts = nullptr;
    m_counts16 = nullptr;
    m_sums = nullptr;
    m_minMax = nullptr;
    std::size_t slots = 0;
    std::size_t collected = m_collectedSize;  // columns done keep what they collected
    std::size_t cursors = 0;
    for (Column& c : m_column) {
        if (c.stage == Stage::Refine) {
            for (Want& w : c.wants) w.offset = slots++;
            ++m_activeColumns;
            m_planned = 3;
        } else if (c.stage == Stage::Collect) {
            c.cursor = cursors++;
            c.offset = collected;
            for (const Want& w : c.wants) collected += w.count;
            c.collected = collected - c.offset;
            ++m_activeColumns;
        }
    }
    m_slots = slots;
    if (m_activeColumns == 0) return;  // nothing to count or collect: the run is done
    Carve carve;
    const std::size_t collectedAt = carve.place(collected * sizeof(double));
    const std::size_t subCountsAt = carve.place(workers * slots * kSub * sizeof(std::uint32_t));
    const std::size_t tableAt = carve.place(m_columns * kBuckets);
    // Columns done keep what they collected: the old buffer is copied into the new one.
    const std::size_t held = carve.bytes + (m_collectedSize > 0 ? m_memoryBytes : 0);
    if (held > m_budget)
        throw SimulationTooLarge(
            "this simulation needs over " + byteText(m_reserved + held) +
                " of memory, more than its budget of " + byteText(m_reserved + m_budget) +
                ", for the paths near its percentiles: lower the paths, the years or the series "
                "simulated, or raise the memory budget",
            m_reserved + held, m_reserved + m_budget);
    if (m_collectedSize == 0) m_memory.reset();  // nothing to keep: its buffer can be reused
    auto memory = std::make_unique<RunMemory>(carve.doubles());
    m_memoryBytes = carve.bytes;
    char* const base = reinterpret_cast<char*>(memory->data());
    if (m_collectedSize > 0)
        std::copy_n(m_collected, m_collectedSize, reinterpret_cast<double*>(base + collectedAt));
    m_memory = std::move(memory);
    m_collected = reinterpret_cast<double*>(base + collectedAt);
    m_collectedSize = collected;
    m_subCounts = reinterpret_cast<std::uint32_t*>(base + subCountsAt);
    m_bucketWant = reinterpret_cast<std::int8_t*>(base + tableAt);
    m_cursors = std::make_unique<std::atomic<std::size_t>[]>(cursors);
    for (std::size_t i = 0; i < cursors; ++i) m_cursors[i].store(0, std::memory_order_relaxed);
}

void StreamingBands::prepare(std::size_t column) {
    if (!active(column)) return;
    Column& c = m_column[column];
    const auto workers = static_cast<std::size_t>(m_workers);
    if (m_pass == 1) {
        for (std::size_t w = 0; w < workers; ++w) {
            const std::size_t at = (w * m_columns + column) * kBuckets;
            if (m_counts16)
                std::fill_n(m_counts16 + at, kBuckets, std::uint16_t{0});
            else
                std::fill_n(m_counts + at, kBuckets, 0u);
            m_minMax[(w * m_columns + column) * 2] = std::numeric_limits<double>::infinity();
            m_minMax[(w * m_columns + column) * 2 + 1] = -std::numeric_limits<double>::infinity();
        }
        for (std::size_t g = 0; g < m_groups; ++g) m_sums[g * m_columns + column] = 0.0;
        return;
    }
    // For each bucket: the first want whose keys reach into it, or -1; and the wanted buckets.
    std::int8_t* table = m_bucketWant + column * kBuckets;
    std::fill_n(table, kBuckets, std::int8_t{-1});
    for (std::size_t k = c.wants.size(); k-- > 0;)
        for (std::uint32_t b = c.wants[k].first / kSub; b <= (c.wants[k].last - 1) / kSub; ++b)
            table[b] = static_cast<std::int8_t>(k);
    c.buckets.clear();
    for (std::size_t b = 0; b < kBuckets; ++b)
        if (table[b] >= 0) c.buckets.push_back(static_cast<std::uint16_t>(b));
    if (c.buckets.size() > kMaxWants) c.buckets.clear();  // cannot happen: the scalar test then
    if (c.stage == Stage::Refine)
        for (std::size_t w = 0; w < workers; ++w)
            for (const Want& want : c.wants)
                std::fill_n(m_subCounts + (w * m_slots + want.offset) * kSub, kSub, 0u);
}

template <typename Count>
void StreamingBands::countBuckets(const Column& c, const double* values, std::size_t count,
                                  Count* counts) const {
    std::array<std::uint32_t, kBlock> keys;
    for (std::size_t from = 0; from < count; from += kBlock) {
        const std::size_t m = std::min(kBlock, count - from);
        keysOf(c.lo, c.scale, values + from, m, keys.data());
        for (std::size_t i = 0; i < m; ++i) ++counts[keys[i] / kSub];
    }
}

bool StreamingBands::active(std::size_t column) const {
    const Stage s = m_column[column].stage;
    return s == Stage::Count ? m_pass == 1 : s == Stage::Refine || s == Stage::Collect;
}

void StreamingBands::add(int worker, std::size_t group, std::size_t column, const double* values,
                         std::size_t count) {
    const Column& c = m_column[column];
    const auto w = static_cast<std::size_t>(worker);
    if (c.stage == Stage::Count) {
        double* minMax = m_minMax + (w * m_columns + column) * 2;
        // The sum, minimum and maximum vectorise on their own; the histogram loop cannot.
        const Eigen::Map<const Eigen::ArrayXd> v(values, static_cast<Eigen::Index>(count));
        m_sums[group * m_columns + column] += v.sum();
        minMax[0] = std::min(minMax[0], v.minCoeff());
        minMax[1] = std::max(minMax[1], v.maxCoeff());
        const std::size_t at = (w * m_columns + column) * kBuckets;
        if (!m_counts16)
            countBuckets(c, values, count, m_counts + at);
        else
            countBuckets(c, values, count, m_counts16 + at);
        return;
    }
    // The bucket of a value's key names the first want that may hold it (m_bucketWant); the
    // wanted buckets (a handful) are compared four keys at a time, so most values cost no branch.
    // A column's collected values are one multiset, whatever want they fall in (bands() selects
    // among them all): gathered here, then placed with one atomic step, not one per value or want.
    const std::int8_t* firstWant = m_bucketWant + column * kBuckets;
    thread_local std::vector<double> gathered;
    std::size_t found = 0;
    const bool collect = c.stage == Stage::Collect;
    if (collect && gathered.size() < count) gathered.resize(count);
    std::array<std::uint32_t, kBlock> keys;
    const auto take = [&](std::size_t i, std::uint32_t key) {
        for (auto k = static_cast<std::size_t>(firstWant[key / kSub]); k < c.wants.size(); ++k) {
            const Want& want = c.wants[k];
            if (key < want.first) break;
            if (key >= want.last) continue;
            if (collect)
                gathered[found++] = values[i];
            else
                ++m_subCounts[(w * m_slots + want.offset) * kSub + (key - want.first)];
            break;
        }
    };
    for (std::size_t from = 0; from < count; from += kBlock) {
        const std::size_t m = std::min(kBlock, count - from);
        keysOf(c.lo, c.scale, values + from, m, keys.data());
        std::size_t i = 0;
#if defined(__SSE2__)
        __m128i wanted[kMaxWants];  // a C array: std::array would drop __m128i's alignment
        const std::size_t buckets = c.buckets.size();
        for (std::size_t s = 0; s < buckets; ++s)
            wanted[s] = _mm_set1_epi32(static_cast<int>(c.buckets[s]));
        for (; buckets > 0 && i + 4 <= m; i += 4) {
            const __m128i bucket = _mm_srli_epi32(
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(keys.data() + i)), kSubBits);
            __m128i hit = _mm_cmpeq_epi32(bucket, wanted[0]);
            for (std::size_t s = 1; s < buckets; ++s)
                hit = _mm_or_si128(hit, _mm_cmpeq_epi32(bucket, wanted[s]));
            for (auto mask = static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(hit)));
                 mask != 0; mask &= mask - 1) {
                const std::size_t j = i + static_cast<std::size_t>(std::countr_zero(mask));
                take(from + j, keys[j]);
            }
        }
#endif
        for (; i < m; ++i)
            if (firstWant[keys[i] / kSub] >= 0) take(from + i, keys[i]);
    }
    if (!collect || found == 0) return;
    const std::size_t at = m_cursors[c.cursor].fetch_add(found, std::memory_order_relaxed);
    if (at + found > c.collected)
        throw std::logic_error("StreamingBands: a pass added other values than the last");
    std::copy_n(gathered.begin(), found, m_collected + c.offset + at);
}

void StreamingBands::wantsFrom(std::span<const std::uint32_t> counts, std::uint32_t first,
                               std::uint32_t width, std::size_t below,
                               std::vector<Want>& out) const {
    std::size_t total = 0;
    for (const std::uint32_t n : counts) total += n;
    std::size_t cum = below;
    std::size_t bin = 0;
    for (const std::size_t r : m_ranks) {
        if (r < below || r >= below + total) continue;
        while (cum + counts[bin] <= r) cum += counts[bin++];
        const auto key = first + static_cast<std::uint32_t>(bin) * width;
        if (!out.empty() && out.back().first == key) continue;
        out.push_back({key, key + width, cum, counts[bin], 0});
    }
}

bool StreamingBands::endPass(std::size_t column) {
    Column& c = m_column[column];
    if (c.stage == Stage::Count) {
        std::vector<std::uint32_t> total(kBuckets, 0);
        c.min = std::numeric_limits<double>::infinity();
        c.max = -c.min;
        for (std::size_t w = 0; w < static_cast<std::size_t>(m_workers); ++w) {
            const std::size_t at = (w * m_columns + column) * kBuckets;
            for (std::size_t b = 0; b < kBuckets; ++b)
                total[b] += m_counts16 ? m_counts16[at + b] : m_counts[at + b];
            c.min = std::min(c.min, m_minMax[(w * m_columns + column) * 2]);
            c.max = std::max(c.max, m_minMax[(w * m_columns + column) * 2 + 1]);
        }
        double sum = 0.0;
        for (std::size_t g = 0; g < m_groups; ++g) sum += m_sums[g * m_columns + column];
        c.mean = sum / static_cast<double>(m_n);
        if (c.min == c.max) {  // constant: every order statistic is known
            c.stage = Stage::Done;
            return false;
        }
        wantsFrom(total, 0, kSub, 0, c.wants);
        std::size_t wanted = 0;
        for (const Want& w : c.wants) wanted += w.count;
        c.stage = wanted <= kCollect ? Stage::Collect : Stage::Refine;
        return true;
    }
    if (c.stage == Stage::Refine) {
        std::vector<Want> keys;
        std::vector<std::uint32_t> total(kSub);
        for (const Want& want : c.wants) {
            std::fill(total.begin(), total.end(), 0);
            for (std::size_t w = 0; w < static_cast<std::size_t>(m_workers); ++w) {
                const std::uint32_t* counts = m_subCounts + (w * m_slots + want.offset) * kSub;
                for (std::size_t k = 0; k < kSub; ++k) total[k] += counts[k];
            }
            wantsFrom(total, want.first, 1, want.below, keys);
        }
        c.wants = std::move(keys);
        c.stage = Stage::Collect;
        return true;
    }
    if (c.stage == Stage::Collect) {
        if (m_cursors[c.cursor].load(std::memory_order_relaxed) != c.collected)
            throw std::logic_error("StreamingBands: a pass added other values than the last");
        c.stage = Stage::Done;
    }
    return false;
}

BandPercentiles StreamingBands::bands(std::size_t column, const std::function<double(double)>& g) {
    const Column& c = m_column[column];
    std::vector<double> at(m_ranks.size(), c.min);
    // The collected values are those of every want, and the wants' keys ascend, so the values
    // of want k, sorted, follow those of the wants before it: a rank r in want k is the
    // (r − below + the earlier wants' counts)-th of the collection. The ranks ascend, so each
    // selection searches only above the last one.
    double* const begin = m_collected + c.offset;
    double* const end = begin + c.collected;
    double* from = begin;
    if (!c.wants.empty())
        for (std::size_t i = 0; i < m_ranks.size(); ++i) {
            const std::size_t r = m_ranks[i];
            std::size_t earlier = 0;
            for (const Want& w : c.wants) {
                if (r < w.below || r >= w.below + w.count) {
                    earlier += w.count;
                    continue;
                }
                double* const nth = begin + earlier + (r - w.below);
                std::nth_element(from, nth, end);
                at[i] = *nth;
                from = nth;
                break;
            }
        }
    if (g)
        for (double& x : at) x = g(x);
    return bandsFromRanks(m_n, at);
}

double StreamingBands::mean(std::size_t column) const { return m_column[column].mean; }

}  // namespace jevons::core
