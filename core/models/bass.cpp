#include "core/models/bass.h"

#include "core/models/input_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace jevons::core {

using namespace detail;

namespace {

/// Throws unless p > 0 and q >= 0 on every path (and, if given, m > 0).
void validate(const Paths& p, const Paths& q, const Paths* m, Eigen::Index n) {
    checkPaths(p, n, "the innovation coefficient p");
    checkPaths(q, n, "the imitation coefficient q");
    for (Eigen::Index r = 0; r < p.size(); ++r) {
        if (!(p(r) > 0.0)) {
            throw ModelError("the innovation coefficient p = " + num(p(r)) +
                             " must be above zero: with p = 0 nobody ever starts adopting, and a "
                             "negative p has no meaning" +
                             pathNote(r, n));
        }
    }
    for (Eigen::Index r = 0; r < q.size(); ++r) {
        if (!(q(r) >= 0.0)) {
            throw ModelError("the imitation coefficient q = " + num(q(r)) +
                             " must not be negative: imitation cannot discourage adoption" +
                             pathNote(r, n));
        }
    }
    if (m != nullptr) {
        checkPaths(*m, n, "the market potential m");
        for (Eigen::Index r = 0; r < m->size(); ++r) {
            if (!((*m)(r) > 0.0)) {
                throw ModelError("the market potential m = " + num((*m)(r)) +
                                 " must be above zero: it is the number of eventual adopters" +
                                 pathNote(r, n));
            }
        }
    }
}

/// f(t) per path (inputs already validated and broadcast); 0 for t < 0.
Paths adoptionRate(const Paths& p, const Paths& q, double t) {
    if (t < 0.0) return Paths::Zero(p.size());
    const Paths decay = (-(p + q) * t).exp();
    const Paths denominator = 1.0 + (q / p) * decay;
    return (p + q).square() / p * decay / denominator.square();
}

/// F(t) per path for t > 0 (inputs already validated and broadcast).
Paths cumulativeFraction(const Paths& p, const Paths& q, double t) {
    if (t <= 0.0) {
        return Paths::Zero(p.size());
    }
    const Paths decay = (-(p + q) * t).exp();
    return (1.0 - decay) / (1.0 + (q / p) * decay);
}

}  // namespace

BassOutputs bassSeries(const YearRange& range, const BassParams& params, BassForm form) {
    const Eigen::Index n = pathCount(params.p, params.q, params.m);
    validate(params.p, params.q, &params.m, n);
    const Paths p = broadcast(params.p, n);
    const Paths q = broadcast(params.q, n);
    const Paths m = broadcast(params.m, n);

    const Eigen::Index cols = std::max(range.count(), 0);
    BassOutputs out{Grid::Zero(n, cols), Grid::Zero(n, cols)};
    if (form == BassForm::ClosedForm) {
        for (Eigen::Index c = 0; c < cols; ++c) {
            // Years since launch at the end of this year: 1 in the launch year.
            const double t = static_cast<double>(range.first + c - params.launchYear + 1);
            const Paths now = m * cumulativeFraction(p, q, t);
            out.cumulative.col(c) = now;
            out.adoptions.col(c) = now - m * cumulativeFraction(p, q, t - 1.0);
        }
        return out;
    }
    if (form == BassForm::DensityEnd || form == BassForm::DensityMid) {
        // The rate at the end (t) or the middle (t - 1/2) of each year from launch; the
        // cumulative sums those yearly adoptions from the launch year, before the range too.
        const double offset = form == BassForm::DensityMid ? 0.5 : 0.0;
        Paths adopters = Paths::Zero(n);
        for (int year = params.launchYear; year <= range.last; ++year) {
            const double t = static_cast<double>(year - params.launchYear + 1) - offset;
            const Paths sales = m * adoptionRate(p, q, t);
            adopters += sales;
            if (year >= range.first) {
                out.adoptions.col(range.column(year)) = sales;
                out.cumulative.col(range.column(year)) = adopters;
            }
        }
        return out;
    }
    // Discrete: step from the launch year, recording the years inside the range.
    Paths adopters = Paths::Zero(n);  // N_{t-1}
    for (int year = params.launchYear; year <= range.last; ++year) {
        const Paths sales = (p + q * adopters / m) * (m - adopters);
        adopters += sales;
        for (Eigen::Index r = 0; r < n; ++r) {
            if (!std::isfinite(adopters(r))) {
                throw ModelError("the yearly Bass recursion diverges in " + std::to_string(year) +
                                 " for p = " + num(p(r)) + ", q = " + num(q(r)) +
                                 ": yearly steps are too coarse for such fast diffusion; use the "
                                 "closed form" +
                                 pathNote(r, n));
            }
        }
        if (year >= range.first) {
            out.adoptions.col(range.column(year)) = sales;
            out.cumulative.col(range.column(year)) = adopters;
        }
    }
    return out;
}

double bassCumulativeFraction(double p, double q, double t) {
    const Paths pp = Paths::Constant(1, p);
    const Paths qq = Paths::Constant(1, q);
    validate(pp, qq, nullptr, 1);
    if (!std::isfinite(t)) {
        throw ModelError("the time since launch " + num(t) + " is not a number");
    }
    return cumulativeFraction(pp, qq, t)(0);
}

double bassAdoptionRate(double p, double q, double t) {
    const Paths pp = Paths::Constant(1, p);
    const Paths qq = Paths::Constant(1, q);
    validate(pp, qq, nullptr, 1);
    if (!std::isfinite(t)) {
        throw ModelError("the time since launch " + num(t) + " is not a number");
    }
    return adoptionRate(pp, qq, t)(0);
}

std::string_view bassFormToken(BassForm form) {
    return bassFormTokens()[static_cast<std::size_t>(form)];
}

const std::vector<std::string_view>& bassFormTokens() {
    static const std::vector<std::string_view> tokens{"closed", "discrete", "density-end",
                                                      "density-mid"};
    return tokens;
}

std::optional<BassForm> bassFormFromToken(std::string_view token) {
    if (token.empty()) return BassForm::ClosedForm;
    const auto& tokens = bassFormTokens();
    const auto it = std::find(tokens.begin(), tokens.end(), token);
    if (it == tokens.end()) return std::nullopt;
    return static_cast<BassForm>(it - tokens.begin());
}

double bassPeakTime(double p, double q) {
    validate(Paths::Constant(1, p), Paths::Constant(1, q), nullptr, 1);
    return q <= p ? 0.0 : std::log(q / p) / (p + q);
}

}  // namespace jevons::core
