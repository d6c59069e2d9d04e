#include "core/uncertainty/distribution.h"

#include "core/text/number_text.h"
#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <mutex>
#include <vector>

namespace jevons::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

// ---------------------------------------------------------------------------------------------
// PERT table: a direct inverse-CDF table of Beta(α, β), α, β in [1, 5].
//
// The quantile is folded at the median: u < 1/2 reads the lower half at v = u, u >= 1/2 the upper
// half at v = 1 − u (exact by Sterbenz's lemma). Q has power-law tails (Q(v) ~ v^(1/α) as v → 0),
// so the v axis is cut into octaves [2^-(o+2), 2^-(o+1)), o = 0 .. kOctaves − 1, each cut into
// kPerOctave equal intervals: v's exponent gives the octave and its top mantissa bits the interval,
// the remaining mantissa bits the local variable t in [0, 1) (integer bit operations, exact, no
// log). On each interval x(t) is the quintic Hermite through the exact x = Q(v), dx/dv = 1/f(x) and
// d²x/dv² = −f'(x)/f(x)³ at both ends, stored as monomial coefficients in t (Horner): 16
// intervals per octave, 40 octaves per half, 61 KiB. A smaller v (odds 2^-40 per draw), an end or
// a NaN takes the exact inverse (Newton on the incomplete beta). Error, measured against the exact
// inverse over 10^6 u down to 1e-15 from either end for α from 1 to 5: below 1.3e-11 of the
// range, largest at the wide first interval of the first octave (v ≈ 0.26).

namespace {

// x in [0, 1] with I_x(a, b) = v by Newton's method on the exact CDF from `guess`, safeguarded
// by the bracket [lo, hi] (bisection when a step leaves it). Relative accuracy ~1e-15 of x: a
// Newton step below 1e-9 of x leaves an error of the order of its square (|f'/2f|·step² with
// |f'/f| <= 4/x near 0 for a <= 5), so it is the last.
double inverseIncompleteBeta(double a, double b, double logNorm, double v, double guess, double lo,
                             double hi) {
    double x = std::clamp(guess, lo, hi);
    for (int iteration = 0; iteration < 200; ++iteration) {
        const double error = incompleteBeta(a, b, logNorm, x) - v;
        if (error == 0.0) return x;
        if (error > 0.0)
            hi = x;
        else
            lo = x;
        const double density = betaPdf(a, b, logNorm, x);
        const double newton = density > 0.0 && std::isfinite(density) ? x - error / density : kInf;
        // A step below 1e-9 of x is the last, even one that rounds onto x (= an end of the
        // bracket): bisecting instead would throw away an x that is already exact (found by
        // the Boost.Math oracle: a guess exact to the last bit went to 1/2, and 200 steps did not
        // come back from there to 1e-59).
        if (std::isfinite(newton) && std::abs(newton - x) <= 1e-9 * x)
            return std::clamp(newton, lo, hi);
        const bool inside = newton > lo && newton < hi;
        const double next = inside ? newton : 0.5 * (lo + hi);
        if ((inside && std::abs(next - x) <= 1e-9 * x) || next == lo || next == hi) return next;
        x = next;
    }
    return x;
}

// Q(v) of Beta(a, b) for a small v (the lower tail): Newton from the leading power law
// x ≈ (a·B(a, b)·v)^(1/a).
double lowerTailQuantile(double a, double b, double logNorm, double v) {
    if (!(v > 0.0)) return v == 0.0 ? 0.0 : v;  // 0 stays 0, NaN stays NaN
    const double guess = std::exp((std::log(a) + logNorm + std::log(v)) / a);
    return inverseIncompleteBeta(a, b, logNorm, v, std::min(guess, 0.5), 0.0, 1.0);
}

}  // namespace

