#pragma once
// Killing a writer with SIGKILL at a random moment or inside a write, for the tests of
// core/io/atomic_file.h's users (tests/core/io/kill_writer_test.cpp, tests/app/save_kill_test.cpp).
// No test framework: the callers assert.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <thread>

namespace jevons::test {

/// @brief The names of the temporaries of atomic writes ("*.tmp-*") in `dir`.
inline std::set<std::string> temporariesIn(const std::filesystem::path& dir) {
    std::set<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (const std::string name = e.path().filename().string();
            name.find(".tmp-") != std::string::npos)
            out.insert(name);
    return out;
}

enum class KillAt {
    RandomMoment,  ///< after the delay, wherever the writer is
    InsideAWrite,  ///< after the delay, as soon as a new temporary appears (within 5 s)
};

struct Kill {
    bool bySignal = false;  ///< the writer died of the SIGKILL (it never ends on its own)
    bool midWrite = false;  ///< it left a temporary of its own: it died between creating the
                            ///< temporary and renaming it over the file, inside a write
};

/// @brief Forks a child that runs `loop` (writing into `dir`, never returning) and SIGKILLs it
/// after `delay`, at once or (InsideAWrite) once a temporary that was not in `dir` before the
/// fork appears.
inline Kill killWriter(const std::filesystem::path& dir, std::chrono::microseconds delay, KillAt at,
                       const std::function<void()>& loop) {
    const std::set<std::string> before = temporariesIn(dir);
    const auto appeared = [&] {
        for (const std::string& name : temporariesIn(dir))
            if (!before.count(name)) return true;
        return false;
    };
    const pid_t child = ::fork();
    if (child == 0) {
        try {
            loop();
        } catch (...) {
        }
        std::_Exit(3);  // the loop never ends on its own
    }
    if (child < 0) return {};
    std::this_thread::sleep_for(delay);
    if (at == KillAt::InsideAWrite) {
        const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!appeared() && std::chrono::steady_clock::now() < giveUp)
            std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    return {WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, appeared()};
}

}  // namespace jevons::test
