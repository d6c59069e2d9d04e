#pragma once
// What a fit returns: parameters with standard errors, statistics, fitted values per year.
#include "core/scenario/scenario.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core {

/// @brief The series kind a fit produces parameters for.
enum class FitKind { Cagr, Logistic, Gompertz, Bass };

/// @brief How the parameters were estimated.
enum class FitMethod {
    Ols,            ///< linear least squares: log-linear (cagr) or Bass (1969) on S_t (bass)
    Nls,            ///< non-linear least squares on the values (logistic, gompertz)
    NlsDifference,  ///< bass: NLS on S_t = m [F(t) - F(t-1)] (Srinivasan & Mason 1986)
    NlsDensity,     ///< bass: NLS on S_t = m f(t) or m f(t - 1/2), as BassTiming says
};

/// @brief bass, FitMethod::NlsDensity: where in year t the adoption rate f stands for the
/// year's sales (t = year - launch + 1, so t = 1 in the launch year).
enum class BassTiming {
    End,  ///< S_t = m f(t): the end of the year, as published fits (textbooks, R's nls) use
    Mid,  ///< S_t = m f(t - 1/2): mid-year, the midpoint rule for the year's integral of m f
};

/// @brief The default timing: End, so a fit reproduces published tables (Bass 1969's and the
/// textbooks' S(t) = m f(t)) and matches the method's name "NLS on m f(t)"; Mid is one option
/// away. (Before the choice existed, fits used Mid, but accepting one stored the series in the
/// closed form, so no saved forecast depends on the old default.)
inline constexpr BassTiming kDefaultBassTiming = BassTiming::End;

/// @brief One estimated (or fixed) parameter.
struct FitParameter {
    std::string name;                ///< as the series kind names it: "p", "q", "m", "ceiling", ...
    double value = 0.0;              ///< in the series' unit (rates and coefficients per year)
    std::optional<double> stdError;  ///< s^2 (J'J)^-1 at the optimum; none if fixed or n <= k
    bool fixed = false;              ///< given, not estimated (a fixed ceiling)
    bool operator==(const FitParameter&) const = default;
};

/// @brief A completed fit. Every number is finite; a fit that cannot give one throws instead.
struct FitResult {
    FitKind kind = FitKind::Cagr;
    FitMethod method = FitMethod::Ols;
    std::vector<FitParameter> parameters;
    double rSquared =
        0.0;            ///< 1 - RSS/TSS on the values as given (not on logs); 1 if TSS = 0 = RSS
    double rmse = 0.0;  ///< sqrt(RSS / n), in the series' unit
    int n = 0;          ///< number of points fitted
    std::vector<int> years;
    std::vector<double> actual;     ///< the fitted data, per year
    std::vector<double> fitted;     ///< the model's value for each year
    std::vector<double> residuals;  ///< actual - fitted
    int launchYear = 0;             ///< bass: first year of adoption; cagr: the start year
    /// bass, NlsDensity only: the timing the fit used (empty for every other method)
    std::optional<BassTiming> timing{};
    std::string dataSource;  ///< what was fitted, e.g. "'glasses' in sales.csv"
    /// Plain words on the method and its caveats ("fitted values are ..."), in English and in
    /// Chinese (with the same numbers).
    Label note;

    /// @brief The parameter called `name`; throws std::out_of_range if absent.
    [[nodiscard]] const FitParameter& parameter(std::string_view name) const;
    /// @brief parameter(name).value.
    [[nodiscard]] double value(std::string_view name) const { return parameter(name).value; }
};

/// @brief Fill years, actual, fitted, residuals, n, R^2 and RMSE from the data and the model's
/// values (same length). R^2 = 1 - RSS/TSS; with TSS = 0 it is 1 if RSS = 0, else 0.
void setFittedValues(FitResult& result, const std::vector<int>& years,
                     const std::vector<double>& actual, const std::vector<double>& fitted);

/// @brief "cagr", "logistic", "gompertz", "bass".
[[nodiscard]] std::string_view kindToken(FitKind kind);
/// @brief "ols", "nls", "nls-diff", "nls-density".
[[nodiscard]] std::string_view methodToken(FitMethod method);
/// @brief "end", "mid".
[[nodiscard]] std::string_view timingToken(BassTiming timing);
/// @brief The timing of "end" or "mid"; std::nullopt for anything else.
[[nodiscard]] std::optional<BassTiming> timingFromToken(std::string_view token);
/// @brief What the method does, e.g. "Bass (1969) OLS on S_t = a + b N_{t-1} + c N_{t-1}^2";
/// NlsDensity names the timing's equation (`timing` empty: kDefaultBassTiming). In Chinese with
/// `language` "zh" ("非线性最小二乘：…"), the formulas as they are.
[[nodiscard]] std::string methodDescription(FitKind kind, FitMethod method,
                                            std::optional<BassTiming> timing = std::nullopt,
                                            std::string_view language = "en");
/// @brief The timing convention of a bass NlsDensity fit in words, with its launch year:
/// "end of year: S(t) = m f(t), t = year - 2018 (t = 1 in the launch year 2019)"; "" otherwise.
[[nodiscard]] std::string timingConvention(const FitResult& fit, std::string_view language = "en");

/// @brief JSON: {"kind", "method", "parameters": [{"name", "value", "std_error"?, "fixed"}],
/// "r_squared", "rmse", "n", "years", "actual", "fitted", "residuals", "launch_year", "source",
/// "note"}, and for a bass NlsDensity fit "timing" ("end"/"mid") and "convention"
/// (timingConvention).
void to_json(nlohmann::json& j, const FitResult& result);

}  // namespace jevons::core
