#include "core/models/points.h"

#include "core/models/input_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace jevons::core {

using namespace detail;

namespace {

void validate(const PointsParams& params, Eigen::Index n) {
    const auto& years = params.years;
    const auto& values = params.values;
    if (years.empty()) {
        throw ModelError("a points series needs at least one (year, value) point");
    }
    if (years.size() != values.size()) {
        throw ModelError("a points series has " + std::to_string(years.size()) + " years but " +
                         std::to_string(values.size()) + " values: give one value per year");
    }
    for (std::size_t i = 1; i < years.size(); ++i) {
        if (years[i] <= years[i - 1]) {
            throw ModelError("the point years must be strictly increasing, but " +
                             std::to_string(years[i]) + " comes after " +
                             std::to_string(years[i - 1]));
        }
    }
    for (std::size_t i = 0; i < years.size(); ++i) {
        const Paths& v = values[i];
        const std::string year = std::to_string(years[i]);
        if (v.size() != 1 && v.size() != n) {
            throw ModelError("the " + year + " point has " + std::to_string(v.size()) +
                             " values but other inputs have " + std::to_string(n) +
                             " paths: give one value or one per path");
        }
        for (Eigen::Index r = 0; r < v.size(); ++r) {
            if (!std::isfinite(v(r))) {
                throw ModelError("the " + year + " value " + num(v(r)) + " is not a number" +
                                 pathNote(r, n));
            }
            if (params.interpolation == Interpolation::LogLinear && !(v(r) > 0.0)) {
                throw ModelError("the " + year + " value " + num(v(r)) +
                                 " must be above zero for log-linear (geometric) interpolation" +
                                 pathNote(r, n));
            }
        }
    }
}

}  // namespace

Grid pointsSeries(const YearRange& range, const PointsParams& params) {
    Eigen::Index n = 1;
    for (const Paths& v : params.values) {
        n = std::max(n, v.size());
    }
    validate(params, n);

    const auto& years = params.years;
    const auto& values = params.values;
    const Eigen::Index cols = std::max(range.count(), 0);
    Grid out(n, cols);
    for (Eigen::Index c = 0; c < cols; ++c) {
        const int year = range.first + static_cast<int>(c);
        if (year <= years.front()) {
            out.col(c) = broadcast(values.front(), n);
            continue;
        }
        if (year >= years.back()) {
            out.col(c) = broadcast(values.back(), n);
            continue;
        }
        // years[i] < year < years[i + 1] or year == years[i]; the search ends before the last.
        std::size_t i = 0;
        while (years[i + 1] <= year) {
            ++i;
        }
        const double w =
            static_cast<double>(year - years[i]) / static_cast<double>(years[i + 1] - years[i]);
        const Paths a = broadcast(values[i], n);
        const Paths b = broadcast(values[i + 1], n);
        if (params.interpolation == Interpolation::Linear) {
            out.col(c) = a + w * (b - a);
        } else {
            out.col(c) = a * (b / a).pow(w);
        }
    }
    return out;
}

}  // namespace jevons::core
