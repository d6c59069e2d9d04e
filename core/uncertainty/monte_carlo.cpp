#include "core/uncertainty/monte_carlo.h"

#include "core/text/number_text.h"
#include "core/uncertainty/band_accumulator.h"
#include "core/uncertainty/phases.h"
#include "core/uncertainty/run_memory.h"
#include "core/uncertainty/run_setup.h"
#include "core/uncertainty/streaming_bands.h"
#include "core/uncertainty/uncertainty_error.h"
#include "core/uncertainty/uniform_stream.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <set>
#include <thread>

namespace jevons::core {
namespace {

// Threads for a run of `values` path × column values: `requested`, or with 0 every core, one
// for a run too small to repay starting a second (~50 µs).
constexpr std::size_t kParallelValues = 50000;

int threadCount(int requested, std::size_t values) {
    if (requested > 0) return std::min(requested, 64);
    if (values < kParallelValues) return 1;
    return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 64);
}

// Why no CAGR can be taken from `from` to `to`, or "" when it can.
std::string cagrYearsProblem(const YearRange& years, int from, int to) {
    if (!years.contains(from) || !years.contains(to) || from >= to)
        return "a CAGR from " + std::to_string(from) + " to " + std::to_string(to) +
               " needs two years in order within " + std::to_string(years.first) + "–" +
               std::to_string(years.last);
    return "";
}

// Paths evaluated first, on their own, to set the range of every column's position codes
// (BandAccumulator::setRange).
constexpr Eigen::Index kPilotPaths = 64;

// What a run takes, in bytes, before it asks for any of it: `bands` is the part a streamed run's
// StreamingBands holds in pass 1 (its later passes are checked when they are sized).
struct RunBytes {
    std::size_t bands = 0;  // the stored paths and codes, or pass 1's counts and sums
    std::size_t other = 0;  // the workers' grids, the kept grids, the result
    [[nodiscard]] std::size_t total() const { return bands + other; }
};

// Every worker evaluates a chunk (the stored run's pilot: kPilotPaths) of every series of the
// run into its own grids, beside its copy of the inputs; the kept grids hold every path; the
// result, six numbers per column.
std::size_t commonBytes(const Model& model, const RunSetup& setup, std::size_t n, int threads) {
    const Scenario& scenario = model.scenario();
    std::size_t grids = 0;  // grid columns of one worker's evaluation
    for (const int s : setup.order)
        grids += Model::outputCount(scenario.series[static_cast<std::size_t>(s)].kind);
    const std::size_t rows = static_cast<std::size_t>(std::max(kChunkPaths, kPilotPaths));
    const std::size_t worker =
        (grids * setup.years() + scenario.assumptions.size()) * rows * sizeof(double);
    return static_cast<std::size_t>(threads + 1) * worker +
           setup.keptOutputs.size() * n * setup.years() * sizeof(double) +
           (setup.columns() + setup.rates.size()) * (6 * sizeof(double) + 64);
}

RunBytes storedRunBytes(const Model& model, const RunSetup& setup, std::size_t n, int threads,
                        std::size_t storedBytes) {
    const std::size_t chunks =
        (n + static_cast<std::size_t>(kChunkPaths) - 1) / static_cast<std::size_t>(kChunkPaths);
    const std::size_t columns = setup.columns();
    const std::size_t accumulator =
        columns * (static_cast<std::size_t>(threads) * BandAccumulator::kBuckets * 4 +
                   chunks * sizeof(double) + 2 * sizeof(double));
    return {storedBytes + accumulator, commonBytes(model, setup, n, threads)};
}

RunBytes streamedRunBytes(const Model& model, const RunSetup& setup, std::size_t n, int threads) {
    return {StreamingBands::firstPassBytes(setup.columns() + setup.rates.size(), n,
                                           streamingGroups(n), threads),
            commonBytes(model, setup, n, threads)};
}

// "This simulation needs about 4.7 GiB of memory, more than its budget of 2 GiB (…)": what it
// would take and what makes it large.
std::string tooLargeMessage(const RunSetup& setup, std::size_t n, std::size_t needed,
                            std::size_t budget) {
    return "this simulation needs about " + byteText(needed) +
           " of memory, more than its budget of " + byteText(budget) + " (" +
           formatAs(static_cast<double>(n), "#,##0") + " paths of " +
           formatAs(static_cast<double>(setup.order.size()), "#,##0") + " series over " +
           std::to_string(setup.years()) + " years" +
           (setup.keptOutputs.empty() ? std::string() : ", every path kept for a histogram") +
           "): lower the paths, the years or the series simulated, or raise the memory budget";
}

}  // namespace

