#pragma once
// The special functions the distributions are sampled with: the standard normal's quantile and
// CDF, the beta density and the regularised incomplete beta function. Pure, no state, any thread.
#include <span>

namespace jevons::core {

/// @brief Φ⁻¹(u), the standard normal quantile (Wichura AS241, relative error ~1e-16).
/// Contract: 0 < u < 1 (returns ∓infinity at 0 and 1).
[[nodiscard]] double normalQuantile(double u);
/// @brief out[i] = normalQuantile(u[i]), the same bits, batched (the central region, 85% of
/// uniforms, without a branch). Contract: same sizes (else the shorter length).
void normalQuantiles(std::span<const double> u, std::span<double> out);
/// @brief Φ(z), the standard normal CDF.
[[nodiscard]] double normalCdf(double z);
/// @brief I_x(a, b), the regularised incomplete beta function (continued fraction, ~1e-14).
/// Contract: a, b > 0, 0 <= x <= 1.
[[nodiscard]] double incompleteBeta(double a, double b, double x);
/// @brief The same with logNorm = log B(a, b) given (a PERT table's build calls it thousands of
/// times for one a, b).
[[nodiscard]] double incompleteBeta(double a, double b, double logNorm, double x);
/// @brief The Beta(a, b) density at x, logNorm = log B(a, b); at the ends 0, its limit, or
/// +infinity (a or b below 1).
[[nodiscard]] double betaPdf(double a, double b, double logNorm, double x);

}  // namespace jevons::core