struct Distribution::BetaTable {
    static constexpr int kIntervalBits = 4;  // 16 intervals per octave
    static constexpr int kPerOctave = 1 << kIntervalBits;
    static constexpr int kOctaves = 40;                  // v down to 2^-41: 61 KiB of coefficients
    static constexpr int kHalf = kOctaves * kPerOctave;  // intervals per half
    static constexpr int kCoefficients = 6;              // quintic

    // coefficients[((half · kHalf) + interval) · 6 + k], half 0 = lower, 1 = upper; x(t) =
    // Σ c_k t^k on the interval (x itself, not 1 − x, for the upper half too).
    std::vector<double> coefficients;
    double a = 1.0;
    double b = 1.0;
    double logNorm = 0.0;  // log B(a, b)

    BetaTable(double alpha, double beta)
        : a(alpha), b(beta), logNorm(std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b)) {
        coefficients.resize(static_cast<std::size_t>(2 * kHalf * kCoefficients));
        fillHalf(a, b, false);
        fillHalf(b, a, true);
    }

    // One half: the quantile y(v) of Beta(p, q) for v in [2^-41, 1/2]; the upper half of
    // Beta(a, b) is x = 1 − y of the mirrored Beta(b, a) at v = 1 − u. Nodes from v = 1/2 down,
    // each solved by Newton from the Taylor step off the previous node (2–3 CDF evaluations).
    void fillHalf(double p, double q, bool upper) {
        struct Node {
            double y;      // Q(v)
            double slope;  // dQ/dv = 1/f(y)
            double curve;  // d²Q/dv² = −f'(y)/f(y)³
        };
        const auto node = [&](double v, double guess) {
            const double y = inverseIncompleteBeta(p, q, logNorm, v, guess, 0.0, 1.0);
            const double density = betaPdf(p, q, logNorm, y);
            const double logDerivative = (p - 1.0) / y - (q - 1.0) / (1.0 - y);  // f'/f
            const double slope = 1.0 / density;
            return Node{y, slope, -logDerivative * slope * slope};
        };
        Node high = node(0.5, lowerTailQuantile(p, q, logNorm, 0.5));
        for (int o = 0; o < kOctaves; ++o) {
            const double start = std::ldexp(1.0, -(o + 2));
            const double h = start / kPerOctave;  // interval width in v
            for (int j = kPerOctave - 1; j >= 0; --j) {
                const double v = start + j * h;  // exact
                const double guess = high.y - h * high.slope + 0.5 * h * h * high.curve;
                const Node low = node(v, guess > 0.0 ? guess : 0.5 * high.y);
                // Hermite data in t = (v − v_low)/h: values, first and second derivatives.
                const double sign = upper ? -1.0 : 1.0;  // x = 1 − y in the upper half
                const double p0 = upper ? 1.0 - low.y : low.y;
                const double p1 = upper ? 1.0 - high.y : high.y;
                const double d0 = sign * h * low.slope;
                const double d1 = sign * h * high.slope;
                const double s0 = sign * h * h * low.curve;
                const double s1 = sign * h * h * high.curve;
                const double dp = p1 - p0;
                double* c = coefficients.data() +
                            static_cast<std::size_t>(((upper ? kHalf : 0) + o * kPerOctave + j) *
                                                     kCoefficients);
                c[0] = p0;
                c[1] = d0;
                c[2] = 0.5 * s0;
                c[3] = 10.0 * dp - 6.0 * d0 - 4.0 * d1 - 1.5 * s0 + 0.5 * s1;
                c[4] = -15.0 * dp + 8.0 * d0 + 7.0 * d1 + 1.5 * s0 - s1;
                c[5] = 6.0 * dp - 3.0 * d0 - 3.0 * d1 - 0.5 * s0 + 0.5 * s1;
                high = low;
            }
        }
    }

    // The exact quantile for what the table does not hold: the ends (0 and 1), v below 2^-41,
    // NaN (stays NaN). Out of line: a uniform comes here with odds 2^-40.
    [[gnu::noinline]] double exact(double u) const {
        if (std::isnan(u)) return u;
        if (u <= 0.0) return 0.0;
        if (u >= 1.0) return 1.0;
        if (u < 0.5) return lowerTailQuantile(a, b, logNorm, u);
        return 1.0 - lowerTailQuantile(b, a, logNorm, 1.0 - u);
    }

    // x in [0, 1] with F(x) = u, for u in [0, 1]. Branch-light: the only branch is to exact(),
    // taken only for v < 2^-41.
    [[nodiscard]] double quantile(double u) const {
        constexpr std::uint64_t kMantissa = (std::uint64_t{1} << 52) - 1;
        constexpr std::uint64_t kOne = std::uint64_t{1023} << 52;  // the bits of 1.0
        constexpr double kBelowHalf = 0.49999999999999994;         // the double before 1/2
        // The fold without a branch (u is random: a branch would mispredict half the time):
        // min(u, 1 − u) is u below 1/2 and 1 − u from 1/2 on; the half is a 0/1 flag.
        const auto upper = static_cast<std::uint64_t>(u >= 0.5);
        const double v = std::min(std::min(u, 1.0 - u), kBelowHalf);
        const auto bits = std::bit_cast<std::uint64_t>(v);
        // v in [2^-(o+2), 2^-(o+1)): o = 1021 − biased exponent; unsigned, so a NaN, 0 or tiny v
        // lands beyond the table.
        const auto octave = std::uint64_t{1021} - (bits >> 52);
        if (octave >= static_cast<std::uint64_t>(kOctaves)) return exact(u);
        const std::uint64_t interval = upper * kHalf + octave * kPerOctave +
                                       ((bits >> (52 - kIntervalBits)) & (kPerOctave - 1));
        const double t = std::bit_cast<double>(((bits << kIntervalBits) & kMantissa) | kOne) - 1.0;
        const double* c = coefficients.data() + interval * kCoefficients;
        // Estrin's scheme: three independent pairs, a shorter dependency chain than Horner's.
        const double t2 = t * t;
        return (c[0] + c[1] * t) + t2 * ((c[2] + c[3] * t) + t2 * (c[4] + c[5] * t));
    }
};

