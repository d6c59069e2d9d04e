#pragma once
// The dashboard's side of core::writeFileAtomically (core/io/atomic_file.h), the one way Jevons
// writes a file: its error as a message in the interface language.
#include "core/io/atomic_file.h"

#include <QByteArray>
#include <QString>

namespace jevons::app {

/// @brief Why the write failed, translated: "No space left on device (writing)". The system's
/// reason (strerror) is as the system gives it; the step is in the interface language.
[[nodiscard]] QString writeFailureReason(const core::AtomicWriteError& error);

/// @brief core::writeFileAtomically(path, bytes). On failure returns false with "cannot write
/// PATH: REASON (STEP)" (translated) in `error`; the file at `path` is then untouched.
bool writeFile(const QString& path, const QByteArray& bytes, QString* error);

}  // namespace jevons::app
