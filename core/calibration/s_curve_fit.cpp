#include "core/calibration/s_curve_fit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/calibration/calibration_error.h"
#include "core/calibration/least_squares.h"
#include "core/models/gompertz.h"
#include "core/models/logistic.h"
#include "core/text/number_text.h"

namespace jevons::core {
namespace {

/// Free ceilings beyond this multiple of the largest value count as "running away".
constexpr double kRunawayCeiling = 100.0;

std::string curveName(FitKind kind) { return kind == FitKind::Logistic ? "logistic" : "Gompertz"; }

/// The curve's values in `years` (ascending), through the series kinds themselves.
Eigen::VectorXd curve(FitKind kind, double ceiling, double midpoint, double steepness,
                      const std::vector<int>& years) {
    const SCurveParams params{Paths::Constant(1, ceiling), Paths::Constant(1, midpoint),
                              Paths::Constant(1, steepness)};
    const YearRange range{years.front(), years.back()};
    const Grid grid =
        kind == FitKind::Logistic ? logisticSeries(range, params) : gompertzSeries(range, params);
    Eigen::VectorXd out(static_cast<Eigen::Index>(years.size()));
    for (std::size_t i = 0; i < years.size(); ++i)
        out(static_cast<Eigen::Index>(i)) = grid(0, range.column(years[i]));
    return out;
}

Eigen::VectorXd valuesOf(const DataPoints& data) {
    return Eigen::Map<const Eigen::VectorXd>(data.values.data(),
                                             static_cast<Eigen::Index>(data.size()));
}

struct Linearised {
    double midpoint = 0.0;
    double steepness = 0.0;
};

/// OLS on the linearised curve z = -k t + k t0 with L fixed; nullopt if fewer than two usable
/// points (0 < s < L) or a flat line.
std::optional<Linearised> linearise(FitKind kind, const DataPoints& data, double ceiling) {
    std::vector<double> t;
    std::vector<double> z;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const double s = data.values[i];
        if (!(s > 0.0 && s < ceiling)) continue;
        t.push_back(static_cast<double>(data.years[i]));
        z.push_back(kind == FitKind::Logistic ? std::log(ceiling / s - 1.0)
                                              : std::log(-std::log(s / ceiling)));
    }
    if (t.size() < 2) return std::nullopt;
    const auto n = static_cast<Eigen::Index>(t.size());
    const Eigen::VectorXd tv = Eigen::Map<Eigen::VectorXd>(t.data(), n);
    const Eigen::VectorXd zv = Eigen::Map<Eigen::VectorXd>(z.data(), n);
    const double tMean = tv.mean();
    const Eigen::VectorXd dt = tv.array() - tMean;
    const double sxx = dt.squaredNorm();
    if (!(sxx > 0.0)) return std::nullopt;
    const double slope = dt.dot(zv) / sxx;
    if (!(std::abs(slope) > 1e-12) || !std::isfinite(slope)) return std::nullopt;
    const double k = -slope;
    // z = zMean + slope (t - tMean) = 0 at t0.
    return Linearised{tMean + zv.mean() / k, k};
}

void checkValues(FitKind kind, const DataPoints& data, std::optional<double> ceiling) {
    for (std::size_t i = 0; i < data.size(); ++i) {
        const double s = data.values[i];
        if (!(s > 0.0)) {
            throw CalibrationError("a " + curveName(kind) + " fit needs values above zero: " +
                                   std::to_string(data.years[i]) + " is " + num(s));
        }
        if (ceiling && !(s < *ceiling)) {
            throw CalibrationError("the " + std::to_string(data.years[i]) + " value " + num(s) +
                                   " is at or above the ceiling " + num(*ceiling) + ": a " +
                                   curveName(kind) + " curve cannot reach it");
        }
    }
}

}  // namespace

