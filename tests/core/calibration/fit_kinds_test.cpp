#include "core/calibration/fit_kinds.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/calibration/bass_fit.h"
#include "core/calibration/s_curve_fit.h"
#include "core/models/cagr.h"

namespace jevons::core {
namespace {

TEST(FitKinds, EveryKindHasOneEntryWhoseTokenRoundTrips) {
    const std::set<FitKind> all{FitKind::Cagr, FitKind::Logistic, FitKind::Gompertz, FitKind::Bass};
    std::set<FitKind> seen;
    for (const auto& info : fitKinds()) {
        EXPECT_TRUE(seen.insert(info.kind).second) << info.token << " listed twice";
        EXPECT_EQ(fitKindFromToken(info.token), info.kind);
        EXPECT_EQ(kindToken(info.kind), info.token);
        EXPECT_FALSE(info.methods.empty()) << info.token;
        EXPECT_TRUE(acceptsMethod(info.kind, info.defaultMethod)) << info.token;
    }
    EXPECT_EQ(seen, all);
    EXPECT_EQ(fitKindFromToken("linear"), std::nullopt);
    EXPECT_EQ(fitKindInfo(FitKind::Gompertz).series, SeriesKind::Gompertz);
}

TEST(FitKinds, MethodsAreTheOnesEachEstimatorTakes) {
    EXPECT_TRUE(acceptsMethod(FitKind::Cagr, FitMethod::Ols));
    EXPECT_FALSE(acceptsMethod(FitKind::Cagr, FitMethod::Nls));
    EXPECT_FALSE(acceptsMethod(FitKind::Logistic, FitMethod::Ols));
    EXPECT_TRUE(acceptsMethod(FitKind::Bass, FitMethod::Nls));  // read as NlsDifference
    EXPECT_TRUE(acceptsMethod(FitKind::Bass, FitMethod::NlsDensity));
    EXPECT_EQ(fitKindInfo(FitKind::Bass).defaultMethod, FitMethod::NlsDifference);
}

// fitActuals is the one dispatch: each kind reaches its own estimator with the options.
TEST(FitKinds, FitActualsDispatchesToTheKindsEstimator) {
    DataPoints asic;
    for (int y = 2023; y <= 2028; ++y) {
        asic.years.push_back(y);
        asic.values.push_back(6.6 * std::pow(42.9 / 6.6, (y - 2023) / 5.0));
    }
    const FitResult cagr = fitActuals(FitKind::Cagr, asic);
    EXPECT_EQ(cagr.kind, FitKind::Cagr);
    EXPECT_NEAR(cagr.value("rate"), 0.454061, 1e-6);  // 45.41% CAGR

    DataPoints share{{2019, 2020, 2021, 2022, 2023, 2024, 2025},
                     {0.05, 0.08, 0.12, 0.17, 0.23, 0.29, 0.34},
                     "share"};
    const FitResult fixed = fitActuals(FitKind::Logistic, share, {{}, 0.5, {}, {}});
    EXPECT_EQ(fixed.kind, FitKind::Logistic);
    EXPECT_TRUE(fixed.parameter("ceiling").fixed);
    EXPECT_DOUBLE_EQ(fixed.value("ceiling"), 0.5);
    EXPECT_EQ(fixed.value("midpoint"), fitSCurve(FitKind::Logistic, share, 0.5).value("midpoint"));

    DataPoints sales{{2019, 2020, 2021, 2022, 2023, 2024}, {1.0, 1.8, 3.0, 4.6, 6.1, 6.9}, "sales"};
    const FitResult bass = fitActuals(FitKind::Bass, sales);
    EXPECT_EQ(bass.method, FitMethod::NlsDifference);
    EXPECT_EQ(bass.value("q"), fitBass(sales, FitMethod::NlsDifference).value("q"));
    const FitResult ols = fitActuals(FitKind::Bass, sales, {FitMethod::Ols, {}, {}, {}});
    EXPECT_EQ(ols.method, FitMethod::Ols);
}

}  // namespace
}  // namespace jevons::core
