// Bass NLS on the adoption rate under both timing conventions (issue 18, item 3): end of year,
// S(t) = m f(t), as published fits take it, and mid-year, S(t) = m f(t - 1/2); t = 1 in the
// launch year. A fit states its convention, and an accepted fit's series reproduces its values.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/calibration/accept_fit.h"
#include "core/calibration/bass_fit.h"
#include "core/eval/evaluator.h"
#include "core/models/bass.h"
#include "core/scenario/scenario_json.h"

namespace jevons::core {
namespace {

constexpr double kP = 0.03;
constexpr double kQ = 0.38;
constexpr double kM = 100.0;

/// f(t) written out: ((p+q)^2/p) e^{-(p+q)t} / (1 + (q/p) e^{-(p+q)t})^2.
double rate(double p, double q, double t) {
    const double decay = std::exp(-(p + q) * t);
    const double denominator = 1.0 + q / p * decay;
    return (p + q) * (p + q) / p * decay / (denominator * denominator);
}

/// Sales m f(t - offset) for t = 1..years, from `launch`.
DataPoints densitySales(double offset, int launch, int years, double p = kP, double q = kQ,
                        double m = kM) {
    DataPoints d;
    d.source = "'glasses' in sales.csv";
    for (int t = 1; t <= years; ++t) {
        d.years.push_back(launch + t - 1);
        d.values.push_back(m * rate(p, q, t - offset));
    }
    return d;
}

void expectRelative(double actual, double expected, double tolerance, const std::string& what) {
    EXPECT_NEAR(actual / expected, 1.0, tolerance)
        << what << " = " << actual << ", expected " << expected;
}

// By hand, p = 0.03, q = 0.38, m = 100, t = 1: e^{-0.41} = 0.6636503, (p+q)^2/p = 5.603333,
// 1 + (q/p) e^{-0.41} = 9.406236, so f(1) = 5.603333 * 0.6636503 / 9.406236^2 = 0.04202947 and
// S(1) = 4.202947 at the end of the year; at mid-year t - 1/2 = 0.5 gives S(1) = 3.562954.
TEST(BassTiming, HandDerivedFirstYears) {
    EXPECT_NEAR(kM * rate(kP, kQ, 1.0), 4.202947189157811, 1e-12);
    EXPECT_NEAR(kM * rate(kP, kQ, 2.0), 5.7020561508496215, 1e-12);
    EXPECT_NEAR(kM * rate(kP, kQ, 0.5), 3.562954303277624, 1e-12);
    EXPECT_NEAR(kM * rate(kP, kQ, 1.5), 4.918405178461322, 1e-12);
    EXPECT_NEAR(bassAdoptionRate(kP, kQ, 1.0), rate(kP, kQ, 1.0), 1e-15);
}

TEST(BassTiming, EndOfYearFitsTheHandDerivedValues) {
    // Published convention: 2020 is t = 1, so the 2020 sales are m f(1).
    const DataPoints data = densitySales(0.0, 2020, 12);
    const FitResult fit = fitBass(data, FitMethod::NlsDensity, std::nullopt, BassTiming::End);
    ASSERT_TRUE(fit.timing.has_value());
    EXPECT_EQ(*fit.timing, BassTiming::End);
    EXPECT_NEAR(fit.fitted[0], 4.202947189157811, 1e-6 * 4.2);
    EXPECT_NEAR(fit.fitted[1], 5.7020561508496215, 1e-6 * 5.7);
    for (std::size_t i = 0; i < fit.years.size(); ++i)
        expectRelative(fit.fitted[i], kM * rate(kP, kQ, static_cast<double>(i + 1)), 1e-6,
                       "fitted " + std::to_string(fit.years[i]));
    EXPECT_EQ(timingConvention(fit),
              "end of year: S(t) = m f(t), t = year - 2019 (t = 1 in the launch year 2020)");
    EXPECT_NE(fit.note.en.find("series form \"density-end\""), std::string::npos) << fit.note.en;
}

TEST(BassTiming, MidYearFitsTheHandDerivedValues) {
    const DataPoints data = densitySales(0.5, 2020, 12);
    const FitResult fit = fitBass(data, FitMethod::NlsDensity, std::nullopt, BassTiming::Mid);
    ASSERT_TRUE(fit.timing.has_value());
    EXPECT_EQ(*fit.timing, BassTiming::Mid);
    EXPECT_NEAR(fit.fitted[0], 3.562954303277624, 1e-6 * 3.6);
    EXPECT_NEAR(fit.fitted[1], 4.918405178461322, 1e-6 * 4.9);
    for (std::size_t i = 0; i < fit.years.size(); ++i)
        expectRelative(fit.fitted[i], kM * rate(kP, kQ, static_cast<double>(i) + 0.5), 1e-6,
                       "fitted " + std::to_string(fit.years[i]));
    EXPECT_EQ(timingConvention(fit),
              "mid-year: S(t) = m f(t - 1/2), t = year - 2019 (t = 1 in the launch year 2020)");
}

TEST(BassTiming, FittedValuesFollowTheConventionOnNoisyData) {
    // Sales that fit neither convention exactly: the fitted values are still m f(t - offset)
    // of the estimated p, q, m, with t counted from the launch year.
    DataPoints data = densitySales(0.0, 2018, 10);
    const double noise[] = {1.02, 0.97, 1.01, 1.04, 0.98, 0.99, 1.03, 0.96, 1.0, 1.02};
    for (std::size_t i = 0; i < data.values.size(); ++i) data.values[i] *= noise[i];
    for (const auto& [timing, offset] :
         {std::pair{BassTiming::End, 0.0}, std::pair{BassTiming::Mid, 0.5}}) {
        const FitResult fit = fitBass(data, FitMethod::NlsDensity, std::nullopt, timing);
        for (std::size_t i = 0; i < fit.years.size(); ++i) {
            const double t = fit.years[i] - 2018 + 1;
            expectRelative(fit.fitted[i],
                           fit.value("m") * rate(fit.value("p"), fit.value("q"), t - offset), 1e-9,
                           std::string(timingToken(timing)) + " " + std::to_string(fit.years[i]));
        }
    }
}

TEST(BassTiming, TheDefaultIsTheEndOfTheYear) {
    const DataPoints data = densitySales(0.0, 2020, 12);
    const FitResult fit = fitBass(data, FitMethod::NlsDensity);
    EXPECT_EQ(fit.timing, BassTiming::End);
    expectRelative(fit.value("p"), kP, 1e-6, "p");
    // Other methods have no timing.
    EXPECT_FALSE(fitBass(data, FitMethod::NlsDifference).timing.has_value());
    EXPECT_FALSE(
        fitBass(data, FitMethod::NlsDifference, std::nullopt, BassTiming::Mid).timing.has_value());
}

TEST(BassTiming, RoundTripRecoversTheParametersUnderEachConvention) {
    // Simulate with the series kernel (the forms an accepted fit uses), then fit.
    for (const auto& [form, timing] : {std::pair{BassForm::DensityEnd, BassTiming::End},
                                       std::pair{BassForm::DensityMid, BassTiming::Mid}}) {
        for (const auto& [p, q, m] : {std::tuple{kP, kQ, kM}, std::tuple{0.005, 0.84, 50.0},
                                      std::tuple{0.01, 0.5, 2300.0}}) {
            const Paths one = Paths::Constant(1, 1.0);
            const BassOutputs out =
                bassSeries({2019, 2032}, {p * one, q * one, m * one, 2019}, form);
            DataPoints data;
            data.source = "simulated";
            for (Eigen::Index c = 0; c < out.adoptions.cols(); ++c) {
                data.years.push_back(2019 + static_cast<int>(c));
                data.values.push_back(out.adoptions(0, c));
            }
            const std::string what = std::string(bassFormToken(form)) + " p " + std::to_string(p);
            const FitResult fit = fitBass(data, FitMethod::NlsDensity, std::nullopt, timing);
            expectRelative(fit.value("p"), p, 1e-6, what + ": p");
            expectRelative(fit.value("q"), q, 1e-6, what + ": q");
            expectRelative(fit.value("m"), m, 1e-6, what + ": m");
            // The other convention does not reproduce the data.
            const FitResult other =
                fitBass(data, FitMethod::NlsDensity, std::nullopt,
                        timing == BassTiming::End ? BassTiming::Mid : BassTiming::End);
            EXPECT_GT(std::abs(other.value("p") / p - 1.0), 0.01) << what;
        }
    }
}

TEST(BassTiming, DensityFormsOfTheSeriesKernel) {
    const Paths one = Paths::Constant(1, 1.0);
    const BassParams params{kP * one, kQ * one, kM * one, 2020};
    const BassOutputs end = bassSeries({2018, 2023}, params, BassForm::DensityEnd);
    const BassOutputs mid = bassSeries({2018, 2023}, params, BassForm::DensityMid);
    for (int c = 0; c < 2; ++c) {  // before the launch: nothing
        EXPECT_EQ(end.adoptions(0, c), 0.0);
        EXPECT_EQ(mid.cumulative(0, c), 0.0);
    }
    double sum = 0.0;
    for (int c = 2; c < 6; ++c) {
        const double t = c - 1;
        EXPECT_NEAR(end.adoptions(0, c), kM * rate(kP, kQ, t), 1e-12);
        EXPECT_NEAR(mid.adoptions(0, c), kM * rate(kP, kQ, t - 0.5), 1e-12);
        sum += kM * rate(kP, kQ, t);
        EXPECT_NEAR(end.cumulative(0, c), sum, 1e-12);  // the yearly adoptions summed
    }
    // The cumulative counts from launch even when the range starts later.
    const BassOutputs late = bassSeries({2022, 2023}, params, BassForm::DensityEnd);
    EXPECT_NEAR(late.cumulative(0, 1), end.cumulative(0, 5), 1e-12);
}

TEST(BassTiming, FormTokensMapBothWays) {
    EXPECT_EQ(bassFormToken(BassForm::DensityEnd), "density-end");
    EXPECT_EQ(bassFormToken(BassForm::DensityMid), "density-mid");
    EXPECT_EQ(bassFormFromToken("density-mid"), BassForm::DensityMid);
    EXPECT_EQ(bassFormFromToken(""), BassForm::ClosedForm);
    EXPECT_EQ(bassFormFromToken("discrete"), BassForm::Discrete);
    EXPECT_FALSE(bassFormFromToken("mid").has_value());
}

Scenario emptyScenario() {
    Scenario s;
    s.title.en = "test";
    s.years = {2015, 2035};
    s.scenarios.push_back({"base", {"Base", ""}, {}, {}});
    return s;
}

TEST(BassTiming, AcceptedFitReproducesTheFittedValuesUnderEachConvention) {
    DataPoints data = densitySales(0.0, 2018, 9);
    const double noise[] = {1.03, 0.98, 1.0, 1.02, 0.97, 1.01, 0.99, 1.02, 0.98};
    for (std::size_t i = 0; i < data.values.size(); ++i) data.values[i] *= noise[i];
    for (const auto& [timing, token] :
         {std::pair{BassTiming::End, "density-end"}, std::pair{BassTiming::Mid, "density-mid"}}) {
        Scenario s = emptyScenario();
        const FitResult fit = fitBass(data, FitMethod::NlsDensity, std::nullopt, timing);
        acceptFit(s, fit, "glasses", "", "2025-06-01");
        EXPECT_EQ(s.findSeries("glasses")->form, token);
        EXPECT_NE(s.findAssumption("glasses_p")
                      ->provenance.note.en.find(timing == BassTiming::End
                                                    ? "m f(t), the adoption rate at the end"
                                                    : "m f(t - 1/2)"),
                  std::string::npos)
            << s.findAssumption("glasses_p")->provenance.note.en;
        // Saved and loaded, the series evaluates to the fitted values.
        const Scenario loaded = parseScenario(serializeScenario(s));
        EXPECT_EQ(loaded.findSeries("glasses")->form, token);
        const Evaluator e(Model::compile(loaded));
        for (std::size_t i = 0; i < fit.years.size(); ++i)
            EXPECT_NEAR(e.value("glasses", fit.years[i]), fit.fitted[i],
                        1e-9 * std::abs(fit.fitted[i]))
                << token << " " << fit.years[i];
        EXPECT_EQ(e.value("glasses", 2017), 0.0);  // before the launch
    }
}

TEST(BassTiming, JsonNamesTheConvention) {
    const FitResult fit =
        fitBass(densitySales(0.5, 2020, 10), FitMethod::NlsDensity, std::nullopt, BassTiming::Mid);
    const nlohmann::json j = fit;
    EXPECT_EQ(j["timing"], "mid");
    EXPECT_EQ(j["convention"],
              "mid-year: S(t) = m f(t - 1/2), t = year - 2019 (t = 1 in the launch year 2020)");
    const nlohmann::json diff = fitBass(densitySales(0.5, 2020, 10), FitMethod::NlsDifference);
    EXPECT_FALSE(diff.contains("timing"));
}

}  // namespace
}  // namespace jevons::core
