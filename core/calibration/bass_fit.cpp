#include "core/calibration/bass_fit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/calibration/calibration_error.h"
#include "core/calibration/least_squares.h"
#include "core/models/bass.h"
#include "core/text/number_text.h"

namespace jevons::core {
namespace {

/// Sales from the launch year on, with their times since launch.
struct Diffusion {
    int launch = 0;
    std::vector<int> years;
    std::vector<double> sales;
    Eigen::VectorXd t;   ///< years since launch at the end of each year (1 in the launch year)
    double total = 0.0;  ///< N_T: all sales given
};

Diffusion prepare(const DataPoints& data, std::optional<int> launchYear, const std::string& what) {
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data.values[i] < 0.0) {
            throw CalibrationError("sales cannot be negative: " + std::to_string(data.years[i]) +
                                   " is " + num(data.values[i]) + " in " + data.source);
        }
    }
    Diffusion d;
    if (launchYear) {
        d.launch = *launchYear;
    } else {
        const auto first =
            std::find_if(data.values.begin(), data.values.end(), [](double v) { return v > 0.0; });
        if (first == data.values.end()) {
            throw CalibrationError(data.source +
                                   " has no year with sales above zero: nothing "
                                   "has diffused yet");
        }
        d.launch = data.years[static_cast<std::size_t>(first - data.values.begin())];
    }
    std::vector<double> t;
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data.years[i] < d.launch) {
            if (data.values[i] > 0.0) {
                throw CalibrationError(std::to_string(data.years[i]) + " has sales " +
                                       num(data.values[i]) + " before the launch year " +
                                       std::to_string(d.launch) + " in " + data.source);
            }
            continue;
        }
        d.years.push_back(data.years[i]);
        d.sales.push_back(data.values[i]);
        t.push_back(static_cast<double>(data.years[i] - d.launch + 1));
        d.total += data.values[i];
    }
    DataPoints used{d.years, d.sales,
                    data.source + " from the launch year " + std::to_string(d.launch)};
    requirePoints(used, 3, what);
    if (!(d.total > 0.0)) {
        throw CalibrationError(data.source + " has no sales from the launch year " +
                               std::to_string(d.launch) + " on");
    }
    d.t = Eigen::Map<Eigen::VectorXd>(t.data(), static_cast<Eigen::Index>(t.size()));
    return d;
}

Eigen::VectorXd salesOf(const Diffusion& d) {
    return Eigen::Map<const Eigen::VectorXd>(d.sales.data(),
                                             static_cast<Eigen::Index>(d.sales.size()));
}

/// What an NLS method fits: the difference F(t) - F(t-1), or the rate f(t - offset) with offset
/// 0 (end of year) or 1/2 (mid-year).
struct Shape {
    FitMethod method = FitMethod::NlsDifference;
    double offset = 0.0;
};

/// Model sales per unit of m at each t.
Eigen::VectorXd shape(Shape form, double p, double q, const Eigen::VectorXd& t) {
    Eigen::VectorXd g(t.size());
    for (Eigen::Index i = 0; i < t.size(); ++i) {
        g(i) = form.method == FitMethod::NlsDensity
                   ? bassAdoptionRate(p, q, t(i) - form.offset)
                   : bassCumulativeFraction(p, q, t(i)) - bassCumulativeFraction(p, q, t(i) - 1.0);
    }
    return g;
}

using Estimate = BassCoefficients;

/// Bass (1969) regression; the coefficients (a, b, c) and the fitted sales.
struct Regression {
    Eigen::Vector3d abc;
    Eigen::VectorXd fitted;
    Eigen::VectorXd previous;  ///< N_{t-1}
};

Regression regress(const Diffusion& d, const std::string& source) {
    for (std::size_t i = 0; i < d.years.size(); ++i) {
        if (d.years[i] != d.launch + static_cast<int>(i)) {
            throw CalibrationError("the Bass OLS needs sales for every year from the launch year " +
                                   std::to_string(d.launch) + "; " +
                                   std::to_string(d.launch + static_cast<int>(i)) +
                                   " is missing in " + source + " (the NLS methods allow gaps)");
        }
    }
    const Eigen::VectorXd s = salesOf(d);
    const Eigen::Index n = s.size();
    Regression r;
    r.previous.resize(n);
    double cumulative = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        r.previous(i) = cumulative;
        cumulative += s(i);
    }
    // Columns scaled by N_T so that 1, N and N^2 are of similar size.
    const double scale = d.total;
    Eigen::MatrixXd x(n, 3);
    x.col(0).setOnes();
    x.col(1) = r.previous / scale;
    x.col(2) = (r.previous / scale).cwiseAbs2();
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
    if (qr.rank() < 3) {
        throw CalibrationError("the Bass OLS cannot separate p, q and m in " + source +
                               ": the sales to date do not vary enough");
    }
    const Eigen::Vector3d coef = qr.solve(s);
    r.abc = Eigen::Vector3d(coef(0), coef(1) / scale, coef(2) / (scale * scale));
    r.fitted = x * coef;
    return r;
}

