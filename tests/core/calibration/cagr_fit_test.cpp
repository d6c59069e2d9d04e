#include "core/calibration/cagr_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "core/calibration/calibration_error.h"
#include "core/models/cagr.h"

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

/// The cagr series kind's own values: start in startYear compounding at `rate` to `last`.
DataPoints compounding(double start, double rate, int startYear, int last) {
    const Grid g =
        cagrSeries({startYear, last},
                   {startYear, Paths::Constant(1, start), {{last, Paths::Constant(1, rate)}}});
    DataPoints d;
    d.source = "'asic' in test data";
    for (int y = startYear; y <= last; ++y) {
        d.years.push_back(y);
        d.values.push_back(g(0, y - startYear));
    }
    return d;
}

TEST(CagrFit, RecoversTheReportsRateExactly) {
    // MODELS.md: 6.6 -> 42.9 over 2023-2028 is 45.41% a year: 6.5^(1/5) - 1 = 0.454061.
    const double rate = cagrBetween(6.6, 42.9, 5);
    const FitResult fit = fitCagr(compounding(6.6, rate, 2023, 2028));
    EXPECT_NEAR(fit.value("rate"), 0.454061, 1e-6);
    EXPECT_NEAR(fit.value("rate") / rate, 1.0, 1e-12);
    EXPECT_NEAR(fit.value("start") / 6.6, 1.0, 1e-12);
    EXPECT_EQ(fit.launchYear, 2023);
    EXPECT_EQ(fit.kind, FitKind::Cagr);
    EXPECT_EQ(fit.n, 6);
    EXPECT_NEAR(fit.rSquared, 1.0, 1e-12);
    EXPECT_NEAR(*fit.parameter("rate").stdError, 0.0, 1e-9);
    EXPECT_NEAR(fit.fitted.back(), 42.9, 1e-9);
}

TEST(CagrFit, TwoPointsAreTheCagrBetweenThem) {
    DataPoints d{{2023, 2028}, {6.6, 42.9}, "two anchors"};
    const FitResult fit = fitCagr(d);
    EXPECT_NEAR(fit.value("rate"), cagrBetween(6.6, 42.9, 5), 1e-12);
    EXPECT_FALSE(fit.parameter("rate").stdError.has_value());  // n = k
}

TEST(CagrFit, StandardErrorMatchesTheLogRegression) {
    // ln y = a + b t at t = 0, 1, 2, 3 with residuals +e, -e, -e, +e (e = 0.01) about a line
    // whose slope is ln 1.2: s^2 = 4e^2 / 2, Sxx = 5, se(b) = sqrt(2e^2 / 5) = 0.0063246;
    // se(rate) = (1 + rate) se(b) = 1.2 * 0.0063246 = 0.0075895.
    const double e = 0.01;
    DataPoints d{{2020, 2021, 2022, 2023}, {}, "test"};
    const double resid[] = {e, -e, -e, e};
    for (int t = 0; t < 4; ++t) d.values.push_back(10.0 * std::pow(1.2, t) * std::exp(resid[t]));
    const FitResult fit = fitCagr(d);
    EXPECT_NEAR(fit.value("rate"), 0.2, 1e-12);
    EXPECT_NEAR(*fit.parameter("rate").stdError, 1.2 * std::sqrt(2 * e * e / 5), 1e-9);
}

TEST(CagrFit, SeededNoiseWithinTolerance) {
    // 10 years at 30%/yr from 5.0, 3% multiplicative noise (std::mt19937 seed 7).
    DataPoints d = compounding(5.0, 0.30, 2015, 2024);
    std::mt19937 rng(7);
    std::normal_distribution<double> z(0.0, 1.0);
    for (double& v : d.values) v *= 1.0 + 0.03 * z(rng);
    const FitResult fit = fitCagr(d);
    EXPECT_NEAR(fit.value("rate"), 0.30, 0.01);
    EXPECT_NEAR(fit.value("start") / 5.0, 1.0, 0.03);
    EXPECT_LT(std::abs(fit.value("rate") - 0.30), 3 * *fit.parameter("rate").stdError);
    EXPECT_GT(fit.rSquared, 0.99);
}

TEST(CagrFit, NeedsPositiveValues) {
    DataPoints d{{2019, 2020, 2021}, {0.0, 1.0, 2.0}, "test"};
    EXPECT_EQ(errorOf([&] { (void)fitCagr(d); }), "a CAGR fit needs positive values: 2019 is 0");
}

TEST(CagrFit, NeedsTwoPoints) {
    DataPoints d{{2019}, {1.0}, "'asic' in sales.csv"};
    EXPECT_EQ(errorOf([&] { (void)fitCagr(d); }),
              "a CAGR fit needs at least 2 years of data; 'asic' in sales.csv has 1");
}

}  // namespace
}  // namespace jevons::core
