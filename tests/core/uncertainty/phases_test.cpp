// Tests for core/uncertainty/phases.h: every task runs once, phases in order, errors
// deterministic whatever the number of threads.
#include "core/uncertainty/phases.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

namespace jevons::core {
namespace {

TEST(Phases, EveryTaskRunsOnceAndEachPhaseAfterThePreviousOne) {
    for (const int threads : {1, 2, 3}) {
        std::vector<std::atomic<int>> first(1000);
        std::vector<std::atomic<int>> second(37);
        std::atomic<int> firstDone{0};
        std::atomic<bool> early{false};
        Phases phases;
        phases.add(first.size(), [&](std::size_t i, int worker) {
            EXPECT_GE(worker, 0);
            EXPECT_LT(worker, threads);
            ++first[i];
            ++firstDone;
        });
        phases.add(second.size(), [&](std::size_t i, int) {
            if (firstDone != 1000) early = true;
            ++second[i];
        });
        phases.run(threads);
        for (const auto& c : first) EXPECT_EQ(c, 1) << threads;
        for (const auto& c : second) EXPECT_EQ(c, 1) << threads;
        EXPECT_FALSE(early) << threads;
    }
}

TEST(Phases, TheLowestFailingTaskIsRethrownAndLaterPhasesDoNotRun) {
    for (const int threads : {1, 2, 3}) {
        std::atomic<int> ran{0};
        std::atomic<int> later{0};
        Phases phases;
        phases.add(100, [&](std::size_t i, int) {
            ++ran;
            if (i == 71 || i == 12 || i == 90)
                throw std::runtime_error("task " + std::to_string(i));
        });
        phases.add(10, [&](std::size_t, int) { ++later; });
        try {
            phases.run(threads);
            FAIL() << "expected an error";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "task 12") << threads;
        }
        EXPECT_EQ(ran, 100) << threads;  // the failing phase completes
        EXPECT_EQ(later, 0) << threads;
    }
}

}  // namespace
}  // namespace jevons::core