std::optional<double> seAt(const std::optional<Eigen::VectorXd>& se, Eigen::Index i) {
    return se ? std::optional((*se)(i)) : std::nullopt;
}

FitResult fitOls(const Diffusion& d, const DataPoints& data) {
    const Regression r = regress(d, data.source);
    const Estimate e = bassFromRegression(r.abc(0), r.abc(1), r.abc(2), d.total, data.source);
    const Eigen::VectorXd s = salesOf(d);
    const Eigen::VectorXd nPrev = r.previous;
    // Jacobian of the residuals in (p, q, m): S = (p + q N/m)(m - N).
    Eigen::MatrixXd jac(s.size(), 3);
    jac.col(0) = -(e.m - nPrev.array()).matrix();
    jac.col(1) = -(nPrev.array() * (e.m - nPrev.array()) / e.m).matrix();
    jac.col(2) = -(e.p + e.q * nPrev.array().square() / (e.m * e.m)).matrix();
    const auto se = standardErrors(jac, (s - r.fitted).squaredNorm());

    FitResult out;
    out.parameters = {{"p", e.p, seAt(se, 0), false},
                      {"q", e.q, seAt(se, 1), false},
                      {"m", e.m, seAt(se, 2), false}};
    setFittedValues(out, d.years, d.sales,
                    std::vector<double>(r.fitted.data(), r.fitted.data() + r.fitted.size()));
    out.note.en = "regression coefficients a = " + num(r.abc(0)) + ", b = " + num(r.abc(1)) +
                  ", c = " + num(r.abc(2)) +
                  "; fitted values are one year ahead, given the actual sales to the year "
                  "before; the estimate belongs to the yearly recursion (series form "
                  "\"discrete\")";
    out.note.zh = "回归系数 a = " + num(r.abc(0)) + "，b = " + num(r.abc(1)) +
                  "，c = " + num(r.abc(2)) +
                  "；拟合值为提前一年的预测（给定截至上一年的实际销量）；估计值对应逐年递推形式"
                  "（序列形式 \"discrete\"）";
    return out;
}

FitResult fitNls(const Diffusion& d, const DataPoints& data, FitMethod method, BassTiming timing) {
    const Shape form{method,
                     method == FitMethod::NlsDensity && timing == BassTiming::Mid ? 0.5 : 0.0};
    const Eigen::VectorXd s = salesOf(d);
    const double total = d.total;
    const auto unpack = [total](const Eigen::VectorXd& x) {
        return Estimate{std::exp(x(0)), std::exp(x(1)), total + std::exp(x(2))};
    };
    const auto pack = [total](const Estimate& e) {
        return Eigen::Vector3d(std::log(e.p), std::log(e.q),
                               std::log(std::max(e.m - total, 1e-3 * total)));
    };
    const ResidualFunction residuals = [&](const Eigen::VectorXd& x) -> Eigen::VectorXd {
        const Estimate e = unpack(x);
        return s - e.m * shape(form, e.p, e.q, d.t);
    };

    // Starts: the OLS estimate when it exists, then the best (p, q) grid points, m profiled.
    std::vector<Eigen::Vector3d> starts;
    try {
        const Eigen::Vector3d ols3 = regress(d, data.source).abc;
        const Estimate ols = bassFromRegression(ols3(0), ols3(1), ols3(2), total, data.source);
        if (ols.q > 0.0) starts.push_back(pack(ols));
    } catch (const CalibrationError&) {
        // no OLS start: the grid alone
    }
    std::vector<std::pair<double, Eigen::Vector3d>> grid;
    for (const double p : {0.001, 0.003, 0.01, 0.03, 0.1, 0.3}) {
        for (const double q : {0.05, 0.1, 0.2, 0.4, 0.7, 1.0, 1.5, 2.5}) {
            const Eigen::VectorXd g = shape(form, p, q, d.t);
            const double m = std::max(s.dot(g) / g.squaredNorm(), 1.01 * total);
            if (!std::isfinite(m)) continue;
            const Estimate e{p, q, m};
            grid.emplace_back((s - m * g).squaredNorm(), pack(e));
        }
    }
    std::sort(grid.begin(), grid.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, grid.size()); ++i)
        starts.push_back(grid[i].second);

    std::optional<LeastSquaresSolution> best;
    std::string lastStatus;
    for (const auto& x0 : starts) {
        const LeastSquaresSolution sol = minimiseLeastSquares(residuals, s.size(), x0);
        lastStatus = sol.status;
        if (sol.converged && (!best || sol.rss < best->rss)) best = sol;
    }
    if (!best) {
        throw CalibrationError("the Bass fit (" + std::string(methodToken(method)) + ") to " +
                               data.source + " did not converge from any of " +
                               std::to_string(starts.size()) + " starting points (" + lastStatus +
                               ")");
    }
    const Estimate e = unpack(best->x);
    if (!(std::isfinite(e.p) && std::isfinite(e.q) && std::isfinite(e.m))) {
        throw CalibrationError("the Bass fit (" + std::string(methodToken(method)) + ") to " +
                               data.source + " ran off to parameters that cannot be represented");
    }
    const ResidualFunction natural = [&](const Eigen::VectorXd& x) -> Eigen::VectorXd {
        return s - x(2) * shape(form, x(0), x(1), d.t);
    };
    const auto se =
        standardErrors(numericalJacobian(natural, Eigen::Vector3d(e.p, e.q, e.m)), best->rss);
    FitResult out;
    out.parameters = {{"p", e.p, seAt(se, 0), false},
                      {"q", e.q, seAt(se, 1), false},
                      {"m", e.m, seAt(se, 2), false}};
    const Eigen::VectorXd fitted = e.m * shape(form, e.p, e.q, d.t);
    setFittedValues(out, d.years, d.sales,
                    std::vector<double>(fitted.data(), fitted.data() + fitted.size()));
    if (method == FitMethod::NlsDensity) {
        out.timing = timing;
        out.note = timing == BassTiming::Mid
                       ? Label{"the adoption rate at mid-year, m f(t - 1/2), stands for each "
                               "year's sales; the estimate belongs to that convention (series "
                               "form \"density-mid\")",
                               "以年中采用率 m f(t - 1/2) 代表每年销量；估计值对应该口径"
                               "（序列形式 \"density-mid\"）"}
                       : Label{"the adoption rate at the end of the year, m f(t), stands for "
                               "each year's sales, as published fits take it; the estimate "
                               "belongs to that convention (series form \"density-end\")",
                               "以年末采用率 m f(t) 代表每年销量（与公开拟合的口径一致）；"
                               "估计值对应该口径（序列形式 \"density-end\"）"};
    } else {
        out.note = {"the estimate belongs to the closed form (series form \"closed\")",
                    "估计值对应闭式解（序列形式 \"closed\"）"};
    }
    if (e.m < total * 1.001) {
        out.note.en += "; m is at its lower bound, the " + num(total) +
                       " already sold: the data suggest the diffusion is over";
        out.note.zh += "；m 已处于下限，即已售出的 " + num(total) + "：数据显示扩散已近尾声";
    }
    return out;
}

}  // namespace

