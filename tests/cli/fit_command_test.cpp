#include "app/cli/fit_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
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

/// f(t) of the Bass curve, written out.
double bassRate(double p, double q, double t) {
    const double decay = std::exp(-(p + q) * t);
    const double denominator = 1.0 + q / p * decay;
    return (p + q) * (p + q) / p * decay / (denominator * denominator);
}

// Issue 18: NLS on the density at the end of the year (default) or at mid-year; the output names
// the convention, and the fitted values are m f(t) or m f(t - 1/2) with t = 1 in 2020.
TEST(FitCommand, BassDensityTimingIsStatedAndFollowed) {
    for (const std::string timing : {"", "end", "mid"}) {
        std::vector<std::string> options{"--kind", "bass", "--method", "nls-density"};
        if (!timing.empty()) options.insert(options.end(), {"--timing", timing});
        options.insert(options.end(), {"--format", "json", kData + "bass_sales.csv"});
        const FitRun r = fit(options);
        ASSERT_EQ(r.code, 0) << r.err;
        const auto j = nlohmann::json::parse(r.out);
        const bool mid = timing == "mid";
        EXPECT_EQ(j["timing"], mid ? "mid" : "end");
        EXPECT_EQ(j["convention"],
                  mid ? "mid-year: S(t) = m f(t - 1/2), t = year - 2019 (t = 1 in the launch year "
                        "2020)"
                      : "end of year: S(t) = m f(t), t = year - 2019 (t = 1 in the launch year "
                        "2020)");
        const double p = j["parameters"][0]["value"];
        const double q = j["parameters"][1]["value"];
        const double m = j["parameters"][2]["value"];
        for (std::size_t i = 0; i < j["years"].size(); ++i) {
            const double t = j["years"][i].get<int>() - 2019;
            EXPECT_NEAR(j["fitted"][i].get<double>(), m * bassRate(p, q, mid ? t - 0.5 : t),
                        1e-9 * m)
                << timing << " " << t;
        }
    }
    const FitRun text = fit(
        {"--kind", "bass", "--method", "nls-density", "--timing", "mid", kData + "bass_sales.csv"});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("method: nls-density (non-linear least squares on S_t = m f(t - 1/2)"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("\ntiming: mid, mid-year: S(t) = m f(t - 1/2), t = year - 2019 (t = 1 "
                            "in the launch year 2020)\n"),
              std::string::npos)
        << text.out;
    const FitRun end = fit({"--kind", "bass", "--method", "nls-density", kData + "bass_sales.csv"});
    EXPECT_NE(end.out.find("\ntiming: end, end of year: S(t) = m f(t), t = year - 2019"),
              std::string::npos)
        << end.out;
    // The two conventions give different parameters on the same data.
    const auto pOf = [](const FitRun& r) {
        const auto at = r.out.find("\np ");
        return std::stod(r.out.substr(at + 3, 20));
    };
    EXPECT_GT(std::abs(pOf(text) / pOf(end) - 1.0), 0.05);
}

