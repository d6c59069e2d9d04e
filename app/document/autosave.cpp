#include "app/document/autosave.h"

#include "app/common/write_file.h"
#include "app/document/document.h"
#include "core/io/stale_temporaries.h"
#include "core/scenario/scenario_json.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUndoStack>

#include <algorithm>

namespace jevons::app {
namespace {

const QString kSuffix = QStringLiteral(".json");
const QString kLockSuffix = QStringLiteral(".lock");
constexpr int kFormatVersion = 1;

QString lockPathFor(const QString& recoveryPath) {
    return recoveryPath.left(recoveryPath.size() - kSuffix.size()) + kLockSuffix;
}

std::unique_ptr<QLockFile> newLock(const QString& recoveryPath) {
    auto lock = std::make_unique<QLockFile>(lockPathFor(recoveryPath));
    // Only a dead (or reused) pid makes a lock stale, never its age: a session may run for days.
    lock->setStaleLockTime(0);
    return lock;
}

}  // namespace

QString recoveryDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QList<OrphanedRecovery> findOrphanedRecoveries() {
    QList<OrphanedRecovery> out;
    const QDir dir(recoveryDirectory());
    const QStringList names =
        dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = dir.filePath(name);
        std::shared_ptr<QLockFile> lock = newLock(path);
        if (!lock->tryLock(0)) continue;  // a running session's file
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        if (o.value(QStringLiteral("jevons_recovery")).toInt() != kFormatVersion ||
            !o.value(QStringLiteral("scenario")).isString())
            continue;
        OrphanedRecovery r;
        r.recoveryPath = path;
        r.originalPath = o.value(QStringLiteral("original_path")).toString();
        r.activeScenario = o.value(QStringLiteral("active_scenario")).toString();
        r.pid = o.value(QStringLiteral("pid")).toInteger();
        r.savedAt = QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(),
                                          Qt::ISODateWithMs);
        r.text = o.value(QStringLiteral("scenario")).toString();
        r.claim = std::move(lock);
        out.append(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
    return out;
}

void removeRecovery(const OrphanedRecovery& recovery) {
    QFile::remove(recovery.recoveryPath);
    if (recovery.claim)
        recovery.claim->unlock();  // removes the lock file
    else
        QFile::remove(lockPathFor(recovery.recoveryPath));
}

bool restoreRecovery(Document* document, const OrphanedRecovery& recovery, QString* error) {
    try {
        const std::string name = recovery.originalPath.isEmpty()
                                     ? QFileInfo(recovery.recoveryPath).fileName().toStdString()
                                     : QFileInfo(recovery.originalPath).fileName().toStdString();
        document->load(core::parseScenario(recovery.text.toStdString(), name),
                       recovery.originalPath);
        const QString active = recovery.activeScenario;
        if (!active.isEmpty() && active != QStringLiteral("base") &&
            document->scenario().findScenario(active.toStdString()))
            document->applyScenario(active.toStdString());
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    document->undoStack()->resetClean();  // recovered work is unsaved work
    return true;
}

Autosave::Autosave(Document* document, QObject* parent) : QObject(parent), m_document(document) {
    m_timer.setSingleShot(true);
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("JEVONS_AUTOSAVE_MS", &ok);
    m_timer.setInterval(ok && fromEnvironment >= 0 ? fromEnvironment : kDefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { writeNow(); });
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (modified)
            schedule();
        else
            discard();  // saved, undone to the saved state, or another file loaded
    });
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_document->isModified()) schedule();
    });
    connect(document, &Document::documentReset, this, &Autosave::discard);
}

Autosave::~Autosave() {
    if (m_removeOnExit) discard();
    // Otherwise m_lock's destructor frees the lock: the file is then an ended session's.
}

QString Autosave::keyFor(const QString& filePath) const {
    const QByteArray source = filePath.isEmpty() ? QByteArrayLiteral("untitled")
                                                 : QFileInfo(filePath).absoluteFilePath().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(source, QCryptographicHash::Sha1).toHex();
    return QString::fromLatin1(hash.left(12)) + QLatin1Char('-') +
           QString::number(QCoreApplication::applicationPid());
}

QString Autosave::recoveryPath() const {
    return recoveryDirectory() + QLatin1Char('/') + keyFor(m_document->filePath()) + kSuffix;
}

void Autosave::schedule() {
    // Not restarted by further edits: a long slider drag is still saved within one delay.
    if (!m_timer.isActive()) m_timer.start();
}

bool Autosave::writeNow(QString* error) {
    m_timer.stop();
    if (!m_document->isLoaded() || !m_document->isModified()) return true;
    const auto fail = [&](const QString& why) {
        const QString message = tr("Autosave failed: %1").arg(why);
        if (error) *error = message;
        emit failed(message);
        return false;
    };
    std::string text;
    try {
        text = core::serializeScenario(m_document->scenario());
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()));
    }
    const QString path = recoveryPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(tr("cannot create %1").arg(QFileInfo(path).absolutePath()));
    if (path != m_writtenPath) {
        discard();
        m_lock = newLock(path);
        if (!m_lock->tryLock(0)) return fail(tr("cannot lock %1").arg(m_lock->error()));
    }

    QJsonObject o;
    o.insert(QStringLiteral("jevons_recovery"), kFormatVersion);
    o.insert(QStringLiteral("original_path"), m_document->filePath());
    o.insert(QStringLiteral("active_scenario"), m_document->activeScenario());
    o.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    o.insert(QStringLiteral("saved_at"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("scenario"), QString::fromStdString(text));
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);

    // Recovery files are named after their process, so a session killed inside a write left its
    // temporary where no later session writes: each write sweeps the folder (only Jevons writes
    // there; a temporary in flight is held and kept).
    (void)core::removeStaleTemporariesIn(QFile::encodeName(recoveryDirectory()).toStdString());
    // The old recovery file or the new one, never a part.
    QString why;
    if (!writeFile(path, bytes, &why)) return fail(why);
    m_writtenPath = path;
    emit written(path);
    return true;
}

void Autosave::discard() {
    m_timer.stop();
    if (!m_writtenPath.isEmpty()) QFile::remove(m_writtenPath);
    m_writtenPath.clear();
    if (m_lock) m_lock->unlock();
    m_lock.reset();
}

}  // namespace jevons::app