FitResult fitSCurve(FitKind kind, const DataPoints& data, std::optional<double> ceiling) {
    if (kind != FitKind::Logistic && kind != FitKind::Gompertz) {
        throw CalibrationError("fitSCurve fits logistic or Gompertz curves only");
    }
    const std::string what = "a " + curveName(kind) + " fit";
    if (ceiling && !(*ceiling > 0.0 && std::isfinite(*ceiling))) {
        throw CalibrationError("the ceiling " + num(*ceiling) + " must be above zero");
    }
    requirePoints(data, ceiling ? 2 : 3,
                  what + (ceiling ? " with a fixed ceiling" : " with a free ceiling"));
    checkValues(kind, data, ceiling);
    const Eigen::VectorXd y = valuesOf(data);
    const double largest = y.maxCoeff();
    const auto n = y.size();
    const std::string flat = "the values of " + data.source + " do not change with time: a " +
                             curveName(kind) + " curve has no midpoint to fit";

    FitResult out;
    out.kind = kind;
    out.method = FitMethod::Nls;
    out.dataSource = data.source;
    LeastSquaresSolution best;
    bool runaway = false;
    Label how;  // how the fit was made, in English and Chinese
    if (ceiling) {
        const auto start = linearise(kind, data, *ceiling);
        if (!start) throw CalibrationError(flat);
        const double cap = *ceiling;
        const ResidualFunction residuals = [&](const Eigen::VectorXd& x) -> Eigen::VectorXd {
            return y - curve(kind, cap, x(0), x(1), data.years);
        };
        best =
            minimiseLeastSquares(residuals, n, Eigen::Vector2d(start->midpoint, start->steepness));
        how = {"ceiling fixed at " + num(cap) +
                   "; started from the linearised fit, refined by "
                   "non-linear least squares on the values",
               "上限固定为 " + num(cap) + "；由线性化拟合起步，再以数值的非线性最小二乘精修"};
        if (best.converged) {
            const auto se = standardErrors(numericalJacobian(residuals, best.x), best.rss);
            out.parameters = {
                {"ceiling", cap, std::nullopt, true},
                {"midpoint", best.x(0), se ? std::optional((*se)(0)) : std::nullopt, false},
                {"steepness", best.x(1), se ? std::optional((*se)(1)) : std::nullopt, false}};
        }
    } else {
        // Start: the ceiling on a grid whose linearised fit has the smallest error in levels.
        std::optional<Eigen::Vector3d> start;
        double startRss = std::numeric_limits<double>::infinity();
        for (const double factor : {1.01, 1.05, 1.1, 1.25, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0}) {
            const double cap = largest * factor;
            const auto lin = linearise(kind, data, cap);
            if (!lin) continue;
            const double rss =
                (y - curve(kind, cap, lin->midpoint, lin->steepness, data.years)).squaredNorm();
            if (std::isfinite(rss) && rss < startRss) {
                startRss = rss;
                start = Eigen::Vector3d(std::log(cap - largest), lin->midpoint, lin->steepness);
            }
        }
        if (!start) throw CalibrationError(flat);
        const ResidualFunction residuals = [&](const Eigen::VectorXd& x) -> Eigen::VectorXd {
            return y - curve(kind, largest + std::exp(x(0)), x(1), x(2), data.years);
        };
        best = minimiseLeastSquares(residuals, n, *start);
        runaway = !(largest + std::exp(best.x(0)) < kRunawayCeiling * largest);
        how = {"ceiling estimated, kept above the largest value " + num(largest) +
                   "; started from the best linearised fit over a grid of ceilings",
               "上限为估计值，保持高于最大值 " + num(largest) +
                   "；由一组候选上限中最佳的线性化拟合起步"};
        if (runaway) {
            throw CalibrationError("the data in " + data.source +
                                   " show no sign of levelling off: the fitted " + curveName(kind) +
                                   " ceiling runs away (above " + num(kRunawayCeiling) +
                                   " times the largest value); fix the ceiling instead");
        }
        if (best.converged) {
            const double cap = largest + std::exp(best.x(0));
            // Standard errors in the curve's own parameters (L, t0, k).
            const ResidualFunction natural = [&](const Eigen::VectorXd& x) -> Eigen::VectorXd {
                return y - curve(kind, x(0), x(1), x(2), data.years);
            };
            const Eigen::Vector3d theta(cap, best.x(1), best.x(2));
            const auto se = standardErrors(numericalJacobian(natural, theta), best.rss);
            out.parameters = {
                {"ceiling", cap, se ? std::optional((*se)(0)) : std::nullopt, false},
                {"midpoint", best.x(1), se ? std::optional((*se)(1)) : std::nullopt, false},
                {"steepness", best.x(2), se ? std::optional((*se)(2)) : std::nullopt, false}};
        }
    }
    if (!best.converged) {
        throw CalibrationError("the " + curveName(kind) + " fit to " + data.source +
                               " did not converge (" + best.status + " after " +
                               std::to_string(best.evaluations) + " evaluations)" +
                               (ceiling ? "" : "; try fixing the ceiling"));
    }
    const Eigen::VectorXd fitted = curve(kind, out.value("ceiling"), out.value("midpoint"),
                                         out.value("steepness"), data.years);
    if (!fitted.allFinite()) {
        throw CalibrationError("the " + curveName(kind) + " fit to " + data.source +
                               " gives values that cannot be represented");
    }
    setFittedValues(out, data.years, data.values,
                    std::vector<double>(fitted.data(), fitted.data() + fitted.size()));
    out.launchYear = data.years.front();
    out.note.en = how.en + "; the midpoint is the year the curve reaches " +
                  (kind == FitKind::Logistic ? "half the ceiling" : "the ceiling / e (inflection)");
    out.note.zh = how.zh + "；midpoint 为曲线达到" +
                  (kind == FitKind::Logistic ? "上限一半的年份" : "上限 / e（拐点）的年份");
    return out;
}

}  // namespace jevons::core