// ---------------------------------------------------------------------------------------------

SamplingPlan SamplingPlan::make(const Scenario& scenario) {
    SamplingPlan plan;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < scenario.assumptions.size(); ++i) {
        const auto& a = scenario.assumptions[i];
        if (!a.distribution) continue;
        try {
            plan.m_distributions.push_back(Distribution::of(a));
        } catch (const UncertaintyError& e) {
            throw UncertaintyError(a.id + ": " + e.what());
        }
        plan.m_uncertain.push_back(static_cast<int>(i));
        plan.m_streams.push_back(hashId(a.id));
    }
    if (scenario.uncertainty && !scenario.uncertainty->correlations.empty()) {
        // Copula members: every assumption named in a pair, in assumption order.
        std::set<std::string> named;
        for (const auto& p : scenario.uncertainty->correlations) {
            named.insert(p.a);
            named.insert(p.b);
        }
        for (const auto& id : named)
            if (!scenario.findAssumption(id))
                throw UncertaintyError("'" + id + "' in a correlation is not an assumption");
        for (std::size_t k = 0; k < plan.m_uncertain.size(); ++k) {
            const auto& id = scenario.assumptions[static_cast<std::size_t>(plan.m_uncertain[k])].id;
            if (named.count(id)) {
                plan.m_correlated.push_back(static_cast<int>(k));
                ids.push_back(id);
            }
        }
        for (const auto& id : named)
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                throw UncertaintyError("'" + id +
                                       "' has no distribution, so it cannot be correlated");
        plan.m_copula = Copula::make(ids, scenario.uncertainty->correlations);
    }
    for (std::size_t k = 0; k < plan.m_uncertain.size(); ++k)
        if (std::find(plan.m_correlated.begin(), plan.m_correlated.end(), static_cast<int>(k)) ==
            plan.m_correlated.end())
            plan.m_units.push_back({static_cast<int>(k)});
    if (plan.m_copula) plan.m_units.push_back(plan.m_correlated);
    return plan;
}

const Distribution* SamplingPlan::distributionOf(int assumptionIndex) const {
    const auto it = std::find(m_uncertain.begin(), m_uncertain.end(), assumptionIndex);
    return it == m_uncertain.end()
               ? nullptr
               : &m_distributions[static_cast<std::size_t>(it - m_uncertain.begin())];
}

void SamplingPlan::sample(std::uint64_t seed, Eigen::Index first, Eigen::Index n,
                          AssumptionValues& values) const {
    std::vector<double*> columns(m_uncertain.size());
    for (std::size_t k = 0; k < m_uncertain.size(); ++k) {
        Paths& out = values[static_cast<std::size_t>(m_uncertain[k])];
        out.resize(n);
        columns[k] = out.data();
    }
    for (std::size_t unit = 0; unit < m_units.size(); ++unit)
        sampleUnit(seed, first, n, unit, columns);
}

void SamplingPlan::sampleUnit(std::uint64_t seed, Eigen::Index first, Eigen::Index n,
                              std::size_t unit, std::span<double* const> columns) const {
    const auto block = static_cast<std::uint64_t>(first / kBlockPaths);
    // Uniforms: draws at offset > 0 in a block continue the block's stream from there.
    const Eigen::Index offset = first % kBlockPaths;
    const std::vector<int>& members = m_units[unit];
    Eigen::ArrayXXd u(n, static_cast<Eigen::Index>(members.size()));
    for (std::size_t c = 0; c < members.size(); ++c) {
        const auto k = static_cast<std::size_t>(members[c]);
        uniforms(streamKey(seed, block, m_streams[k]), static_cast<std::uint64_t>(offset),
                 std::span<double>(u.col(static_cast<Eigen::Index>(c)).data(),
                                   static_cast<std::size_t>(n)));
    }
    if (m_copula && unit + 1 == m_units.size()) {  // the copula's members, in its order
        Eigen::ArrayXXd z(u.rows(), u.cols());
        normalQuantiles(std::span<const double>(u.data(), static_cast<std::size_t>(u.size())),
                        std::span<double>(z.data(), static_cast<std::size_t>(z.size())));
        m_copula->toUniforms(z);
        u = z;
    }
    for (std::size_t c = 0; c < members.size(); ++c) {
        const auto k = static_cast<std::size_t>(members[c]);
        const auto col = u.col(static_cast<Eigen::Index>(c));
        m_distributions[k].quantiles(
            std::span<const double>(col.data(), static_cast<std::size_t>(n)),
            std::span<double>(columns[k], static_cast<std::size_t>(n)));
    }
}

