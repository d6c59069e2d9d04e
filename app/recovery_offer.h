#pragma once
// Offering, at start-up, the work of a session that crashed or was killed (see
// app/document/autosave.h for the recovery files).
#include "app/window_services.h"

#include <QString>

namespace jevons::app {

class Autosave;

enum class RecoveryMode {
    Ask,      ///< a message box per recovery file: Recover or Discard
    Recover,  ///< recover the newest without asking (tests: JEVONS_RECOVERY=recover)
    Discard,  ///< delete every orphaned recovery file
    Ignore,   ///< leave them for a later start (--screenshot)
};

/// @brief "recover", "discard", "ask" or "ignore" (case-insensitive); `fallback` otherwise.
[[nodiscard]] RecoveryMode recoveryModeFromName(const QString& name, RecoveryMode fallback);

/// @brief Looks for recovery files of ended sessions (newest first) and, per `mode`, recovers
/// one into the window's document (marked modified, with its original path) or discards them. Once
/// a document is recovered the remaining files stay for a later start. `autosave` (may be null)
/// writes the recovered document's new recovery file before the old one is deleted, so there
/// is no moment when the work exists only in memory. Returns true when a document was
/// recovered.
bool offerRecovery(const WindowServices& services, Autosave* autosave, RecoveryMode mode);

}  // namespace jevons::app