BassCoefficients bassFromRegression(double a, double b, double c, double salesToDate,
                                    const std::string& source) {
    const double total = salesToDate;
    if (!(c < 0.0)) {
        throw CalibrationError("the sales in " + source +
                               " do not slow down as adopters "
                               "accumulate (c = " +
                               num(c) +
                               " >= 0 in S = a + b N + c N^2): no "
                               "market potential can be estimated by OLS");
    }
    const double disc = b * b - 4.0 * a * c;
    if (disc < 0.0) {
        throw CalibrationError("the Bass OLS on " + source +
                               " has no real root for the market "
                               "potential m (b^2 - 4ac = " +
                               num(disc) + " < 0)");
    }
    BassCoefficients e;
    e.m = (-b - std::sqrt(disc)) / (2.0 * c);
    if (!(e.m >= total)) {
        throw CalibrationError("the Bass OLS on " + source + " gives a market potential m = " +
                               num(e.m) + " below the " + num(total) + " already sold");
    }
    e.p = a / e.m;
    e.q = -c * e.m;
    if (!(e.p > 0.0)) {
        throw CalibrationError("the Bass OLS on " + source +
                               " gives an innovation coefficient "
                               "p = " +
                               num(e.p) + ": it must be above zero");
    }
    if (!(e.q >= 0.0)) {
        throw CalibrationError("the Bass OLS on " + source +
                               " gives an imitation coefficient "
                               "q = " +
                               num(e.q) + ": it must not be negative");
    }
    return e;
}

FitResult fitBass(const DataPoints& sales, FitMethod method, std::optional<int> launchYear,
                  BassTiming timing) {
    if (method == FitMethod::Nls) method = FitMethod::NlsDifference;
    const Diffusion d = prepare(sales, launchYear, "a Bass fit");
    FitResult out = method == FitMethod::Ols ? fitOls(d, sales) : fitNls(d, sales, method, timing);
    out.kind = FitKind::Bass;
    out.method = method;
    out.launchYear = d.launch;
    out.dataSource = sales.source;
    out.note.en = "launch year " + std::to_string(d.launch) +
                  (launchYear ? " (given)" : " (first year with sales)") + "; " + out.note.en;
    out.note.zh = "上市年份 " + std::to_string(d.launch) +
                  (launchYear ? "（给定）" : "（首个有销量的年份）") + "；" + out.note.zh;
    return out;
}

}  // namespace jevons::core
