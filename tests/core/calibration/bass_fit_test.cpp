#include "core/calibration/bass_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "core/calibration/calibration_error.h"
#include "core/models/bass.h"

namespace jevons::core {
namespace {

/// Message of the CalibrationError thrown by `f`, or "" if none is thrown.
template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const CalibrationError& e) {
        return e.what();
    }
    return "";
}

DataPoints points(int firstYear, const std::vector<double>& values) {
    DataPoints d;
    for (std::size_t i = 0; i < values.size(); ++i) {
        d.years.push_back(firstYear + static_cast<int>(i));
        d.values.push_back(values[i]);
    }
    d.source = "'sales' in test data";
    return d;
}

/// Yearly adoptions of a Bass series over [launch, last].
DataPoints bassSales(double p, double q, double m, int launch, int last, BassForm form) {
    const Paths one = Paths::Constant(1, 1.0);
    const BassOutputs out = bassSeries({launch, last}, {p * one, q * one, m * one, launch}, form);
    std::vector<double> v;
    for (Eigen::Index c = 0; c < out.adoptions.cols(); ++c) v.push_back(out.adoptions(0, c));
    return points(launch, v);
}

/// `data` with each value times (1 + 0.03 z), z standard normal from a fixed seed.
DataPoints withNoise(DataPoints data, unsigned seed, double relative = 0.03) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    for (double& v : data.values) v *= 1.0 + relative * z(rng);
    return data;
}

void expectRelative(double actual, double expected, double tolerance, const char* what) {
    EXPECT_NEAR(actual / expected, 1.0, tolerance)
        << what << " = " << actual << ", expected " << expected;
}

// Sultan, Farley & Lehmann (1990) meta-analysis means; m = 100 (e.g. M units).
constexpr double kP = 0.03;
constexpr double kQ = 0.38;
constexpr double kM = 100.0;

TEST(BassFitOls, MatchesHandCalculationOnFourYears) {
    // Sales 1, 2, 3, 3 from 2020; N_{t-1} = 0, 1, 3, 6. Rows of X = [1, N, N^2]:
    // X'X = [[4, 10, 46], [10, 46, 244], [46, 244, 1378]], X'S = [9, 29, 137].
    // Solving the normal equations: a = 137/132, b = 133/132, c = -5/44 (residuals -5/132,
    // 3/44, -5/132, 1/132). b^2 - 4ac = 25909/17424, so
    // m = (-b - sqrt(b^2 - 4ac)) / 2c = 133/30 + sqrt(25909)/30 = 9.7987576,
    // p = a/m = 0.1059194, q = -c m = 1.1134952.
    const FitResult fit = fitBass(points(2020, {1, 2, 3, 3}), FitMethod::Ols);
    EXPECT_NEAR(fit.value("m"), 133.0 / 30.0 + std::sqrt(25909.0) / 30.0, 1e-12);
    EXPECT_NEAR(fit.value("m"), 9.798757620170095, 1e-12);
    EXPECT_NEAR(fit.value("p"), 0.10591942653448055, 1e-12);
    EXPECT_NEAR(fit.value("q"), 1.113495184110238, 1e-12);
    ASSERT_EQ(fit.residuals.size(), 4u);
    EXPECT_NEAR(fit.residuals[0], -5.0 / 132.0, 1e-12);
    EXPECT_NEAR(fit.residuals[1], 3.0 / 44.0, 1e-12);
    EXPECT_NEAR(fit.residuals[3], 1.0 / 132.0, 1e-12);
    EXPECT_EQ(fit.launchYear, 2020);
    EXPECT_EQ(fit.n, 4);
    EXPECT_EQ(fit.method, FitMethod::Ols);
    EXPECT_NE(fit.note.en.find("a = 1.03788"), std::string::npos) << fit.note.en;  // 137/132
    // n - k = 1 degree of freedom: standard errors exist.
    EXPECT_TRUE(fit.parameter("m").stdError.has_value());
}

