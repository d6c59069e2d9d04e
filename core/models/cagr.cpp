#include "core/models/cagr.h"

#include "core/models/exp_steps.h"
#include "core/models/input_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace jevons::core {

using namespace detail;

namespace {

void validate(const CagrParams& params, Eigen::Index n) {
    if (params.segments.empty()) {
        throw ModelError("a growth-rate series needs at least one segment with a rate");
    }
    checkPaths(params.startValue, n, "the start value");
    int previous = params.startYear;
    for (const CagrSegment& s : params.segments) {
        const std::string until = std::to_string(s.until);
        if (s.until <= previous) {
            throw ModelError("the growth segment ending in " + until + " must end after " +
                             std::to_string(previous) +
                             (previous == params.startYear ? " (the start year)"
                                                           : " (the previous segment's end)"));
        }
        checkPaths(s.rate, n, "the growth rate up to " + until);
        for (Eigen::Index r = 0; r < s.rate.size(); ++r) {
            if (!(s.rate(r) > -1.0)) {
                throw ModelError("the growth rate up to " + until + " is " + pct(s.rate(r)) +
                                 ": a rate of -100% or less would wipe out the value entirely" +
                                 pathNote(r, n));
            }
        }
        previous = s.until;
    }
}

}  // namespace

Grid cagrSeries(const YearRange& range, const CagrParams& params) {
    Grid out;
    cagrSeries(range, params, out);
    return out;
}

void cagrSeries(const YearRange& range, const CagrParams& params, Grid& out) {
    Eigen::Index n = params.startValue.size();
    for (const CagrSegment& s : params.segments) {
        n = std::max(n, s.rate.size());
    }
    n = std::max<Eigen::Index>(n, 1);
    validate(params, n);

    // Growth factor per segment, as a log so compounding over k years is one multiply.
    std::vector<Paths> logGrowth;
    logGrowth.reserve(params.segments.size());
    for (const CagrSegment& s : params.segments) {
        logGrowth.push_back(broadcast(s.rate, n).log1p());
    }
    const Paths start = broadcast(params.startValue, n);

    // Growth factor (1 + rate) per segment: one multiply per year (exp_steps.h).
    std::vector<Paths> factor;
    factor.reserve(params.segments.size());
    for (const CagrSegment& s : params.segments) factor.push_back(1.0 + broadcast(s.rate, n));
    // The segment of the step (year - 1, year]: before the start the first (back-cast), then
    // the first segment ending in or after `year`, the last one open-ended.
    const auto segmentOf = [&](int year) {
        std::size_t i = 0;
        while (year > params.startYear && i + 1 < params.segments.size() &&
               params.segments[i].until < year)
            ++i;
        return i;
    };

    const Eigen::Index cols = std::max(range.count(), 0);
    out.resize(n, cols);
    Paths exponent = Paths::Zero(n);  // ln(value / start) of the current column
    Paths growth;                     // exp(exponent)
    for (Eigen::Index c = 0; c < cols; ++c) {
        const int year = range.first + static_cast<int>(c);
        if (c == 0) {
            if (year < params.startYear) {
                exponent = static_cast<double>(year - params.startYear) * logGrowth.front();
            } else {
                // Steps (from, to] inside each segment; the last segment is open-ended.
                int from = params.startYear;
                for (std::size_t i = 0; i < params.segments.size() && from < year; ++i) {
                    const bool last = i + 1 == params.segments.size();
                    const int to = last ? year : std::min(year, params.segments[i].until);
                    exponent += static_cast<double>(to - from) * logGrowth[i];
                    from = to;
                }
            }
            growth = exponent.exp();
        } else {
            const std::size_t i = segmentOf(year);
            exponent += logGrowth[i];
            stepExp(growth, factor[i], exponent);
        }
        // The start year itself is the start value exactly.
        if (year == params.startYear) {
            exponent.setZero();
            growth.setOnes();
        }
        out.col(c) = start * growth;
    }
    checkFinite(out, range, "growth-rate series");
}

Paths cagrBetween(const Paths& startValue, const Paths& endValue, int years) {
    const Eigen::Index n = pathCount(startValue, endValue);
    if (years <= 0) {
        throw ModelError("a growth rate needs a period of at least one year, not " +
                         std::to_string(years));
    }
    checkPaths(startValue, n, "the start value");
    checkPaths(endValue, n, "the end value");
    for (Eigen::Index r = 0; r < startValue.size(); ++r) {
        if (!(startValue(r) > 0.0)) {
            throw ModelError("the start value " + num(startValue(r)) +
                             " must be above zero to compute a growth rate" + pathNote(r, n));
        }
    }
    for (Eigen::Index r = 0; r < endValue.size(); ++r) {
        if (!(endValue(r) > 0.0)) {
            throw ModelError("the end value " + num(endValue(r)) +
                             " must be above zero to compute a growth rate" + pathNote(r, n));
        }
    }
    const Paths ratio = broadcast(endValue, n) / broadcast(startValue, n);
    return ratio.pow(1.0 / static_cast<double>(years)) - 1.0;
}

double cagrBetween(double startValue, double endValue, int years) {
    return cagrBetween(Paths::Constant(1, startValue), Paths::Constant(1, endValue), years)(0);
}

}  // namespace jevons::core
