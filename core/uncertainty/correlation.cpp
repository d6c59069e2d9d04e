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
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

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

namespace {

/// The ids' names quoted for a message, at most `shown` of them then "and N more".
std::string quotedList(const std::vector<std::string>& ids, std::size_t shown) {
    std::string all;
    for (std::size_t i = 0; i < ids.size() && i < shown; ++i)
        all += (i ? ", '" : "'") + ids[i] + "'";
    if (ids.size() > shown) all += " and " + std::to_string(ids.size() - shown) + " more";
    return all;
}

}  // namespace

Copula Copula::make(std::vector<std::string> ids, const std::vector<RankCorrelation>& pairs) {
    Copula c;
    c.m_ids = std::move(ids);
    const auto k = static_cast<Eigen::Index>(c.m_ids.size());
    std::unordered_map<std::string_view, Eigen::Index> index;
    for (Eigen::Index i = 0; i < k; ++i) index.emplace(c.m_ids[static_cast<std::size_t>(i)], i);
    const auto indexOf = [&](const std::string& id) -> Eigen::Index {
        const auto it = index.find(id);
        if (it == index.end())
            throw UncertaintyError("'" + id + "' has no distribution, so it cannot be correlated");
        return it->second;
    };
    Eigen::MatrixXd rank = Eigen::MatrixXd::Identity(k, k);
    // Who is correlated with whom: a triple can contradict itself only where at least two of its
    // three pairs are given (a 3 × 3 correlation matrix with one pair |ρ| < 1 is positive
    // definite), so the search below walks each assumption's partners, not every triple.
    std::vector<std::vector<Eigen::Index>> partners(static_cast<std::size_t>(k));
    std::set<std::pair<Eigen::Index, Eigen::Index>> given;
    for (const auto& p : pairs) {
        const Eigen::Index a = indexOf(p.a);
        const Eigen::Index b = indexOf(p.b);
        if (a == b) throw UncertaintyError("'" + p.a + "' cannot be correlated with itself");
        if (!given.emplace(std::min(a, b), std::max(a, b)).second)
            throw UncertaintyError("the correlation of '" + p.a + "' and '" + p.b +
                                   "' is given twice");
        if (!(std::abs(p.rank) < 1.0))
            throw UncertaintyError("the rank correlation of '" + p.a + "' and '" + p.b + "' is " +
                                   num(p.rank) + "; it must lie strictly between -1 and 1");
        rank(a, b) = rank(b, a) = p.rank;
        partners[static_cast<std::size_t>(a)].push_back(b);
        partners[static_cast<std::size_t>(b)].push_back(a);
    }
    c.m_pearson = rank.unaryExpr([](double r) { return r == 1.0 ? 1.0 : pearsonFromSpearman(r); });
    const Eigen::LLT<Eigen::MatrixXd> llt(c.m_pearson);
    if (llt.info() != Eigen::Success || !positiveDefinite(c.m_pearson)) {
        // Name the smallest contradiction: of the triples whose three correlations cannot hold
        // together, the first in the ids' order (as a search of every triple would find it).
        // Cost: the sum over assumptions of their partners squared, at most pairs².
        std::optional<std::array<Eigen::Index, 3>> first;
        for (Eigen::Index centre = 0; centre < k; ++centre) {
            const auto& near = partners[static_cast<std::size_t>(centre)];
            for (std::size_t i = 0; i < near.size(); ++i)
                for (std::size_t j = i + 1; j < near.size(); ++j) {
                    std::array<Eigen::Index, 3> idx{near[i], centre, near[j]};
                    std::sort(idx.begin(), idx.end());
                    if (first && !(idx < *first)) continue;
                    Eigen::Matrix3d sub;
                    for (int r = 0; r < 3; ++r)
                        for (int s = 0; s < 3; ++s) sub(r, s) = c.m_pearson(idx[r], idx[s]);
                    if (!positiveDefinite(sub)) first = idx;
                }
        }
        if (first) {
            const auto [a, b, d] = *first;
            const auto name = [&](Eigen::Index i) {
                return "'" + c.m_ids[static_cast<std::size_t>(i)] + "'";
            };
            throw UncertaintyError(
                "the rank correlations of " + name(a) + ", " + name(b) + " and " + name(d) +
                " cannot hold together (" + name(a) + "–" + name(b) + " " + num(rank(a, b)) + ", " +
                name(b) + "–" + name(d) + " " + num(rank(b, d)) + ", " + name(a) + "–" + name(d) +
                " " + num(rank(a, d)) +
                "): the correlation matrix is not positive definite; weaken one of them");
        }
        throw UncertaintyError("the rank correlations between " + quotedList(c.m_ids, 10) +
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