// ---------------------------------------------------------------------------------------------

const OutputBands* MonteCarloResult::bands(OutputRef ref) const {
    for (const auto& b : outputs)
        if (b.ref == ref) return &b;
    return nullptr;
}

const Grid* MonteCarloResult::grid(OutputRef ref) const {
    for (const auto& [r, g] : kept)
        if (r == ref) return &g;
    return nullptr;
}

const CagrRange* MonteCarloResult::cagrRange(std::string_view series, int from, int to) const {
    for (const auto& c : cagr)
        if (c.series == series && c.from == from && c.to == to) return &c;
    return nullptr;
}

BandPercentiles cagrPercentiles(const Grid& grid, const YearRange& years, int from, int to) {
    if (std::string problem = cagrYearsProblem(years, from, to); !problem.empty())
        throw ModelError(problem);
    const auto start = grid.col(years.column(from));
    const auto end = grid.col(years.column(to));
    if ((start <= 0.0).any() || (end <= 0.0).any()) throw ModelError(cagrSignProblem(from, to));
    Paths ratio = end / start;
    const double span = to - from;
    return percentilesOfIncreasing(
        std::span<double>(ratio.data(), static_cast<std::size_t>(ratio.size())),
        [span](double r) { return cagrOfRatio(r, span); });
}

std::vector<int> seriesAffected(const Model& model, const std::map<std::string, double>& before,
                                const std::map<std::string, double>& after) {
    std::vector<char> affected(model.scenario().series.size(), 0);
    const auto touch = [&](const std::string& id) {
        const int a = model.assumptionIndex(id);
        if (a < 0) return;  // not the model's: nothing reads it
        for (const int s : model.dependentsOf(a)) affected[static_cast<std::size_t>(s)] = 1;
    };
    // Both maps are ordered by id: one merge walk finds every id whose value differs.
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            touch((b++)->first);
        } else if (b == before.end() || a->first < b->first) {
            touch((a++)->first);
        } else {
            // Bit for bit: a value that changed in its last digit changes the paths.
            if (std::memcmp(&b->second, &a->second, sizeof(double)) != 0) touch(a->first);
            ++a;
            ++b;
        }
    }
    std::vector<int> out;
    for (std::size_t s = 0; s < affected.size(); ++s)
        if (affected[s]) out.push_back(static_cast<int>(s));
    return out;
}

std::vector<int> seriesCharted(const Model& model) {
    std::vector<char> charted(model.scenario().series.size(), 0);
    const auto mark = [&](const std::string& ref) {
        if (const auto out = model.resolve(ref)) charted[static_cast<std::size_t>(out->series)] = 1;
    };
    for (const auto& chart : model.scenario().charts) {
        for (const auto& ref : chart.series) mark(ref);
        for (const auto& ref : chart.secondary) mark(ref);
        for (const auto& c : chart.cagr) mark(c.series);
    }
    std::vector<int> out;
    for (std::size_t s = 0; s < charted.size(); ++s)
        if (charted[s]) out.push_back(static_cast<int>(s));
    return out;
}

MonteCarloResult mergeRuns(MonteCarloResult whole, const MonteCarloResult& part) {
    // Both runs list their outputs in series, then output order: one walk.
    const auto before = [](OutputRef x, OutputRef y) {
        return x.series != y.series ? x.series < y.series : x.output < y.output;
    };
    auto w = whole.outputs.begin();
    for (const auto& b : part.outputs) {
        while (w != whole.outputs.end() && before(w->ref, b.ref)) ++w;
        if (w != whole.outputs.end() && w->ref == b.ref) *w = b;
    }
    for (const auto& c : part.cagr)
        for (auto& x : whole.cagr)
            if (x.series == c.series && x.from == c.from && x.to == c.to) x = c;
    for (const auto& [ref, grid] : part.kept)
        for (auto& [r, g] : whole.kept)
            if (r == ref) g = grid;
    whole.passes = part.passes;
    return whole;
}

