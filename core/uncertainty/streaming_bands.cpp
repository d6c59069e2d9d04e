#include "core/uncertainty/streaming_bands.h"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace jevons::core {
namespace {

constexpr std::size_t kKeys = StreamingBands::kBuckets * StreamingBands::kSub;

}  // namespace

StreamingBands::StreamingBands(std::size_t columns, std::size_t n, std::size_t groups, int workers)
    : m_columns(columns),
      m_n(n),
      m_groups(std::max<std::size_t>(groups, 1)),
      m_workers(std::max(workers, 1)),
      m_ranks(bandRanks(n)),
      m_column(columns) {}

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

std::uint32_t StreamingBands::keyOf(const Column& c, double x) const {
    // Clamped before the conversion: a value far outside the pilot's range must not overflow.
    const double t = std::clamp((x - c.lo) * c.scale, 0.0, static_cast<double>(kKeys - 1));
    return static_cast<std::uint32_t>(t);
}

void StreamingBands::beginPass() {
    ++m_pass;
    m_activeColumns = 0;
    if (m_pass == 1) {
        // Two bytes a count when no bucket can hold more (a worker adds at most n values).
        const std::size_t counts = static_cast<std::size_t>(m_workers) * m_columns * kBuckets;
        if (m_n <= 0xFFFF)
            m_counts16.assign(counts, 0);
        else
            m_counts.assign(counts, 0);
        m_sums.assign(m_groups * m_columns, 0.0);
        m_minMax.resize(static_cast<std::size_t>(m_workers) * m_columns * 2);
        for (std::size_t i = 0; i < m_minMax.size(); i += 2) {
            m_minMax[i] = std::numeric_limits<double>::infinity();
            m_minMax[i + 1] = -std::numeric_limits<double>::infinity();
        }
        for (const Column& c : m_column) m_activeColumns += c.stage == Stage::Count;
        return;
    }
    // Pass 1's arrays are not needed again.
    std::vector<std::uint32_t>().swap(m_counts);
    std::vector<std::uint16_t>().swap(m_counts16);
    std::vector<double>().swap(m_sums);
    std::vector<double>().swap(m_minMax);
    std::size_t slots = 0;
    std::size_t collected = m_collected.size();  // columns done keep what they collected
    std::size_t cursors = 0;
    for (Column& c : m_column) {
        if (c.stage == Stage::Refine) {
            for (Want& w : c.wants) w.offset = slots++;
            ++m_activeColumns;
            m_planned = 3;
        } else if (c.stage == Stage::Collect) {
            c.cursor = cursors;
            cursors += c.wants.size();
            for (Want& w : c.wants) {
                w.offset = collected;
                collected += w.count;
            }
            ++m_activeColumns;
        }
    }
    // For each active column and bucket: the first want whose keys reach into the bucket, or -1.
    m_bucketWant.assign(m_columns * kBuckets, -1);
    for (std::size_t col = 0; col < m_columns; ++col) {
        const Column& c = m_column[col];
        if (c.stage != Stage::Refine && c.stage != Stage::Collect) continue;
        std::int8_t* table = m_bucketWant.data() + col * kBuckets;
        for (std::size_t k = c.wants.size(); k-- > 0;)
            for (std::uint32_t b = c.wants[k].first / kSub; b <= (c.wants[k].last - 1) / kSub; ++b)
                table[b] = static_cast<std::int8_t>(k);
    }
    m_slots = slots;
    m_subCounts.assign(static_cast<std::size_t>(m_workers) * slots * kSub, 0);
    m_collected.resize(collected);
    m_cursors = std::make_unique<std::atomic<std::size_t>[]>(cursors);
    for (std::size_t i = 0; i < cursors; ++i) m_cursors[i].store(0, std::memory_order_relaxed);
}

