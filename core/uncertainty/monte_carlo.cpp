#include "core/uncertainty/monte_carlo.h"

#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace jevons::core {
namespace {

// Rows evaluated per Model::evaluateAll call: small enough that a block's grids stay in cache.
constexpr Eigen::Index kChunkPaths = 256;

std::string num(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// FNV-1a: a stream per assumption id, so adding or reordering assumptions keeps each one's draws.
std::uint64_t hashId(const std::string& id) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : id) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t block, std::uint64_t id) {
    return splitmix64(splitmix64(splitmix64(seed) ^ block) ^ id);
}

// Uniform in (0, 1), never 0 or 1: 53 random bits, centred in their cell.
double uniform(std::mt19937_64& rng) {
    return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

int threadCount(int requested, std::size_t tasks) {
    int n = requested;
    if (n <= 0) n = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 2);
    return std::max(1, std::min<int>(n, static_cast<int>(tasks)));
}

// Run task(i) for i in [0, count) on `threads` threads (the caller's included). Exceptions are
// kept per task; the one of the lowest task index is rethrown, so errors are deterministic too.
template <typename Task>
void parallelFor(std::size_t count, int threads, const Task& task) {
    std::vector<std::exception_ptr> errors(count);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                task(i);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
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
    const auto block = static_cast<std::uint64_t>(first / kBlockPaths);
    // Uniforms: for draws at offset > 0 in a block, the stream is advanced (discard).
    const Eigen::Index offset = first % kBlockPaths;
    Eigen::ArrayXXd u(n, static_cast<Eigen::Index>(m_uncertain.size()));
    for (std::size_t k = 0; k < m_uncertain.size(); ++k) {
        std::mt19937_64 rng(streamSeed(seed, block, m_streams[k]));
        if (offset > 0) rng.discard(static_cast<unsigned long long>(offset));
        for (Eigen::Index r = 0; r < n; ++r) u(r, static_cast<Eigen::Index>(k)) = uniform(rng);
    }
    if (m_copula) {
        Eigen::ArrayXXd z(n, static_cast<Eigen::Index>(m_correlated.size()));
        for (std::size_t c = 0; c < m_correlated.size(); ++c)
            z.col(static_cast<Eigen::Index>(c)) =
                u.col(m_correlated[c]).unaryExpr([](double x) { return normalQuantile(x); });
        m_copula->toUniforms(z);
        for (std::size_t c = 0; c < m_correlated.size(); ++c)
            u.col(m_correlated[c]) = z.col(static_cast<Eigen::Index>(c));
    }
    for (std::size_t k = 0; k < m_uncertain.size(); ++k) {
        Paths& out = values[static_cast<std::size_t>(m_uncertain[k])];
        out.resize(n);
        const auto col = u.col(static_cast<Eigen::Index>(k));
        m_distributions[k].quantiles(
            std::span<const double>(col.data(), static_cast<std::size_t>(n)),
            std::span<double>(out.data(), static_cast<std::size_t>(n)));
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

Percentiles cagrPercentiles(const Grid& grid, const YearRange& years, int from, int to) {
    if (!years.contains(from) || !years.contains(to) || from >= to)
        throw ModelError("a CAGR from " + std::to_string(from) + " to " + std::to_string(to) +
                         " needs two years in order within " + std::to_string(years.first) + "–" +
                         std::to_string(years.last));
    const auto start = grid.col(years.column(from));
    const auto end = grid.col(years.column(to));
    if ((start <= 0.0).any() || (end <= 0.0).any())
        throw ModelError("some paths are not positive in " + std::to_string(from) + " or " +
                         std::to_string(to) + ", so their CAGR is undefined");
    Eigen::ArrayXd rate = (end / start).pow(1.0 / (to - from)) - 1.0;
    return percentilesInPlace(
        std::span<double>(rate.data(), static_cast<std::size_t>(rate.size())));
}

MonteCarloResult runMonteCarlo(const Model& model, const MonteCarloOptions& options) {
    return runMonteCarlo(model, SamplingPlan::make(model.scenario()), options);
}

MonteCarloResult runMonteCarlo(const Model& model, const SamplingPlan& plan,
                               const MonteCarloOptions& options) {
    const Scenario& scenario = model.scenario();
    const UncertaintySettings settings = scenario.uncertainty.value_or(UncertaintySettings{});
    MonteCarloResult result;
    result.paths = options.paths > 0 ? options.paths : settings.paths;
    result.seed = options.seed.value_or(settings.seed);
    result.years = model.years();
    const Eigen::Index n = result.paths;
    const Eigen::Index years = result.years.count();

    // Fixed assumptions: the scenario's values, overridden by options.values.
    if (!options.scenario.empty() && options.scenario != "base" &&
        !scenario.findScenario(options.scenario))
        throw ScenarioError("scenarios", "there is no scenario '" + options.scenario + "'");
    std::map<std::string, double> fixed = scenario.assumptionValues(options.scenario);
    for (const auto& [id, v] : options.values) fixed[id] = v;
    const AssumptionValues base = model.assumptionValues(fixed);

    // One raw Grid (paths × years) per series output.
    std::vector<OutputRef> refs;
    for (std::size_t s = 0; s < scenario.series.size(); ++s) {
        const auto names = Model::outputNames(scenario.series[s].kind);
        for (std::size_t o = 0; o < names.size(); ++o)
            refs.push_back({static_cast<int>(s), static_cast<int>(o)});
    }
    std::vector<Grid> raw(refs.size());
    for (auto& g : raw) g.resize(n, years);

    // Sample and evaluate, block by block (blocks in parallel: each writes its own rows).
    const auto blocks = static_cast<std::size_t>((n + kBlockPaths - 1) / kBlockPaths);
    parallelFor(blocks, threadCount(options.threads, blocks), [&](std::size_t b) {
        const Eigen::Index first = static_cast<Eigen::Index>(b) * kBlockPaths;
        const Eigen::Index m = std::min(kBlockPaths, n - first);
        AssumptionValues sampled = base;
        plan.sample(result.seed, first, m, sampled);
        AssumptionValues chunk = base;
        for (Eigen::Index r0 = 0; r0 < m; r0 += kChunkPaths) {
            const Eigen::Index rows = std::min(kChunkPaths, m - r0);
            for (const int a : plan.uncertain())
                chunk[static_cast<std::size_t>(a)] =
                    sampled[static_cast<std::size_t>(a)].segment(r0, rows);
            SeriesResults out;
            try {
                out = model.evaluateAll(chunk, rows);
            } catch (const ScenarioError&) {
                // Find the first path the model rejects and say which inputs it drew.
                for (Eigen::Index r = 0; r < rows; ++r) {
                    AssumptionValues one = base;
                    std::string drawn;
                    for (const int a : plan.uncertain()) {
                        const double v = sampled[static_cast<std::size_t>(a)](r0 + r);
                        one[static_cast<std::size_t>(a)] = Paths::Constant(1, v);
                        drawn += (drawn.empty() ? "" : ", ") +
                                 scenario.assumptions[static_cast<std::size_t>(a)].id + " = " +
                                 num(v);
                    }
                    try {
                        (void)model.evaluateAll(one, 1);
                    } catch (const ScenarioError& e) {
                        throw UncertaintyError(
                            "Monte Carlo path " + std::to_string(first + r0 + r + 1) + " of " +
                            std::to_string(n) + " (seed " + std::to_string(result.seed) +
                            ") drew inputs the model cannot use (" + drawn + "): " + e.what() +
                            "; narrow the ranges so every combination is valid");
                    }
                }
                throw;
            }
            for (std::size_t k = 0; k < refs.size(); ++k)
                raw[k].middleRows(first + r0, rows) = out[static_cast<std::size_t>(refs[k].series)]
                                                         [static_cast<std::size_t>(refs[k].output)];
        }
    });

    // Per-path CAGRs of the charts' annotations (before anything else touches the raw grids).
    if (options.chartCagrs) {
        for (const auto& chart : scenario.charts)
            for (const auto& c : chart.cagr) {
                if (result.cagrRange(c.series, c.from, c.to)) continue;
                CagrRange range{c.series, c.from, c.to, {}, {}};
                const auto ref = model.resolve(c.series);
                if (!ref) continue;
                const auto k = static_cast<std::size_t>(std::find(refs.begin(), refs.end(), *ref) -
                                                        refs.begin());
                try {
                    range.cagr = cagrPercentiles(raw[k], result.years, c.from, c.to);
                } catch (const ModelError& e) {
                    range.problem = e.what();
                }
                result.cagr.push_back(std::move(range));
            }
    }

    // Percentile bands, one (output, year) column per task, on a copy of the column.
    result.outputs.resize(refs.size());
    for (std::size_t k = 0; k < refs.size(); ++k) {
        auto& b = result.outputs[k];
        b.ref = refs[k];
        b.name = model.refName(refs[k]);
        b.unit = model.unitOf(refs[k]);
        for (auto* v : {&b.p10, &b.p25, &b.p50, &b.p75, &b.p90, &b.mean})
            v->assign(static_cast<std::size_t>(years), 0.0);
    }
    const auto columns = refs.size() * static_cast<std::size_t>(years);
    parallelFor(columns, threadCount(options.threads, columns / 8 + 1), [&](std::size_t task) {
        thread_local std::vector<double> scratch;
        const std::size_t k = task / static_cast<std::size_t>(years);
        const auto col = static_cast<Eigen::Index>(task % static_cast<std::size_t>(years));
        const auto c = raw[k].col(col);
        scratch.assign(c.data(), c.data() + n);
        const Percentiles p = percentilesInPlace(scratch);
        auto& b = result.outputs[k];
        const auto i = static_cast<std::size_t>(col);
        b.p10[i] = p.p10;
        b.p25[i] = p.p25;
        b.p50[i] = p.p50;
        b.p75[i] = p.p75;
        b.p90[i] = p.p90;
        b.mean[i] = p.mean;
    });

    for (const auto& ref : options.keep) {
        const auto it = std::find(refs.begin(), refs.end(), ref);
        if (it == refs.end() || result.grid(ref)) continue;
        result.kept.emplace_back(ref, std::move(raw[static_cast<std::size_t>(it - refs.begin())]));
    }
    return result;
}

}  // namespace jevons::core