MonteCarloResult runMonteCarlo(const Model& model, const MonteCarloOptions& options) {
    return runMonteCarlo(model, SamplingPlan::make(model.scenario()), options);
}

RunSetup prepareRun(const Model& model, const SamplingPlan& plan, const MonteCarloOptions& options,
                    MonteCarloResult& result) {
    const Scenario& scenario = model.scenario();
    const UncertaintySettings settings = scenario.uncertainty.value_or(UncertaintySettings{});
    result.paths = options.paths > 0 ? options.paths : settings.paths;
    result.seed = options.seed.value_or(settings.seed);
    result.years = model.years();
    RunSetup setup;
    setup.m_years = static_cast<std::size_t>(result.years.count());

    // Fixed assumptions: the scenario's values, overridden by options.values.
    if (!options.scenario.empty() && options.scenario != "base" &&
        !scenario.findScenario(options.scenario))
        throw ScenarioError("scenarios", "there is no scenario '" + options.scenario + "'");
    std::map<std::string, double> fixed = scenario.assumptionValues(options.scenario);
    for (const auto& [id, v] : options.values) fixed[id] = v;
    setup.base = model.assumptionValues(fixed);

    // The outputs of the series asked for, and the series they need.
    std::vector<int> asked = options.series;
    if (asked.empty())
        for (std::size_t s = 0; s < scenario.series.size(); ++s)
            asked.push_back(static_cast<int>(s));
    std::sort(asked.begin(), asked.end());
    asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
    setup.order = model.orderFor(asked);
    std::vector<char> evaluated(scenario.series.size(), 0);
    for (const int v : setup.order) evaluated[static_cast<std::size_t>(v)] = 1;
    setup.sampled.assign(plan.uncertain().size(), 0);
    for (std::size_t unit = plan.unitCount(); unit-- > 0;) {
        const auto& members = plan.unitMembers(unit);
        const bool read = std::any_of(members.begin(), members.end(), [&](int k) {
            const auto& readers = model.dependentsOf(plan.uncertain()[static_cast<std::size_t>(k)]);
            return std::any_of(readers.begin(), readers.end(),
                               [&](int s) { return evaluated[static_cast<std::size_t>(s)] != 0; });
        });
        if (!read) continue;
        setup.units.push_back(unit);
        for (const int k : members) setup.sampled[static_cast<std::size_t>(k)] = 1;
    }
    for (const int s : asked) {
        const std::size_t outputs =
            Model::outputCount(scenario.series[static_cast<std::size_t>(s)].kind);
        for (std::size_t o = 0; o < outputs; ++o) {
            setup.refs.push_back({s, static_cast<int>(o)});
            setup.firstColumn.push_back(model.firstValueColumn(s));
        }
    }
    const auto indexOf = [&](OutputRef ref) {
        return static_cast<std::size_t>(std::find(setup.refs.begin(), setup.refs.end(), ref) -
                                        setup.refs.begin());
    };
    result.outputs.resize(setup.refs.size());
    for (std::size_t k = 0; k < setup.refs.size(); ++k) {
        auto& b = result.outputs[k];
        b.ref = setup.refs[k];
        b.name = model.refName(setup.refs[k]);
        b.unit = model.unitOf(setup.refs[k]);
        for (auto* v : {&b.p10, &b.p25, &b.p50, &b.p75, &b.p90, &b.mean})
            v->assign(setup.years(), 0.0);
    }

    // Chart CAGR annotations of those outputs: a per-path rate column for each whose years are in
    // order and range.
    if (options.chartCagrs) {
        for (const auto& chart : scenario.charts)
            for (const auto& c : chart.cagr) {
                if (result.cagrRange(c.series, c.from, c.to)) continue;
                const auto ref = model.resolve(c.series);
                if (!ref || indexOf(*ref) == setup.refs.size()) continue;
                CagrRange range{c.series, c.from, c.to, {}, {}};
                range.problem = cagrYearsProblem(result.years, c.from, c.to);
                if (range.problem.empty() && !model.hasValue(*ref, c.from))
                    range.problem = "'" + c.series + "' has no value in " + std::to_string(c.from) +
                                    ", so there is no CAGR from it";
                if (range.problem.empty())
                    setup.rates.push_back({result.cagr.size(), indexOf(*ref),
                                           result.years.column(c.from), result.years.column(c.to),
                                           static_cast<double>(c.to - c.from)});
                result.cagr.push_back(std::move(range));
            }
    }

    // Kept raw paths (copied as they are computed): sized by runMonteCarlo once the run is known
    // to fit its memory budget.
    for (const auto& ref : options.keep) {
        const std::size_t k = indexOf(ref);
        if (k == setup.refs.size() || result.grid(ref)) continue;
        result.kept.emplace_back(ref, Grid());
        setup.keptOutputs.push_back(k);
    }
    return setup;
}

