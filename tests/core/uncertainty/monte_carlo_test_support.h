#pragma once
// Comparing Monte Carlo results bit for bit, and the default forecast with every assumption
// uncertain: shared by the tests of the kept and the streamed runs.
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "test_scenarios.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace jevons::core::testing {

inline bool sameBytes(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

inline bool identical(const MonteCarloResult& a, const MonteCarloResult& b) {
    if (a.outputs.size() != b.outputs.size() || a.cagr.size() != b.cagr.size()) return false;
    for (std::size_t k = 0; k < a.outputs.size(); ++k) {
        const auto& x = a.outputs[k];
        const auto& y = b.outputs[k];
        if (!sameBytes(x.p10, y.p10) || !sameBytes(x.p25, y.p25) || !sameBytes(x.p50, y.p50) ||
            !sameBytes(x.p75, y.p75) || !sameBytes(x.p90, y.p90) || !sameBytes(x.mean, y.mean))
            return false;
    }
    for (std::size_t k = 0; k < a.cagr.size(); ++k)
        if (std::memcmp(&a.cagr[k].cagr, &b.cagr[k].cagr, sizeof(BandPercentiles)) != 0)
            return false;
    return true;
}

/// @brief The default forecast with a PERT of ±20% (within its slider range) on every assumption
/// that has no distribution.
inline Scenario everyAssumptionUncertain() {
    Scenario s = loadScenarioFile(testing::forecast("default.json"));
    for (auto& a : s.assumptions) {
        if (a.distribution) continue;
        DistributionSpec d;
        d.type = DistributionType::Pert;
        d.min = std::max(a.min, a.value * 0.8);
        d.mode = a.value;
        d.max = std::min(a.max, a.value * 1.2);
        a.distribution = d;
    }
    return s;
}

inline bool sameGrids(const MonteCarloResult& a, const MonteCarloResult& b) {
    if (a.kept.size() != b.kept.size()) return false;
    for (std::size_t k = 0; k < a.kept.size(); ++k) {
        const Grid& x = a.kept[k].second;
        const Grid& y = b.kept[k].second;
        if (x.rows() != y.rows() || x.cols() != y.cols() ||
            std::memcmp(x.data(), y.data(), static_cast<std::size_t>(x.size()) * sizeof(double)))
            return false;
    }
    return true;
}

}  // namespace jevons::core::testing
