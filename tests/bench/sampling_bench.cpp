// Sampling cost per draw (issue 5, speed): the inverse CDFs of core/uncertainty/distribution.h
// over a block of uniforms, the Gaussian copula's z → u, the PERT table's build, and the uniform
// stream itself for scale. Reports per_draw (CPU time per value). Target: <= 8 ns per PERT
// draw.
#include "core/uncertainty/correlation.h"
#include "core/uncertainty/distribution.h"
#include "core/uncertainty/uniform_stream.h"

#include <benchmark/benchmark.h>

#include <limits>
#include <random>
#include <vector>

namespace {

using namespace jevons::core;

constexpr std::size_t kDraws = 4096;  // one Monte Carlo block (kBlockPaths)
constexpr double kInf = std::numeric_limits<double>::infinity();

// The Monte Carlo's uniforms: 53 random bits centred in their cell, in (0, 1).
std::vector<double> uniforms(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> u(n);
    for (auto& x : u) x = (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
    return u;
}

void perDraw(benchmark::State& state, std::size_t draws) {
    // Seconds per draw, printed with an SI prefix ("4.4n" = 4.4 ns).
    state.counters["per_draw"] = benchmark::Counter(
        static_cast<double>(draws),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

Distribution pert(double min, double mode, double max) {
    DistributionSpec s;
    s.type = DistributionType::Pert;
    s.min = min;
    s.mode = mode;
    s.max = max;
    return Distribution::make(s, 0.0, kInf);
}

// A skewed PERT (α = 2.33) in batch, the way SamplingPlan draws a column.
void BM_PertQuantiles(benchmark::State& state) {
    const Distribution d = pert(0.2, 0.25, 0.35);
    const std::vector<double> u = uniforms(kDraws, 1);
    std::vector<double> out(kDraws);
    for (auto _ : state) {
        d.quantiles(u, out);
        benchmark::DoNotOptimize(out.data());
    }
    perDraw(state, kDraws);
}

// The same one at a time (the tornado, goal seek and tests call quantile()).
void BM_PertQuantileOneAtATime(benchmark::State& state) {
    const Distribution d = pert(0.2, 0.25, 0.35);
    const std::vector<double> u = uniforms(kDraws, 2);
    for (auto _ : state) {
        double sum = 0.0;
        for (const double x : u) sum += d.quantile(x);
        benchmark::DoNotOptimize(sum);
    }
    perDraw(state, kDraws);
}

void BM_NormalQuantiles(benchmark::State& state) {
    DistributionSpec s;
    s.type = DistributionType::Normal;
    s.mean = 0.3;
    s.sd = 0.05;
    const Distribution d = Distribution::make(s, 0.0, 1.0);  // truncated to a share's domain
    const std::vector<double> u = uniforms(kDraws, 3);
    std::vector<double> out(kDraws);
    for (auto _ : state) {
        d.quantiles(u, out);
        benchmark::DoNotOptimize(out.data());
    }
    perDraw(state, kDraws);
}

void BM_LognormalQuantiles(benchmark::State& state) {
    DistributionSpec s;
    s.type = DistributionType::Lognormal;
    s.p5 = 140;
    s.p95 = 200;
    const Distribution d = Distribution::make(s, 0.0, kInf);
    const std::vector<double> u = uniforms(kDraws, 4);
    std::vector<double> out(kDraws);
    for (auto _ : state) {
        d.quantiles(u, out);
        benchmark::DoNotOptimize(out.data());
    }
    perDraw(state, kDraws);
}

// The copula's z → u for two correlated assumptions (rank 0.5): correlate, then Φ per value.
void BM_CopulaToUniforms(benchmark::State& state) {
    const Copula copula = Copula::make({"a", "b"}, {{"a", "b", 0.5}});
    const std::vector<double> u = uniforms(2 * kDraws, 5);
    Eigen::ArrayXXd z0(static_cast<Eigen::Index>(kDraws), 2);
    for (Eigen::Index i = 0; i < z0.size(); ++i)
        z0.data()[i] = normalQuantile(u[static_cast<std::size_t>(i)]);
    Eigen::ArrayXXd z = z0;
    for (auto _ : state) {
        z = z0;
        copula.toUniforms(z);
        benchmark::DoNotOptimize(z.data());
    }
    perDraw(state, 2 * kDraws);
}

// Building a PERT's table (the app rebuilds a plan on every range edit). Target < ~2 ms.
void BM_PertBuild(benchmark::State& state) {
    double mode = 0.21;
    for (auto _ : state) {
        benchmark::DoNotOptimize(pert(0.2, mode, 0.35));
        mode = mode < 0.34 ? mode + 0.01 : 0.21;  // a different shape each time
    }
}

// For scale: the uniform stream alone (counter-based SplitMix64, uniform_stream.h), as
// SamplingPlan draws it.
void BM_UniformStream(benchmark::State& state) {
    std::vector<double> out(kDraws);
    for (auto _ : state) {
        jevons::core::uniforms(streamKey(6, 0, hashId("x")), 0, out);
        benchmark::DoNotOptimize(out.data());
    }
    perDraw(state, kDraws);
}

}  // namespace

BENCHMARK(BM_PertQuantiles);
BENCHMARK(BM_PertQuantileOneAtATime);
BENCHMARK(BM_NormalQuantiles);
BENCHMARK(BM_LognormalQuantiles);
BENCHMARK(BM_CopulaToUniforms);
BENCHMARK(BM_PertBuild)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_UniformStream);
BENCHMARK_MAIN();
