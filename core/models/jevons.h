#pragma once
// Series kind "jevons": the Jevons paradox. Cheaper compute makes more compute bought; whether
// total spend rises depends on the price elasticity of demand.
#include "core/models/grid.h"

namespace jevons::core {

/// @brief Constant-elasticity demand responding to a unit cost that falls at a constant rate.
struct JevonsParams {
    int baseYear;       ///< calendar year in which demand and cost equal the base values
    Paths baseDemand;   ///< demand in baseYear (>= 0), in compute units (e.g. exaFLOP-years)
    Paths baseCost;     ///< unit cost in baseYear (> 0), in money per compute unit
    Paths costDecline;  ///< fraction per year the unit cost falls: 0.3 = -30%/yr; in [-1, 1)
    Paths elasticity;   ///< price elasticity of demand epsilon (>= 0): Q ~ cost^(-epsilon)
};

/// @brief Demand, unit cost and spend per year (rows = paths, cols = years).
struct JevonsOutputs {
    Grid demand;    ///< compute bought, units of baseDemand
    Grid unitCost;  ///< cost per compute unit, units of baseCost
    Grid spend;     ///< unitCost * demand, units of baseCost * baseDemand
};

/// @brief Jevons series: unitCost(t) = baseCost (1 - costDecline)^(t - baseYear),
/// demand(t) = baseDemand (unitCost/baseCost)^(-epsilon), spend = unitCost * demand.
///
/// Contract: years before baseYear are back-cast with the same formula. With falling cost,
/// spend rises over time iff epsilon > 1, is flat at epsilon = 1, falls iff epsilon < 1.
/// Throws ModelError if costDecline >= 1 (cost falls to zero or below), costDecline < -1
/// (cost more than doubling each year is outside the model's range), baseDemand < 0,
/// baseCost <= 0, elasticity < 0, an input is not finite, Paths sizes are neither 1 nor N, or
/// a result is too large to represent. An empty range gives 0 columns.
[[nodiscard]] JevonsOutputs jevonsSeries(const YearRange& range, const JevonsParams& params);
/// @brief As above, into `out` (each grid resized to paths x years; storage reused when it
/// already has that shape). Same values bit for bit. On a throw `out` holds unspecified values.
void jevonsSeries(const YearRange& range, const JevonsParams& params, JevonsOutputs& out);

/// @brief Spend multiplier g^(epsilon - 1) when unit cost falls by a factor g (cost -> cost/g).
/// Throws ModelError unless efficiencyGain > 0 and elasticity >= 0 (both finite).
[[nodiscard]] double jevonsSpendMultiplier(double efficiencyGain, double elasticity);

}  // namespace jevons::core
