#pragma once
// Phases of independent tasks run on a small team of threads, one phase after another: the
// threads are started once for all phases, which matters when a whole run takes a few
// milliseconds. A thread moves on when every task of the phase has finished, without waiting for
// threads that have not started (on a busy machine the caller may do all the work).
//
// Errors are deterministic whatever the number of threads: a task that throws is recorded, the
// phase still completes, no later phase runs, and run() rethrows the error of the phase's lowest
// failing task index.
//
// Cancellation: once a stop token is requested no further task starts (tasks already running
// finish), no later phase runs, and run() throws SimulationCancelled.
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <stop_token>
#include <vector>

namespace jevons::core {

class Phases {
public:
    /// @brief task(i, worker) for i in [0, count); worker in [0, threads) names the thread, for
    /// per-thread scratch. Tasks of one phase must not depend on each other.
    using Task = std::function<void(std::size_t task, int worker)>;

    /// @brief Append a phase (it starts once every task of the previous one has finished).
    void add(std::size_t count, Task task);
    /// @brief Run every phase on `threads` threads (the caller's included; at least 1). When
    /// `stop` is requested before the last task has started, the tasks not yet started are
    /// skipped and run() throws SimulationCancelled (before any task's error).
    void run(int threads, std::stop_token stop = {});

private:
    struct Phase {
        std::size_t count = 0;
        Task task;
        std::atomic<std::size_t> next{0};  // the next task to hand out
        std::atomic<std::size_t> done{0};  // tasks finished
        std::vector<std::exception_ptr> errors;
        std::atomic<bool> failed{false};
    };
    std::vector<std::unique_ptr<Phase>> m_phases;
};

}  // namespace jevons::core
