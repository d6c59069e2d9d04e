#include "core/calibration/accept_fit.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <numeric>
#include <sstream>

#include "core/calibration/calibration_error.h"
#include "core/calibration/fit_kinds.h"
#include "core/models/bass.h"
#include "core/plan/axis_scale.h"
#include "core/text/number_text.h"

namespace jevons::core {
namespace {

std::string todayIso() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[11];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
    return buffer;
}

struct Slider {
    double min = 0.0;
    double max = 0.0;
    double step = 0.0;
};

/// Range around `value`: half-width max(`minHalfWidth`, 3 se), not below `floor`; step ~ 1%.
Slider sliderAround(double value, std::optional<double> se, double minHalfWidth, double floor) {
    const double half = std::max({minHalfWidth, se ? 3.0 * *se : 0.0, 1e-12});
    Slider s;
    s.step = roundStep(2.0 * half / 100.0);
    s.min = std::max(std::floor((value - half) / s.step) * s.step,
                     std::ceil(floor / s.step) * s.step);  // on the step grid, not below floor
    s.max = std::ceil((value + half) / s.step) * s.step;
    s.min = std::min(s.min, value);
    s.max = std::max(s.max, value);
    return s;
}

struct ParameterInfo {
    std::string en;
    std::string zh;
    Unit unit = Unit::Number;
};

ParameterInfo describe(const std::string& name, FitKind kind, int startYear, Unit seriesUnit) {
    if (name == "p") return {"innovation coefficient p (per year)", "创新系数p", Unit::Number};
    if (name == "q") return {"imitation coefficient q (per year)", "模仿系数q", Unit::Number};
    if (name == "m") return {"market potential m", "市场潜量m", seriesUnit};
    if (name == "ceiling") return {"ceiling", "上限", seriesUnit};
    if (name == "midpoint")
        return {kind == FitKind::Logistic ? "midpoint year (half the ceiling)"
                                          : "inflection year (ceiling / e)",
                "中点年份", Unit::Year};
    if (name == "steepness") return {"steepness (per year)", "陡度", Unit::Number};
    if (name == "start")
        return {"value in " + std::to_string(startYear), std::to_string(startYear) + "年值",
                seriesUnit};
    if (name == "rate") return {"growth rate per year", "年增长率", Unit::Rate};
    return {name, "", Unit::Number};
}

Slider sliderFor(const FitParameter& p, const FitResult& fit) {
    const double v = p.value;
    if (p.name == "midpoint") return sliderAround(v, p.stdError, 5.0, -HUGE_VAL);
    if (p.name == "rate") return sliderAround(v, p.stdError, 0.1, -0.99);
    double floor = std::abs(v) / 10.0;  // keep strictly positive parameters positive
    if (p.name == "m") {
        floor = std::max(floor, std::accumulate(fit.actual.begin(), fit.actual.end(), 0.0));
    } else if (p.name == "ceiling" && !p.fixed && !fit.actual.empty()) {
        floor = std::max(floor, *std::max_element(fit.actual.begin(), fit.actual.end()));
    }
    if (v < 0.0) {  // a declining curve: mirror the range below zero
        Slider s = sliderAround(-v, p.stdError, 0.5 * -v, floor);
        return {-s.max, -s.min, s.step};
    }
    return sliderAround(v, p.stdError, 0.5 * v, floor);
}

/// The series form whose yearly values are the fit's model: the recursion for OLS, the closed
/// form for NLS on differences, the density at the fit's timing for NLS on the density.
BassForm bassFormOf(const FitResult& fit) {
    switch (fit.method) {
        case FitMethod::Ols:
            return BassForm::Discrete;
        case FitMethod::NlsDensity:
            return fit.timing.value_or(kDefaultBassTiming) == BassTiming::Mid
                       ? BassForm::DensityMid
                       : BassForm::DensityEnd;
        case FitMethod::Nls:
        case FitMethod::NlsDifference:
            break;
    }
    return BassForm::ClosedForm;
}

/// Does `param` (a literal or an assumption reference) have the value `v`?
bool hasValue(const Scenario& scenario, const Param& param, double v) {
    const auto same = [v](double x) {
        return std::abs(x - v) <= 1e-12 * std::max(1.0, std::abs(v));
    };
    if (param.isLiteral()) return same(param.literal());
    const Assumption* a = scenario.findAssumption(param.ref());
    return a != nullptr && same(a->value);
}

}  // namespace

void acceptFit(Scenario& scenario, const FitResult& fit, const std::string& seriesId,
               const std::string& sourceNote) {
    acceptFit(scenario, fit, seriesId, sourceNote, todayIso());
}

