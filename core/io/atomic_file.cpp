#include "core/io/atomic_file.h"

#include "core/io/stale_temporaries.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace jevons::core {
namespace {

/// Closes a file descriptor when it goes out of scope.
class FileHandle {
public:
    explicit FileHandle(int fd) : m_fd(fd) {}
    FileHandle(FileHandle&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    ~FileHandle() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }
    /// Close now; returns 0 or the errno of a failed close (EINTR counts as closed, as on Linux).
    int close() {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result == 0 || errno == EINTR ? 0 : errno;
    }

private:
    int m_fd;
};

/// Writes every byte, retrying after EINTR and short writes; returns 0 or an errno value.
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

/// The file a write to `path` replaces: the target of a symbolic link (as QSaveFile does), else
/// `path` itself (also for a link whose target cannot be resolved: the link is then replaced).
std::string targetOf(const std::string& path) {
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return path;
    char resolved[PATH_MAX];
    return ::realpath(path.c_str(), resolved) != nullptr ? std::string(resolved) : path;
}

/// Creates "<target>.tmp-XXXXXX" (its name in `temp`), held by markTemporaryInFlight. Another
/// process cleaning up may take a temporary for debris in the moment between its creation and
/// the flock: it then holds the flock, or has already unlinked the file, and a new temporary is
/// made. On a file system without flock the temporary stays unmarked.
FileHandle createTemporary(const std::string& path, const std::string& target, std::string* temp) {
    for (int attempt = 1;; ++attempt) {
        *temp = target + ".tmp-XXXXXX";
        FileHandle file(::mkostemp(temp->data(), O_CLOEXEC));
        if (file.get() < 0) throw AtomicWriteError(path, errno, WriteStep::CreateTemporary);
        if (!markTemporaryInFlight(file.get())) {
            if (errno == EWOULDBLOCK && attempt < 100) continue;  // a cleaner holds it
            return file;
        }
        struct stat st {};
        if (::fstat(file.get(), &st) != 0 || st.st_nlink > 0 || attempt == 100) return file;
    }
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

const char* describe(WriteStep step) noexcept {
    switch (step) {
        case WriteStep::CheckPath:
            return "it is a folder, not a file";
        case WriteStep::CreateTemporary:
            return "creating a temporary file beside it";
        case WriteStep::SetMode:
            return "setting its permissions";
        case WriteStep::Write:
            return "writing";
        case WriteStep::Flush:
            return "flushing to disk";
        case WriteStep::Close:
            return "closing";
        case WriteStep::Rename:
            return "replacing the file";
    }
    return "writing";
}

AtomicWriteError::AtomicWriteError(std::string path, int error, WriteStep step)
    : std::runtime_error("cannot write " + path + ": " + std::strerror(error) + " (" +
                         describe(step) + ")"),
      m_path(std::move(path)),
      m_error(error),
      m_step(step) {}

std::string AtomicWriteError::reason() const {
    return std::string(std::strerror(m_error)) + " (" + describe(m_step) + ")";
}

void writeFileAtomically(const std::string& path, std::string_view bytes, const WriteFault& fault) {
    const std::string target = targetOf(path);
    struct stat existing {};
    const bool exists = ::stat(target.c_str(), &existing) == 0;
    if (exists && S_ISDIR(existing.st_mode))
        throw AtomicWriteError(path, EISDIR, WriteStep::CheckPath);

    (void)removeStaleTemporaries(target);  // left by writers that were killed mid-write
    std::string temp;
    FileHandle file = createTemporary(path, target, &temp);
    // In flight until the rename: the lock lives on in this dup after `file` is closed, so no
    // other writer takes the temporary for debris.
    const FileHandle inFlight(::dup(file.get()));
    const auto abandon = [&](int error, WriteStep step) {
        ::unlink(temp.c_str());
        return AtomicWriteError(path, error, step);
    };

    // A replaced file keeps its permissions; a new one is readable by everyone (mkstemp's 0600
    // would hide it from other users).
    const mode_t mode = exists && S_ISREG(existing.st_mode) ? existing.st_mode & 07777 : 0644;
    if (::fchmod(file.get(), mode) != 0) throw abandon(errno, WriteStep::SetMode);
    if (const int error = writeAll(file.get(), bytes, fault); error != 0)
        throw abandon(error, WriteStep::Write);
    if (::fsync(file.get()) != 0) throw abandon(errno, WriteStep::Flush);
    if (const int error = file.close(); error != 0) throw abandon(error, WriteStep::Close);
    if (::rename(temp.c_str(), target.c_str()) != 0) throw abandon(errno, WriteStep::Rename);

    // Make the rename itself durable. A failure here leaves the new file complete and in place,
    // so it is not reported: the old file is gone either way.
    const FileHandle directory(
        ::open(directoryOf(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() >= 0) (void)::fsync(directory.get());
}

}  // namespace jevons::core
