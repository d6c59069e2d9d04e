#include "core/calibration/s_curve_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "core/calibration/calibration_error.h"
#include "core/models/gompertz.h"
#include "core/models/logistic.h"

namespace jevons::core {
namespace {

template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const CalibrationError& e) {
        return e.what();
    }
    return "";
}

Paths one(double v) { return Paths::Constant(1, v); }

/// The series kind's own values over [first, last].
DataPoints curvePoints(FitKind kind, double ceiling, double midpoint, double steepness, int first,
                       int last) {
    const SCurveParams params{one(ceiling), one(midpoint), one(steepness)};
    const Grid g = kind == FitKind::Logistic ? logisticSeries({first, last}, params)
                                             : gompertzSeries({first, last}, params);
    DataPoints d;
    d.source = "'share' in test data";
    for (int y = first; y <= last; ++y) {
        d.years.push_back(y);
        d.values.push_back(g(0, y - first));
    }
    return d;
}

DataPoints withNoise(DataPoints d, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    for (double& v : d.values) v *= 1.0 + 0.03 * z(rng);
    return d;
}

// MODELS.md: ASIC share, L = 0.5 through 16% (2023) and 25% (2028): k = 0.150754, t0 = 2028.000.
TEST(SCurveFit, LogisticThroughTwoAnchorsMatchesTheReport) {
    DataPoints d{{2023, 2028}, {0.16, 0.25}, "the anchors of 'asic_share'"};
    const FitResult fit = fitSCurve(FitKind::Logistic, d, 0.5);
    EXPECT_NEAR(fit.value("steepness"), 0.150754, 1e-6);
    EXPECT_NEAR(fit.value("midpoint"), 2028.000, 1e-6);
    EXPECT_TRUE(fit.parameter("ceiling").fixed);
    EXPECT_FALSE(fit.parameter("ceiling").stdError.has_value());
    EXPECT_FALSE(fit.parameter("steepness").stdError.has_value());  // 2 points, 2 parameters
}

TEST(SCurveFit, GompertzThroughTwoAnchorsMatchesTheReport) {
    // MODELS.md: c = 0.099409; b = 1.139434 = exp(c (t0 - 2023)).
    DataPoints d{{2023, 2028}, {0.16, 0.25}, "anchors"};
    const FitResult fit = fitSCurve(FitKind::Gompertz, d, 0.5);
    EXPECT_NEAR(fit.value("steepness"), 0.099409, 1e-6);
    EXPECT_NEAR(std::exp(0.099409 * (fit.value("midpoint") - 2023)), 1.139434, 1e-5);
}

TEST(SCurveFit, LogisticFixedCeilingRecoversExactly) {
    const FitResult fit = fitSCurve(
        FitKind::Logistic, curvePoints(FitKind::Logistic, 0.5, 2028.0, 0.150754, 2015, 2024), 0.5);
    EXPECT_NEAR(fit.value("midpoint"), 2028.0, 1e-6 * 2028.0);
    EXPECT_NEAR(fit.value("steepness") / 0.150754, 1.0, 1e-6);
    EXPECT_NEAR(fit.rmse, 0.0, 1e-10);
}

TEST(SCurveFit, LogisticFreeCeilingRecoversExactly) {
    // MODELS.md AI glasses: ceiling 1450 M, k = 1.0943, t0 = 2031.96; 2026-2034 passes the
    // midpoint.
    const FitResult fit = fitSCurve(
        FitKind::Logistic, curvePoints(FitKind::Logistic, 1450.0, 2031.96, 1.0943, 2026, 2034));
    EXPECT_NEAR(fit.value("ceiling") / 1450.0, 1.0, 1e-6);
    EXPECT_NEAR(fit.value("midpoint"), 2031.96, 1e-6 * 2031.96);
    EXPECT_NEAR(fit.value("steepness") / 1.0943, 1.0, 1e-6);
    EXPECT_FALSE(fit.parameter("ceiling").fixed);
    EXPECT_NEAR(*fit.parameter("ceiling").stdError, 0.0, 1e-6);
}

