#include "core/bridge/bridge.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <random>

namespace jevons::core {
namespace {

/// The output in `column` on every path of `values`; BridgeError when a mix cannot be
/// evaluated (the model throws) or gives no finite value.
Eigen::ArrayXd evaluatePaths(const Model& model, const AssumptionValues& values, Eigen::Index rows,
                             OutputRef ref, int year) {
    SeriesResults results;
    try {
        results = model.evaluateAll(values, rows);
    } catch (const ScenarioError& e) {
        throw BridgeError("a mix of the two scenarios' values cannot be evaluated: " +
                          std::string(e.what()));
    }
    const Grid& grid =
        results[static_cast<std::size_t>(ref.series)][static_cast<std::size_t>(ref.output)];
    Eigen::ArrayXd out = grid.col(model.years().column(year));
    if (!out.allFinite())
        throw BridgeError("a mix of the two scenarios' values gives " + model.refName(ref) +
                          " no value in " + std::to_string(year));
    return out;
}

/// A step smaller than rounding noise of the totals (an assumption that does not reach the
/// output, whose marginals cancel to ±1e-15) is exactly zero.
void snapNoise(Bridge& bridge) {
    const double scale = std::max({std::abs(bridge.fromValue), std::abs(bridge.toValue), 1e-300});
    for (BridgeStep& s : bridge.steps)
        if (std::abs(s.delta) <= 1e-12 * scale) s.delta = 0.0;
}

/// Shapley values from every subset: v[m] is the output with the assumptions of mask m changed.
std::vector<double> exactShapley(const Eigen::ArrayXd& v, int n) {
    // w(s) = s! (n-s-1)! / n! = 1 / (n * C(n-1, s)): the share of orders in which a given
    // assumption comes right after the s others of a subset.
    std::vector<double> weight(static_cast<std::size_t>(n));
    double choose = 1.0;  // C(n-1, s)
    for (int s = 0; s < n; ++s) {
        weight[static_cast<std::size_t>(s)] = 1.0 / (n * choose);
        choose = choose * (n - 1 - s) / (s + 1);
    }
    std::vector<double> phi(static_cast<std::size_t>(n), 0.0);
    const unsigned subsets = 1U << n;
    for (unsigned m = 0; m < subsets; ++m)
        for (int i = 0; i < n; ++i) {
            const unsigned bit = 1U << i;
            if (m & bit) continue;
            phi[static_cast<std::size_t>(i)] +=
                weight[static_cast<std::size_t>(std::popcount(m))] * (v[m | bit] - v[m]);
        }
    return phi;
}

}  // namespace

Bridge computeBridge(const Model& model, const std::map<std::string, double>& from,
                     const std::map<std::string, double>& to, OutputRef ref, int year,
                     const BridgeOptions& options) {
    const Scenario& file = model.scenario();
    if (!model.years().contains(year))
        throw BridgeError(std::to_string(year) + " is outside the forecast's years (" +
                          std::to_string(model.years().first) + "–" +
                          std::to_string(model.years().last) + ")");
    if (!model.hasValue(ref, year))
        throw BridgeError(model.refName(ref) + " has no value in " + std::to_string(year));
    const AssumptionValues base = model.assumptionValues(from);
    const AssumptionValues target = model.assumptionValues(to);

    Bridge bridge;
    bridge.output = ref;
    bridge.year = year;
    std::vector<int> changed;  // assumption indices, file order
    for (std::size_t i = 0; i < file.assumptions.size(); ++i)
        if (base[i][0] != target[i][0]) {
            changed.push_back(static_cast<int>(i));
            bridge.steps.push_back({file.assumptions[i].id, base[i][0], target[i][0], 0.0});
        }
    const int n = static_cast<int>(changed.size());

    if (n == 0) {
        const Eigen::ArrayXd v = evaluatePaths(model, base, 1, ref, year);
        bridge.fromValue = bridge.toValue = v[0];
        bridge.evaluations = 1;
        return bridge;
    }
    AssumptionValues values = base;
    if (n <= options.maxExact) {
        // Row m: the assumptions of bit set m take their `to` value.
        const Eigen::Index rows = Eigen::Index{1} << n;
        for (int i = 0; i < n; ++i) {
            const auto a = static_cast<std::size_t>(changed[static_cast<std::size_t>(i)]);
            Paths p(rows);
            for (Eigen::Index m = 0; m < rows; ++m) p[m] = (m >> i) & 1 ? target[a][0] : base[a][0];
            values[a] = std::move(p);
        }
        const Eigen::ArrayXd v = evaluatePaths(model, values, rows, ref, year);
        const std::vector<double> phi = exactShapley(v, n);
        for (int i = 0; i < n; ++i)
            bridge.steps[static_cast<std::size_t>(i)].delta = phi[static_cast<std::size_t>(i)];
        bridge.fromValue = v[0];
        bridge.toValue = v[rows - 1];
        bridge.evaluations = rows;
        snapNoise(bridge);
        return bridge;
    }

    // Sampled orders, each followed by its reverse (antithetic: it halves the error of a
    // nearly additive model). Order o, row j: the first j assumptions of the order changed.
    const int orders = 2 * std::max(1, options.samples);
    const Eigen::Index perOrder = n + 1;
    const Eigen::Index rows = orders * perOrder;
    std::vector<std::vector<int>> position(static_cast<std::size_t>(orders));
    std::mt19937_64 random(options.seed);
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int o = 0; o < orders; o += 2) {
        std::iota(order.begin(), order.end(), 0);
        for (int i = n - 1; i > 0; --i)  // Fisher–Yates, the same on every platform
            std::swap(order[static_cast<std::size_t>(i)],
                      order[static_cast<std::size_t>(random() % static_cast<unsigned>(i + 1))]);
        auto& forward = position[static_cast<std::size_t>(o)];
        auto& backward = position[static_cast<std::size_t>(o + 1)];
        forward.resize(static_cast<std::size_t>(n));
        backward.resize(static_cast<std::size_t>(n));
        for (int j = 0; j < n; ++j) {
            forward[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])] = j;
            backward[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])] = n - 1 - j;
        }
    }
    for (int i = 0; i < n; ++i) {
        const auto a = static_cast<std::size_t>(changed[static_cast<std::size_t>(i)]);
        Paths p(rows);
        for (int o = 0; o < orders; ++o) {
            const int at = position[static_cast<std::size_t>(o)][static_cast<std::size_t>(i)];
            for (Eigen::Index j = 0; j < perOrder; ++j)
                p[o * perOrder + j] = at < j ? target[a][0] : base[a][0];
        }
        values[a] = std::move(p);
    }
    const Eigen::ArrayXd v = evaluatePaths(model, values, rows, ref, year);
    for (int i = 0; i < n; ++i) {
        double sum = 0.0;
        for (int o = 0; o < orders; ++o) {
            const Eigen::Index row =
                o * perOrder + position[static_cast<std::size_t>(o)][static_cast<std::size_t>(i)];
            sum += v[row + 1] - v[row];
        }
        bridge.steps[static_cast<std::size_t>(i)].delta = sum / orders;
    }
    bridge.fromValue = v[0];
    bridge.toValue = v[perOrder - 1];
    bridge.exact = false;
    bridge.evaluations = rows;
    snapNoise(bridge);
    return bridge;
}

Bridge computeBridge(const Model& model, std::string_view fromScenario, std::string_view toScenario,
                     std::string_view output, int year, const BridgeOptions& options) {
    const Scenario& file = model.scenario();
    for (const std::string_view id : {fromScenario, toScenario})
        if (id != "base" && !file.findScenario(id)) {
            std::string known;
            for (const auto& s : file.scenarios) known += (known.empty() ? "" : ", ") + s.id;
            throw BridgeError("there is no scenario '" + std::string(id) +
                              "'; the forecast has: " + known);
        }
    const auto ref = model.resolve(output);
    if (!ref) throw BridgeError("'" + std::string(output) + "' is not a series output");
    return computeBridge(model, file.assumptionValues(fromScenario),
                         file.assumptionValues(toScenario), *ref, year, options);
}

}  // namespace jevons::core
