// Tests for core/uncertainty/phases.h: every task runs once, phases in order, errors
// deterministic whatever the number of threads, a stop request skips the tasks not yet started.
#include "core/uncertainty/phases.h"

#include "core/uncertainty/uncertainty_error.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <stop_token>
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

TEST(Phases, AStopRequestSkipsTheTasksNotYetStartedAndThrowsCancelled) {
    for (const int threads : {1, 2, 3}) {
        std::stop_source source;
        std::atomic<int> ran{0};
        std::atomic<int> later{0};
        Phases phases;
        phases.add(1000, [&](std::size_t i, int) {
            ++ran;
            if (i == 10) source.request_stop();
        });
        phases.add(10, [&](std::size_t, int) { ++later; });
        EXPECT_THROW(phases.run(threads, source.get_token()), SimulationCancelled) << threads;
        // Task 10 and at most one task already taken by each other thread.
        if (threads == 1) {
            EXPECT_EQ(ran, 11);
        }
        EXPECT_GE(ran, 11) << threads;
        EXPECT_LE(ran, 10 + threads) << threads;
        EXPECT_EQ(later, 0) << threads;
    }
}

TEST(Phases, CancellationComesBeforeATaskError) {
    std::stop_source source;
    Phases phases;
    phases.add(100, [&](std::size_t i, int) {
        if (i == 3) throw std::runtime_error("task 3");
        if (i == 5) source.request_stop();
    });
    EXPECT_THROW(phases.run(1, source.get_token()), SimulationCancelled);
}

TEST(Phases, AStopAfterTheLastTaskStartedChangesNothing) {
    for (const int threads : {1, 2}) {
        std::stop_source source;
        std::atomic<int> ran{0};
        Phases phases;
        phases.add(50, [&](std::size_t, int) { ++ran; });
        phases.add(1, [&](std::size_t, int) {
            ++ran;
            source.request_stop();  // the run's last task: nothing is left to skip
        });
        EXPECT_NO_THROW(phases.run(threads, source.get_token())) << threads;
        EXPECT_EQ(ran, 51) << threads;
        // A token that is never requested: every task runs.
        std::stop_source idle;
        ran = 0;
        Phases again;
        again.add(50, [&](std::size_t, int) { ++ran; });
        again.run(threads, idle.get_token());
        EXPECT_EQ(ran, 50) << threads;
    }
}

}  // namespace
}  // namespace jevons::core