std::string byteText(std::size_t bytes) {
    const auto b = static_cast<double>(bytes);
    if (b >= 0x1p30) return num(b / 0x1p30, 3) + " GiB";
    if (b >= 0x1p20) return num(b / 0x1p20, 3) + " MiB";
    return num(b / 0x1p10, 3) + " KiB";
}

void explainRejectedPath(const Model& model, const SamplingPlan& plan, const RunSetup& setup,
                         const MonteCarloResult& result, std::size_t path,
                         const std::vector<double>& drawn) {
    const Scenario& scenario = model.scenario();
    AssumptionValues one = setup.base;
    std::string text;
    for (std::size_t k = 0; k < drawn.size(); ++k) {
        if (std::isnan(drawn[k])) continue;  // not sampled: the model does not read it here
        const auto a = static_cast<std::size_t>(plan.uncertain()[k]);
        one[a] = Paths::Constant(1, drawn[k]);
        text += (text.empty() ? "" : ", ") + scenario.assumptions[a].id + " = " + num(drawn[k]);
    }
    try {
        SeriesResults out;
        model.evaluateOnly(setup.order, one, 1, out);
    } catch (const ScenarioError& e) {
        throw UncertaintyError(
            "Monte Carlo path " + std::to_string(path + 1) + " of " + std::to_string(result.paths) +
            " (seed " + std::to_string(result.seed) + ") drew inputs the model cannot use (" +
            text + "): " + e.what() + "; narrow the ranges so every combination is valid");
    }
}

namespace {

// The run with every path kept: one pass, percentiles selected from the kept values.
void runStored(const Model& model, const SamplingPlan& plan, const MonteCarloOptions& options,
               const RunSetup& setup, MonteCarloResult& result, int threads);

}  // namespace

MonteCarloResult runMonteCarlo(const Model& model, const SamplingPlan& plan,
                               const MonteCarloOptions& options) {
    if (options.stop.stop_requested()) throw SimulationCancelled();
    MonteCarloResult result;
    const RunSetup setup = prepareRun(model, plan, options, result);
    const auto n = static_cast<std::size_t>(result.paths);
    const auto uncertain =
        static_cast<std::size_t>(std::count(setup.sampled.begin(), setup.sampled.end(), char{1}));
    const std::size_t values = n * (uncertain + setup.columns() + setup.rates.size());
    const int threads = threadCount(options.threads, n * (uncertain + setup.columns()));
    // Doubles, and the 2-byte position codes of every band column.
    const std::size_t storedBytes = values * sizeof(double) + n * setup.columns() * 2;
    const RunBytes stored = storedRunBytes(model, setup, n, threads, storedBytes);
    const RunBytes streamed = streamedRunBytes(model, setup, n, threads);
    const bool keep =
        storedBytes <= options.maxStoredBytes && stored.total() <= options.memoryBudget;
    const RunBytes& need = keep ? stored : streamed;
    if (need.total() > options.memoryBudget)
        throw SimulationTooLarge(tooLargeMessage(setup, n, need.total(), options.memoryBudget),
                                 need.total(), options.memoryBudget);
    for (auto& [ref, grid] : result.kept) grid.resize(result.paths, result.years.count());
    if (keep)
        runStored(model, plan, options, setup, result, threads);
    else
        runStreaming(model, plan, options, setup, result, threads,
                     options.memoryBudget - (need.total() - need.bands));
    return result;
}

