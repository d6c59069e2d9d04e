#pragma once
// Replacing a file all at once: readers see the old file or the new one, never a part.
#include <functional>
#include <string>
#include <string_view>

namespace jevons::core::deck {

/// @brief Test hook: called with each chunk before it is written; returning an errno value
/// (non-zero) makes that write fail as if the system had refused it (ENOSPC: a full disk).
using WriteFault = std::function<int(std::string_view chunk)>;

/// @brief Write `bytes` to "<path>.tmp-XXXXXX" beside `path`, flush it to disk and rename it over
/// `path`. A new file gets mode 0644; a replaced file keeps its mode. On any failure the
/// temporary file is removed, an existing file at `path` is untouched, and DeckError says
/// "cannot write <path>: <reason>".
void writeFileAtomically(const std::string& path, std::string_view bytes,
                         const WriteFault& fault = {});

}  // namespace jevons::core::deck
