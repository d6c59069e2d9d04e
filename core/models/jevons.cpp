#include "core/models/jevons.h"

#include "core/models/exp_steps.h"
#include "core/models/input_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace jevons::core {

using namespace detail;

namespace {

void checkElasticity(double e, Eigen::Index r, Eigen::Index n) {
    if (!(e >= 0.0)) {
        throw ModelError("the elasticity " + num(e) +
                         " must not be negative: cheaper compute cannot reduce the amount bought" +
                         pathNote(r, n));
    }
}

void validate(const JevonsParams& params, Eigen::Index n) {
    checkPaths(params.baseDemand, n, "the base demand");
    checkPaths(params.baseCost, n, "the base unit cost");
    checkPaths(params.costDecline, n, "the yearly cost decline");
    checkPaths(params.elasticity, n, "the elasticity");
    const std::string base = std::to_string(params.baseYear);
    for (Eigen::Index r = 0; r < params.baseDemand.size(); ++r) {
        if (!(params.baseDemand(r) >= 0.0)) {
            throw ModelError("the " + base + " base demand " + num(params.baseDemand(r)) +
                             " must not be negative" + pathNote(r, n));
        }
    }
    for (Eigen::Index r = 0; r < params.baseCost.size(); ++r) {
        if (!(params.baseCost(r) > 0.0)) {
            throw ModelError(
                "the " + base + " base unit cost " + num(params.baseCost(r)) +
                " must be above zero: demand at a zero or negative price is undefined" +
                pathNote(r, n));
        }
    }
    for (Eigen::Index r = 0; r < params.costDecline.size(); ++r) {
        const double d = params.costDecline(r);
        if (d >= 1.0) {
            throw ModelError("a yearly cost decline of " + pct(d) +
                             " means compute becomes free (or the price negative) after one year; "
                             "the decline must be below 100%" +
                             pathNote(r, n));
        }
        if (d < -1.0) {
            throw ModelError("a yearly cost decline of " + pct(d) +
                             " means the cost more than doubles every year, outside this model's "
                             "range; the decline must be at least -100%" +
                             pathNote(r, n));
        }
    }
    for (Eigen::Index r = 0; r < params.elasticity.size(); ++r) {
        checkElasticity(params.elasticity(r), r, n);
    }
}

}  // namespace

JevonsOutputs jevonsSeries(const YearRange& range, const JevonsParams& params) {
    JevonsOutputs out;
    jevonsSeries(range, params, out);
    return out;
}

void jevonsSeries(const YearRange& range, const JevonsParams& params, JevonsOutputs& out) {
    const Eigen::Index n =
        pathCount(params.baseDemand, params.baseCost, params.costDecline, params.elasticity);
    validate(params, n);
    const Paths demand0 = broadcast(params.baseDemand, n);
    const Paths cost0 = broadcast(params.baseCost, n);
    const Paths logFactor = (-broadcast(params.costDecline, n)).log1p();  // ln(1 - d) per year
    const Paths eps = broadcast(params.elasticity, n);

    const Eigen::Index cols = std::max(range.count(), 0);
    out.demand.resize(n, cols);
    out.unitCost.resize(n, cols);
    out.spend.resize(n, cols);
    // unitCost / baseCost = exp(years · ln(1 - d)) and demand / baseDemand = exp(-eps · years ·
    // ln(1 - d)), year after year products with (1 - d)-like factors (exp_steps.h).
    Paths cost;
    Paths demand;
    const Paths costFactor = logFactor.exp();
    const Paths demandFactor = (-eps * logFactor).exp();
    for (Eigen::Index c = 0; c < cols; ++c) {
        const double years = static_cast<double>(range.first + c - params.baseYear);
        if (c == 0) {
            const Paths logRatio = years * logFactor;  // ln(unitCost / baseCost)
            cost = logRatio.exp();
            demand = (-eps * logRatio).exp();
        } else {
            stepExp(cost, costFactor, years * logFactor);
            stepExp(demand, demandFactor, -eps * (years * logFactor));
        }
        out.unitCost.col(c) = cost0 * cost;
        out.demand.col(c) = demand0 * demand;
        out.spend.col(c) = out.unitCost.col(c) * out.demand.col(c);
    }
    checkFinite(out.unitCost, range, "unit cost");
    checkFinite(out.demand, range, "demand");
    checkFinite(out.spend, range, "spend");
}

double jevonsSpendMultiplier(double efficiencyGain, double elasticity) {
    if (!std::isfinite(efficiencyGain) || !(efficiencyGain > 0.0)) {
        throw ModelError("the efficiency gain " + num(efficiencyGain) +
                         " must be above zero: it divides the unit cost (2 = half the cost)");
    }
    if (!std::isfinite(elasticity)) {
        throw ModelError("the elasticity " + num(elasticity) + " is not a number");
    }
    checkElasticity(elasticity, 0, 1);
    return std::pow(efficiencyGain, elasticity - 1.0);
}

}  // namespace jevons::core
