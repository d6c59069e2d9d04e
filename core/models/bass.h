#pragma once
// Series kind "bass": Bass (1969) diffusion of a new product through a market of potential m.
#include <optional>
#include <string_view>
#include <vector>

#include "core/models/grid.h"

namespace jevons::core {

/// @brief Bass diffusion parameters, one value per path (size 1 broadcasts).
struct BassParams {
    Paths p;         ///< coefficient of innovation, per year (> 0), e.g. 0.03
    Paths q;         ///< coefficient of imitation, per year (>= 0), e.g. 0.38
    Paths m;         ///< market potential: eventual adopters (> 0), in output units (e.g. M units)
    int launchYear;  ///< calendar year of the first adoptions
};

/// @brief How yearly adoptions are computed; t = year - launch + 1 (1 in the launch year).
enum class BassForm {
    ClosedForm,  ///< m * [F(t) - F(t-1)] from the continuous-time solution F
    Discrete,    ///< Bass (1969) recursion S_t = (p + q N_{t-1}/m)(m - N_{t-1}), N_0 = 0
    DensityEnd,  ///< m * f(t): the adoption rate at the end of the year (textbook NLS fits)
    DensityMid,  ///< m * f(t - 1/2): the adoption rate at mid-year
};

/// @brief The file's token of a form (the series field `form`): "closed", "discrete",
/// "density-end", "density-mid".
[[nodiscard]] std::string_view bassFormToken(BassForm form);
/// @brief Every token bassFormToken gives, in enum order.
[[nodiscard]] const std::vector<std::string_view>& bassFormTokens();
/// @brief The form of a token; "" (the field left out) is ClosedForm; std::nullopt if unknown.
[[nodiscard]] std::optional<BassForm> bassFormFromToken(std::string_view token);

/// @brief Yearly adoptions (new adopters in the year) and cumulative adopters at year end.
struct BassOutputs {
    Grid adoptions;   ///< new adopters during each year (rows = paths, cols = years)
    Grid cumulative;  ///< adopters to date at the end of each year, same units as m
};

/// @brief Bass diffusion series over the range.
///
/// Convention: the launch year is the first year of adoption; every year before it is 0.
/// ClosedForm: cumulative(y) = m * F(y - launchYear + 1), adoptions(y) = cumulative(y) -
/// cumulative(y - 1). Discrete: the recursion with its first step in the launch year, so
/// adoptions(launchYear) = p * m. DensityEnd / DensityMid: adoptions(y) = m * f(t) / m * f(t - 1/2)
/// with t = y - launchYear + 1, and cumulative(y) the sum of those adoptions from the launch year
/// to y (it tends to about m, not exactly m: the yearly rate samples a continuous curve). The
/// discrete recursion is a coarse yearly Euler step: when p + q is large (roughly above 1) it can
/// overshoot m and then give negative adoptions; use ClosedForm for fast products (if it diverges
/// outright, ModelError). Cumulative counts adopters since launch even if the range starts later.
/// Throws ModelError if p <= 0, q < 0, m <= 0, an input is not finite, or Paths sizes are neither 1
/// nor N. An empty range gives 0 columns.
[[nodiscard]] BassOutputs bassSeries(const YearRange& range, const BassParams& params,
                                     BassForm form = BassForm::ClosedForm);

/// @brief F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}), the fraction of m adopted by t
/// years after launch (t <= 0 gives 0). Throws ModelError if p <= 0, q < 0 or inputs not finite.
[[nodiscard]] double bassCumulativeFraction(double p, double q, double t);

/// @brief Bass adoption rate f(t) = dF/dt = ((p+q)^2/p) e^{-(p+q)t} / (1 + (q/p) e^{-(p+q)t})^2
/// as a fraction of m per year, t years after launch (t < 0 gives 0). Throws ModelError if
/// p <= 0, q < 0 or an input is not finite.
[[nodiscard]] double bassAdoptionRate(double p, double q, double t);

/// @brief Time of peak adoption rate in years since launch, ln(q/p)/(p+q); 0 when q <= p (the
/// rate is highest at launch). Throws ModelError if p <= 0, q < 0 or inputs not finite.
[[nodiscard]] double bassPeakTime(double p, double q);

}  // namespace jevons::core
