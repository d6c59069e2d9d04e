#pragma once
// The special functions the distributions are sampled with: the standard normal's quantile and
// CDF, the beta density and the regularised incomplete beta function. Pure, no state, any thread.
#include <span>

namespace jevons::core {

/// @brief Φ⁻¹(u), the standard normal quantile (Wichura AS241; worst relative error 7.3e-16
/// against Boost.Math from u = 1e-300 to 1 − 2^-53, tests/core/uncertainty/
/// special_functions_oracle_test.cpp).
/// Contract: 0 < u < 1 (returns ∓infinity at 0 and 1).
[[nodiscard]] double normalQuantile(double u);
/// @brief out[i] = normalQuantile(u[i]), the same bits, batched (the central region, 85% of
/// uniforms, without a branch). Contract: same sizes (else the shorter length).
void normalQuantiles(std::span<const double> u, std::span<double> out);
/// @brief Φ(z), the standard normal CDF, erfc(−z/√2)/2: relative error within 1.6·(4 + z²)
/// ulps (1.9e-13 at z = −37.5, where Φ nears the smallest double).
[[nodiscard]] double normalCdf(double z);
/// @brief I_x(a, b), the regularised incomplete beta function (continued fraction; worst
/// relative error 1.6e-13 against Boost.Math for a, b from 0.5 to 7.5, x down to 1e-100 from
/// either end, largest where I_x is below 1e-100).
/// Contract: a, b > 0, 0 <= x <= 1.
[[nodiscard]] double incompleteBeta(double a, double b, double x);
/// @brief The same with logNorm = log B(a, b) given (a PERT table's build calls it thousands of
/// times for one a, b).
[[nodiscard]] double incompleteBeta(double a, double b, double logNorm, double x);
/// @brief The Beta(a, b) density at x, logNorm = log B(a, b); at the ends 0, its limit, or
/// +infinity (a or b below 1).
[[nodiscard]] double betaPdf(double a, double b, double logNorm, double x);

}  // namespace jevons::core
