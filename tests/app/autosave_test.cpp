// app/document/autosave.h in-process: when the recovery file is written and removed, what a
// later start finds, and what it restores. (crash_recovery_test.cpp kills the real binary.)
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "core/io/atomic_file.h"
#include "core/scenario/scenario_json.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace jevons::app;
namespace core = jevons::core;

namespace {
const QString kId = QStringLiteral("elasticity");

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

double valueIn(const QJsonObject& recovery, const std::string& id) {
    const core::Scenario s =
        core::parseScenario(recovery.value(QStringLiteral("scenario")).toString().toStdString());
    return s.findAssumption(id)->value;
}
}  // namespace

class AutosaveTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Document> m_doc;
    QString m_file;

    QStringList recoveryFiles() const {
        return QDir(recoveryDirectory()).entryList({QStringLiteral("*.json")}, QDir::Files);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        // QStandardPaths reads XDG_DATA_HOME on every call: the recovery files go to the temp dir.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        // Test mode would move the recovery folder out of XDG_DATA_HOME: the settings go to the
        // temp dir the same way, never to the reader's.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        QVERIFY(recoveryDirectory().startsWith(m_home.path()));
    }

    void init() {
        QDir(recoveryDirectory()).removeRecursively();
        m_file = m_home.filePath(QStringLiteral("forecast.json"));
        QFile::remove(m_file);
        QVERIFY(QFile::copy(test::defaultForecast(), m_file));
        m_doc = std::make_unique<Document>();
        QString error;
        QVERIFY2(m_doc->open(m_file, &error), qPrintable(error));
    }

    void cleanup() { m_doc.reset(); }

    void anEditIsWrittenAfterTheDelay() {
        Autosave autosave(m_doc.get());
        QCOMPARE(autosave.delay(), Autosave::kDefaultDelayMs);
        autosave.setDelay(100);
        QVERIFY(!autosave.isPending());
        QVERIFY(m_doc->editAssumption(kId, 1.75));
        QVERIFY(autosave.isPending());
        QVERIFY(!QFile::exists(autosave.recoveryPath()));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave.recoveryPath()), 5000);
        const QJsonObject o = readJson(autosave.recoveryPath());
        QCOMPARE(o.value(QStringLiteral("jevons_recovery")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("original_path")).toString(), m_file);
        QCOMPARE(o.value(QStringLiteral("active_scenario")).toString(), QStringLiteral("base"));
        QCOMPARE(o.value(QStringLiteral("pid")).toInteger(), QCoreApplication::applicationPid());
        QCOMPARE(valueIn(o, "elasticity"), 1.75);
        // No temporary file is left beside it.
        QCOMPARE(QDir(recoveryDirectory()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    void aLiveSessionsFileIsNotOffered() {
        Autosave autosave(m_doc.get());
        QVERIFY(m_doc->editAssumption(kId, 1.75));
        QVERIFY(autosave.writeNow());
        QVERIFY(QFile::exists(autosave.recoveryPath()));
        QVERIFY(findOrphanedRecoveries().isEmpty());
    }

    void savingRemovesIt() {
        Autosave autosave(m_doc.get());
        QVERIFY(m_doc->editAssumption(kId, 1.75));
        QVERIFY(autosave.writeNow());
        const QString path = autosave.recoveryPath();
        QVERIFY(m_doc->save(m_file));
        QVERIFY(!QFile::exists(path));
        QVERIFY(recoveryFiles().isEmpty());
        QVERIFY(!autosave.isPending());
    }

    void undoingToTheSavedStateRemovesIt() {
        Autosave autosave(m_doc.get());
        QVERIFY(m_doc->editAssumption(kId, 1.75));
        QVERIFY(autosave.writeNow());
        m_doc->undoStack()->undo();
        QVERIFY(!m_doc->isModified());
        QVERIFY(recoveryFiles().isEmpty());
        m_doc->undoStack()->redo();
        QVERIFY(autosave.isPending());
    }

    void aCleanExitRemovesIt() {
        {
            Autosave autosave(m_doc.get());
            QVERIFY(m_doc->editAssumption(kId, 1.75));
            QVERIFY(autosave.writeNow());
            QCOMPARE(recoveryFiles().size(), 1);
        }
        QVERIFY(recoveryFiles().isEmpty());
        QVERIFY(QDir(recoveryDirectory()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void anEndedSessionsWorkIsRestoredModifiedWithItsPathAndScenario() {
        {
            Autosave autosave(m_doc.get());
            QVERIFY(m_doc->switchScenario(QStringLiteral("bull")));
            QVERIFY(m_doc->editAssumption(kId, 2.05));
            QVERIFY(autosave.writeNow());
            autosave.setRemoveOnExit(false);  // as if killed: the file stays, the lock goes
        }
        const QList<OrphanedRecovery> found = findOrphanedRecoveries();
        QCOMPARE(found.size(), 1);
        const OrphanedRecovery& r = found.first();
        QCOMPARE(r.originalPath, m_file);
        QCOMPARE(r.activeScenario, QStringLiteral("bull"));
        QCOMPARE(r.pid, QCoreApplication::applicationPid());
        QVERIFY(r.savedAt.isValid());
        // Claimed: a second look (another instance starting now) does not offer it again.
        QVERIFY(findOrphanedRecoveries().isEmpty());

        Document restored;
        QString error;
        QVERIFY2(restoreRecovery(&restored, r, &error), qPrintable(error));
        QVERIFY(restored.isModified());
        QCOMPARE(restored.filePath(), m_file);
        QCOMPARE(restored.activeScenario(), QStringLiteral("bull"));
        QCOMPARE(restored.evaluator().assumption("elasticity"), 2.05);
        removeRecovery(r);
        QVERIFY(QDir(recoveryDirectory()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void aBrokenRecoveryIsRefusedAndTheDocumentKept() {
        OrphanedRecovery r;
        r.recoveryPath = m_home.filePath(QStringLiteral("x.json"));
        r.text = QStringLiteral("{\"schema\": 1");
        QString error;
        QVERIFY(!restoreRecovery(m_doc.get(), r, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(m_doc->isLoaded());
        QCOMPARE(m_doc->filePath(), m_file);
        QVERIFY(!m_doc->isModified());
    }

    void aKilledWritesTemporaryIsRemovedByTheNextWrite() {
        // A session killed inside an autosave leaves "<its file>.json.tmp-XXXXXX". Its file is
        // named after its process, so the next session never writes that path: the next write
        // of any session sweeps the recovery folder.
        QVERIFY(QDir().mkpath(recoveryDirectory()));
        const std::string killed =
            QString(recoveryDirectory() + QStringLiteral("/0123456789ab-99999.json")).toStdString();
        const pid_t child = ::fork();
        if (child == 0) {
            try {
                core::writeFileAtomically(killed, std::string(100000, 'x'), [](std::string_view) {
                    ::raise(SIGKILL);  // killed inside its write
                    return 0;
                });
            } catch (...) {
            }
            std::_Exit(3);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        const QStringList temporaries{QStringLiteral("*.tmp-*")};
        QCOMPARE(QDir(recoveryDirectory()).entryList(temporaries, QDir::Files).size(), 1);

        Autosave autosave(m_doc.get());
        QVERIFY(m_doc->editAssumption(kId, 1.65));
        QString error;
        QVERIFY2(autosave.writeNow(&error), qPrintable(error));
        QVERIFY(QDir(recoveryDirectory()).entryList(temporaries, QDir::Files).isEmpty());
        QCOMPARE(valueIn(readJson(autosave.recoveryPath()), kId.toStdString()), 1.65);
    }

    void aFailedWriteKeepsTheOldRecoveryFileAndSaysWhy() {
        Autosave autosave(m_doc.get());
        QVERIFY(m_doc->editAssumption(kId, 1.7));
        QString error;
        QVERIFY2(autosave.writeNow(&error), qPrintable(error));
        QFile written(autosave.recoveryPath());
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray before = written.readAll();
        written.close();

        QVERIFY(m_doc->editAssumption(kId, 1.8));
        // Every write beyond 1 KiB fails (works as root too, unlike a read-only folder).
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        ::getrlimit(RLIMIT_FSIZE, &saved);
        rlimit tiny = saved;
        tiny.rlim_cur = 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &tiny), 0);
        const bool ok = autosave.writeNow(&error);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);

        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("Autosave failed: cannot write %1: File too large (writing)")
                            .arg(autosave.recoveryPath()));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), before);
        QVERIFY(QDir(recoveryDirectory())
                    .entryList({QStringLiteral("*.tmp-*")}, QDir::Files)
                    .isEmpty());
    }

    void anUnreadableRecoveryFileIsSkipped() {
        QVERIFY(QDir().mkpath(recoveryDirectory()));
        QFile f(recoveryDirectory() + QStringLiteral("/garbage-1.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json");
        f.close();
        QVERIFY(findOrphanedRecoveries().isEmpty());
    }
};

QTEST_MAIN(AutosaveTest)
#include "autosave_test.moc"
