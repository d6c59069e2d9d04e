#include "core/deck/atomic_file.h"

#include "core/deck/deck_error.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace jevons::core::deck {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
    throw DeckError("cannot write " + path + ": " + std::strerror(error));
}

int writeAll(int fd, std::string_view bytes, const WriteFault& fault) {
    constexpr std::size_t kChunk = 1 << 16;
    while (!bytes.empty()) {
        const std::string_view chunk = bytes.substr(0, kChunk);
        if (fault)
            if (const int error = fault(chunk); error != 0) return error;
        const ssize_t n = ::write(fd, chunk.data(), chunk.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view bytes, const WriteFault& fault) {
    std::string temp = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, errno);

    struct stat existing {};
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644;
    int error = ::fchmod(fd, mode) == 0 ? 0 : errno;
    if (error == 0) error = writeAll(fd, bytes, fault);
    if (error == 0 && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temp.c_str());
        fail(path, error);
    }
}

}  // namespace jevons::core::deck
