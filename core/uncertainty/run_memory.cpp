#include "core/uncertainty/run_memory.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <new>
#include <utility>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace jevons::core {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kAlignment = 64;  // a cache line

struct Kept {
    double* data = nullptr;
    std::size_t bytes = 0;
    ~Kept() { std::free(data); }
};

std::mutex& keptMutex() {
    static std::mutex m;
    return m;
}

Kept& kept() {
    static Kept k;
    return k;
}

}  // namespace

RunMemory::RunMemory(std::size_t count) {
    const std::size_t bytes = count * sizeof(double);
    double* stale = nullptr;
    {
        const std::lock_guard lock(keptMutex());
        Kept& k = kept();
        if (k.data && k.bytes >= bytes && k.bytes / 4 <= bytes) {
            m_data = std::exchange(k.data, nullptr);
            m_bytes = std::exchange(k.bytes, 0);
            return;
        }
        if (k.data) {  // too large or too small: it would only be replaced when this one ends
            stale = std::exchange(k.data, nullptr);
            k.bytes = 0;
        }
    }
    std::free(stale);
    const bool huge = bytes > kHugeBytes;
    const std::size_t alignment = huge ? kHugePage : kAlignment;
    m_bytes = std::max((bytes + alignment - 1) / alignment * alignment, alignment);
    m_data = static_cast<double*>(std::aligned_alloc(alignment, m_bytes));
    if (!m_data) throw std::bad_alloc();
#ifdef __linux__
    if (huge) (void)madvise(m_data, m_bytes, MADV_HUGEPAGE);  // a hint: ignored where unsupported
#endif
}

RunMemory::~RunMemory() {
    double* freed = m_data;
    if (m_bytes <= kKeptBytes) {
        const std::lock_guard lock(keptMutex());
        Kept& k = kept();
        freed = std::exchange(k.data, m_data);
        k.bytes = m_bytes;
    }
    std::free(freed);
}

}  // namespace jevons::core
