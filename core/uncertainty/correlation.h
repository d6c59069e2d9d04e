#pragma once
// Rank correlations between uncertain assumptions through a Gaussian copula.
//
// A requested Spearman rank correlation ρ_s becomes the Pearson correlation of the underlying
// normals ρ = 2·sin(π·ρ_s/6) (exact for the Gaussian copula), so the sampled inputs have rank
// correlation ρ_s whatever their marginal distributions. Independent standard normals Z (paths ×
// k) become correlated as Z·Lᵀ with L the Cholesky factor (Eigen::LLT); Φ maps them to uniforms
// that each assumption's quantile function turns into values.
#include "core/scenario/scenario.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace jevons::core {

/// @brief Pearson correlation of the Gaussian copula that gives Spearman correlation `rank`.
[[nodiscard]] double pearsonFromSpearman(double rank);

class Copula {
public:
    /// @brief Copula over `ids` (the correlated assumptions, in sampling order) from pairwise rank
    /// correlations (pairs not given are 0). Throws UncertaintyError with a plain message when a
    /// pair names an id not in `ids`, repeats a pair, correlates an id with itself, has
    /// |rank| >= 1, or when the pairs cannot hold together (the matrix is not positive definite):
    /// the message names the three assumptions (or, failing that, all of them) whose
    /// correlations contradict each other and the pairs' values.
    [[nodiscard]] static Copula make(std::vector<std::string> ids,
                                     const std::vector<RankCorrelation>& pairs);

    [[nodiscard]] const std::vector<std::string>& ids() const { return m_ids; }
    /// @brief Pearson correlation matrix of the normals (k × k).
    [[nodiscard]] const Eigen::MatrixXd& pearson() const { return m_pearson; }
    /// @brief Lower Cholesky factor L, pearson() = L·Lᵀ.
    [[nodiscard]] const Eigen::MatrixXd& factor() const { return m_factor; }

    /// @brief Correlate independent standard normals in place: row r becomes L·z_r.
    /// Contract: z.cols() == ids().size().
    void correlate(Eigen::ArrayXXd& z) const;
    /// @brief Standard normals → correlated uniforms in (0, 1) in place (correlate, then Φ).
    void toUniforms(Eigen::ArrayXXd& z) const;

private:
    std::vector<std::string> m_ids;
    Eigen::MatrixXd m_pearson;
    Eigen::MatrixXd m_factor;
};

/// @brief Spearman rank correlation of two equally long samples (average ranks for ties).
[[nodiscard]] double spearman(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y);

}  // namespace jevons::core