TEST(BassFitOls, ExactlyDeterminedByThreeYears) {
    // p = 0.1, q = 0.5, m = 100 by the recursion: S = 10, 13.5, 16.63875 (N = 0, 10, 23.5).
    // a = 10; 10 b + 100 c = 3.5; 23.5 b + 552.25 c = 6.63875 -> c = -0.005, b = 0.4;
    // m = (-0.4 - sqrt(0.16 + 0.2)) / -0.01 = 100, p = 10/100 = 0.1, q = 0.005 * 100 = 0.5.
    const FitResult fit = fitBass(points(2021, {10.0, 13.5, 16.63875}), FitMethod::Ols);
    EXPECT_NEAR(fit.value("p"), 0.1, 1e-12);
    EXPECT_NEAR(fit.value("q"), 0.5, 1e-12);
    EXPECT_NEAR(fit.value("m"), 100.0, 1e-9);
    EXPECT_FALSE(fit.parameter("p").stdError.has_value());  // n = k: no degrees of freedom
    EXPECT_NEAR(fit.rSquared, 1.0, 1e-12);
}

TEST(BassFitOls, RecoversParametersOfTheRecursionExactly) {
    const FitResult fit =
        fitBass(bassSales(kP, kQ, kM, 2020, 2032, BassForm::Discrete), FitMethod::Ols);
    expectRelative(fit.value("p"), kP, 1e-9, "p");
    expectRelative(fit.value("q"), kQ, 1e-9, "q");
    expectRelative(fit.value("m"), kM, 1e-9, "m");
    EXPECT_NEAR(fit.rmse, 0.0, 1e-9);
    EXPECT_NEAR(*fit.parameter("q").stdError, 0.0, 1e-6);
}

TEST(BassFitNls, DifferenceRecoversClosedFormExactly) {
    const FitResult fit =
        fitBass(bassSales(kP, kQ, kM, 2020, 2032, BassForm::ClosedForm), FitMethod::NlsDifference);
    expectRelative(fit.value("p"), kP, 1e-6, "p");
    expectRelative(fit.value("q"), kQ, 1e-6, "q");
    expectRelative(fit.value("m"), kM, 1e-6, "m");
    EXPECT_EQ(fit.method, FitMethod::NlsDifference);
    EXPECT_NEAR(fit.rSquared, 1.0, 1e-10);
}

TEST(BassFitNls, DifferenceRecoversFastDiffusionFromItsFirstYears) {
    // Colour TV (p = 0.005, q = 0.84), m = 50, only the 8 years before the peak is passed.
    const FitResult fit = fitBass(bassSales(0.005, 0.84, 50.0, 2018, 2025, BassForm::ClosedForm),
                                  FitMethod::NlsDifference);
    expectRelative(fit.value("p"), 0.005, 1e-6, "p");
    expectRelative(fit.value("q"), 0.84, 1e-6, "q");
    expectRelative(fit.value("m"), 50.0, 1e-6, "m");
}

TEST(BassFitNls, DensityRecoversMidYearRateExactly) {
    DataPoints data;
    data.source = "'sales' in test data";
    for (int year = 2020; year <= 2032; ++year) {
        const double t = year - 2020 + 1;
        data.years.push_back(year);
        data.values.push_back(kM * bassAdoptionRate(kP, kQ, t - 0.5));
    }
    const FitResult fit = fitBass(data, FitMethod::NlsDensity, std::nullopt, BassTiming::Mid);
    expectRelative(fit.value("p"), kP, 1e-6, "p");
    expectRelative(fit.value("q"), kQ, 1e-6, "q");
    expectRelative(fit.value("m"), kM, 1e-6, "m");
}

