#include "app/cli/fit_command.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "core/calibration/actuals.h"
#include "core/calibration/calibration_error.h"
#include "core/calibration/data_points.h"
#include "core/calibration/fit_kinds.h"
#include "core/calibration/fit_result.h"
#include "core/text/column_text.h"

namespace jevons::app {
namespace {

using namespace jevons::core;

constexpr const char* kFitUsage =
    "usage:\n"
    "  jevons-cli fit --kind bass|logistic|gompertz|cagr [--method ols|nls|nls-diff|nls-density]\n"
    "                 [--timing end|mid] [--ceiling L] [--launch YEAR] [--series NAME]\n"
    "                 [--format text|json] [--lang en|zh] DATA.csv\n"
    "  DATA.csv: a header row 'year,series1,...' then one row per year (or quarter: 2019Q1)\n"
    "  methods: cagr ols; logistic/gompertz nls; bass ols, nls-diff (default), nls-density\n"
    "  --timing (bass nls-density): end fits S(t) = m f(t) (default, as published fits),\n"
    "           mid fits S(t) = m f(t - 1/2); t = 1 in the launch year\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct FitRequest {
    FitKind kind = FitKind::Cagr;
    std::optional<FitMethod> method;
    std::optional<double> ceiling;
    std::optional<int> launch;
    BassTiming timing = kDefaultBassTiming;
    std::string series;
    bool json = false;
    std::string language = "en";  ///< of the text report's fixed words ("en" or "zh")
    std::string file;
};

double parseDouble(const std::string& s, const std::string& option) {
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used == s.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " expects a number, not '" + s + "'");
}

int parseYear(const std::string& s, const std::string& option) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " expects a year, not '" + s + "'");
}

FitRequest parseRequest(const std::vector<std::string>& args) {
    FitRequest r;
    std::map<std::string, std::string> options;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i].rfind("--", 0) == 0) {
            if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
            options[args[i]] = args[i + 1];
            ++i;
        } else if (r.file.empty()) {
            r.file = args[i];
        } else {
            throw UsageError("unexpected argument '" + args[i] + "' after the file " + r.file);
        }
    }
    if (r.file.empty()) throw UsageError("fit needs a DATA.csv file");
    if (!options.count("--kind")) throw UsageError("fit needs --kind bass|logistic|gompertz|cagr");
    const auto kind = fitKindFromToken(options["--kind"]);
    if (!kind) {
        throw UsageError("--kind is bass, logistic, gompertz or cagr, not '" + options["--kind"] +
                         "'");
    }
    r.kind = *kind;
    const FitKindInfo& info = fitKindInfo(r.kind);
    options.erase("--kind");
    if (options.count("--method")) {
        static const std::map<std::string, FitMethod> methods{
            {"ols", FitMethod::Ols},
            {"nls", FitMethod::Nls},
            {"nls-diff", FitMethod::NlsDifference},
            {"nls-density", FitMethod::NlsDensity}};
        const auto m = methods.find(options["--method"]);
        if (m == methods.end()) {
            throw UsageError("--method is ols, nls, nls-diff or nls-density, not '" +
                             options["--method"] + "'");
        }
        r.method = m->second;
        if (!acceptsMethod(r.kind, *r.method)) {
            throw UsageError("--method " + options["--method"] + " does not apply to --kind " +
                             std::string(kindToken(r.kind)));
        }
        options.erase("--method");
    }
    if (options.count("--timing")) {
        const std::string t = options["--timing"];
        const auto timing = timingFromToken(t);
        if (!timing) throw UsageError("--timing is end or mid, not '" + t + "'");
        if (r.kind != FitKind::Bass || r.method != FitMethod::NlsDensity)
            throw UsageError("--timing applies to --kind bass --method nls-density only");
        r.timing = *timing;
        options.erase("--timing");
    }
    if (options.count("--ceiling")) {
        if (!info.takesCeiling)
            throw UsageError("--ceiling applies to logistic and gompertz fits only");
        r.ceiling = parseDouble(options["--ceiling"], "--ceiling");
        options.erase("--ceiling");
    }
    if (options.count("--launch")) {
        if (!info.takesLaunch) throw UsageError("--launch applies to bass fits only");
        r.launch = parseYear(options["--launch"], "--launch");
        options.erase("--launch");
    }
    if (options.count("--series")) {
        r.series = options["--series"];
        options.erase("--series");
    }
    if (options.count("--format")) {
        const std::string f = options["--format"];
        if (f != "text" && f != "json")
            throw UsageError("--format is text or json, not '" + f + "'");
        r.json = f == "json";
        options.erase("--format");
    }
    if (options.count("--lang")) {
        r.language = options["--lang"];
        if (r.language != "en" && r.language != "zh") {
            std::string message = "--lang is en or zh, not '";  // appended: GCC 12 -Wrestrict
            message += r.language;
            message += "'";
            throw UsageError(message);
        }
        options.erase("--lang");
    }
    if (!options.empty()) throw UsageError("unknown option " + options.begin()->first);
    return r;
}