// ---------------------------------------------------------------------------------------------

std::string_view distributionTypeName(DistributionType type) {
    switch (type) {
        case DistributionType::Uniform:
            return "uniform";
        case DistributionType::Triangular:
            return "triangular";
        case DistributionType::Pert:
            return "pert";
        case DistributionType::Normal:
            return "normal";
        case DistributionType::Lognormal:
            return "lognormal";
    }
    return "uniform";
}

std::optional<DistributionType> distributionTypeFromName(std::string_view name) {
    for (const auto t :
         {DistributionType::Uniform, DistributionType::Triangular, DistributionType::Pert,
          DistributionType::Normal, DistributionType::Lognormal})
        if (distributionTypeName(t) == name) return t;
    return std::nullopt;
}

Distribution Distribution::make(const DistributionSpec& spec, double lower, double upper) {
    Distribution d;
    d.m_spec = spec;
    const auto finite = [](double v, const char* name) {
        if (!std::isfinite(v))
            throw UncertaintyError(std::string(name) + " must be a finite number");
    };
    const auto inDomain = [&](double v, const char* name) {
        if (v < lower)
            throw UncertaintyError(std::string(name) + " " + num(v) + " is below " + num(lower) +
                                   ", the smallest value this assumption's unit allows");
        if (v > upper)
            throw UncertaintyError(std::string(name) + " " + num(v) + " is above " + num(upper) +
                                   ", the largest value this assumption's unit allows");
    };
    switch (spec.type) {
        case DistributionType::Uniform:
        case DistributionType::Triangular:
        case DistributionType::Pert: {
            finite(spec.min, "min");
            finite(spec.max, "max");
            if (!(spec.min < spec.max))
                throw UncertaintyError("min " + num(spec.min) + " must be below max " +
                                       num(spec.max));
            inDomain(spec.min, "min");
            inDomain(spec.max, "max");
            if (spec.type != DistributionType::Uniform) {
                finite(spec.mode, "mode");
                if (spec.mode < spec.min || spec.mode > spec.max)
                    throw UncertaintyError("the mode " + num(spec.mode) + " must lie between min " +
                                           num(spec.min) + " and max " + num(spec.max));
            }
            d.m_lower = spec.min;
            d.m_upper = spec.max;
            if (spec.type == DistributionType::Pert) {
                const double range = spec.max - spec.min;
                d.m_alpha = 1.0 + 4.0 * (spec.mode - spec.min) / range;
                d.m_beta = 1.0 + 4.0 * (spec.max - spec.mode) / range;
                d.m_table = std::make_shared<LazyBetaTable>();
            }
            return d;
        }
        case DistributionType::Normal:
            finite(spec.mean, "the mean");
            finite(spec.sd, "the standard deviation");
            if (!(spec.sd > 0.0))
                throw UncertaintyError("the standard deviation " + num(spec.sd) +
                                       " must be above 0");
            inDomain(spec.mean, "the mean");
            d.m_mu = spec.mean;
            d.m_sigma = spec.sd;
            break;
        case DistributionType::Lognormal:
            finite(spec.p5, "p5");
            finite(spec.p95, "p95");
            if (!(spec.p5 > 0.0))
                throw UncertaintyError("p5 " + num(spec.p5) +
                                       " must be above 0: a lognormal takes only positive values");
            if (!(spec.p5 < spec.p95))
                throw UncertaintyError("p5 " + num(spec.p5) + " must be below p95 " +
                                       num(spec.p95));
            inDomain(spec.p5, "p5");
            inDomain(spec.p95, "p95");
            d.m_mu = 0.5 * (std::log(spec.p5) + std::log(spec.p95));
            d.m_sigma = (std::log(spec.p95) - std::log(spec.p5)) / (2.0 * kZ95);
            break;
    }
    // Normal and lognormal: truncate to the domain when it cuts off any mass.
    d.m_lower = spec.type == DistributionType::Lognormal ? std::max(lower, 0.0) : lower;
    d.m_upper = upper;
    d.m_uLower = d.rawCdf(d.m_lower);
    d.m_uUpper = d.rawCdf(d.m_upper);
    d.m_truncated = d.m_uLower > 0.0 || d.m_uUpper < 1.0;
    if (d.m_uUpper - d.m_uLower < 0.5)
        throw UncertaintyError("more than half of this distribution lies outside " + num(lower) +
                               "–" + num(upper) + ", the values this assumption's unit allows");
    return d;
}

