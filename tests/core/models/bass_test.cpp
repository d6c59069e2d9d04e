#include "core/models/bass.h"
#include "tests/core/models/model_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jevons::core {
namespace {

using testing::errorOf;
using testing::one;

// Sultan, Farley & Lehmann (1990) mean coefficients, market potential 100 (e.g. M units).
const BassParams kMeta{one(0.03), one(0.38), one(100.0), 2025};

TEST(BassClosedForm, CumulativeIsSumOfAdoptionsAndZeroBeforeLaunch) {
    const BassOutputs out = bassSeries({2020, 2060}, kMeta);
    ASSERT_EQ(out.adoptions.cols(), 41);
    double sum = 0.0;
    for (Eigen::Index c = 0; c < out.adoptions.cols(); ++c) {
        if (2020 + c < 2025) {
            EXPECT_EQ(out.adoptions(0, c), 0.0);
            EXPECT_EQ(out.cumulative(0, c), 0.0);
        }
        sum += out.adoptions(0, c);
        EXPECT_NEAR(out.cumulative(0, c), sum, 1e-12) << 2020 + c;
    }
    EXPECT_NEAR(out.cumulative(0, 40), 100.0, 1e-3);  // saturates at m
}

TEST(BassClosedForm, MatchesFormulaAtHandComputedPoint) {
    // t = 3 (launch year 2025 -> end of 2027): e = exp(-0.41 * 3) = 0.2922926;
    // F = (1 - e) / (1 + (0.38/0.03) e) = 0.7077074 / 4.7023735 = 0.1505001.
    EXPECT_NEAR(bassCumulativeFraction(0.03, 0.38, 3.0), 0.1505001, 1e-7);
    const BassOutputs out = bassSeries({2025, 2027}, kMeta);
    EXPECT_NEAR(out.cumulative(0, 2), 15.05001, 1e-5);
    // First year: m F(1) = 3.5758 (closed form), not p m = 3 (discrete).
    EXPECT_NEAR(out.adoptions(0, 0), 3.5758, 5e-5);
    EXPECT_EQ(bassCumulativeFraction(0.03, 0.38, 0.0), 0.0);
    EXPECT_EQ(bassCumulativeFraction(0.03, 0.38, -2.0), 0.0);
}

TEST(BassClosedForm, PeakYearContainsPeakTime) {
    // t* = ln(0.38/0.03)/0.41 = 6.1926 years after launch: inside the 7th year (t in (6, 7]).
    EXPECT_NEAR(bassPeakTime(0.03, 0.38), 6.192619, 1e-6);
    const BassOutputs out = bassSeries({2025, 2045}, kMeta);
    Eigen::Index peak = 0;
    out.adoptions.row(0).maxCoeff(&peak);
    EXPECT_EQ(2025 + peak, 2031);  // 7th year of adoption; adoptions 10.9775
    EXPECT_NEAR(out.adoptions(0, peak), 10.9775, 5e-5);
}

TEST(BassPeakTime, ZeroWhenImitationDoesNotExceedInnovation) {
    EXPECT_EQ(bassPeakTime(0.05, 0.05), 0.0);
    EXPECT_EQ(bassPeakTime(0.05, 0.0), 0.0);
    EXPECT_NEAR(bassPeakTime(0.005, 0.84), std::log(168.0) / 0.845, 1e-12);  // colour TV
}

TEST(BassClosedForm, NoImitationIsExponential) {
    for (double t : {0.5, 1.0, 3.0, 10.0}) {
        EXPECT_NEAR(bassCumulativeFraction(0.03, 0.0, t), 1.0 - std::exp(-0.03 * t), 1e-15) << t;
    }
    EXPECT_NEAR(bassCumulativeFraction(0.03, 0.0, 3.0), 0.0860688, 1e-7);
}

TEST(BassDiscrete, HandComputedFirstYears) {
    // S1 = 0.03 * 100 = 3; N1 = 3.
    // S2 = (0.03 + 0.38 * 0.03)(97) = 0.0414 * 97 = 4.0158; N2 = 7.0158.
    // S3 = (0.03 + 0.38 * 0.070158)(92.9842) = 0.05666004 * 92.9842 = 5.2685; N3 = 12.2843.
    const BassOutputs out = bassSeries({2024, 2027}, kMeta, BassForm::Discrete);
    EXPECT_EQ(out.adoptions(0, 0), 0.0);  // 2024, before launch
    EXPECT_NEAR(out.adoptions(0, 1), 3.0, 1e-12);
    EXPECT_NEAR(out.adoptions(0, 2), 4.0158, 1e-12);
    EXPECT_NEAR(out.cumulative(0, 2), 7.0158, 1e-12);
    EXPECT_NEAR(out.adoptions(0, 3), 5.2685, 5e-5);
    EXPECT_NEAR(out.cumulative(0, 3), 12.2843, 5e-5);
}

TEST(BassDiscrete, AgreesWithClosedFormWithinStatedTolerance) {
    // p = 0.03, q = 0.38, m = 100, years 1..15 after launch. Hand/script values:
    //   year  closed cumulative  discrete cumulative
    //     5        33.1199            27.2907
    //     7        54.9010            47.7609   (largest gap, 7.14 = 7.1% of m)
    //    10        81.2803            78.2643
    //    15        97.1610            97.8160
    // The yearly recursion lags the continuous solution by about half a year to a year:
    // cumulative within 7.5% of m every year, and the peak year differs by at most one.
    const BassOutputs closed = bassSeries({2025, 2039}, kMeta);
    const BassOutputs discrete = bassSeries({2025, 2039}, kMeta, BassForm::Discrete);
    EXPECT_NEAR(closed.cumulative(0, 4), 33.1199, 5e-5);
    EXPECT_NEAR(discrete.cumulative(0, 4), 27.2907, 5e-5);
    EXPECT_NEAR(closed.cumulative(0, 6), 54.9010, 5e-5);
    EXPECT_NEAR(discrete.cumulative(0, 6), 47.7609, 5e-5);
    EXPECT_NEAR(closed.cumulative(0, 14), 97.1610, 5e-5);
    EXPECT_NEAR(discrete.cumulative(0, 14), 97.8160, 5e-5);
    EXPECT_LT((closed.cumulative - discrete.cumulative).abs().maxCoeff(), 7.5);
    Eigen::Index peakClosed = 0, peakDiscrete = 0;
    closed.adoptions.row(0).maxCoeff(&peakClosed);
    discrete.adoptions.row(0).maxCoeff(&peakDiscrete);
    EXPECT_EQ(peakClosed, 6);    // 2031
    EXPECT_EQ(peakDiscrete, 7);  // 2032
}

TEST(Bass, RangeStartingAfterLaunchCountsEarlierAdopters) {
    const BassOutputs closed = bassSeries({2027, 2027}, kMeta);
    EXPECT_NEAR(closed.cumulative(0, 0), 15.05001, 1e-5);
    const BassOutputs discrete = bassSeries({2027, 2027}, kMeta, BassForm::Discrete);
    EXPECT_NEAR(discrete.cumulative(0, 0), 12.2843, 5e-5);
    EXPECT_NEAR(discrete.adoptions(0, 0), 5.2685, 5e-5);
}

TEST(Bass, VectorisedOverPaths) {
    Paths p(3), q(3), m(3);
    p << 0.03, 0.005, 0.004;  // meta-analysis, colour TV, cellular phones
    q << 0.38, 0.84, 1.76;
    m << 100.0, 1450.0, 2300.0;
    const BassParams params{p, q, m, 2026};
    for (BassForm form : {BassForm::ClosedForm, BassForm::Discrete}) {
        const BassOutputs out = bassSeries({2026, 2035}, params, form);
        ASSERT_EQ(out.adoptions.rows(), 3);
        for (Eigen::Index r = 0; r < 3; ++r) {
            const BassOutputs single =
                bassSeries({2026, 2035}, {one(p(r)), one(q(r)), one(m(r)), 2026}, form);
            EXPECT_TRUE(out.adoptions.row(r).isApprox(single.adoptions.row(0), 1e-14)) << r;
            EXPECT_TRUE(out.cumulative.row(r).isApprox(single.cumulative.row(0), 1e-14)) << r;
        }
    }
    const BassOutputs out = bassSeries({2026, 2035}, params);
    // Path 2 (colour TV, m = 1450), end of 2030 (t = 5): m F(5).
    EXPECT_NEAR(out.cumulative(1, 4), 1450.0 * bassCumulativeFraction(0.005, 0.84, 5.0), 1e-9);
    EXPECT_NEAR(out.adoptions(0, 0), 3.5758, 5e-5);  // path 1, first year
}

TEST(BassErrors, ZeroInnovationMeansNobodyStarts) {
    const std::string msg = errorOf([] {
        (void)bassSeries({2025, 2030}, {one(0.0), one(0.38), one(100.0), 2025});
    });
    EXPECT_NE(msg.find("p = 0 must be above zero"), std::string::npos) << msg;
    EXPECT_NE(msg.find("nobody ever starts"), std::string::npos) << msg;
}

TEST(BassErrors, FirstOffendingPathForNegativeImitation) {
    Paths q(3);
    q << 0.3, -0.1, -0.2;
    const std::string msg = errorOf([&] {
        (void)bassSeries({2025, 2030}, {one(0.03), q, one(100.0), 2025});
    });
    EXPECT_NE(msg.find("q = -0.1 must not be negative"), std::string::npos) << msg;
    EXPECT_NE(msg.find("path 2 of 3"), std::string::npos) << msg;
}

TEST(BassErrors, MarketPotentialNotAboveZero) {
    const std::string msg = errorOf([] {
        (void)bassSeries({2025, 2030}, {one(0.03), one(0.38), one(0.0), 2025});
    });
    EXPECT_NE(msg.find("market potential m = 0 must be above zero"), std::string::npos) << msg;
}

TEST(BassErrors, ScalarFunctionsValidateToo) {
    std::string msg = errorOf([] { (void)bassCumulativeFraction(-0.01, 0.3, 2.0); });
    EXPECT_NE(msg.find("nobody ever starts"), std::string::npos) << msg;
    msg = errorOf([] { (void)bassPeakTime(0.03, -1.0); });
    EXPECT_NE(msg.find("must not be negative"), std::string::npos) << msg;
}

TEST(BassErrors, DiscreteDivergenceIsReported) {
    // p = 2: the first step overshoots m twice over and the recursion blows up.
    const std::string msg = errorOf([] {
        (void)bassSeries({2025, 2060}, {one(2.0), one(5.0), one(100.0), 2025}, BassForm::Discrete);
    });
    EXPECT_NE(msg.find("diverges"), std::string::npos) << msg;
    EXPECT_NE(msg.find("closed form"), std::string::npos) << msg;
}

}  // namespace
}  // namespace jevons::core
