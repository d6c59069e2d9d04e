#include "core/uncertainty/phases.h"

#include "core/uncertainty/uncertainty_error.h"

#include <algorithm>
#include <system_error>
#include <thread>

namespace jevons::core {

void Phases::add(std::size_t count, Task task) {
    auto phase = std::make_unique<Phase>();
    phase->count = count;
    phase->task = std::move(task);
    phase->errors.resize(count);
    m_phases.push_back(std::move(phase));
}

void Phases::run(int threads, std::stop_token stop) {
    threads = std::max(threads, 1);
    std::atomic<bool> stopped{false};
    const auto work = [&](int worker) {
        for (const auto& phase : m_phases) {
            for (std::size_t i = phase->next++; i < phase->count; i = phase->next++) {
                // Checked before each task: a task is a block or chunk of paths, so a cancelled
                // run ends within one of them. Skipped tasks still count as done.
                if (stop.stop_requested()) {
                    stopped.store(true, std::memory_order_relaxed);
                } else {
                    try {
                        phase->task(i, worker);
                    } catch (...) {
                        phase->errors[i] = std::current_exception();
                        phase->failed = true;
                    }
                }
                if (++phase->done == phase->count) phase->done.notify_all();
            }
            // Wait for the phase's tasks still running elsewhere, not for the other threads: one
            // that has not been scheduled yet (a busy machine) finds no task left and catches up.
            // Then every thread sees every error of the phase, and all stop together.
            for (std::size_t d = phase->done; d < phase->count; d = phase->done)
                phase->done.wait(d);
            if (phase->failed || stopped.load(std::memory_order_relaxed)) return;
        }
    };
    std::vector<std::thread> team;
    team.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t) {
        try {
            team.emplace_back(work, t);
        } catch (const std::system_error&) {
            break;  // no thread to be had: the others do the work
        }
    }
    work(0);
    for (auto& t : team) t.join();
    if (stopped) throw SimulationCancelled();
    for (const auto& phase : m_phases)
        for (const auto& e : phase->errors)
            if (e) std::rethrow_exception(e);
}

}  // namespace jevons::core