Distribution Distribution::of(const Assumption& assumption) {
    double lower = lowerBound(assumption.unit);
    // A rate of exactly -100% wipes a value out: keep samples strictly above it.
    if (assumption.unit == Unit::Rate) lower = std::nextafter(lower, 0.0);
    return make(*assumption.distribution, lower, upperBound(assumption.unit));
}

double Distribution::rawCdf(double x) const {
    const auto& s = m_spec;
    switch (s.type) {
        case DistributionType::Uniform:
            return std::clamp((x - s.min) / (s.max - s.min), 0.0, 1.0);
        case DistributionType::Triangular: {
            if (x <= s.min) return 0.0;
            if (x >= s.max) return 1.0;
            const double range = s.max - s.min;
            if (x <= s.mode) return (x - s.min) * (x - s.min) / (range * (s.mode - s.min));
            return 1.0 - (s.max - x) * (s.max - x) / (range * (s.max - s.mode));
        }
        case DistributionType::Pert:
            return incompleteBeta(m_alpha, m_beta,
                                  std::clamp((x - s.min) / (s.max - s.min), 0.0, 1.0));
        case DistributionType::Normal:
            if (x == kInf) return 1.0;
            if (x == -kInf) return 0.0;
            return normalCdf((x - m_mu) / m_sigma);
        case DistributionType::Lognormal:
            if (x <= 0.0) return 0.0;
            if (x == kInf) return 1.0;
            return normalCdf((std::log(x) - m_mu) / m_sigma);
    }
    return 0.0;
}

