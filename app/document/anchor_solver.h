#pragma once
// Direct manipulation of an anchored point: which value of an assumption makes a series pass
// through a dragged value.
#include "core/eval/evaluator.h"

#include <string_view>

namespace jevons::app {

/// @brief The value of `assumption` in [min, max] at which series output `ref` equals `target`
/// in `year` (both stored units), found by bracketing and regula falsi (Illinois) on a scratch
/// copy of `evaluator`. When no value in range reaches the target, the end of the range that
/// comes closest. Values the model refuses (e.g. a share at its ceiling) are stepped around.
[[nodiscard]] double solveAssumptionFor(const core::Evaluator& evaluator,
                                        const core::Assumption& assumption, std::string_view ref,
                                        int year, double target);

}  // namespace jevons::app