TEST(BassFitNls, GapsAreAllowed) {
    DataPoints data = bassSales(kP, kQ, kM, 2020, 2032, BassForm::ClosedForm);
    data.years.erase(data.years.begin() + 3);
    data.values.erase(data.values.begin() + 3);
    const FitResult fit = fitBass(data, FitMethod::NlsDifference);
    expectRelative(fit.value("q"), kQ, 1e-6, "q");
    EXPECT_EQ(fit.n, 12);
    EXPECT_NE(errorOf([&] { (void)fitBass(data, FitMethod::Ols); }).find("2023 is missing"),
              std::string::npos);
}

TEST(BassAdoptionRate, IsTheDerivativeOfTheCumulativeFraction) {
    for (const double t : {0.5, 3.0, 6.19, 12.0}) {
        const double h = 1e-5;
        const double slope =
            (bassCumulativeFraction(kP, kQ, t + h) - bassCumulativeFraction(kP, kQ, t - h)) /
            (2 * h);
        EXPECT_NEAR(bassAdoptionRate(kP, kQ, t), slope, 1e-8) << t;
    }
    EXPECT_NEAR(bassAdoptionRate(kP, kQ, 0.0), kP, 1e-15);  // f(0) = p
    EXPECT_EQ(bassAdoptionRate(kP, kQ, -1.0), 0.0);
}

// Seeded 3% multiplicative noise (std::mt19937 seed 20250601), 2020-2032, p 0.03, q 0.38, m 100.
// The tolerances are what 3% noise on 13 years allows; the standard errors must cover the truth
// within 3 sigma.
TEST(BassFitNoise, OlsWithinTolerance) {
    const DataPoints data =
        withNoise(bassSales(kP, kQ, kM, 2020, 2032, BassForm::Discrete), 20250601);
    const FitResult fit = fitBass(data, FitMethod::Ols);
    expectRelative(fit.value("p"), kP, 0.15, "p");
    expectRelative(fit.value("q"), kQ, 0.10, "q");
    expectRelative(fit.value("m"), kM, 0.05, "m");
    EXPECT_LT(std::abs(fit.value("q") - kQ), 3 * *fit.parameter("q").stdError);
    EXPECT_GT(fit.rSquared, 0.98);
}

TEST(BassFitNoise, DifferenceWithinTolerance) {
    const DataPoints data =
        withNoise(bassSales(kP, kQ, kM, 2020, 2032, BassForm::ClosedForm), 20250601);
    const FitResult fit = fitBass(data, FitMethod::NlsDifference);
    expectRelative(fit.value("p"), kP, 0.15, "p");
    expectRelative(fit.value("q"), kQ, 0.10, "q");
    expectRelative(fit.value("m"), kM, 0.05, "m");
    EXPECT_LT(std::abs(fit.value("q") - kQ), 3 * *fit.parameter("q").stdError);
    EXPECT_GT(fit.rSquared, 0.98);
}

TEST(BassFitNoise, DensityWithinTolerance) {
    DataPoints data;
    data.source = "'sales' in test data";
    for (int year = 2020; year <= 2032; ++year) {
        data.years.push_back(year);
        data.values.push_back(kM * bassAdoptionRate(kP, kQ, year - 2020 + 0.5));
    }
    const FitResult fit =
        fitBass(withNoise(data, 20250601), FitMethod::NlsDensity, std::nullopt, BassTiming::Mid);
    expectRelative(fit.value("p"), kP, 0.15, "p");
    expectRelative(fit.value("q"), kQ, 0.10, "q");
    expectRelative(fit.value("m"), kM, 0.05, "m");
}

TEST(BassFit, LaunchIsTheFirstYearWithSalesUnlessGiven) {
    DataPoints data = bassSales(kP, kQ, kM, 2020, 2032, BassForm::ClosedForm);
    data.years.insert(data.years.begin(), {2018, 2019});
    data.values.insert(data.values.begin(), {0.0, 0.0});
    const FitResult fit = fitBass(data, FitMethod::NlsDifference);
    EXPECT_EQ(fit.launchYear, 2020);
    EXPECT_EQ(fit.n, 13);
    expectRelative(fit.value("p"), kP, 1e-6, "p");
    EXPECT_NE(fit.note.en.find("launch year 2020 (first year with sales)"), std::string::npos);

    EXPECT_EQ(fitBass(data, FitMethod::NlsDifference, 2019).launchYear, 2019);
    EXPECT_EQ(errorOf([&] { (void)fitBass(data, FitMethod::Ols, 2021); }),
              "2020 has sales 3.57582 before the launch year 2021 in 'sales' in test data");
}

