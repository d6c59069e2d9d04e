#include "core/calibration/least_squares.h"

#include <gtest/gtest.h>

#include <cmath>

namespace jevons::core {
namespace {

TEST(CalibrationLeastSquares, StandardErrorsAreThoseOfOrdinaryRegression) {
    // y = 1 + 2x + e at x = 0..4 with e = (0.1, -0.1, 0, -0.1, 0.1): the OLS line is still
    // 1 + 2x (e is orthogonal to 1 and x); RSS = 0.04, s^2 = 0.04/3, Sxx = 10,
    // se(slope) = sqrt(s^2 / Sxx) = 0.0365148, se(intercept) = sqrt(s^2 (1/5 + 4/10)) = 0.0894427.
    const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(5, 0.0, 4.0);
    Eigen::VectorXd e(5);
    e << 0.1, -0.1, 0.0, -0.1, 0.1;
    const Eigen::VectorXd y = (1.0 + 2.0 * x.array()).matrix() + e;
    const ResidualFunction r = [&](const Eigen::VectorXd& b) -> Eigen::VectorXd {
        return y - (b(0) + b(1) * x.array()).matrix();
    };
    const LeastSquaresSolution sol = minimiseLeastSquares(r, 5, Eigen::Vector2d(0.0, 0.0));
    ASSERT_TRUE(sol.converged) << sol.status;
    EXPECT_NEAR(sol.x(0), 1.0, 1e-9);
    EXPECT_NEAR(sol.x(1), 2.0, 1e-9);
    EXPECT_NEAR(sol.rss, 0.04, 1e-12);
    const auto se = standardErrors(numericalJacobian(r, sol.x), sol.rss);
    ASSERT_TRUE(se.has_value());
    EXPECT_NEAR((*se)(1), std::sqrt(0.04 / 3.0 / 10.0), 1e-9);
    EXPECT_NEAR((*se)(0), std::sqrt(0.04 / 3.0 * (0.2 + 0.4)), 1e-9);
}

TEST(CalibrationLeastSquares, NoStandardErrorsWithoutDegreesOfFreedomOrRank) {
    EXPECT_FALSE(standardErrors(Eigen::MatrixXd::Identity(2, 2), 0.0).has_value());
    Eigen::MatrixXd collinear(3, 2);
    collinear << 1, 2, 1, 2, 1, 2;
    EXPECT_FALSE(standardErrors(collinear, 1.0).has_value());
}

TEST(CalibrationLeastSquares, ReportsAModelThatCannotBeEvaluated) {
    const ResidualFunction r = [](const Eigen::VectorXd&) -> Eigen::VectorXd {
        throw std::runtime_error("no");
    };
    const LeastSquaresSolution sol = minimiseLeastSquares(r, 3, Eigen::Vector2d(1.0, 1.0));
    EXPECT_FALSE(sol.converged);
    EXPECT_EQ(sol.status, "stopped: the model could not be evaluated");
}

}  // namespace
}  // namespace jevons::core
