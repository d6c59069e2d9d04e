#pragma once
// Probability distributions of uncertain assumptions, sampled by inverse CDF: every sample is
// quantile(u) of a uniform u in (0, 1), so a Gaussian copula (correlation.h) can correlate any mix
// of shapes. Values are in the assumption's stored unit (shares as fractions).
//
// Truncation: a distribution may be restricted to [lower, upper] (the unit's domain: shares in
// [0, 1], rates above -1, money and volumes at or above 0). The truncated quantile is
// Q(F(lower) + u·(F(upper) − F(lower))), the exact inverse CDF of the renormalised distribution,
// so a lognormal's P5/P95 hold exactly only when the mass cut off is negligible.
#include "core/scenario/scenario.h"
#include "core/uncertainty/special_functions.h"

#include <memory>
#include <span>
#include <string>

namespace jevons::core {

/// @brief z of the standard normal's 95th percentile: a 90% interval is mean ± 1.6449 σ.
inline constexpr double kZ95 = 1.6448536269514722;

class Distribution {
public:
    /// @brief Build from a file's spec, truncated to [lower, upper] (pass ±infinity for none).
    /// Throws UncertaintyError in plain words for invalid parameters ("p5 0.35 must be below
    /// p95 0.2") or when the spec lies outside [lower, upper] ("min -0.1 is below 0").
    [[nodiscard]] static Distribution make(const DistributionSpec& spec, double lower,
                                           double upper);
    /// @brief The distribution of an assumption, truncated to its unit's domain. Contract: the
    /// assumption has a distribution.
    [[nodiscard]] static Distribution of(const Assumption& assumption);

    [[nodiscard]] DistributionType type() const { return m_spec.type; }
    [[nodiscard]] const DistributionSpec& spec() const { return m_spec; }
    /// @brief Smallest and largest value a sample can take (after truncation).
    [[nodiscard]] double lower() const { return m_lower; }
    [[nodiscard]] double upper() const { return m_upper; }

    /// @brief Inverse CDF of the (truncated) distribution. Contract: 0 < u < 1; u outside is
    /// clamped to the support's ends. PERT reads a precomputed inverse-CDF table (quintic
    /// Hermite on octaves of min(u, 1 − u), built in ~0.3 ms, 61 KiB; error below 1.3e-11 of the
    /// range, the exact inverse for u within 2^-41 of an end), built on the first quantile of
    /// this distribution or a copy (thread-safe), so that loading and checking a file builds
    /// none; every other shape is closed form or AS241.
    [[nodiscard]] double quantile(double u) const;
    /// @brief quantile() of every element: out[i] = quantile(u[i]), the same bits. Contract:
    /// same sizes (else the shorter length).
    void quantiles(std::span<const double> u, std::span<double> out) const;
    /// @brief CDF of the (truncated) distribution at x (exact, slower than quantile for PERT).
    [[nodiscard]] double cdf(double x) const;

private:
    struct BetaTable;
    struct LazyBetaTable;
    Distribution() = default;
    [[nodiscard]] const BetaTable& betaTable() const;
    [[nodiscard]] double rawQuantile(double u) const;  // untruncated
    [[nodiscard]] double rawCdf(double x) const;       // untruncated

    DistributionSpec m_spec;
    double m_lower = 0.0;
    double m_upper = 0.0;
    double m_uLower = 0.0;  // raw CDF at the truncation bounds
    double m_uUpper = 1.0;
    bool m_truncated = false;
    double m_mu = 0.0;     // normal mean / lognormal log-mean
    double m_sigma = 1.0;  // normal sd / lognormal log-sd
    double m_alpha = 1.0;  // PERT Beta shape parameters
    double m_beta = 1.0;
    std::shared_ptr<LazyBetaTable> m_table;  // PERT quantile table (shared between copies)
};

/// @brief "uniform", "triangular", "pert", "normal", "lognormal".
[[nodiscard]] std::string_view distributionTypeName(DistributionType type);
/// @brief Parse a type name; std::nullopt when unknown.
[[nodiscard]] std::optional<DistributionType> distributionTypeFromName(std::string_view name);

}  // namespace jevons::core
