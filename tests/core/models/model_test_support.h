#pragma once
// Helpers shared by the series-kind tests (tests/core/models/*_test.cpp).
#include "core/models/grid.h"

#include <string>

namespace jevons::core::testing {

/// @brief A one-element Paths holding `v` (broadcasts to every path).
[[nodiscard]] inline Paths one(double v) { return Paths::Constant(1, v); }

/// @brief Message of the ModelError thrown by `f`, or "" if none is thrown.
template <typename F>
[[nodiscard]] std::string errorOf(F&& f) {
    try {
        f();
    } catch (const ModelError& e) {
        return e.what();
    }
    return "";
}

}  // namespace jevons::core::testing
