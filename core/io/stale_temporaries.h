#pragma once
// Temporary files of atomic writes ("<path>.tmp-XXXXXX", core/io/atomic_file.h) left behind by a
// writer that was killed or lost power mid-write. A live writer holds an flock on its temporary
// file until the rename; the kernel drops it when the process dies, so a temporary file nobody
// holds is debris.
#include <string>

namespace jevons::core {

/// @brief Hold an exclusive flock on the open temporary file `fd` for as long as `fd` (or a
/// dup of it) stays open, marking it as in flight. Returns false if it failed: another process
/// holds it (it is being removed as debris), or the file system has no flock.
bool markTemporaryInFlight(int fd) noexcept;

/// @brief Remove every "<path>.tmp-XXXXXX" beside `path` that no process holds (see
/// markTemporaryInFlight). Returns how many were removed; errors are ignored (best effort).
int removeStaleTemporaries(const std::string& path) noexcept;

/// @brief Remove every "*.tmp-XXXXXX" in `directory` that no process holds: for a folder whose
/// file names change from writer to writer (the recovery files are named after the process).
/// Returns how many were removed; errors are ignored (best effort).
int removeStaleTemporariesIn(const std::string& directory) noexcept;

}  // namespace jevons::core
