#pragma once
// Yearly arrays shared by every series kind.
//
// A Grid holds one row per Monte Carlo path and one column per year of the scenario's range
// (column 0 = first year). The deterministic forecast is the one-row case, so every kind is
// written once, vectorised over paths. A Paths vector holds one parameter value per path; a
// one-element Paths broadcasts to every path.
#include <Eigen/Core>

#include <stdexcept>
#include <string>

namespace jevons::core {

using Grid = Eigen::ArrayXXd;  ///< rows = paths, cols = years (column 0 is YearRange::first)
using Paths = Eigen::ArrayXd;  ///< one value per path (size 1 broadcasts)

/// @brief Inclusive range of calendar years a scenario covers, e.g. 2023..2035.
struct YearRange {
    int first = 0;
    int last = -1;
    [[nodiscard]] int count() const { return last - first + 1; }
    [[nodiscard]] bool contains(int year) const { return year >= first && year <= last; }
    [[nodiscard]] int column(int year) const { return year - first; }
    bool operator==(const YearRange&) const = default;
};

/// @brief Input to a kind that a strategist can fix: the message says what is wrong in plain
/// words ("the 2028 anchor 0.55 is at or above the ceiling 0.5"). The evaluator prefixes the
/// series id and JSON path.
class ModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// @brief Value of `p` for path `row`, broadcasting a one-element vector.
[[nodiscard]] inline double at(const Paths& p, Eigen::Index row) {
    return p.size() == 1 ? p(0) : p(row);
}

/// @brief Number of paths implied by a set of parameters: the largest size (all sizes must be 1 or
/// N).
template <typename... P>
[[nodiscard]] Eigen::Index pathCount(const P&... p) {
    Eigen::Index n = 1;
    ((n = p.size() > n ? p.size() : n), ...);
    return n;
}

/// @brief Whether every value of `a` is finite (no NaN, no ±inf). One vectorised pass with no
/// branch per value (x · 0 is 0 for a finite x, NaN otherwise), where Eigen's allFinite tests
/// value by value: use it on whole grids, then look for the culprit only when it says false.
template <typename Derived>
[[nodiscard]] bool allFinite(const Eigen::ArrayBase<Derived>& a) {
    return (a * 0.0).sum() == 0.0;
}

/// @brief allFinite of `n` contiguous values at `p`, as four quarters summed side by side: one
/// vectorised pass with four times fewer dependent adds than Eigen's sum of one array.
[[nodiscard]] inline bool allFiniteValues(const double* p, Eigen::Index n) {
    const Eigen::Index q = n / 4;
    using Quarter = Eigen::Map<const Paths>;
    const Quarter a(p, q), b(p + q, q), c(p + 2 * q, q), d(p + 3 * q, q);
    double tail = 0.0;
    for (Eigen::Index i = 4 * q; i < n; ++i) tail += p[i] * 0.0;
    return (a * 0.0 + b * 0.0 + c * 0.0 + d * 0.0).sum() + tail == 0.0;
}

[[nodiscard]] inline bool allFinite(const Grid& g) { return allFiniteValues(g.data(), g.size()); }
[[nodiscard]] inline bool allFinite(const Paths& p) { return allFiniteValues(p.data(), p.size()); }

/// @brief Broadcast a parameter to `n` paths.
[[nodiscard]] inline Paths broadcast(const Paths& p, Eigen::Index n) {
    return p.size() == n ? p : Paths::Constant(n, p(0));
}

}  // namespace jevons::core