void acceptFit(Scenario& scenario, const FitResult& fit, const std::string& seriesId,
               const std::string& sourceNote, std::string_view date) {
    for (const auto& p : fit.parameters) {
        if (scenario.findSeries(seriesId + "_" + p.name) != nullptr) {
            throw CalibrationError("cannot store the fitted " + p.name + " as '" + seriesId + "_" +
                                   p.name + "': a series already has that id");
        }
    }
    auto it = std::find_if(scenario.series.begin(), scenario.series.end(),
                           [&](const SeriesDef& s) { return s.id == seriesId; });
    if (it == scenario.series.end()) {
        SeriesDef created;
        created.id = seriesId;
        created.label.en = seriesId;
        scenario.series.push_back(created);
        it = std::prev(scenario.series.end());
    }
    SeriesDef& series = *it;

    const bool keepCeiling = fit.kind != FitKind::Cagr && fit.kind != FitKind::Bass &&
                             fit.parameter("ceiling").fixed && series.params.count("ceiling") &&
                             hasValue(scenario, series.params.at("ceiling"), fit.value("ceiling"));
    const Param oldCeiling = keepCeiling ? series.params.at("ceiling") : Param{0.0};

    series.kind = fitKindInfo(fit.kind).series;
    series.params.clear();
    series.points.clear();
    series.start.reset();
    series.segments.clear();
    series.interpolation.clear();
    series.expr.clear();
    series.form.clear();
    series.launch = 0;
    series.backcast = false;

    const std::string span = fit.years.empty() ? std::string()
                                               : ", " + std::to_string(fit.years.front()) + "-" +
                                                     std::to_string(fit.years.back()) + ", " +
                                                     std::to_string(fit.n) + " points";
    const std::string spanZh = fit.years.empty() ? std::string()
                                                 : "，" + std::to_string(fit.years.front()) + "-" +
                                                       std::to_string(fit.years.back()) + "年，" +
                                                       std::to_string(fit.n) + "个数据点";
    const Source* source = scenario.findSource(sourceNote);
    std::ostringstream stats;
    stats.precision(4);
    stats << "R^2 " << fit.rSquared << ", RMSE " << fit.rmse;
    for (const auto& p : fit.parameters) {
        const std::string id = seriesId + "_" + p.name;
        if (p.name == "ceiling" && keepCeiling) {
            series.params["ceiling"] = oldCeiling;
            continue;
        }
        Assumption* a = scenario.findAssumption(id);
        if (a == nullptr) {
            const ParameterInfo info = describe(p.name, fit.kind, fit.launchYear, series.unit);
            Assumption fresh;
            fresh.id = id;
            fresh.label.en = series.label.en + ": " + info.en;
            if (!series.label.zh.empty()) fresh.label.zh = series.label.zh + "：" + info.zh;
            fresh.group = "Fitted: " + series.label.en;
            scenario.assumptions.push_back(fresh);
            a = &scenario.assumptions.back();
        }
        const ParameterInfo info = describe(p.name, fit.kind, fit.launchYear, series.unit);
        const Slider slider = sliderFor(p, fit);
        a->value = p.value;
        a->unit = info.unit;
        a->min = slider.min;
        a->max = slider.max;
        a->step = slider.step;
        a->provenance.source = source != nullptr ? source->id : std::string();
        const std::string estimate =
            p.stdError ? num(p.value) + " +- " + num(*p.stdError) : std::string();
        a->provenance.figure.en =
            p.fixed ? "given (held fixed) when fitting to " + fit.dataSource + span
                    : "fitted to " + fit.dataSource + span +
                          (p.stdError ? ": " + estimate + " (1 standard error)" : std::string());
        a->provenance.figure.zh =
            p.fixed ? "拟合" + fit.dataSource + spanZh + "时给定（固定）"
                    : "拟合自" + fit.dataSource + spanZh +
                          (p.stdError ? "：" + estimate + "（1个标准误）" : std::string());
        a->provenance.note.en = std::string(kindToken(fit.kind)) + " fit (" +
                                std::string(methodToken(fit.method)) + ": " +
                                methodDescription(fit.kind, fit.method, fit.timing) + ") on " +
                                std::string(date) + "; " + stats.str() +
                                (sourceNote.empty() ? std::string() : "; data: " + sourceNote);
        a->provenance.note.zh = std::string(kindToken(fit.kind)) + "拟合（" +
                                std::string(methodToken(fit.method)) + "：" +
                                methodDescription(fit.kind, fit.method, fit.timing, "zh") + "），" +
                                std::string(date) + "；" + stats.str() +
                                (sourceNote.empty() ? std::string() : "；数据：" + sourceNote);

        if (fit.kind == FitKind::Cagr) continue;
        series.params[p.name] = Param{id};
    }

    if (fit.kind == FitKind::Cagr) {
        series.start = YearPoint{fit.launchYear, Param{seriesId + "_start"}};
        series.segments = {RateSegment{std::max(scenario.years.last, fit.launchYear + 1),
                                       Param{seriesId + "_rate"}}};
    } else if (fit.kind == FitKind::Bass) {
        series.launch = fit.launchYear;
        series.form = std::string(bassFormToken(bassFormOf(fit)));
    }
}

}  // namespace jevons::core
