#pragma once
// Small scenarios for the uncertainty tests, written as scenario-file JSON.
#include "core/scenario/scenario_json.h"

#include <string>

namespace jevons::core::testing {

/// @brief A scenario with `assumptions` and `series` (JSON object bodies, without braces) over
/// 2023–2030, and an optional "uncertainty" body.
inline Scenario makeScenario(const std::string& assumptions, const std::string& series,
                             const std::string& uncertainty = "") {
    std::string text = R"({"schema": 1, "meta": {"title": {"en": "test"}},
        "years": {"first": 2023, "last": 2030},
        "assumptions": {)" +
                       assumptions + R"(}, "series": {)" + series + "}";
    if (!uncertainty.empty()) text += R"(, "uncertainty": {)" + uncertainty + "}";
    return parseScenario(text + "}", "test.json");
}

/// @brief An assumption entry: "id": {label, value, unit, min, max, step[, distribution]}.
inline std::string assumption(const std::string& id, double value, const std::string& unit,
                              double min, double max, const std::string& distribution = "") {
    std::string s = "\"" + id + R"(": {"label": {"en": ")" + id + R"("}, "value": )" +
                    std::to_string(value) + R"(, "unit": ")" + unit + R"(", "min": )" +
                    std::to_string(min) + R"(, "max": )" + std::to_string(max) +
                    R"(, "step": 0.001)";
    if (!distribution.empty()) s += R"(, "distribution": )" + distribution;
    return s + "}";
}

/// @brief Path to a shipped forecast.
inline std::string forecast(const std::string& name) {
    return std::string(JEVONS_FORECASTS_DIR) + "/" + name;
}

}  // namespace jevons::core::testing
