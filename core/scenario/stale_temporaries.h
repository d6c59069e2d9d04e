#pragma once
// Temporary files of atomic saves ("<path>.tmp-XXXXXX") left behind by a writer that was killed
// or lost power mid-save. A live writer holds an flock on its temporary file until the rename;
// the kernel drops it when the process dies, so a temporary file nobody holds is debris.
#include <string>

namespace jevons::core {

/// @brief Hold an exclusive flock on the open temporary file `fd` for as long as `fd` (or a
/// dup of it) stays open, marking it as in flight. Best effort: returns false if it failed.
bool markTemporaryInFlight(int fd) noexcept;

/// @brief Remove every "<path>.tmp-XXXXXX" beside `path` that no process holds (see
/// markTemporaryInFlight). Returns how many were removed; errors are ignored (best effort).
/// Race: a temporary created by another process but not yet marked can be taken for debris;
/// that process's save then fails cleanly (the target file is untouched).
int removeStaleTemporaries(const std::string& path) noexcept;

}  // namespace jevons::core
