#pragma once
// Autosave and crash recovery. A few seconds after an edit, the unsaved document goes to a
// recovery file under QStandardPaths::AppDataLocation/recovery/ ("<hash of path>-<pid>.json"),
// written atomically (core::writeFileAtomically). A lock file beside it ("….lock", QLockFile) is
// held while the process lives, so a later start can tell a crashed session's file from a running
// one's. The recovery file is removed on a clean save, on undo back to the saved state, on opening
// another file and on a clean exit; only a crash or a kill leaves it behind.
//
// Recovery file (JSON): {"jevons_recovery": 1, "original_path": "...", "active_scenario":
// "base", "pid": 1234, "saved_at": "2025-02-01T10:00:00Z", "scenario": "<the forecast file's
// text, as File > Save would write it>"}.
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QLockFile;

namespace jevons::app {

class Document;

/// @brief The recovery directory: <AppDataLocation>/recovery.
[[nodiscard]] QString recoveryDirectory();

/// @brief A recovery file left by a session that is no longer running.
struct OrphanedRecovery {
    QString recoveryPath;  ///< the .json file
    QString originalPath;  ///< the forecast file it was edited from ("" = never saved)
    QString activeScenario;
    qint64 pid = 0;
    QDateTime savedAt;
    QString text;                      ///< the forecast's file text
    std::shared_ptr<QLockFile> claim;  ///< held while this process decides what to do with it
};

/// @brief Recovery files in recoveryDirectory() whose session has ended (its lock is free or
/// stale), newest first. Each is claimed (its lock taken) so that a second instance starting at
/// the same time does not offer it too. Unreadable recovery files are skipped.
[[nodiscard]] QList<OrphanedRecovery> findOrphanedRecoveries();

/// @brief Deletes the recovery file and its lock.
void removeRecovery(const OrphanedRecovery& recovery);

/// @brief Loads `recovery` into `document`: the original path, the active scenario, marked
/// modified. Returns false with the loader's message in `error` (the document is unchanged).
bool restoreRecovery(Document* document, const OrphanedRecovery& recovery,
                     QString* error = nullptr);

class Autosave : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultDelayMs = 3000;

    /// @brief Watches `document`. The delay is kDefaultDelayMs, or JEVONS_AUTOSAVE_MS when set.
    explicit Autosave(Document* document, QObject* parent = nullptr);
    /// @brief A clean exit: removes this session's recovery file.
    ~Autosave() override;

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// @brief When false, the destructor leaves the recovery file for the next start (as a
    /// crash would); the --exit-after-load test hook uses it. Default true.
    void setRemoveOnExit(bool remove) { m_removeOnExit = remove; }
    [[nodiscard]] int delay() const { return m_timer.interval(); }
    /// @brief Where this session's recovery file for the current document goes.
    [[nodiscard]] QString recoveryPath() const;
    /// @brief Write the recovery file now (when the document is modified). Returns false with the
    /// reason in `error` (also emitted as failed()).
    bool writeNow(QString* error = nullptr);
    /// @brief Remove this session's recovery file (if any) and cancel a pending write.
    void discard();
    [[nodiscard]] bool isPending() const { return m_timer.isActive(); }

signals:
    void written(const QString& recoveryPath);
    void failed(const QString& message);

private:
    void schedule();
    [[nodiscard]] QString keyFor(const QString& filePath) const;

    Document* m_document;
    QTimer m_timer;
    QString m_writtenPath;  ///< the recovery file this session last wrote ("" = none)
    std::unique_ptr<QLockFile> m_lock;
    bool m_removeOnExit = true;
};

}  // namespace jevons::app
