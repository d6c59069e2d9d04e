// A simulation too large to keep its paths (kStoredRunBytes): the bands stream (StreamingBands).
// Each pass samples and evaluates every chunk of paths again, from the same seed, so it sees the
// same values; pass 1 also copies the kept grids. Passes 2 and 3 evaluate only the series that
// still have an unresolved column, and the series they read.
#include "core/uncertainty/phases.h"
#include "core/uncertainty/run_setup.h"
#include "core/uncertainty/streaming_bands.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>

namespace jevons::core {
namespace {}  // namespace

void runStreaming(const Model& model, const SamplingPlan& plan, const MonteCarloOptions& options,
                  const RunSetup& setup, MonteCarloResult& result, int threads,
                  std::size_t bandsBudget) {
    const Eigen::Index n = result.paths;
    const auto un = static_cast<std::size_t>(n);
    const std::size_t uyears = setup.years();
    const std::size_t bandColumns = setup.columns();
    const std::size_t columns = bandColumns + setup.rates.size();  // then one per CAGR rate
    const auto chunks = static_cast<std::size_t>((n + kChunkPaths - 1) / kChunkPaths);
    const std::size_t perGroup = (chunks + kStreamingGroups - 1) / kStreamingGroups;
    const std::size_t groups = streamingGroups(un);
    StreamingBands bands(columns, un, groups, threads, bandsBudget,
                         options.memoryBudget - std::min(options.memoryBudget, bandsBudget));

    struct Worker {
        AssumptionValues inputs;
        SeriesResults out;
        Paths ratio;
    };
    std::vector<Worker> workers(static_cast<std::size_t>(threads));
    for (Worker& w : workers) w.inputs = setup.base;
    // Per CAGR rate and group: some path not positive in the rate's years.
    std::vector<unsigned char> nonPositive(setup.rates.size() * groups, 0);
    std::vector<int> order = setup.order;  // this pass's series
    // Per series: its first output in setup.refs and how many it has there (refs are in series
    // order).
    std::vector<std::pair<std::size_t, std::size_t>> refsOf(model.scenario().series.size(), {0, 0});
    for (std::size_t k = setup.refs.size(); k-- > 0;) {
        auto& r = refsOf[static_cast<std::size_t>(setup.refs[k].series)];
        r = {k, r.second + 1};
    }
    // Progress: pass 1 is the first half of the run, the rest the second (two passes) or its
    // quarters (three).
    std::atomic<std::size_t> chunksDone{0};  // in this pass
    double passStart = 0.0;
    double passWidth = 0.5;

    int passes = 0;  // evaluated

    // Evaluates paths [r0, r0 + rows) on `w`'s inputs; a chunk the model rejects is explained
    // with the path's draws.
    const auto evaluate = [&](Worker& w, Eigen::Index r0, Eigen::Index rows,
                              const std::function<void(int)>& evaluated = {}) {
        try {
            model.evaluateOnly(order, w.inputs, rows, w.out, evaluated);
        } catch (const ScenarioError&) {
            evaluateChunk(model, plan, setup, result, w.inputs, r0, rows, w.out,
                          [&](std::size_t k, Eigen::Index r) {
                              return w.inputs[static_cast<std::size_t>(plan.uncertain()[k])](r);
                          });
        }
    };
    // The columns of the units the evaluated series read, in `inputs`, sized for `rows` paths.
    const auto inputColumns = [&](AssumptionValues& inputs, Eigen::Index rows) {
        std::vector<double*> columns(plan.uncertain().size(), nullptr);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            if (!setup.sampled[k]) continue;
            Paths& input = inputs[static_cast<std::size_t>(plan.uncertain()[k])];
            input.resize(rows);
            columns[k] = input.data();
        }
        return columns;
    };
    const auto sampleAndEvaluate = [&](Worker& w, Eigen::Index r0, Eigen::Index rows,
                                       const std::function<void(int)>& evaluated) {
        const std::vector<double*> columns = inputColumns(w.inputs, rows);
        for (const std::size_t unit : setup.units)
            plan.sampleUnit(result.seed, r0, rows, unit, columns);
        evaluate(w, r0, rows, evaluated);
    };
    // The end/start ratio of rate i on the worker's last chunk; 0 on a path not positive in its
    // years (then the rate has no range, and the value only keeps the counts whole).
    const auto ratioOf = [&](Worker& w, std::size_t i, Eigen::Index rows, std::size_t group) {
        const auto& rate = setup.rates[i];
        const Grid& g = setup.gridOf(w.out, rate.output);
        const auto start = g.col(rate.from);
        const auto end = g.col(rate.to);
        const bool positive = (start > 0.0).all() && (end > 0.0).all();
        if (!positive) nonPositive[i * groups + group] = 1;
        w.ratio.resize(rows);
        w.ratio = positive ? Paths(end / start) : Paths(Paths::Zero(rows));
        return w.ratio.data();
    };

