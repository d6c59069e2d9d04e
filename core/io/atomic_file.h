#pragma once
// The one way Jevons writes a file (forecasts, recovery files, decks, pictures): readers see the
// old file or the new one, never a part, even when the writer is killed or the disk is full.
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace jevons::core {

/// @brief The step of an atomic write that failed.
enum class WriteStep {
    CheckPath,        ///< the path names a folder (EISDIR)
    CreateTemporary,  ///< creating "<path>.tmp-XXXXXX" beside it (a missing folder: ENOENT)
    SetMode,          ///< giving the temporary file the mode of the file it replaces
    Write,            ///< writing the bytes
    Flush,            ///< fsync of the temporary file
    Close,            ///< closing the temporary file
    Rename,           ///< renaming the temporary file over the path
};

/// @brief The step in words, for messages: "creating a temporary file beside it".
[[nodiscard]] const char* describe(WriteStep step) noexcept;

/// @brief An atomic write failed. The file at path() is as it was and no temporary is left.
/// what() reads "cannot write PATH: REASON (STEP)", e.g. "cannot write /d/f.json: No space left
/// on device (writing)"; callers turn it into their own error type.
class AtomicWriteError : public std::runtime_error {
public:
    AtomicWriteError(std::string path, int error, WriteStep step);
    /// @brief The path as the caller gave it.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    /// @brief The errno value of the failed step.
    [[nodiscard]] int error() const noexcept { return m_error; }
    [[nodiscard]] WriteStep step() const noexcept { return m_step; }
    /// @brief "REASON (STEP)": what() without "cannot write PATH: ".
    [[nodiscard]] std::string reason() const;

private:
    std::string m_path;
    int m_error;
    WriteStep m_step;
};

/// @brief Test hook: called with each chunk before it is written; returning an errno value
/// (non-zero) makes that write fail as if the system had refused it (ENOSPC: a full disk).
using WriteFault = std::function<int(std::string_view chunk)>;

/// @brief Replace the file at `path` by `bytes` atomically.
///
/// Removes the temporaries of dead writers beside `path` (removeStaleTemporaries), writes `bytes`
/// to a new "<path>.tmp-XXXXXX" held under an flock while in flight (markTemporaryInFlight),
/// gives it the mode of the file it replaces (0644 for a new file), fsyncs and closes it, renames
/// it over `path` and fsyncs the folder (a failure of that last fsync is ignored: the new file is
/// complete and in place). A symbolic link at `path` is followed: its target is replaced.
///
/// Throws AtomicWriteError when `path` is a folder or any step fails; then the temporary file is
/// removed and the file at `path` is untouched, byte for byte.
void writeFileAtomically(const std::string& path, std::string_view bytes,
                         const WriteFault& fault = {});

}  // namespace jevons::core