/// Six significant digits, as a strategist reads them.
std::string num(double v) {
    std::ostringstream out;
    out << std::setprecision(6) << v;
    return out.str();
}

// The text report's fixed words in the report's language; the formulas and tokens are as the
// core writes them, the fit's own note (core text, with its numbers) in the language.
struct FitWords {
    const char* fitTo;  // "<kind> fit to <source>, <years> (<n> points)"
    const char* points;
    const char* method;
    const char* timing;
    const char* parameter;
    const char* value;
    const char* stdError;
    const char* fixed;
    const char* year;
    const char* actual;
    const char* fitted;
    const char* residual;
    const char* note;
};

const FitWords& wordsFor(const std::string& language) {
    static const FitWords en{" fit to ", " points",    "method: ", "timing: ", "parameter",
                             "value",    "std. error", "(fixed)",  "year",     "actual",
                             "fitted",   "residual",   "note: "};
    static const FitWords zh{" 拟合：", " 个数据点", "方法：",   "时点：", "参数",
                             "估计值",  "标准误",    "（固定）", "年份",   "实际值",
                             "拟合值",  "残差",      "注："};
    return language == "zh" ? zh : en;
}

void printText(const FitResult& fit, const std::string& language, std::ostream& out) {
    const FitWords& w = wordsFor(language);
    const bool zh = language == "zh";
    out << kindToken(fit.kind) << w.fitTo << fit.dataSource << (zh ? "，" : ", ")
        << fit.years.front() << "-" << fit.years.back() << (zh ? "（" : " (") << fit.n << w.points
        << (zh ? "）\n" : ")\n");
    out << w.method << methodToken(fit.method) << (zh ? "（" : " (")
        << methodDescription(fit.kind, fit.method, fit.timing, language) << (zh ? "）\n" : ")\n");
    if (fit.timing)
        out << w.timing << timingToken(*fit.timing) << (zh ? "，" : ", ")
            << timingConvention(fit, language) << "\n";
    out << "\n";
    // Columns by display width (a Chinese character takes two), so they line up in a terminal.
    const auto left = [](const std::string& t, std::size_t width) {
        return padToWidth(t, width, false);
    };
    const auto right = [](const std::string& t, std::size_t width) {
        return padToWidth(t, width, true);
    };
    out << left(w.parameter, 12) << right(w.value, 14) << right(w.stdError, 14) << "\n";
    for (const auto& p : fit.parameters) {
        out << left(p.name, 12) << right(num(p.value), 14)
            << right(p.fixed      ? std::string(w.fixed)
                     : p.stdError ? num(*p.stdError)
                                  : "-",
                     14)
            << "\n";
    }
    out << "\nR^2 " << num(fit.rSquared) << "   RMSE " << num(fit.rmse) << "   n " << fit.n
        << "\n\n";
    out << right(w.year, 6) << right(w.actual, 14) << right(w.fitted, 14) << right(w.residual, 14)
        << "\n";
    for (std::size_t i = 0; i < fit.years.size(); ++i) {
        out << right(std::to_string(fit.years[i]), 6) << right(num(fit.actual[i]), 14)
            << right(num(fit.fitted[i]), 14) << right(num(fit.residuals[i]), 14) << "\n";
    }
    out << "\n" << w.note << fit.note.in(language) << "\n";
}

FitResult fit(const FitRequest& r, const DataPoints& data) {
    return fitActuals(r.kind, data, {r.method, r.ceiling, r.launch, r.timing});
}

}  // namespace

int runFitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        const FitRequest request = parseRequest(args);
        const Actuals actuals = readActualsFile(request.file);
        std::string series = request.series;
        if (series.empty()) {
            if (actuals.names.size() != 1) {
                std::string known;
                for (const auto& n : actuals.names) known += (known.empty() ? "" : ", ") + n;
                throw UsageError(request.file + " has " + std::to_string(actuals.names.size()) +
                                 " series (" + known + "): choose one with --series");
            }
            series = actuals.names.front();
        }
        const FitResult result = fit(request, seriesPoints(actuals, series));
        if (request.json) {
            nlohmann::json j = result;
            if (!actuals.note.empty()) j["data_note"] = actuals.note.en;
            out << j.dump(2) << "\n";
        } else {
            if (!actuals.note.empty())
                out << (request.language == "zh" ? "数据：" : "data: ")
                    << actuals.note.in(request.language) << "\n";
            printText(result, request.language, out);
        }
        return 0;
    } catch (const UsageError& e) {
        err << "jevons-cli fit: " << e.what() << "\n" << kFitUsage;
        return 2;
    } catch (const CalibrationError& e) {
        err << "jevons-cli fit: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {  // a model check the fit should have caught first
        err << "jevons-cli fit: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace jevons::app
