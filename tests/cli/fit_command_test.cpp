#include "app/cli/fit_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kData = JEVONS_TEST_DATA_DIR "/calibration/";

struct FitRun {
    int code = 0;
    std::string out;
    std::string err;
};

FitRun fit(std::vector<std::string> options) {
    std::vector<std::string> args{"jevons-cli", "fit"};
    args.insert(args.end(), options.begin(), options.end());
    std::ostringstream out;
    std::ostringstream err;
    const int code = runFitCommand(args, out, err);
    return {code, out.str(), err.str()};
}

// bass_sales.csv: closed-form Bass p = 0.03, q = 0.38, m = 100 from 2020, rounded to 4 decimals.
TEST(FitCommand, BassJsonRecoversTheGeneratingParameters) {
    const FitRun r = fit({"--kind", "bass", "--format", "json", kData + "bass_sales.csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["kind"], "bass");
    EXPECT_EQ(j["method"], "nls-diff");
    EXPECT_EQ(j["launch_year"], 2020);
    EXPECT_EQ(j["n"], 11);
    const auto& params = j["parameters"];
    ASSERT_EQ(params.size(), 3u);
    EXPECT_EQ(params[0]["name"], "p");
    EXPECT_NEAR(params[0]["value"].get<double>(), 0.03, 1e-5);
    EXPECT_NEAR(params[1]["value"].get<double>(), 0.38, 1e-4);
    EXPECT_NEAR(params[2]["value"].get<double>(), 100.0, 1e-2);
    EXPECT_TRUE(params[0].contains("std_error"));
    EXPECT_GT(j["r_squared"].get<double>(), 0.999999);
}

TEST(FitCommand, BassTextShowsParametersAndStatistics) {
    const FitRun r = fit({"--kind", "bass", "--method", "ols", kData + "bass_sales.csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("bass fit to 'glasses' in "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("method: ols (Bass (1969) OLS"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("std. error"), std::string::npos);
    EXPECT_NE(r.out.find("R^2 "), std::string::npos);
    EXPECT_NE(r.out.find("  2030"), std::string::npos);
}

TEST(FitCommand, QuarterlyTsvIsSummedAndFittedByCagr) {
    // asic_quarterly.tsv: US$M by quarter (BOM, CRLF, "3,037.50"); annual 3000, 4500, 6750,
    // 10125: +50% a year.
    const FitRun r = fit(
        {"--kind", "cagr", "--series", "asic", "--format", "json", kData + "asic_quarterly.tsv"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_NEAR(j["parameters"][0]["value"].get<double>(), 3000.0, 1e-6);
    EXPECT_NEAR(j["parameters"][1]["value"].get<double>(), 0.5, 1e-12);
    EXPECT_NE(j["data_note"].get<std::string>().find("quarters summed"), std::string::npos);
}

TEST(FitCommand, LogisticWithFixedCeiling) {
    const FitRun r = fit(
        {"--kind", "logistic", "--ceiling", "0.5", "--format", "json", kData + "asic_share.csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["parameters"][0]["fixed"], true);
    EXPECT_NEAR(j["parameters"][1]["value"].get<double>(), 2028.0, 1e-3);
    EXPECT_NEAR(j["parameters"][2]["value"].get<double>(), 0.150754, 1e-5);
}

TEST(FitCommand, SeveralSeriesNeedAChoice) {
    const FitRun r = fit({"--kind", "cagr", kData + "asic_quarterly.tsv"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("has 2 series (asic, note): choose one with --series"), std::string::npos)
        << r.err;
}

TEST(FitCommand, UsageErrors) {
    EXPECT_EQ(fit({kData + "bass_sales.csv"}).code, 2);
    const FitRun kind = fit({"--kind", "spline", kData + "bass_sales.csv"});
    EXPECT_EQ(kind.code, 2);
    EXPECT_NE(kind.err.find("--kind is bass, logistic, gompertz or cagr, not 'spline'"),
              std::string::npos);
    EXPECT_NE(kind.err.find("usage:"), std::string::npos);
    EXPECT_EQ(fit({"--kind", "cagr", "--method", "nls-diff", kData + "bass_sales.csv"}).code, 2);
    EXPECT_EQ(fit({"--kind", "bass", "--ceiling", "3", kData + "bass_sales.csv"}).code, 2);
}

TEST(FitCommand, DataErrorsExitWithOne) {
    const FitRun missing = fit({"--kind", "cagr", kData + "no_such_file.csv"});
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("cannot read the actuals file"), std::string::npos);
    const FitRun ceiling =
        fit({"--kind", "logistic", "--ceiling", "0.1", kData + "asic_share.csv"});
    EXPECT_EQ(ceiling.code, 1);
    EXPECT_NE(ceiling.err.find("is at or above the ceiling 0.1"), std::string::npos) << ceiling.err;
}

}  // namespace
