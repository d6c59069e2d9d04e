#include "core/io/stale_temporaries.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string_view>

namespace jevons::core {
namespace {

constexpr std::string_view kMarker = ".tmp-";
constexpr std::size_t kRandomChars = 6;  // mkstemp's XXXXXX

/// Removes each regular file in `dir` whose name `matches` and that nobody holds an flock on.
template <typename Matches>
int removeUnheld(const std::string& dir, const Matches& matches) noexcept {
    try {
        const std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), ::closedir);
        if (!d) return 0;
        int removed = 0;
        while (const dirent* entry = ::readdir(d.get())) {
            const std::string name = entry->d_name;
            if (!matches(name)) continue;
            const std::string full = dir + "/" + name;
            const int fd = ::open(full.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
            if (fd < 0) continue;
            struct stat st {};
            if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(full.c_str()) == 0)
                ++removed;
            ::close(fd);
        }
        return removed;
    } catch (...) {
        return 0;  // out of memory building a name: leave the debris
    }
}

}  // namespace

bool markTemporaryInFlight(int fd) noexcept { return ::flock(fd, LOCK_EX | LOCK_NB) == 0; }

int removeStaleTemporaries(const std::string& path) noexcept {
    try {
        const auto slash = path.rfind('/');
        const std::string dir = slash == std::string::npos ? "."
                                : slash == 0               ? "/"
                                                           : path.substr(0, slash);
        const std::string prefix =
            (slash == std::string::npos ? path : path.substr(slash + 1)) + std::string(kMarker);
        // mkstemp's six characters exactly: nothing else that merely starts alike.
        return removeUnheld(dir, [&](const std::string& name) {
            return name.size() == prefix.size() + kRandomChars &&
                   name.compare(0, prefix.size(), prefix) == 0;
        });
    } catch (...) {
        return 0;
    }
}

int removeStaleTemporariesIn(const std::string& directory) noexcept {
    return removeUnheld(directory, [](const std::string& name) {
        return name.size() > kMarker.size() + kRandomChars &&
               name.compare(name.size() - kRandomChars - kMarker.size(), kMarker.size(), kMarker) ==
                   0;
    });
}

}  // namespace jevons::core
