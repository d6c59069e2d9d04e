#pragma once
// Working memory of a Monte Carlo run: one buffer of doubles, not initialised.
//
// A fresh allocation costs a page fault and the kernel clearing the page on the first touch of
// every 4 KiB, more than writing it: ~70 ms of CPU for the ~160 MB of a 100,000-path run of the
// default forecast. Re-running the same simulation is the common case (the dashboard re-runs it
// on every edit; a benchmark repeats it), so the last buffer (up to kKeptBytes) is kept for the
// next run and only the first run of a size pays. A kept buffer that does not suit a run (too
// small, or more than four times larger) is freed before the run allocates, so a large run's
// memory goes back once runs are small again and a streamed run's passes (each its own buffer)
// do not hold the last pass's beside their own. Buffers above kHugeBytes are asked for in 2 MiB
// pages (Linux transparent huge pages on madvise): 512 times fewer faults. 4 MiB takes in the
// dashboard's first run (10,000 paths of the default forecast, ~16 MB, the only one that pays): its
// cold start fell from p50 321 ms to 282 ms (15 alternating runs of each, load 1.2); with at most
// one buffer kept, the padding to 2 MiB costs at most 2 MiB.
#include <cstddef>

namespace jevons::core {

/// @brief The most memory kept between runs.
inline constexpr std::size_t kKeptBytes = std::size_t{256} << 20;
/// @brief Buffers above this size are advised to use huge pages.
inline constexpr std::size_t kHugeBytes = std::size_t{4} << 20;

class RunMemory {
public:
    /// @brief At least `count` doubles (the kept buffer when it is large enough and not more
    /// than four times too large).
    explicit RunMemory(std::size_t count);
    /// @brief Hands the buffer back to be kept (in place of the kept one) when it is at most
    /// kKeptBytes, or frees it.
    ~RunMemory();
    RunMemory(const RunMemory&) = delete;
    RunMemory& operator=(const RunMemory&) = delete;

    [[nodiscard]] double* data() const { return m_data; }

private:
    double* m_data = nullptr;
    std::size_t m_bytes = 0;
};

}  // namespace jevons::core