template <typename Count>
void StreamingBands::countBuckets(const Column& c, const double* values, std::size_t count,
                                  Count* counts) const {
    const double lo = c.lo;
    const double scale = c.scale;
    constexpr double top = static_cast<double>(kKeys - 1);
    for (std::size_t i = 0; i < count; ++i) {
        const double t = std::clamp((values[i] - lo) * scale, 0.0, top);
        ++counts[static_cast<std::uint32_t>(t) / kSub];
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
        double* minMax = m_minMax.data() + (w * m_columns + column) * 2;
        // The sum, minimum and maximum vectorise on their own; the histogram loop cannot.
        const Eigen::Map<const Eigen::ArrayXd> v(values, static_cast<Eigen::Index>(count));
        m_sums[group * m_columns + column] += v.sum();
        minMax[0] = std::min(minMax[0], v.minCoeff());
        minMax[1] = std::max(minMax[1], v.maxCoeff());
        const std::size_t at = (w * m_columns + column) * kBuckets;
        if (m_counts16.empty())
            countBuckets(c, values, count, m_counts.data() + at);
        else
            countBuckets(c, values, count, m_counts16.data() + at);
        return;
    }
    // The bucket of a value's key names the first want that may hold it (m_bucketWant). Collected
    // values are gathered per want here first, then placed with one atomic step per want: a step
    // per value would have the workers fight over the cursors' cache lines.
    const std::int8_t* firstWant = m_bucketWant.data() + column * kBuckets;
    thread_local std::vector<double> gathered;
    std::array<std::size_t, kMaxWants> found{};
    const bool collect = c.stage == Stage::Collect;
    if (collect && gathered.size() < kMaxWants * count) gathered.resize(kMaxWants * count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t key = keyOf(c, values[i]);
        const int from = firstWant[key / kSub];
        if (from < 0) continue;
        for (auto k = static_cast<std::size_t>(from); k < c.wants.size(); ++k) {
            const Want& want = c.wants[k];
            if (key < want.first) break;
            if (key >= want.last) continue;
            if (collect)
                gathered[k * count + found[k]++] = values[i];
            else
                ++m_subCounts[(w * m_slots + want.offset) * kSub + (key - want.first)];
            break;
        }
    }
    if (!collect) return;
    for (std::size_t k = 0; k < c.wants.size(); ++k) {
        if (found[k] == 0) continue;
        const std::size_t at =
            m_cursors[c.cursor + k].fetch_add(found[k], std::memory_order_relaxed);
        if (at + found[k] > c.wants[k].count)
            throw std::logic_error("StreamingBands: a pass added other values than the last");
        std::copy_n(gathered.begin() + static_cast<std::ptrdiff_t>(k * count), found[k],
                    m_collected.begin() + static_cast<std::ptrdiff_t>(c.wants[k].offset + at));
    }
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
                total[b] += m_counts16.empty() ? m_counts[at + b] : m_counts16[at + b];
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
                const std::uint32_t* counts =
                    m_subCounts.data() + (w * m_slots + want.offset) * kSub;
                for (std::size_t k = 0; k < kSub; ++k) total[k] += counts[k];
            }
            wantsFrom(total, want.first, 1, want.below, keys);
        }
        c.wants = std::move(keys);
        c.stage = Stage::Collect;
        return true;
    }
    if (c.stage == Stage::Collect) {
        for (std::size_t k = 0; k < c.wants.size(); ++k)
            if (m_cursors[c.cursor + k].load(std::memory_order_relaxed) != c.wants[k].count)
                throw std::logic_error("StreamingBands: a pass added other values than the last");
        c.stage = Stage::Done;
    }
    return false;
}

BandPercentiles StreamingBands::bands(std::size_t column, const std::function<double(double)>& g) {
    const Column& c = m_column[column];
    std::vector<double> at(m_ranks.size(), c.min);
    if (!c.wants.empty())
        for (std::size_t i = 0; i < m_ranks.size(); ++i) {
            const std::size_t r = m_ranks[i];
            for (const Want& w : c.wants) {
                if (r < w.below || r >= w.below + w.count) continue;
                const auto begin = m_collected.begin() + static_cast<std::ptrdiff_t>(w.offset);
                const auto nth = begin + static_cast<std::ptrdiff_t>(r - w.below);
                std::nth_element(begin, nth, begin + static_cast<std::ptrdiff_t>(w.count));
                at[i] = *nth;
                break;
            }
        }
    if (g)
        for (double& x : at) x = g(x);
    return bandsFromRanks(m_n, at);
}

double StreamingBands::mean(std::size_t column) const { return m_column[column].mean; }

}  // namespace jevons::core
