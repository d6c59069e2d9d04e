#include "app/cli/uncertainty_commands.h"

#include "core/bridge/bridge_report.h"
#include "core/plan/chart_plan.h"
#include "core/scenario/scenario_json.h"
#include "core/text/column_text.h"
#include "core/uncertainty/goal_seek.h"
#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/uncertainty_error.h"
#include "core/units/unit.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace jevons::app {
namespace {

using namespace jevons::core;

constexpr const char* kSimulateUsage =
    "usage:\n"
    "  jevons-cli simulate FILE [--paths N] [--seed S] [--series a,b.output] [--year T]\n"
    "                           [--scenario ID] [--threads N] [--progress]\n"
    "                           [--memory-budget MIB]\n"
    "  Progress goes to stderr when it is a terminal (or with --progress) for runs over 0.3 s.\n"
    "  A run estimated to need more memory than the budget (default 2048 MiB) is refused.\n";
constexpr const char* kGoalSeekUsage =
    "usage:\n"
    "  jevons-cli goal-seek FILE --set ASSUMPTION --target SERIES --year T --value V\n"
    "                            [--scenario ID]\n"
    "  V is in the series' stored unit: a share as a fraction (0.3) or with a % sign (30%)\n";

constexpr const char* kBridgeUsage =
    "usage:\n"
    "  jevons-cli bridge FILE --to SCENARIO [--from SCENARIO] [--series X] [--year T]\n"
    "                         [--format text|csv|json] [--decimals N] [--lang en|zh] [--ids]\n"
    "  --from is base unless given; --series and --year are the first chart's CAGR arrow's\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "--name value" pairs after FILE (args[2]); only `allowed` names.
std::map<std::string, std::string> options(const std::vector<std::string>& args,
                                           const std::vector<std::string>& allowed) {
    if (args.size() < 3 || args[2].rfind("--", 0) == 0) throw UsageError("a FILE is needed");
    static const std::string kSet = "1";
    std::map<std::string, std::string> out;
    for (std::size_t i = 3; i < args.size(); i += 2) {
        if (args[i].rfind("--", 0) != 0) throw UsageError("unexpected argument '" + args[i] + "'");
        bool known = false;
        for (const auto& a : allowed) known = known || a == args[i];
        if (!known) throw UsageError("unknown option " + args[i]);
        if (args[i] == "--ids" || args[i] == "--progress") {  // a flag: no value
            out.insert_or_assign(args[i], kSet);
            --i;
            continue;
        }
        if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
        out[args[i]] = args[i + 1];
    }
    if (out.count("--lang") && out["--lang"] != "en" && out["--lang"] != "zh") {
        std::string message = "--lang is en or zh, not '";  // appended: GCC 12 -Wrestrict
        message += out["--lang"];
        message += '\'';
        throw UsageError(message);
    }
    return out;
}

long long wholeNumber(const std::string& s, const std::string& option, long long min,
                      long long max) {
    try {
        std::size_t used = 0;
        const long long v = std::stoll(s, &used);
        if (used == s.size() && v >= min && v <= max) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " expects a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + s + "'");
}

double number(std::string s, const std::string& option) {
    const bool percent = !s.empty() && s.back() == '%';
    if (percent) s.pop_back();
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used == s.size() && std::isfinite(v)) return percent ? v / 100.0 : v;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " expects a number, not '" + s + "'");
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

std::string shown(double v, Unit unit) {
    if (defaultDisplay(unit) == DisplayUnit::Percent)
        return formatValue(v, unit, DisplayUnit::Percent, 2);
    std::ostringstream out;
    out << std::setprecision(6) << v;
    return out.str();
}

void checkScenario(const Scenario& s, const std::string& id, const std::string& file) {
    if (id == "base" || s.findScenario(id)) return;
    std::string known;
    for (const auto& d : s.scenarios) known += (known.empty() ? "" : ", ") + d.id;
    throw UsageError("there is no scenario '" + id + "' in " + file + "; it has: " + known);
}

// A run's progress on stderr, once it has taken 0.3 s (JEVONS_PROGRESS_DELAY_MS, for tests):
// "simulating 10000 paths: 45%", redrawn in place at most every 0.1 s; called from any worker
// thread.
class ProgressLine {
public:
    ProgressLine(std::ostream& err, int paths) : m_err(err), m_paths(paths) {
        if (const char* delay = std::getenv("JEVONS_PROGRESS_DELAY_MS"))
            m_delay = std::chrono::milliseconds(std::atoi(delay));
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine() {
        if (m_shown) m_err << "\n" << std::flush;
    }
    void operator()(double fraction) {
        const std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        if (now - m_start < m_delay) return;
        if (m_shown && fraction < 1.0 && now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        m_shown = true;
        m_err << "\rsimulating " << m_paths << " paths: " << static_cast<int>(fraction * 100.0)
              << "%" << std::flush;
    }

private:
    std::ostream& m_err;
    int m_paths;
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_last;
    std::chrono::milliseconds m_delay{300};
    bool m_shown = false;
};

int simulate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    auto opt = options(args, {"--paths", "--seed", "--series", "--year", "--scenario", "--threads",
                              "--lang", "--ids", "--progress", "--memory-budget"});
    const std::string language = opt.count("--lang") ? opt["--lang"] : "en";
    const bool zh = language == "zh";
    const bool ids = opt.count("--ids") > 0;
    const Scenario scenario = loadScenarioFile(args[2]);
    const Model model = Model::compile(scenario);
    MonteCarloOptions mc;
    if (opt.count("--paths"))
        mc.paths = static_cast<int>(wholeNumber(opt["--paths"], "--paths", 100, 10000000));
    if (opt.count("--seed"))
        mc.seed = static_cast<std::uint64_t>(
            wholeNumber(opt["--seed"], "--seed", 0, std::numeric_limits<long long>::max()));
    if (opt.count("--threads"))
        mc.threads = static_cast<int>(wholeNumber(opt["--threads"], "--threads", 1, 64));
    if (opt.count("--memory-budget"))
        mc.memoryBudget = static_cast<std::size_t>(
                              wholeNumber(opt["--memory-budget"], "--memory-budget", 16, 1 << 20))
                          << 20;
    if (opt.count("--scenario")) {
        checkScenario(scenario, opt["--scenario"], args[2]);
        mc.scenario = opt["--scenario"];
    }
    std::vector<OutputRef> wanted;
    if (opt.count("--series"))
        for (const auto& name : split(opt["--series"])) {
            const auto ref = model.resolve(name);
            if (!ref) throw UsageError("'" + name + "' is not a series output of " + args[2]);
            wanted.push_back(*ref);
            mc.series.push_back(ref->series);  // only they and what they read are simulated
        }
    std::optional<int> year;
    if (opt.count("--year")) {
        year = static_cast<int>(
            wholeNumber(opt["--year"], "--year", model.years().first, model.years().last));
    }
    const SamplingPlan plan = SamplingPlan::make(scenario);
    if (plan.empty())
        out << "note: no assumption of " << args[2]
            << " has a distribution, so every path is the base case\n";
    std::optional<ProgressLine> progress;
    if (opt.count("--progress") || (&err == &std::cerr && isatty(STDERR_FILENO))) {
        progress.emplace(err, mc.paths > 0
                                  ? mc.paths
                                  : scenario.uncertainty.value_or(UncertaintySettings{}).paths);
        mc.progress = [&progress](double f) { (*progress)(f); };
    }
    MonteCarloResult r;
    try {
        r = runMonteCarlo(model, plan, mc);
    } catch (const SimulationTooLarge& e) {
        progress.reset();
        throw SimulationTooLarge(args[2] + ": " + e.what() + " (--memory-budget MIB)", e.needed,
                                 e.budget);
    }
    progress.reset();

    if (zh)
        out << "蒙特卡洛模拟：" << r.paths << "条路径，随机种子" << r.seed << "，"
            << plan.uncertain().size() << "个不确定假设\n"
            << "P10为第10百分位数（有90%的概率高于该值）；百分位数按第7类定义（线性插值）\n\n";
    else
        out << "Monte Carlo: " << r.paths << " paths, seed " << r.seed << ", "
            << plan.uncertain().size() << " uncertain assumptions\n"
            << "P10 is the 10th percentile (a 90% chance of exceeding it); percentiles are type "
               "7 (linear interpolation)\n\n";
    // The first column: the output's label in the language (its id with --ids).
    const auto nameOf = [&](const OutputBands& b) {
        return ids ? b.name : planSeriesName(model, b.ref, language);
    };
    std::size_t nameWidth = 27;
    const auto printed = [&](const OutputBands& b) {
        return wanted.empty() || std::find(wanted.begin(), wanted.end(), b.ref) != wanted.end();
    };
    for (const auto& b : r.outputs)
        if (printed(b)) nameWidth = std::max(nameWidth, displayWidth(nameOf(b)));
    out << padToWidth(zh ? "序列" : "series", nameWidth + 1, false)
        << padToWidth(zh ? "年份" : "year", 6, false);
    for (const char* h : {"P10", "P50", "P90"}) out << std::setw(12) << h;
    out << padToWidth(zh ? "均值" : "mean", 12, true) << (zh ? "  单位\n" : "  unit\n");
    for (const auto& b : r.outputs) {
        if (!printed(b)) continue;
        for (std::size_t i = 0; i < b.p50.size(); ++i) {
            const int y = r.years.first + static_cast<int>(i);
            if (year && *year != y) continue;
            out << padToWidth(nameOf(b), nameWidth + 1, false)
                << padToWidth(std::to_string(y), 6, false);
            for (const double v : {b.p10[i], b.p50[i], b.p90[i], b.mean[i]}) {
                if (std::isnan(v))  // a year before the series starts: no value
                    out << std::setw(12) << "-";
                else
                    out << std::setw(12) << shown(v, b.unit);
            }
            out << "  "
                << displaySuffix(defaultDisplay(b.unit), language)  // as shown(): "%" for shares
                << "\n";
        }
    }
    bool header = false;
    for (const auto& c : r.cagr) {
        const auto ref = model.resolve(c.series);
        if (!wanted.empty() &&
            (!ref || std::find(wanted.begin(), wanted.end(), *ref) == wanted.end()))
            continue;
        if (!header) out << (zh ? "\nCAGR（P10–P90，中位数）\n" : "\nCAGR (P10–P90, median)\n");
        header = true;
        const std::string name = ids || !ref ? c.series : planSeriesName(model, *ref, language);
        out << "  " << name << " " << c.from << "–" << c.to << (zh ? "：" : ": ");
        if (!c.problem.empty())
            out << c.problem << "\n";
        else
            out << "CAGR " << std::fixed << std::setprecision(0) << c.cagr.p10 * 100 << "–"
                << c.cagr.p90 * 100 << (zh ? "%（中位数 " : "% (median ") << std::setprecision(1)
                << c.cagr.p50 * 100 << (zh ? "%）\n" : "%)\n") << std::defaultfloat;
    }
    return 0;
}

int goalSeekCommand(const std::vector<std::string>& args, std::ostream& out) {
    auto opt = options(args, {"--set", "--target", "--year", "--value", "--scenario"});
    for (const char* required : {"--set", "--target", "--year", "--value"})
        if (!opt.count(required)) throw UsageError(std::string("goal-seek needs ") + required);
    const Scenario scenario = loadScenarioFile(args[2]);
    const Model model = Model::compile(scenario);
    GoalSeekRequest q;
    q.assumption = opt["--set"];
    q.target = opt["--target"];
    q.year = static_cast<int>(
        wholeNumber(opt["--year"], "--year", model.years().first, model.years().last));
    q.value = number(opt["--value"], "--value");
    if (opt.count("--scenario")) {
        checkScenario(scenario, opt["--scenario"], args[2]);
        q.scenario = opt["--scenario"];
    }
    const GoalSeekResult r = goalSeek(model, q);
    out << r.message << "\n";
    if (!r.found) return 1;
    out << q.assumption << "=" << std::setprecision(17) << r.value << "\n";
    return 0;
}

template <typename Command>
int run(const Command& command, const char* usage, const std::vector<std::string>& args,
        std::ostream& out, std::ostream& err) {
    try {
        return command(args, out);
    } catch (const UsageError& e) {
        err << "jevons-cli: " << e.what() << "\n" << usage;
        return 2;
    } catch (const ScenarioError& e) {
        err << "jevons-cli: " << e.what() << "\n";
        return 1;
    } catch (const UncertaintyError& e) {
        err << "jevons-cli: " << e.what() << "\n";
        return 1;
    }
}

// What moved X in year T from one scenario to another: one Shapley step per changed assumption.
int bridgeCommand(const std::vector<std::string>& args, std::ostream& out) {
    auto opt = options(args, {"--to", "--from", "--series", "--year", "--format", "--decimals",
                              "--lang", "--ids"});
    if (!opt.count("--to")) throw UsageError("bridge needs --to SCENARIO");
    const Scenario scenario = loadScenarioFile(args[2]);
    BridgeReport report;
    report.fromId = opt.count("--from") ? opt["--from"] : "base";
    report.toId = opt["--to"];
    checkScenario(scenario, report.fromId, args[2]);
    checkScenario(scenario, report.toId, args[2]);
    report.language = opt.count("--lang") ? opt["--lang"] : "en";
    report.ids = opt.count("--ids") > 0;
    if (opt.count("--decimals"))
        report.decimals = static_cast<int>(wholeNumber(opt["--decimals"], "--decimals", 0, 6));
    const auto name = [&](const std::string& id) {
        const ScenarioDef* s = scenario.findScenario(id);
        if (report.ids || !s || s->label.empty()) return id;
        return s->label.in(report.language);
    };
    report.fromName = name(report.fromId);
    report.toName = name(report.toId);
    const auto format = tableFormatNamed(opt.count("--format") ? opt["--format"] : "text");
    if (!format) throw UsageError("--format is text, csv or json, not '" + opt["--format"] + "'");
    const Scenario::Focus focus = scenario.focus();
    const std::string series = opt.count("--series") ? opt["--series"] : focus.ref;
    const int year = opt.count("--year")
                         ? static_cast<int>(wholeNumber(opt["--year"], "--year", 1, 9999))
                         : focus.cagrEnd;
    const Model model = Model::compile(scenario);
    if (!model.resolve(series))
        throw UsageError("'" + series + "' is not a series output of " + args[2]);
    const Bridge bridge = computeBridge(model, report.fromId, report.toId, series, year);
    out << renderBridge(model, bridge, report, *format);
    return 0;
}

}  // namespace

int runBridgeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        return run(bridgeCommand, kBridgeUsage, args, out, err);
    } catch (const BridgeError& e) {
        err << "jevons-cli: " << args[2] << ": " << e.what() << "\n";
        return 1;
    }
}

int runSimulateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const auto command = [&err](const std::vector<std::string>& a, std::ostream& o) {
        return simulate(a, o, err);
    };
    return run(command, kSimulateUsage, args, out, err);
}

int runGoalSeekCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run(goalSeekCommand, kGoalSeekUsage, args, out, err);
}

}  // namespace jevons::app