TEST(BassFitErrors, TooFewPoints) {
    EXPECT_EQ(errorOf([] {
                  (void)fitBass(points(2020, {0, 1, 2}), FitMethod::NlsDifference);
              }),
              "a Bass fit needs at least 3 years of data; 'sales' in test data from the launch "
              "year 2021 has 2");
}

TEST(BassFitErrors, NegativeSales) {
    EXPECT_EQ(errorOf([] {
                  (void)fitBass(points(2020, {1, -2, 3}), FitMethod::Ols);
              }),
              "sales cannot be negative: 2021 is -2 in 'sales' in test data");
}

TEST(BassFitErrors, NoSales) {
    EXPECT_EQ(errorOf([] {
                  (void)fitBass(points(2020, {0, 0, 0}), FitMethod::Ols);
              }),
              "'sales' in test data has no year with sales above zero: nothing has diffused yet");
}

TEST(BassFitErrors, SalesThatDoNotSlowDown) {
    // Accelerating sales: S grows faster than N, so c > 0.
    const std::string e = errorOf([] {
        (void)fitBass(points(2020, {1, 2, 5, 12, 30}), FitMethod::Ols);
    });
    EXPECT_NE(e.find("do not slow down"), std::string::npos) << e;
}

TEST(BassFitErrors, NoRealRootForMarketPotential) {
    // a = -1, b = 1, c = -1: b^2 - 4ac = 1 - 4 = -3 < 0.
    EXPECT_EQ(errorOf([] { (void)bassFromRegression(-1.0, 1.0, -1.0, 5.0); }),
              "the Bass OLS on the data has no real root for the market potential m "
              "(b^2 - 4ac = -3 < 0)");
}

TEST(BassFitErrors, InnovationNotPositive) {
    // a = -1, b = 1, c = -0.1: b^2 - 4ac = 0.6, m = (-1 - sqrt(0.6)) / -0.2 = 8.87298,
    // p = a/m = -0.112702.
    EXPECT_EQ(errorOf([] { (void)bassFromRegression(-1.0, 1.0, -0.1, 5.0); }),
              "the Bass OLS on the data gives an innovation coefficient p = -0.112702: it must be "
              "above zero");
}

TEST(BassFitErrors, MarketPotentialBelowSalesToDate) {
    // Sales 1, 1, 3, 1: the regression's root m = 5.71761 is below the 6 already sold.
    EXPECT_EQ(errorOf([] {
                  (void)fitBass(points(2020, {1, 1, 3, 1}), FitMethod::Ols);
              }),
              "the Bass OLS on 'sales' in test data gives a market potential m = 5.71761 below "
              "the 6 already sold");
    // The NLS methods bound m >= N_T instead, and still fit.
    EXPECT_GE(fitBass(points(2020, {1, 1, 3, 1}), FitMethod::NlsDifference).value("m"), 6.0);
}

TEST(BassFitErrors, RegressionRecoversHandCoefficients) {
    // a = pm = 3, b = q - p = 0.35, c = -q/m = -0.0038 for p 0.03, q 0.38, m 100.
    const BassCoefficients e = bassFromRegression(3.0, 0.35, -0.0038, 50.0);
    EXPECT_NEAR(e.m, 100.0, 1e-9);
    EXPECT_NEAR(e.p, 0.03, 1e-12);
    EXPECT_NEAR(e.q, 0.38, 1e-12);
}

}  // namespace
}  // namespace jevons::core
