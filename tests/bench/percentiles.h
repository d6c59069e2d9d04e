#pragma once
// The benches' latency statistics: percentiles of per-iteration times, reported as counters
// beside Google Benchmark's mean ("p50_ms", "p95_ms", "max_ms").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

namespace jevons::bench {

/// @brief The `q` quantile (0..1) of `v` by nearest rank; 0 for no values.
inline double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

/// @brief Counters `<prefix>p50_ms`, `<prefix>p95_ms` and `<prefix>max_ms` of times `ms`.
inline void setPercentiles(benchmark::State& state, const std::vector<double>& ms,
                           const std::string& prefix = "") {
    state.counters[prefix + "p50_ms"] = percentile(ms, 0.50);
    state.counters[prefix + "p95_ms"] = percentile(ms, 0.95);
    state.counters[prefix + "max_ms"] = percentile(ms, 1.0);
}

}  // namespace jevons::bench
