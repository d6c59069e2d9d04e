#pragma once
// The scenario the Monte Carlo benchmarks run (issue 5, item 9): the default forecast with a
// distribution on every assumption — the file's own, and for the rest PERT(value − 20%, value,
// value + 20%) kept inside the slider range. JEVONS_BENCH_FORECAST=file.json takes another
// forecast the same way.
#include "core/scenario/scenario_json.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace jevons::bench {

inline core::Scenario everyAssumptionUncertain() {
    const char* other = std::getenv("JEVONS_BENCH_FORECAST");
    core::Scenario s = core::loadScenarioFile(
        other ? std::string(other) : std::string(JEVONS_FORECASTS_DIR) + "/default.json");
    for (auto& a : s.assumptions) {
        if (a.distribution) continue;
        core::DistributionSpec d;
        d.type = core::DistributionType::Pert;
        d.min = std::max(a.min, a.value * 0.8);
        d.mode = a.value;
        d.max = std::min(a.max, a.value * 1.2);
        a.distribution = d;
    }
    return s;
}

}  // namespace jevons::bench