TEST(FitCommand, BadTimingIsAUsageError) {
    const FitRun bad = fit({"--kind", "bass", "--method", "nls-density", "--timing", "start",
                            kData + "bass_sales.csv"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("jevons-cli fit: --timing is end or mid, not 'start'"),
              std::string::npos)
        << bad.err;
    EXPECT_NE(bad.err.find("usage:"), std::string::npos);
    EXPECT_TRUE(bad.out.empty());
    const FitRun otherMethod = fit(
        {"--kind", "bass", "--method", "nls-diff", "--timing", "end", kData + "bass_sales.csv"});
    EXPECT_EQ(otherMethod.code, 2);
    EXPECT_NE(otherMethod.err.find("--timing applies to --kind bass --method nls-density only"),
              std::string::npos)
        << otherMethod.err;
    EXPECT_EQ(fit({"--kind", "logistic", "--timing", "end", kData + "asic_share.csv"}).code, 2);
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

// --lang zh (issue 20): the report's fixed words, the method and the data note in Chinese, the
// numbers as in English; columns line up by display width; another language is a usage error.
TEST(FitCommand, ChineseReport) {
    const std::string file = kData + "asic_quarterly.tsv";
    const FitRun en = fit({"--kind", "cagr", "--series", "asic", file});
    const FitRun zh = fit({"--kind", "cagr", "--series", "asic", "--lang", "zh", file});
    ASSERT_EQ(zh.code, 0) << zh.err;
    for (const char* word :
         {"数据：季度数据按日历年加总", "方法：ols（对数线性最小二乘：ln y = a + b t）", "参数",
          "估计值", "标准误", "年份", "实际值", "拟合值", "残差", "注：", "个数据点"})
        EXPECT_NE(zh.out.find(word), std::string::npos) << word << " not in\n" << zh.out;
    for (const char* word : {"method:", "parameter", "std. error", "residual", "data:", "points"})
        EXPECT_EQ(zh.out.find(word), std::string::npos) << word << " in\n" << zh.out;
    // The same numbers: every line of the year table ends alike in both languages.
    const auto lastLine = [](const std::string& text, const std::string& start) {
        const auto at = text.find("\n" + start);
        return at == std::string::npos ? std::string()
                                       : text.substr(at + 1, text.find('\n', at + 1) - at - 1);
    };
    EXPECT_FALSE(lastLine(en.out, "  2022").empty()) << en.out;
    EXPECT_EQ(lastLine(zh.out, "  2022"), lastLine(en.out, "  2022"));
    // The header "  年份" takes 6 columns like "  year": the value columns start alike.
    EXPECT_NE(zh.out.find("\n  年份        实际值"), std::string::npos) << zh.out;

    const FitRun fr = fit({"--kind", "cagr", "--series", "asic", "--lang", "fr", file});
    EXPECT_EQ(fr.code, 2);
    EXPECT_NE(fr.err.find("--lang is en or zh, not 'fr'"), std::string::npos) << fr.err;
}

// Issue 20: the fit's own note (method and caveats) is in the report's language, with the same
// numbers; JSON carries both.
TEST(FitCommand, TheNoteFollowsTheLanguage) {
    const auto noteLine = [](const std::string& text) {
        const auto at = text.find("\n注：");
        return at == std::string::npos ? std::string()
                                       : text.substr(at + 1, text.find('\n', at + 1) - at - 1);
    };
    const std::vector<std::vector<std::string>> runs = {
        {"--kind", "bass", "--method", "ols", kData + "bass_sales.csv"},
        {"--kind", "bass", "--method", "nls-density", "--timing", "mid", kData + "bass_sales.csv"},
        {"--kind", "bass", kData + "bass_sales.csv"},
        {"--kind", "logistic", "--ceiling", "0.5", kData + "asic_share.csv"},
        {"--kind", "gompertz", kData + "asic_share.csv"},
        {"--kind", "cagr", "--series", "asic", kData + "asic_quarterly.tsv"}};
    for (std::vector<std::string> args : runs) {
        args.insert(args.end() - 1, {"--lang", "zh"});
        const FitRun r = fit(args);
        ASSERT_EQ(r.code, 0) << r.err;
        const std::string note = noteLine(r.out);
        ASSERT_FALSE(note.empty()) << r.out;
        for (const char* english : {"the ", "fit", "year", "ceiling", "least squares", "given"})
            EXPECT_EQ(note.find(english), std::string::npos) << english << " in " << note;
        EXPECT_TRUE(note.find("估计值") != std::string::npos ||
                    note.find("上限") != std::string::npos ||
                    note.find("对数最小二乘") != std::string::npos)
            << note;
    }
    const FitRun json =
        fit({"--kind", "bass", "--method", "ols", "--format", "json", kData + "bass_sales.csv"});
    ASSERT_EQ(json.code, 0) << json.err;
    const auto j = nlohmann::json::parse(json.out);
    const std::string en = j["note"], zh = j["note_zh"];
    EXPECT_EQ(en.rfind("launch year 2020", 0), 0u) << en;
    EXPECT_EQ(zh.rfind("上市年份 2020", 0), 0u) << zh;
    // The regression coefficients appear in both, as the same numbers.
    const auto a = en.find("a = ");
    ASSERT_NE(a, std::string::npos);
    EXPECT_NE(zh.find(en.substr(a, en.find(',', a) - a)), std::string::npos) << zh;
}
