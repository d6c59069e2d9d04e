#pragma once
// What the structural-edit tests share: the default forecast as loaded, and a value read from
// an edited forecast.
#include "core/eval/evaluator.h"
#include "core/eval/model.h"
#include "core/scenario/scenario_json.h"

#include "tests/core/deck/deck_test_support.h"

#include <string>

namespace jevons::core::edit::test_support {

/// @brief The shipped default forecast, loaded once.
inline const Scenario& base() {
    static const Scenario s = loadScenarioFile(deck::testing::defaultForecastPath());
    return s;
}

/// @brief Series `series` in `year` of `s`, evaluated in `scenario`.
inline double valueOf(const Scenario& s, const std::string& series, int year,
                      const std::string& scenario = "base") {
    const Evaluator e(Model::compile(s), scenario);
    return e.value(series, year);
}

}  // namespace jevons::core::edit::test_support
