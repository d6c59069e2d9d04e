#include "core/uncertainty/correlation.h"

#include "core/text/number_text.h"
#include "core/uncertainty/distribution.h"
#include "core/uncertainty/uncertainty_error.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>

namespace jevons::core {
namespace {

bool positiveDefinite(const Eigen::MatrixXd& m) {
    const Eigen::LLT<Eigen::MatrixXd> llt(m);
    return llt.info() == Eigen::Success &&
           (llt.matrixL().toDenseMatrix().diagonal().array() > 1e-10).all();
}

Eigen::ArrayXd ranks(const Eigen::ArrayXd& x) {
    const auto n = static_cast<std::size_t>(x.size());
    std::vector<Eigen::Index> order(n);
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::sort(order.begin(), order.end(),
              [&](Eigen::Index a, Eigen::Index b) { return x(a) < x(b); });
    Eigen::ArrayXd r(x.size());
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && x(order[j + 1]) == x(order[i])) ++j;
        const double average = 0.5 * static_cast<double>(i + j);
        for (std::size_t k = i; k <= j; ++k) r(order[k]) = average;
        i = j + 1;
    }
    return r;
}

}  // namespace

double pearsonFromSpearman(double rank) { return 2.0 * std::sin(std::numbers::pi * rank / 6.0); }

Copula Copula::make(std::vector<std::string> ids, const std::vector<RankCorrelation>& pairs) {
    Copula c;
    c.m_ids = std::move(ids);
    const auto k = static_cast<Eigen::Index>(c.m_ids.size());
    const auto indexOf = [&](const std::string& id) -> Eigen::Index {
        const auto it = std::find(c.m_ids.begin(), c.m_ids.end(), id);
        if (it == c.m_ids.end())
            throw UncertaintyError("'" + id + "' has no distribution, so it cannot be correlated");
        return it - c.m_ids.begin();
    };
    Eigen::MatrixXd rank = Eigen::MatrixXd::Identity(k, k);
    Eigen::MatrixXi given = Eigen::MatrixXi::Zero(k, k);
    for (const auto& p : pairs) {
        const Eigen::Index a = indexOf(p.a);
        const Eigen::Index b = indexOf(p.b);
        if (a == b) throw UncertaintyError("'" + p.a + "' cannot be correlated with itself");
        if (given(a, b))
            throw UncertaintyError("the correlation of '" + p.a + "' and '" + p.b +
                                   "' is given twice");
        if (!(std::abs(p.rank) < 1.0))
            throw UncertaintyError("the rank correlation of '" + p.a + "' and '" + p.b + "' is " +
                                   num(p.rank) + "; it must lie strictly between -1 and 1");
        given(a, b) = given(b, a) = 1;
        rank(a, b) = rank(b, a) = p.rank;
    }
    c.m_pearson = rank.unaryExpr([](double r) { return r == 1.0 ? 1.0 : pearsonFromSpearman(r); });
    const Eigen::LLT<Eigen::MatrixXd> llt(c.m_pearson);
    if (llt.info() != Eigen::Success || !positiveDefinite(c.m_pearson)) {
        // Name the smallest contradiction: a triple whose three correlations cannot hold together.
        for (Eigen::Index a = 0; a < k; ++a)
            for (Eigen::Index b = a + 1; b < k; ++b)
                for (Eigen::Index d = b + 1; d < k; ++d) {
                    const std::array<Eigen::Index, 3> idx{a, b, d};
                    Eigen::Matrix3d sub;
                    for (int i = 0; i < 3; ++i)
                        for (int j = 0; j < 3; ++j) sub(i, j) = c.m_pearson(idx[i], idx[j]);
                    if (positiveDefinite(sub)) continue;
                    const auto name = [&](Eigen::Index i) {
                        return "'" + c.m_ids[static_cast<std::size_t>(i)] + "'";
                    };
                    throw UncertaintyError(
                        "the rank correlations of " + name(a) + ", " + name(b) + " and " + name(d) +
                        " cannot hold together (" + name(a) + "–" + name(b) + " " +
                        num(rank(a, b)) + ", " + name(b) + "–" + name(d) + " " + num(rank(b, d)) +
                        ", " + name(a) + "–" + name(d) + " " + num(rank(a, d)) +
                        "): the correlation matrix is not positive definite; weaken one of them");
                }
        std::string all;
        for (const auto& id : c.m_ids) all += (all.empty() ? "'" : ", '") + id + "'";
        throw UncertaintyError("the rank correlations between " + all +
                               " cannot hold together: the correlation matrix is not positive "
                               "definite; weaken the strongest of them");
    }
    c.m_factor = llt.matrixL();
    return c;
}

void Copula::correlate(Eigen::ArrayXXd& z) const {
    // Row r becomes L·z_r, i.e. Z ← Z·Lᵀ.
    z = (z.matrix() * m_factor.transpose()).array();
}

void Copula::toUniforms(Eigen::ArrayXXd& z) const {
    correlate(z);
    z = z.unaryExpr([](double v) { return normalCdf(v); });
}

double spearman(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) {
    const Eigen::ArrayXd rx = ranks(x);
    const Eigen::ArrayXd ry = ranks(y);
    const double mx = rx.mean();
    const double my = ry.mean();
    const double cov = ((rx - mx) * (ry - my)).sum();
    return cov / std::sqrt((rx - mx).square().sum() * (ry - my).square().sum());
}

}  // namespace jevons::core
