#include "core/calibration/cagr_fit.h"

#include <Eigen/Dense>

#include <cmath>

#include "core/calibration/calibration_error.h"
#include "core/calibration/least_squares.h"
#include "core/text/number_text.h"

namespace jevons::core {
namespace {}  // namespace

FitResult fitCagr(const DataPoints& data) {
    requirePoints(data, 2, "a CAGR fit");
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (!(data.values[i] > 0.0)) {
            throw CalibrationError("a CAGR fit needs positive values: " +
                                   std::to_string(data.years[i]) + " is " + num(data.values[i]));
        }
    }
    const auto n = static_cast<Eigen::Index>(data.size());
    Eigen::MatrixXd x(n, 2);
    Eigen::VectorXd logs(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto idx = static_cast<std::size_t>(i);
        x(i, 0) = 1.0;
        x(i, 1) = static_cast<double>(data.years[idx] - data.years.front());
        logs(i) = std::log(data.values[idx]);
    }
    const Eigen::Vector2d ab = x.colPivHouseholderQr().solve(logs);
    const double start = std::exp(ab(0));
    const double growth = std::exp(ab(1));
    if (!std::isfinite(start) || !std::isfinite(growth)) {
        throw CalibrationError("a CAGR fit to " + data.source +
                               " gives a growth too large to "
                               "represent");
    }
    const double logRss = (logs - x * ab).squaredNorm();

    // Jacobian of the log-residuals ln y - ln(start) - t ln(1 + rate) in (start, rate).
    Eigen::MatrixXd jac(n, 2);
    jac.col(0).setConstant(-1.0 / start);
    jac.col(1) = -x.col(1) / growth;
    const auto se = standardErrors(jac, logRss);

    FitResult out;
    out.kind = FitKind::Cagr;
    out.method = FitMethod::Ols;
    out.launchYear = data.years.front();
    out.dataSource = data.source;
    out.parameters = {{"start", start, se ? std::optional((*se)(0)) : std::nullopt, false},
                      {"rate", growth - 1.0, se ? std::optional((*se)(1)) : std::nullopt, false}};
    std::vector<double> fitted;
    for (Eigen::Index i = 0; i < n; ++i) fitted.push_back(start * std::pow(growth, x(i, 1)));
    setFittedValues(out, data.years, data.values, fitted);
    out.note.en =
        "least squares on the logarithms: each year counts by its relative error; start "
        "is the fitted value in " +
        std::to_string(out.launchYear) + "; R^2 is on the values, not the logarithms";
    out.note.zh = "对数最小二乘：每年按相对误差计权；start 为 " + std::to_string(out.launchYear) +
                  " 年的拟合值；R^2 按数值计算，而非对数";
    return out;
}

}  // namespace jevons::core
