#include "core/calibration/fit_result.h"

#include "core/calibration/fit_kinds.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace jevons::core {

const FitParameter& FitResult::parameter(std::string_view name) const {
    for (const auto& p : parameters)
        if (p.name == name) return p;
    throw std::out_of_range("the fit has no parameter '" + std::string(name) + "'");
}

void setFittedValues(FitResult& result, const std::vector<int>& years,
                     const std::vector<double>& actual, const std::vector<double>& fitted) {
    result.years = years;
    result.actual = actual;
    result.fitted = fitted;
    result.n = static_cast<int>(actual.size());
    result.residuals.resize(actual.size());
    double mean = 0.0;
    for (const double a : actual) mean += a;
    mean /= static_cast<double>(std::max<std::size_t>(actual.size(), 1));
    double rss = 0.0;
    double tss = 0.0;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        result.residuals[i] = actual[i] - fitted[i];
        rss += result.residuals[i] * result.residuals[i];
        tss += (actual[i] - mean) * (actual[i] - mean);
    }
    result.rmse = actual.empty() ? 0.0 : std::sqrt(rss / static_cast<double>(actual.size()));
    result.rSquared = tss > 0.0 ? 1.0 - rss / tss : (rss == 0.0 ? 1.0 : 0.0);
}

std::string_view kindToken(FitKind kind) { return fitKindInfo(kind).token; }

std::string_view methodToken(FitMethod method) {
    switch (method) {
        case FitMethod::Ols:
            return "ols";
        case FitMethod::Nls:
            return "nls";
        case FitMethod::NlsDifference:
            return "nls-diff";
        case FitMethod::NlsDensity:
            return "nls-density";
    }
    return "";
}

std::string_view timingToken(BassTiming timing) {
    return timing == BassTiming::Mid ? "mid" : "end";
}

std::optional<BassTiming> timingFromToken(std::string_view token) {
    if (token == "end") return BassTiming::End;
    if (token == "mid") return BassTiming::Mid;
    return std::nullopt;
}

std::string timingConvention(const FitResult& fit, std::string_view language) {
    if (fit.kind != FitKind::Bass || fit.method != FitMethod::NlsDensity || !fit.timing) return "";
    const std::string launch = std::to_string(fit.launchYear);
    const std::string before = std::to_string(fit.launchYear - 1);
    const bool mid = *fit.timing == BassTiming::Mid;
    if (language == "zh")
        return (mid ? std::string("年中：S(t) = m f(t - 1/2)，")
                    : std::string("年末：S(t) = m f(t)，")) +
               "t = 年份 - " + before + "（上市年" + launch + "年t = 1）";
    const std::string t = "t = year - " + before + " (t = 1 in the launch year " + launch + ")";
    return mid ? "mid-year: S(t) = m f(t - 1/2), " + t : "end of year: S(t) = m f(t), " + t;
}

std::string methodDescription(FitKind kind, FitMethod method, std::optional<BassTiming> timing,
                              std::string_view language) {
    const bool zh = language == "zh";
    switch (method) {
        case FitMethod::Ols:
            if (kind == FitKind::Bass)
                return zh ? "Bass（1969）最小二乘回归：S_t = a + b N_{t-1} + c N_{t-1}^2"
                          : "Bass (1969) OLS on S_t = a + b N_{t-1} + c N_{t-1}^2";
            return zh ? "对数线性最小二乘：ln y = a + b t"
                      : "least squares on ln y = a + b t (log-linear)";
        case FitMethod::Nls:
            if (kind == FitKind::Logistic)
                return zh ? "非线性最小二乘：y = L / (1 + exp(-k (t - t0)))"
                          : "non-linear least squares on y = L / (1 + exp(-k (t - t0)))";
            return zh ? "非线性最小二乘：y = L exp(-exp(-c (t - t0)))"
                      : "non-linear least squares on y = L exp(-exp(-c (t - t0)))";
        case FitMethod::NlsDifference:
            return zh ? "非线性最小二乘：S_t = m [F(t) - F(t-1)]（Srinivasan & Mason 1986）"
                      : "non-linear least squares on S_t = m [F(t) - F(t-1)] (Srinivasan & "
                        "Mason 1986)";
        case FitMethod::NlsDensity:
            if (timing.value_or(kDefaultBassTiming) == BassTiming::Mid)
                return zh ? "非线性最小二乘：S_t = m f(t - 1/2)，即年中的采用率"
                          : "non-linear least squares on S_t = m f(t - 1/2), the adoption rate at "
                            "mid-year";
            return zh ? "非线性最小二乘：S_t = m f(t)，即第t年末的采用率"
                      : "non-linear least squares on S_t = m f(t), the adoption rate at the end "
                        "of year t";
    }
    return "";
}

void to_json(nlohmann::json& j, const FitResult& r) {
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : r.parameters) {
        nlohmann::json jp{{"name", p.name}, {"value", p.value}, {"fixed", p.fixed}};
        if (p.stdError) jp["std_error"] = *p.stdError;
        params.push_back(jp);
    }
    j = nlohmann::json{{"kind", kindToken(r.kind)},
                       {"method", methodToken(r.method)},
                       {"parameters", params},
                       {"r_squared", r.rSquared},
                       {"rmse", r.rmse},
                       {"n", r.n},
                       {"years", r.years},
                       {"actual", r.actual},
                       {"fitted", r.fitted},
                       {"residuals", r.residuals},
                       {"launch_year", r.launchYear},
                       {"source", r.dataSource},
                       {"note", r.note.en},
                       {"note_zh", r.note.zh}};
    if (r.timing) {
        j["timing"] = timingToken(*r.timing);
        j["convention"] = timingConvention(r);
    }
}

}  // namespace jevons::core
