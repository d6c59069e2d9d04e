#include "core/uncertainty/distribution.h"

#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <sstream>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jevons::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string num(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

double betaPdf(double a, double b, double logNorm, double x) {
    if (x <= 0.0) return a == 1.0 ? std::exp(-logNorm) : (a < 1.0 ? kInf : 0.0);
    if (x >= 1.0) return b == 1.0 ? std::exp(-logNorm) : (b < 1.0 ? kInf : 0.0);
    return std::exp((a - 1.0) * std::log(x) + (b - 1.0) * std::log1p(-x) - logNorm);
}

// Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes 6.4).
double betaContinuedFraction(double a, double b, double x) {
    constexpr int kMaxIterations = 500;
    constexpr double kEps = 1e-16;
    constexpr double kTiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::abs(d) < kTiny) d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= kMaxIterations; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::abs(d) < kTiny) d = kTiny;
        c = 1.0 + aa / c;
        if (std::abs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::abs(d) < kTiny) d = kTiny;
        c = 1.0 + aa / c;
        if (std::abs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::abs(del - 1.0) < kEps) break;
    }
    return h;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Special functions.

double normalQuantile(double u) {
    if (u <= 0.0) return -kInf;
    if (u >= 1.0) return kInf;
    // Wichura (1988), Algorithm AS 241 (PPND16).
    const double q = u - 0.5;
    if (std::abs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        const double num =
            (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) *
                     r +
                 45921.953931549871457) *
                    r +
                13731.693765509461125) *
                   r +
               1971.5909503065514427) *
                  r +
              133.14166789178437745) *
                 r +
             3.387132872796366608);
        const double den =
            (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) *
                     r +
                 21213.794301586595867) *
                    r +
                5394.1960214247511077) *
                   r +
               687.1870074920579083) *
                  r +
              42.313330701600911252) *
                 r +
             1.0);
        return q * num / den;
    }
    double r = std::sqrt(-std::log(q < 0.0 ? u : 1.0 - u));
    double value = 0.0;
    if (r <= 5.0) {
        r -= 1.6;
        const double num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r +
                                 0.24178072517745061177) *
                                    r +
                                1.27045825245236838258) *
                                   r +
                               3.64784832476320460504) *
                                  r +
                              5.7694972214606914055) *
                                 r +
                             4.6303378461565452959) *
                                r +
                            1.42343711074968357734);
        const double den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r +
                                 0.0151986665636164571966) *
                                    r +
                                0.14810397642748007459) *
                                   r +
                               0.68976733498510000455) *
                                  r +
                              1.6763848301838038494) *
                                 r +
                             2.05319162663775882187) *
                                r +
                            1.0);
        value = num / den;
    } else {
        r -= 5.0;
        const double num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
                                 0.0012426609473880784386) *
                                    r +
                                0.026532189526576123093) *
                                   r +
                               0.29656057182850489123) *
                                  r +
                              1.7848265399172913358) *
                                 r +
                             5.4637849111641143699) *
                                r +
                            6.6579046435011037772);
        const double den = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
                                 1.8463183175100546818e-5) *
                                    r +
                                7.868691311456132591e-4) *
                                   r +
                               0.0148753612908506148525) *
                                  r +
                              0.13692988092273580531) *
                                 r +
                             0.59983220655588793769) *
                                r +
                            1.0);
        value = num / den;
    }
    return q < 0.0 ? -value : value;
}

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double incompleteBeta(double a, double b, double x) {
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    const double logFront =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0)) return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

// ---------------------------------------------------------------------------------------------
// PERT table: the Beta(α, β) CDF F and density f at kIntervals + 1 equally spaced x in [0, 1].
// On each interval F is the cubic Hermite through (F, f) at both ends, inverted by safeguarded
// Newton; a guide table finds the interval in O(1). kGuide is a power of two, so u · kGuide is
// exact and the guide brackets every u.

struct Distribution::BetaTable {
    static constexpr int kIntervals = 2048;        // < 65,536: guide entries fit 16 bits
    static constexpr int kGuide = 4 * kIntervals;  // fine enough that most searches are 1 step
    std::vector<double> cdf;                       // F(x_i)
    std::vector<double> slope;         // f(x_i)·h: the Hermite end slopes in the local variable t
    std::vector<std::uint16_t> guide;  // guide[k] = the interval holding u = k / kGuide (16 KiB)

