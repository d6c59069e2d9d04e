#pragma once
// Non-linear least squares for the fits: Eigen's Levenberg-Marquardt with a numerical Jacobian.
#include <Eigen/Core>

#include <functional>
#include <optional>
#include <string>

namespace jevons::core {

/// @brief Residuals (data - model) for a parameter vector; a non-finite entry marks a point the
/// model cannot reach there (treated as a very large residual, so the step is rejected).
using ResidualFunction = std::function<Eigen::VectorXd(const Eigen::VectorXd&)>;

/// @brief Where Levenberg-Marquardt stopped.
struct LeastSquaresSolution {
    Eigen::VectorXd x;       ///< parameters at the end
    double rss = 0.0;        ///< sum of squared residuals there
    bool converged = false;  ///< stopped by a tolerance (not by the evaluation budget or an error)
    std::string status;      ///< why it stopped, in words
    int evaluations = 0;     ///< residual evaluations used
};

/// @brief Minimise |r(x)|^2 from `x0` with Eigen::LevenbergMarquardt (unsupported module
/// NonLinearOptimization) and a central-difference Jacobian (NumericalDiff). `residualCount` is
/// the size of r(x) and must be >= x0.size(). Never throws for a bad start; reports it instead.
[[nodiscard]] LeastSquaresSolution minimiseLeastSquares(const ResidualFunction& residuals,
                                                        Eigen::Index residualCount,
                                                        const Eigen::VectorXd& x0);

/// @brief Jacobian d r_i / d x_j at `x` by central differences (step ~ 1e-6 relative).
[[nodiscard]] Eigen::MatrixXd numericalJacobian(const ResidualFunction& residuals,
                                                const Eigen::VectorXd& x);

/// @brief Standard errors sqrt(diag(s^2 (J'J)^-1)), s^2 = rss / (n - k), for J of n rows and k
/// columns. None when n <= k, J'J is singular, or a result is not finite.
[[nodiscard]] std::optional<Eigen::VectorXd> standardErrors(const Eigen::MatrixXd& jacobian,
                                                            double rss);

}  // namespace jevons::core