TEST(SCurveFit, GompertzFixedAndFreeCeilingRecoverExactly) {
    const DataPoints d = curvePoints(FitKind::Gompertz, 0.5, 2020.0, 0.2, 2012, 2030);
    const FitResult fixed = fitSCurve(FitKind::Gompertz, d, 0.5);
    EXPECT_NEAR(fixed.value("midpoint"), 2020.0, 1e-6 * 2020.0);
    EXPECT_NEAR(fixed.value("steepness") / 0.2, 1.0, 1e-6);
    const FitResult free = fitSCurve(FitKind::Gompertz, d);
    EXPECT_NEAR(free.value("ceiling") / 0.5, 1.0, 1e-6);
    EXPECT_NEAR(free.value("midpoint"), 2020.0, 1e-6 * 2020.0);
    EXPECT_NEAR(free.value("steepness") / 0.2, 1.0, 1e-6);
}

TEST(SCurveFit, SeededNoiseWithinTolerance) {
    // 3% noise (std::mt19937 seed 11) on the glasses logistic, 2026-2038.
    const DataPoints d =
        withNoise(curvePoints(FitKind::Logistic, 1450.0, 2031.96, 1.0943, 2026, 2038), 11);
    const FitResult fit = fitSCurve(FitKind::Logistic, d);
    EXPECT_NEAR(fit.value("ceiling") / 1450.0, 1.0, 0.03);
    EXPECT_NEAR(fit.value("midpoint"), 2031.96, 0.1);
    EXPECT_NEAR(fit.value("steepness") / 1.0943, 1.0, 0.05);
    for (const char* name : {"ceiling", "midpoint", "steepness"})
        EXPECT_TRUE(fit.parameter(name).stdError.has_value()) << name;
    EXPECT_GT(fit.rSquared, 0.99);

    const FitResult gompertz =
        fitSCurve(FitKind::Gompertz,
                  withNoise(curvePoints(FitKind::Gompertz, 0.5, 2020.0, 0.2, 2008, 2035), 11));
    EXPECT_NEAR(gompertz.value("ceiling") / 0.5, 1.0, 0.05);
    EXPECT_NEAR(gompertz.value("midpoint"), 2020.0, 0.5);
    EXPECT_NEAR(gompertz.value("steepness") / 0.2, 1.0, 0.08);
}

TEST(SCurveFitErrors, ValueAtOrAboveTheCeiling) {
    DataPoints d{{2023, 2028}, {0.16, 0.55}, "anchors"};
    EXPECT_EQ(errorOf([&] { (void)fitSCurve(FitKind::Logistic, d, 0.5); }),
              "the 2028 value 0.55 is at or above the ceiling 0.5: a logistic curve cannot reach "
              "it");
}

TEST(SCurveFitErrors, TooFewPointsForAFreeCeiling) {
    DataPoints d{{2023, 2028}, {0.16, 0.25}, "the anchors of 'asic_share'"};
    EXPECT_EQ(errorOf([&] { (void)fitSCurve(FitKind::Logistic, d); }),
              "a logistic fit with a free ceiling needs at least 3 years of data; the anchors of "
              "'asic_share' has 2");
}

TEST(SCurveFitErrors, NonPositiveValue) {
    DataPoints d{{2023, 2024, 2025}, {0.0, 0.1, 0.2}, "test"};
    EXPECT_EQ(errorOf([&] { (void)fitSCurve(FitKind::Gompertz, d, 1.0); }),
              "a Gompertz fit needs values above zero: 2023 is 0");
}

TEST(SCurveFitErrors, FlatData) {
    DataPoints d{{2023, 2024, 2025}, {0.2, 0.2, 0.2}, "'share' in x.csv"};
    EXPECT_EQ(errorOf([&] { (void)fitSCurve(FitKind::Logistic, d, 1.0); }),
              "the values of 'share' in x.csv do not change with time: a logistic curve has no "
              "midpoint to fit");
}

TEST(SCurveFitErrors, CeilingRunsAwayOnPureGrowth) {
    // Exponential growth shows no sign of levelling off.
    DataPoints d{{2019, 2020, 2021, 2022, 2023, 2024}, {1, 2, 4, 8, 16, 32}, "'x' in y.csv"};
    const std::string e = errorOf([&] { (void)fitSCurve(FitKind::Logistic, d); });
    EXPECT_NE(e.find("show no sign of levelling off"), std::string::npos) << e;
}

TEST(SCurveFitErrors, OnlyLogisticOrGompertz) {
    DataPoints d{{2023, 2024, 2025}, {0.1, 0.2, 0.3}, "test"};
    EXPECT_NE(errorOf([&] { (void)fitSCurve(FitKind::Bass, d); }), "");
}

}  // namespace
}  // namespace jevons::core
