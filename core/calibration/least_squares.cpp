#include "core/calibration/least_squares.h"

#include <Eigen/Dense>
#include <unsupported/Eigen/NonLinearOptimization>
#include <unsupported/Eigen/NumericalDiff>

#include <cmath>

namespace jevons::core {
namespace {

constexpr double kUnreachable = 1e100;

/// Residuals with non-finite entries replaced by a huge finite value; empty if `f` throws.
Eigen::VectorXd finiteResiduals(const ResidualFunction& f, const Eigen::VectorXd& x) {
    Eigen::VectorXd r;
    try {
        r = f(x);
    } catch (const std::exception&) {
        return {};
    }
    for (Eigen::Index i = 0; i < r.size(); ++i)
        if (!std::isfinite(r(i))) r(i) = kUnreachable;
    return r;
}

/// The functor shape Eigen's NumericalDiff and LevenbergMarquardt expect.
struct Functor {
    using Scalar = double;
    enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
    using InputType = Eigen::VectorXd;
    using ValueType = Eigen::VectorXd;
    using JacobianType = Eigen::MatrixXd;

    const ResidualFunction* f = nullptr;
    Eigen::Index m = 0;
    Eigen::Index n = 0;

    int operator()(const Eigen::VectorXd& x, Eigen::VectorXd& fvec) const {
        // A point where the model cannot be evaluated counts as very far off, so LM backs off
        // (Eigen 3.4's minimize() ignores a negative return at the starting point).
        fvec = finiteResiduals(*f, x);
        if (fvec.size() != m) fvec = Eigen::VectorXd::Constant(m, kUnreachable);
        return 0;
    }
    [[nodiscard]] Eigen::Index inputs() const { return n; }
    [[nodiscard]] Eigen::Index values() const { return m; }
};

std::string describe(Eigen::LevenbergMarquardtSpace::Status status) {
    using namespace Eigen::LevenbergMarquardtSpace;
    switch (status) {
        case RelativeReductionTooSmall:
        case RelativeErrorTooSmall:
        case RelativeErrorAndReductionTooSmall:
            return "converged";
        case CosinusTooSmall:
            return "converged (gradient orthogonal to the residuals)";
        case FtolTooSmall:
        case XtolTooSmall:
        case GtolTooSmall:
            return "converged to machine precision";
        case TooManyFunctionEvaluation:
            return "did not converge within the evaluation budget";
        case ImproperInputParameters:
            return "could not start: improper input";
        case UserAsked:
            return "stopped: the model could not be evaluated";
        default:
            return "stopped for an unknown reason";
    }
}

bool isConverged(Eigen::LevenbergMarquardtSpace::Status status) {
    using namespace Eigen::LevenbergMarquardtSpace;
    switch (status) {
        case RelativeReductionTooSmall:
        case RelativeErrorTooSmall:
        case RelativeErrorAndReductionTooSmall:
        case CosinusTooSmall:
        case FtolTooSmall:
        case XtolTooSmall:
        case GtolTooSmall:
            return true;
        default:
            return false;
    }
}

}  // namespace

LeastSquaresSolution minimiseLeastSquares(const ResidualFunction& residuals,
                                          Eigen::Index residualCount, const Eigen::VectorXd& x0) {
    Functor functor;
    functor.f = &residuals;
    functor.m = residualCount;
    functor.n = x0.size();
    Eigen::NumericalDiff<Functor, Eigen::Central> diff(functor);
    Eigen::LevenbergMarquardt<Eigen::NumericalDiff<Functor, Eigen::Central>> lm(diff);
    lm.parameters.maxfev = 4000;
    lm.parameters.xtol = 1e-12;
    lm.parameters.ftol = 1e-12;

    LeastSquaresSolution out;
    out.x = x0;
    const auto status = lm.minimize(out.x);
    out.evaluations = static_cast<int>(lm.nfev);
    out.status = describe(status);
    out.converged = isConverged(status) && out.x.allFinite();
    const Eigen::VectorXd r = finiteResiduals(residuals, out.x);
    out.rss = r.size() == residualCount ? r.squaredNorm() : HUGE_VAL;
    if (!std::isfinite(out.rss) || !(r.array().abs() < kUnreachable).all()) {
        out.converged = false;
        out.status = "stopped: the model could not be evaluated";
    }
    return out;
}

Eigen::MatrixXd numericalJacobian(const ResidualFunction& residuals, const Eigen::VectorXd& x) {
    const Eigen::VectorXd r0 = residuals(x);
    Eigen::MatrixXd jac(r0.size(), x.size());
    for (Eigen::Index j = 0; j < x.size(); ++j) {
        const double h = 1e-6 * std::max(std::abs(x(j)), 1e-3);
        Eigen::VectorXd up = x;
        Eigen::VectorXd down = x;
        up(j) += h;
        down(j) -= h;
        jac.col(j) = (residuals(up) - residuals(down)) / (2.0 * h);
    }
    return jac;
}

std::optional<Eigen::VectorXd> standardErrors(const Eigen::MatrixXd& jacobian, double rss) {
    const Eigen::Index n = jacobian.rows();
    const Eigen::Index k = jacobian.cols();
    if (n <= k || !jacobian.allFinite()) return std::nullopt;
    const double s2 = rss / static_cast<double>(n - k);
    // Scale columns to unit length first, so parameters of very different size (p ~ 0.01,
    // m ~ 1000) do not make J'J look singular.
    const Eigen::VectorXd norms = jacobian.colwise().norm().transpose();
    if ((norms.array() <= 0.0).any()) return std::nullopt;
    const Eigen::MatrixXd scaled = jacobian * norms.cwiseInverse().asDiagonal();
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(scaled.transpose() * scaled);
    if (!lu.isInvertible()) return std::nullopt;
    const Eigen::VectorXd variance = s2 * lu.inverse().diagonal().cwiseQuotient(norms.cwiseAbs2());
    if (!variance.allFinite() || (variance.array() < 0.0).any()) return std::nullopt;
    return variance.cwiseSqrt().eval();
}

}  // namespace jevons::core