    Phases phases;
    // The pilot: chunk 0 sets every column's key range. Its units are sampled in parallel first
    // (a unit's first draws also build its distribution's tables), then it is evaluated.
    const Eigen::Index pilotRows = std::min(kChunkPaths, n);
    AssumptionValues pilotInputs = setup.base;
    const std::vector<double*> pilotColumns = inputColumns(pilotInputs, pilotRows);
    phases.add(setup.units.size(), [&](std::size_t task, int) {
        plan.sampleUnit(result.seed, 0, pilotRows, setup.units[task], pilotColumns);
    });
    phases.add(1, [&](std::size_t, int worker) {
        Worker& w = workers[static_cast<std::size_t>(worker)];
        const Eigen::Index rows = pilotRows;
        w.inputs = std::move(pilotInputs);
        evaluate(w, 0, rows);
        for (std::size_t k = 0; k < setup.refs.size(); ++k) {
            const Grid& g = setup.gridOf(w.out, k);
            for (std::size_t c = 0; c < uyears; ++c)
                if (!setup.missing(k * uyears + c))
                    bands.setRange(k * uyears + c, std::span<const double>(
                                                       g.col(static_cast<Eigen::Index>(c)).data(),
                                                       static_cast<std::size_t>(rows)));
        }
        for (std::size_t i = 0; i < setup.rates.size(); ++i)
            bands.setRange(
                bandColumns + i,
                std::span<const double>(ratioOf(w, i, rows, 0), static_cast<std::size_t>(rows)));
        std::fill(nonPositive.begin(), nonPositive.end(), 0);
    });
    for (int pass = 1; pass <= 3; ++pass) {
        phases.add(1, [&, pass](std::size_t, int) {
            bands.beginPass();
            if (bands.anyActive()) passes = pass;
            chunksDone = 0;
            passStart = pass == 1 ? 0.0 : pass == 2 ? 0.5 : 0.75;
            passWidth = pass == 1 || bands.plannedPasses() == 2 ? 0.5 : 0.25;
            if (pass == 1 || !bands.anyActive()) return;
            // Only the series with a column still to resolve, and what they read.
            std::vector<int> wanted;
            for (std::size_t col = 0; col < bandColumns; ++col)
                if (bands.active(col)) wanted.push_back(setup.refs[col / uyears].series);
            for (std::size_t i = 0; i < setup.rates.size(); ++i)
                if (bands.active(bandColumns + i))
                    wanted.push_back(setup.refs[setup.rates[i].output].series);
            std::sort(wanted.begin(), wanted.end());
            wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
            order = model.orderFor(wanted);
        });
        phases.add(columns, [&](std::size_t column, int) { bands.prepare(column); });
        phases.add(groups, [&](std::size_t group, int worker) {
            if (!bands.anyActive()) return;
            Worker& w = workers[static_cast<std::size_t>(worker)];
            const std::size_t last = std::min(chunks, (group + 1) * perGroup);
            for (std::size_t chunk = group * perGroup; chunk < last; ++chunk) {
                const Eigen::Index r0 = static_cast<Eigen::Index>(chunk) * kChunkPaths;
                const Eigen::Index rows = std::min(kChunkPaths, n - r0);
                const auto urows = static_cast<std::size_t>(rows);
                // Each series' columns are added as soon as it is evaluated, from the cache.
                sampleAndEvaluate(w, r0, rows, [&](int series) {
                    const auto [firstRef, count] = refsOf[static_cast<std::size_t>(series)];
                    for (std::size_t k = firstRef; k < firstRef + count; ++k) {
                        const Grid& g = setup.gridOf(w.out, k);
                        for (std::size_t c = 0; c < uyears; ++c)
                            if (bands.active(k * uyears + c))
                                bands.add(worker, group, k * uyears + c,
                                          g.col(static_cast<Eigen::Index>(c)).data(), urows);
                    }
                });
                for (std::size_t i = 0; i < setup.rates.size(); ++i)
                    if (bands.active(bandColumns + i))
                        bands.add(worker, group, bandColumns + i, ratioOf(w, i, rows, group),
                                  urows);
                if (passes == 1)
                    for (std::size_t i = 0; i < setup.keptOutputs.size(); ++i)
                        result.kept[i].second.middleRows(r0, rows) =
                            setup.gridOf(w.out, setup.keptOutputs[i]);
                if (options.progress) {
                    const double done = static_cast<double>(chunksDone.fetch_add(1) + 1);
                    options.progress(passStart + passWidth * done / static_cast<double>(chunks));
                }
            }
        });
        phases.add(columns, [&](std::size_t column, int) {
            if (bands.active(column)) bands.endPass(column);
        });
    }

    // Percentiles from what the passes found.
    phases.add(columns, [&](std::size_t column, int) {
        if (column >= bandColumns) {
            const std::size_t i = column - bandColumns;
            CagrRange& range = result.cagr[setup.rates[i].range];
            const auto flags = nonPositive.begin() + static_cast<std::ptrdiff_t>(i * groups);
            if (std::find(flags, flags + static_cast<std::ptrdiff_t>(groups), 1) !=
                flags + static_cast<std::ptrdiff_t>(groups))
                range.problem = cagrSignProblem(range.from, range.to);
            else
                range.cagr = bands.bands(column, [years = setup.rates[i].years](double r) {
                    return cagrOfRatio(r, years);
                });
            return;
        }
        auto& b = result.outputs[column / uyears];
        const std::size_t y = column % uyears;
        if (setup.missing(column)) {
            const double nan = std::numeric_limits<double>::quiet_NaN();
            b.p10[y] = b.p25[y] = b.p50[y] = b.p75[y] = b.p90[y] = b.mean[y] = nan;
            return;
        }
        const BandPercentiles p = bands.bands(column);
        b.p10[y] = p.p10;
        b.p25[y] = p.p25;
        b.p50[y] = p.p50;
        b.p75[y] = p.p75;
        b.p90[y] = p.p90;
        b.mean[y] = bands.mean(column);
    });
    phases.run(threads, options.stop);
    result.passes = passes;
}

}  // namespace jevons::core
