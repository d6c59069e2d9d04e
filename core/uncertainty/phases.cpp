#include "core/uncertainty/phases.h"

#include <algorithm>
#include <barrier>
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

void Phases::run(int threads) {
    threads = std::max(threads, 1);
    std::barrier sync(threads);
    const auto work = [&](int worker) {
        for (const auto& phase : m_phases) {
            for (std::size_t i = phase->next++; i < phase->count; i = phase->next++) {
                try {
                    phase->task(i, worker);
                } catch (...) {
                    phase->errors[i] = std::current_exception();
                    phase->failed = true;
                }
            }
            // After the barrier every thread sees every error of the phase: all stop together.
            sync.arrive_and_wait();
            if (phase->failed) return;
        }
    };
    std::vector<std::thread> team;
    team.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t) {
        try {
            team.emplace_back(work, t);
        } catch (const std::system_error&) {
            // No thread to be had: the missing ones leave the barrier, the others do the work.
            for (; t < threads; ++t) (void)sync.arrive_and_drop();
        }
    }
    work(0);
    for (auto& t : team) t.join();
    for (const auto& phase : m_phases)
        for (const auto& e : phase->errors)
            if (e) std::rethrow_exception(e);
}

}  // namespace jevons::core
