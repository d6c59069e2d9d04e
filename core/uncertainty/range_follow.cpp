#include "core/uncertainty/range_follow.h"

#include "core/uncertainty/distribution.h"
#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace jevons::core {
namespace {

/// x rounded to 15 significant digits (the nearest double to its %.15g text): removes the
/// last-bit noise of a sum such as 0.2 + 0.05 without moving any value a strategist typed.
double tidy(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", x);
    return std::strtod(text, nullptr);
}

/// min, mode and max shifted by `delta`, each end clamped to [lo, hi]; when the ends would meet
/// or cross, the range keeps its width against the end it moved towards.
DistributionSpec shiftBounded(const DistributionSpec& d, double delta, double lo, double hi) {
    DistributionSpec out = d;
    out.min = std::clamp(d.min + delta, lo, hi);
    out.max = std::clamp(d.max + delta, lo, hi);
    if (!(out.min < out.max)) {
        const double width = d.max - d.min;  // <= hi - lo: [lo, hi] contains [d.min, d.max]
        out.min = delta > 0 ? hi - width : lo;
        out.max = delta > 0 ? hi : lo + width;
    }
    out.min = tidy(out.min);
    out.max = tidy(out.max);
    if (d.type != DistributionType::Uniform)  // a uniform has no mode (the field stays 0)
        out.mode = std::clamp(tidy(d.mode + delta), out.min, out.max);
    return out;
}

}  // namespace

std::optional<DistributionSpec> followValue(const Assumption& a, double from, double to) {
    if (!a.distribution) return std::nullopt;
    const DistributionSpec& d = *a.distribution;
    const double delta = to - from;
    if (d.pinned || delta == 0.0 || !std::isfinite(delta)) return d;

    DistributionSpec moved = d;
    switch (d.type) {
        case DistributionType::Uniform:
        case DistributionType::Triangular:
        case DistributionType::Pert:
            moved = shiftBounded(d, delta, std::min(a.min, d.min), std::max(a.max, d.max));
            break;
        case DistributionType::Normal:
            moved.mean = tidy(d.mean + delta);
            if (d.mean != 0.0 && moved.mean != 0.0)
                moved.sd = tidy(d.sd * std::abs(moved.mean) / std::abs(d.mean));
            break;
        case DistributionType::Lognormal: {
            if (!(from > 0.0 && to > 0.0)) return d;
            const double ratio = to / from;
            moved.p5 = tidy(d.p5 * ratio);
            moved.p95 = tidy(d.p95 * ratio);
            break;
        }
    }
    Assumption probe = a;
    probe.distribution = moved;
    try {
        (void)Distribution::of(probe);
    } catch (const UncertaintyError&) {
        return d;
    }
    return moved;
}

}  // namespace jevons::core
