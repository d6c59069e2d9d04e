// The memory budget of a Monte Carlo run (issue 17, item 2): a run is estimated before it
// allocates and refused over its budget (SimulationTooLarge, saying what to lower); a streamed
// pass that would collect more than the budget is refused before it is sized; a run within its
// budget stays within it, measured as the process's peak resident memory (/proc/self/status
// VmHWM, reset through /proc/self/clear_refs).
#include "core/scenario/scenario_json.h"
#include "core/uncertainty/monte_carlo.h"
#include "core/uncertainty/streaming_bands.h"
#include "core/uncertainty/uncertainty_error.h"
#include "test_scenarios.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace jevons::core {
namespace {

// A line of /proc/self/status in bytes ("VmHWM", "VmRSS"), or -1.
long long statusBytes(const std::string& key) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(key + ":", 0) == 0) return std::stoll(line.substr(key.size() + 1)) * 1024;
    return -1;
}

// Resets the peak to the current resident size; false where the kernel cannot.
bool resetPeak() {
    std::ofstream("/proc/self/clear_refs") << "5";
    return statusBytes("VmHWM") <= statusBytes("VmRSS") + (1 << 20);
}

// The default forecast over 200 years (2023–2222): 12 series × 200 columns.
Model longDefaultForecast() {
    std::ifstream in(testing::forecast("default.json"));
    nlohmann::json doc = nlohmann::json::parse(in);
    doc["years"]["last"] = 2222;
    return Model::compile(parseScenario(doc.dump(), "default-200-years.json"));
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // shadow memory and quarantine inflate resident memory
#else
constexpr bool kSanitized = false;
#endif

TEST(MemoryBudget, ARunOverItsBudgetIsRefusedBeforeItAllocates) {
    const Model model = Model::compile(loadScenarioFile(testing::forecast("default.json")));
    MonteCarloOptions options;
    options.paths = 10000000;                        // the schema's most
    options.keep = {*model.resolve("asic_market")};  // a histogram: 10M × 13 years kept, 1 GB
    options.memoryBudget = std::size_t{256} << 20;
    ASSERT_TRUE(resetPeak() || kSanitized);
    const long long before = statusBytes("VmRSS");
    try {
        (void)runMonteCarlo(model, options);
        FAIL() << "a run needing over 1 GB ran within a 256 MiB budget";
    } catch (const SimulationTooLarge& e) {
        EXPECT_GT(e.needed, std::size_t{900} << 20);
        EXPECT_EQ(e.budget, std::size_t{256} << 20);
        const std::string message = e.what();
        EXPECT_NE(message.find("more than its budget of 256 MiB"), std::string::npos) << message;
        EXPECT_NE(message.find("10,000,000 paths of"), std::string::npos) << message;
        EXPECT_NE(message.find("every path kept for a histogram"), std::string::npos) << message;
        EXPECT_NE(message.find("lower the paths"), std::string::npos) << message;
    }
    if (!kSanitized) {
        EXPECT_LT(statusBytes("VmHWM") - before, 64ll << 20);
    }
    // Without the histogram the same 10M paths stream their bands, well within the budget.
    options.keep.clear();
    options.series = {model.resolve("asic_market")->series};
    options.paths = 200000;
    EXPECT_NO_THROW((void)runMonteCarlo(model, options));
}

TEST(MemoryBudget, ARunWithinItsBudgetStaysWithinIt) {
    const Model model = longDefaultForecast();
    MonteCarloOptions options;
    options.paths = 20000;
    options.threads = 2;
    // Kept, this run would take 20,000 × 2,415 columns × 10 bytes (~480 MB): over 192 MiB it
    // streams (its passes collect up to 4,096 values a column), and fits.
    options.memoryBudget = std::size_t{192} << 20;
    ASSERT_TRUE(resetPeak() || kSanitized);
    const long long before = statusBytes("VmRSS");
    const MonteCarloResult streamed = runMonteCarlo(model, options);
    const long long peak = statusBytes("VmHWM") - before;
    EXPECT_GE(streamed.passes, 2);
    if (!kSanitized) {
        EXPECT_LT(peak, 192ll << 20) << "peak " << peak / (1 << 20) << " MiB";
    }
    // The same run with room to keep its paths: the same percentiles.
    options.memoryBudget = kMemoryBudget;
    const MonteCarloResult kept = runMonteCarlo(model, options);
    ASSERT_EQ(kept.outputs.size(), streamed.outputs.size());
    for (std::size_t k = 0; k < kept.outputs.size(); ++k) {
        const auto& a = kept.outputs[k];
        const auto& b = streamed.outputs[k];
        for (std::size_t y = 0; y < a.p10.size(); ++y) {
            if (std::isnan(a.p10[y]) && std::isnan(b.p10[y])) continue;  // a year without value
            EXPECT_EQ(a.p10[y], b.p10[y]) << a.name << " column " << y;
            EXPECT_EQ(a.p50[y], b.p50[y]) << a.name << " column " << y;
            EXPECT_EQ(a.p90[y], b.p90[y]) << a.name << " column " << y;
        }
    }
    // And with too little for even the streamed run: refused, naming its size.
    options.memoryBudget = std::size_t{2} << 20;
    try {
        (void)runMonteCarlo(model, options);
        FAIL() << "refused expected";
    } catch (const SimulationTooLarge& e) {
        EXPECT_GT(e.needed, e.budget);
        EXPECT_NE(std::string(e.what()).find("20,000 paths of 12 series over 200 years"),
                  std::string::npos)
            << e.what();
    }
}

TEST(MemoryBudget, APassThatWouldCollectTooManyValuesIsRefusedBeforeItIsSized) {
    // 100,000 values crowded into the first key of a range a pilot stretched to 10^6: pass 2
    // counts that key's sub-keys, and pass 3 would have to collect almost every value (800 KB).
    const std::size_t n = 100000;
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> tiny(0.0, 1.0);
    std::vector<double> values(n);
    for (double& v : values) v = tiny(rng);
    values[0] = 1e6;
    const auto run = [&](std::size_t budget) {
        StreamingBands bands(1, n, 1, 1, budget, 1000);
        bands.setRange(0, std::span<const double>(values.data(), 256));
        for (int pass = 1; pass <= 3; ++pass) {
            bands.beginPass();
            if (!bands.anyActive()) break;
            bands.prepare(0);
            bands.add(0, 0, 0, values.data(), n);
            bands.endPass(0);
        }
        return bands.bands(0);
    };
    EXPECT_NO_THROW((void)run(std::size_t{4} << 20));
    try {
        (void)run(std::size_t{200} << 10);
        FAIL() << "a pass collecting ~800 KB ran within a 200 KiB budget";
    } catch (const SimulationTooLarge& e) {
        EXPECT_GT(e.needed, std::size_t{700} << 10);
        EXPECT_EQ(e.budget, (std::size_t{200} << 10) + 1000);
        EXPECT_NE(std::string(e.what()).find("for the paths near its percentiles"),
                  std::string::npos)
            << e.what();
    }
}

TEST(MemoryBudget, ByteText) {
    EXPECT_EQ(byteText(std::size_t{2} << 30), "2 GiB");
    EXPECT_EQ(byteText(std::size_t{640} << 20), "640 MiB");
    EXPECT_EQ(byteText(std::size_t{5} << 30 | std::size_t{512} << 20), "5.5 GiB");
}

}  // namespace
}  // namespace jevons::core