namespace {

void runStored(const Model& model, const SamplingPlan& plan, const MonteCarloOptions& options,
               const RunSetup& setup, MonteCarloResult& result, int threads) {
    const Eigen::Index n = result.paths;
    const auto un = static_cast<std::size_t>(n);
    const std::size_t uyears = setup.years();
    const auto& refs = setup.refs;
    const auto& rates = setup.rates;
    const auto& keptOutputs = setup.keptOutputs;
    const AssumptionValues& base = setup.base;
    const auto missing = [&](std::size_t column) { return setup.missing(column); };

    // Working memory, column after column of n values: the sampled inputs (uncertain()
    // order), every (output, year) (refs order, then years), the CAGR ratios (end / start); then
    // the position codes of every (output, year) (BandAccumulator).
    // Only the inputs the evaluated series read are sampled, each in its slot.
    const std::size_t inputCount = plan.uncertain().size();
    std::vector<std::size_t> slot(inputCount, 0);
    std::vector<std::size_t> drawn;  // the sampled inputs (positions in uncertain())
    for (std::size_t k = 0; k < inputCount; ++k)
        if (setup.sampled[k]) {
            slot[k] = drawn.size();
            drawn.push_back(k);
        }
    const std::size_t uncertain = drawn.size();
    const std::size_t bandColumns = setup.columns();
    const std::size_t codeDoubles = (bandColumns * un * sizeof(std::uint16_t) + 7) / 8;
    const RunMemory memory((uncertain + bandColumns + rates.size()) * un + codeDoubles);
    double* const sampled = memory.data();
    double* const raw = sampled + uncertain * un;
    double* const rateData = raw + bandColumns * un;
    auto* const codes = reinterpret_cast<std::uint16_t*>(rateData + rates.size() * un);
    Phases phases;
    // 1. Sampling, by (block, unit): each task draws its own columns of one block. Block 0 goes
    // first: the pilot (below) needs its first paths; the other blocks are drawn beside the pilot.
    const auto blocks = static_cast<std::size_t>((n + kBlockPaths - 1) / kBlockPaths);
    const std::size_t units = setup.units.size();
    const auto sampleTask = [&](std::size_t task) {
        const Eigen::Index first = static_cast<Eigen::Index>(task / units) * kBlockPaths;
        const Eigen::Index m = std::min(kBlockPaths, n - first);
        std::vector<double*> columns(inputCount, nullptr);  // the unit's members are written
        for (const std::size_t k : drawn)
            columns[k] = sampled + slot[k] * un + static_cast<std::size_t>(first);
        // Units in reverse: the copula's (the costliest, when there is one) starts first, so
        // the threads finish together.
        plan.sampleUnit(result.seed, first, m, setup.units[task % units], columns);
    };
    phases.add(std::min<std::size_t>(blocks, 1) * units,
               [&](std::size_t task, int) { sampleTask(task); });

    // 2. Evaluation, by chunk of paths: each task writes its own rows of every column, and counts
    // them into the column's histogram, whose range a pilot has set.
    const auto chunks = static_cast<std::size_t>((n + kChunkPaths - 1) / kChunkPaths);
    BandAccumulator bands(bandColumns, chunks, threads);
    std::vector<AssumptionValues> inputs(static_cast<std::size_t>(threads), base);
    std::vector<SeriesResults> outputs(static_cast<std::size_t>(threads));
    std::vector<unsigned char> nonPositive(rates.size() * chunks, 0);
    const auto gridOf = [&](const SeriesResults& out, std::size_t k) -> const Grid& {
        return setup.gridOf(out, k);
    };
    std::atomic<std::size_t> chunksDone{0};
    const auto evaluateTask = [&](std::size_t task, int worker) -> const SeriesResults& {
        const Eigen::Index r0 = static_cast<Eigen::Index>(task) * kChunkPaths;
        const Eigen::Index rows = std::min(kChunkPaths, n - r0);
        const auto ur0 = static_cast<std::size_t>(r0);
        AssumptionValues& chunk = inputs[static_cast<std::size_t>(worker)];
        for (const std::size_t k : drawn)
            chunk[static_cast<std::size_t>(plan.uncertain()[k])] =
                Eigen::Map<const Paths>(sampled + slot[k] * un + ur0, rows);
        // Kept per thread: each chunk is evaluated into the last one's grids (no allocation, no
        // page faults from the heap shrinking and growing back).
        SeriesResults& out = outputs[static_cast<std::size_t>(worker)];
        evaluateChunk(model, plan, setup, result, chunk, r0, rows, out,
                      [&](std::size_t k, Eigen::Index r) {
                          return sampled[slot[k] * un + ur0 + static_cast<std::size_t>(r)];
                      });
        return out;
    };
    const auto storeChunk = [&](std::size_t task, int worker, const SeriesResults& out) {
        const Eigen::Index r0 = static_cast<Eigen::Index>(task) * kChunkPaths;
        const Eigen::Index rows = std::min(kChunkPaths, n - r0);
        const auto ur0 = static_cast<std::size_t>(r0);
        const auto urows = static_cast<std::size_t>(rows);
        for (std::size_t k = 0; k < refs.size(); ++k) {
            const Grid& g = gridOf(out, k);
            for (std::size_t c = 0; c < uyears; ++c) {
                const std::size_t column = k * uyears + c;
                if (missing(column)) continue;
                bands.add(worker, task, column, g.col(static_cast<Eigen::Index>(c)).data(), urows,
                          raw + column * un + ur0, codes + column * un + ur0);
            }
        }
        BandAccumulator::storeFence();  // the percentile phase reads these from other threads
        for (std::size_t i = 0; i < keptOutputs.size(); ++i)
            result.kept[i].second.middleRows(r0, rows) = gridOf(out, keptOutputs[i]);
        for (std::size_t i = 0; i < rates.size(); ++i) {
            const Grid& g = gridOf(out, rates[i].output);
            const auto start = g.col(rates[i].from);
            const auto end = g.col(rates[i].to);
            if ((start <= 0.0).any() || (end <= 0.0).any()) {
                nonPositive[i * chunks + task] = 1;
                continue;
            }
            Eigen::Map<Paths>(rateData + i * un + ur0, rows) = end / start;
        }
    };
    // The pilot: the first kPilotPaths paths evaluated on their own set every column's code
    // range, while the other blocks are sampled. If the model rejects one of them every column gets
    // one code (exact, only slower) and chunk 0 reports the path.
    phases.add(1 + (blocks - std::min<std::size_t>(blocks, 1)) * units, [&](std::size_t task, int) {
        if (task > 0) {
            sampleTask(units + task - 1);
            return;
        }
        const Eigen::Index rows = std::min(kPilotPaths, n);
        AssumptionValues pilot = base;
        for (const std::size_t k : drawn)
            pilot[static_cast<std::size_t>(plan.uncertain()[k])] =
                Eigen::Map<const Paths>(sampled + slot[k] * un, rows);
        SeriesResults out;
        try {
            model.evaluateOnly(setup.order, pilot, rows, out);
        } catch (const ScenarioError&) {
            for (std::size_t column = 0; column < bandColumns; ++column) bands.setRange(column, {});
            return;
        }
        for (std::size_t k = 0; k < refs.size(); ++k) {
            const Grid& g = gridOf(out, k);
            for (std::size_t c = 0; c < uyears; ++c)
                if (!missing(k * uyears + c))
                    bands.setRange(k * uyears + c, std::span<const double>(
                                                       g.col(static_cast<Eigen::Index>(c)).data(),
                                                       static_cast<std::size_t>(g.rows())));
        }
    });
    phases.add(chunks, [&](std::size_t task, int worker) {
        storeChunk(task, worker, evaluateTask(task, worker));
        if (options.progress)
            options.progress(static_cast<double>(chunksDone.fetch_add(1) + 1) /
                             static_cast<double>(chunks));
    });

    // 3. Percentiles: each (output, year) column from its histogram, and each CAGR rate column.
    phases.add(bandColumns + rates.size(), [&](std::size_t task, int) {
        if (task >= bandColumns) {
            const std::size_t i = task - bandColumns;
            CagrRange& range = result.cagr[rates[i].range];
            const auto flags = nonPositive.begin() + static_cast<std::ptrdiff_t>(i * chunks);
            if (std::find(flags, flags + static_cast<std::ptrdiff_t>(chunks), 1) !=
                flags + static_cast<std::ptrdiff_t>(chunks))
                range.problem = cagrSignProblem(range.from, range.to);
            else
                range.cagr = percentilesOfIncreasing(
                    std::span<double>(rateData + i * un, un),
                    [years = rates[i].years](double r) { return cagrOfRatio(r, years); });
            return;
        }
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Percentiles p =
            missing(task) ? Percentiles{nan, nan, nan, nan, nan, nan}
                          : bands.finish(task, std::span<double>(raw + task * un, un),
                                         std::span<const std::uint16_t>(codes + task * un, un));
        auto& b = result.outputs[task / uyears];
        const std::size_t i = task % uyears;
        b.p10[i] = p.p10;
        b.p25[i] = p.p25;
        b.p50[i] = p.p50;
        b.p75[i] = p.p75;
        b.p90[i] = p.p90;
        b.mean[i] = p.mean;
    });

    phases.run(threads, options.stop);
}

}  // namespace

}  // namespace jevons::core