// The PERT table of a distribution and its copies, built by the first quantile that needs it.
struct Distribution::LazyBetaTable {
    std::once_flag built;
    std::unique_ptr<const BetaTable> table;
};

const Distribution::BetaTable& Distribution::betaTable() const {
    std::call_once(m_table->built,
                   [this] { m_table->table = std::make_unique<const BetaTable>(m_alpha, m_beta); });
    return *m_table->table;
}

double Distribution::rawQuantile(double u) const {
    const auto& s = m_spec;
    switch (s.type) {
        case DistributionType::Uniform:
            return s.min + u * (s.max - s.min);
        case DistributionType::Triangular: {
            const double range = s.max - s.min;
            const double c = (s.mode - s.min) / range;
            if (u < c) return s.min + std::sqrt(u * range * (s.mode - s.min));
            return s.max - std::sqrt((1.0 - u) * range * (s.max - s.mode));
        }
        case DistributionType::Pert:
            return s.min + (s.max - s.min) * betaTable().quantile(u);
        case DistributionType::Normal:
            return m_mu + m_sigma * normalQuantile(u);
        case DistributionType::Lognormal:
            return std::exp(m_mu + m_sigma * normalQuantile(u));
    }
    return 0.0;
}

double Distribution::quantile(double u) const {
    u = std::clamp(u, 0.0, 1.0);
    if (m_truncated) u = m_uLower + u * (m_uUpper - m_uLower);
    return std::clamp(rawQuantile(u), m_lower, m_upper);
}

void Distribution::quantiles(std::span<const double> u, std::span<double> out) const {
    const std::size_t n = std::min(u.size(), out.size());
    switch (m_spec.type) {
        case DistributionType::Pert: {
            // Never truncated (its support is [min, max]): quantile()'s operations, one loop.
            const BetaTable& table = betaTable();
            const double min = m_spec.min;
            const double range = m_spec.max - m_spec.min;
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::clamp(min + range * table.quantile(std::clamp(u[i], 0.0, 1.0)),
                                    m_lower, m_upper);
            return;
        }
        case DistributionType::Normal:
        case DistributionType::Lognormal: {
            // quantile()'s operations in three loops, with normalQuantiles() in the middle.
            const bool lognormal = m_spec.type == DistributionType::Lognormal;
            constexpr std::size_t kChunk = 512;
            std::array<double, kChunk> w{};
            for (std::size_t s = 0; s < n; s += kChunk) {
                const std::size_t m = std::min(kChunk, n - s);
                for (std::size_t i = 0; i < m; ++i) {
                    const double c = std::clamp(u[s + i], 0.0, 1.0);
                    w[i] = m_truncated ? m_uLower + c * (m_uUpper - m_uLower) : c;
                }
                const std::span<double> z = out.subspan(s, m);
                normalQuantiles(std::span<const double>(w.data(), m), z);
                for (double& x : z) {
                    const double raw = m_mu + m_sigma * x;
                    x = std::clamp(lognormal ? std::exp(raw) : raw, m_lower, m_upper);
                }
            }
            return;
        }
        default:
            for (std::size_t i = 0; i < n; ++i) out[i] = quantile(u[i]);
    }
}

double Distribution::cdf(double x) const {
    if (x < m_lower) return 0.0;
    if (x >= m_upper) return 1.0;
    const double raw = rawCdf(x);
    if (!m_truncated) return raw;
    return std::clamp((raw - m_uLower) / (m_uUpper - m_uLower), 0.0, 1.0);
}

}  // namespace jevons::core