    double a = 1.0;
    double b = 1.0;
    double logNorm = 0.0;  // log B(a, b)

    BetaTable(double alpha, double beta)
        : a(alpha), b(beta), logNorm(std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b)) {
        const double h = 1.0 / kIntervals;
        cdf.resize(kIntervals + 1);
        slope.resize(kIntervals + 1);
        for (int i = 0; i <= kIntervals; ++i) {
            const double x = i * h;
            cdf[static_cast<std::size_t>(i)] = incompleteBeta(a, b, x);
            slope[static_cast<std::size_t>(i)] = betaPdf(a, b, logNorm, x) * h;
        }
        cdf.front() = 0.0;
        cdf.back() = 1.0;
        guide.resize(kGuide + 1);
        int i = 0;
        for (int k = 0; k <= kGuide; ++k) {
            const double u = static_cast<double>(k) / kGuide;
            while (i < kIntervals - 1 && cdf[static_cast<std::size_t>(i) + 1] <= u) ++i;
            guide[static_cast<std::size_t>(k)] = static_cast<std::uint16_t>(i);
        }
    }

    // x in [0, 1] with F(x) = u.
    [[nodiscard]] double quantile(double u) const {
        double x = 0.0;
        quantiles(&u, &x, 1);
        return x;
    }

    static constexpr std::size_t kBatch = 8;
    using Lanes = std::array<double, kBatch>;

    // Newton's method on the cubic of each lane, up to 8 steps: lanes still `active` step, the
    // others keep their state; the arithmetic of each lane is, operation for operation, that of
    // one value at a time. A lane stops when its step is below 1e-11 (t resolves x to h·1e-11 ≈
    // 5e-15 of the range; finer only oscillates in rounding) or its cubic hits u exactly.
    static void newton(Lanes& t, Lanes& lo, Lanes& hi, const Lanes& f0, const Lanes& f1,
                       const Lanes& m0, const Lanes& m1, const Lanes& target,
                       std::array<bool, kBatch>& active, bool any) {
#if defined(__SSE2__)
        // Two lanes per SSE2 register (the same IEEE operations as the scalar code below).
        constexpr std::size_t kPairs = kBatch / 2;
        const auto select = [](__m128d mask, __m128d a, __m128d b) {
            return _mm_or_pd(_mm_and_pd(mask, a), _mm_andnot_pd(mask, b));
        };
        const auto c = [](double v) { return _mm_set1_pd(v); };
        __m128d vt[kPairs];
        __m128d vlo[kPairs];
        __m128d vhi[kPairs];
        __m128d vactive[kPairs];
        for (std::size_t p = 0; p < kPairs; ++p) {
            vt[p] = _mm_loadu_pd(&t[2 * p]);
            vlo[p] = _mm_loadu_pd(&lo[2 * p]);
            vhi[p] = _mm_loadu_pd(&hi[2 * p]);
            vactive[p] = _mm_castsi128_pd(
                _mm_set_epi64x(active[2 * p + 1] ? -1 : 0, active[2 * p] ? -1 : 0));
        }
        const __m128d zero = _mm_setzero_pd();
        const __m128d signBit = c(-0.0);
        for (int iteration = 0; iteration < 8 && any; ++iteration) {
            any = false;
            for (std::size_t p = 0; p < kPairs; ++p) {
                const __m128d tj = vt[p];
                const __m128d vf0 = _mm_loadu_pd(&f0[2 * p]);
                const __m128d vf1 = _mm_loadu_pd(&f1[2 * p]);
                const __m128d vm0 = _mm_loadu_pd(&m0[2 * p]);
                const __m128d vm1 = _mm_loadu_pd(&m1[2 * p]);
                const __m128d t2 = _mm_mul_pd(tj, tj);
                const __m128d t3 = _mm_mul_pd(t2, tj);
                const __m128d a =
                    _mm_add_pd(_mm_sub_pd(_mm_mul_pd(c(2), t3), _mm_mul_pd(c(3), t2)), c(1));
                const __m128d b = _mm_add_pd(_mm_sub_pd(t3, _mm_mul_pd(c(2), t2)), tj);
                const __m128d cc = _mm_add_pd(_mm_mul_pd(c(-2), t3), _mm_mul_pd(c(3), t2));
                const __m128d d = _mm_sub_pd(t3, t2);
                const __m128d value = _mm_sub_pd(
                    _mm_add_pd(_mm_add_pd(_mm_add_pd(_mm_mul_pd(a, vf0), _mm_mul_pd(b, vm0)),
                                          _mm_mul_pd(cc, vf1)),
                               _mm_mul_pd(d, vm1)),
                    _mm_loadu_pd(&target[2 * p]));
                const __m128d e = _mm_sub_pd(_mm_mul_pd(c(6), t2), _mm_mul_pd(c(6), tj));
                const __m128d f =
                    _mm_add_pd(_mm_sub_pd(_mm_mul_pd(c(3), t2), _mm_mul_pd(c(4), tj)), c(1));
                const __m128d g = _mm_add_pd(_mm_mul_pd(c(-6), t2), _mm_mul_pd(c(6), tj));
                const __m128d h = _mm_sub_pd(_mm_mul_pd(c(3), t2), _mm_mul_pd(c(2), tj));
                const __m128d derivative =
                    _mm_add_pd(_mm_add_pd(_mm_add_pd(_mm_mul_pd(e, vf0), _mm_mul_pd(f, vm0)),
                                          _mm_mul_pd(g, vf1)),
                               _mm_mul_pd(h, vm1));
                const __m128d above = _mm_cmpgt_pd(value, zero);
                const __m128d newLo = select(above, vlo[p], tj);
                const __m128d newHi = select(above, tj, vhi[p]);
                const __m128d middle = _mm_mul_pd(c(0.5), _mm_add_pd(newLo, newHi));
                __m128d next = select(_mm_cmpgt_pd(derivative, zero),
                                      _mm_sub_pd(tj, _mm_div_pd(value, derivative)), middle);
                next = select(_mm_and_pd(_mm_cmpge_pd(next, newLo), _mm_cmple_pd(next, newHi)),
                              next, middle);
                const __m128d done =
                    _mm_cmplt_pd(_mm_andnot_pd(signBit, _mm_sub_pd(next, tj)), c(1e-11));
                const __m128d step = _mm_and_pd(vactive[p], _mm_cmpneq_pd(value, zero));
                vt[p] = select(step, next, tj);
                vlo[p] = select(step, newLo, vlo[p]);
                vhi[p] = select(step, newHi, vhi[p]);
                vactive[p] = _mm_andnot_pd(done, step);
                any = any || _mm_movemask_pd(vactive[p]) != 0;
            }
        }
        for (std::size_t p = 0; p < kPairs; ++p) _mm_storeu_pd(&t[2 * p], vt[p]);
#else
        for (int iteration = 0; iteration < 8 && any; ++iteration) {
            any = false;
            for (std::size_t j = 0; j < kBatch; ++j) {
                const double tj = t[j];
                const double t2 = tj * tj;
                const double t3 = t2 * tj;
                const double value = (2 * t3 - 3 * t2 + 1) * f0[j] + (t3 - 2 * t2 + tj) * m0[j] +
                                     (-2 * t3 + 3 * t2) * f1[j] + (t3 - t2) * m1[j] - target[j];
                const double derivative = (6 * t2 - 6 * tj) * f0[j] +
                                          (3 * t2 - 4 * tj + 1) * m0[j] +
                                          (-6 * t2 + 6 * tj) * f1[j] + (3 * t2 - 2 * tj) * m1[j];
                const bool above = value > 0.0;
                const double newLo = above ? lo[j] : tj;
                const double newHi = above ? tj : hi[j];
                const double middle = 0.5 * (newLo + newHi);
                double next = derivative > 0.0 ? tj - value / derivative : middle;
                next = next >= newLo && next <= newHi ? next : middle;
                const bool done = std::abs(next - tj) < 1e-11;
                const bool step = active[j] && value != 0.0;
                t[j] = step ? next : tj;
                lo[j] = step ? newLo : lo[j];
                hi[j] = step ? newHi : hi[j];
                active[j] = step && !done;
                any = any || active[j];
            }
        }
#endif
    }

    // x[j] = quantile(u[j]) for j < n. The Newton iterations of up to kBatch values are
    // interleaved, each value keeping its own arithmetic in the same order as one at a time (so
    // the results are bit for bit those of quantile()): independent chains keep the core busy
    // while one chain waits on its division.
    void quantiles(const double* u, double* x, std::size_t n) const {
        for (std::size_t s = 0; s < n; s += kBatch) {
            const std::size_t m = std::min(kBatch, n - s);
            Lanes t{}, lo{}, hi{}, f0{}, f1{}, m0{}, m1{}, target{};
            std::array<std::size_t, kBatch> interval{};
            std::array<bool, kBatch> active{};
            bool any = false;
            for (std::size_t j = 0; j < m; ++j) {
                const double uj = u[s + j];
                if (uj <= 0.0 || uj >= 1.0) continue;  // the ends, below
                // The interval i with cdf[i] <= u < cdf[i + 1] lies in [guide[k], guide[k + 1]]:
                // i = guide[k] + the number of cdf[guide[k] + 1 .. guide[k + 1]] <= u, counted
                // by a branch-free binary search (std::upper_bound's answer).
                const auto k = static_cast<std::size_t>(uj * kGuide);
                const auto from = static_cast<std::size_t>(guide[k]);
                const double* base = cdf.data() + from + 1;
                auto len = static_cast<std::size_t>(guide[k + 1]) - from;
                while (len > 1) {
                    const std::size_t half = len / 2;
                    base += base[half - 1] <= uj ? half : 0;
                    len -= half;
                }
                if (len == 1 && base[0] <= uj) ++base;
                const auto i = static_cast<std::size_t>(base - cdf.data()) - 1;
                interval[j] = i;
                target[j] = uj;
                f0[j] = cdf[i];
                f1[j] = cdf[i + 1];
                m0[j] = slope[i];
                m1[j] = slope[i + 1];
                const double span = f1[j] - f0[j];
                t[j] = span > 0.0 ? (uj - f0[j]) / span : 0.5;
                lo[j] = 0.0;
                hi[j] = 1.0;
                active[j] = true;
                any = true;
            }
            newton(t, lo, hi, f0, f1, m0, m1, target, active, any);
            for (std::size_t j = 0; j < m; ++j) {
                const double uj = u[s + j];
                if (uj <= 0.0 || uj >= 1.0) {
                    x[s + j] = uj <= 0.0 ? 0.0 : 1.0;
                    continue;
                }
                const std::size_t i = interval[j];
                double xj = (static_cast<double>(i) + t[j]) / kIntervals;
                // The two end intervals hold a power law (x^(α−1) at 0) the cubic fits poorly:
                // polish with Newton on the exact CDF. They are rarely hit (F(2h) < 1e-6 for
                // α >= 2).
                if (i < 2 || i + 2 >= static_cast<std::size_t>(kIntervals)) {
                    for (int iteration = 0; iteration < 4; ++iteration) {
                        const double density = betaPdf(a, b, logNorm, xj);
                        if (!(density > 0.0) || !std::isfinite(density)) break;
                        const double next =
                            std::clamp(xj - (incompleteBeta(a, b, xj) - uj) / density,
                                       static_cast<double>(i) / kIntervals,
                                       static_cast<double>(i + 1) / kIntervals);
                        const bool done = std::abs(next - xj) < 1e-16;
                        xj = next;
                        if (done) break;
                    }
                }
                x[s + j] = xj;
            }
        }
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
                d.m_table = std::make_shared<const BetaTable>(d.m_alpha, d.m_beta);
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
            return s.min + (s.max - s.min) * m_table->quantile(u);
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
    if (m_spec.type != DistributionType::Pert) {
        for (std::size_t i = 0; i < n; ++i) out[i] = quantile(u[i]);
        return;
    }
    // PERT (never truncated: its support is [min, max]): quantile() of each element with the
    // table's Newton iterations batched. Same arithmetic, same bits.
    constexpr std::size_t kChunk = 256;
    std::array<double, kChunk> clamped{};
    const double min = m_spec.min;
    const double range = m_spec.max - m_spec.min;
    for (std::size_t s = 0; s < n; s += kChunk) {
        const std::size_t m = std::min(kChunk, n - s);
        for (std::size_t i = 0; i < m; ++i) clamped[i] = std::clamp(u[s + i], 0.0, 1.0);
        m_table->quantiles(clamped.data(), out.data() + s, m);
        for (std::size_t i = 0; i < m; ++i)
            out[s + i] = std::clamp(min + range * out[s + i], m_lower, m_upper);
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
