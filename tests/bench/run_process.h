#pragma once
// One process run for the whole-process benchmarks (cli_bench, dashboard_bench's cold start).
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace jevons::bench {

/// @brief Run `args` (args[0] a path) with stdout and stderr to /dev/null, in `env` ("NAME=value"
/// entries; null: this process's environment). Returns the exit status, or -1 if it did not exit;
/// `peakKiB`, when given, receives the process's peak resident memory (KiB).
inline int runProcess(std::vector<std::string> args, std::vector<std::string>* env = nullptr,
                      long* peakKiB = nullptr) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    if (env) {
        for (std::string& e : *env) envp.push_back(e.data());
        envp.push_back(nullptr);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned =
        posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env ? envp.data() : environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status)) return -1;
    if (peakKiB) *peakKiB = usage.ru_maxrss;
    return WEXITSTATUS(status);
}

}  // namespace jevons::bench
