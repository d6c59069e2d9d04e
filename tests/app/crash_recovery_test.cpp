// Crash recovery end to end: the real `jevons` binary edits a forecast, autosaves, and is killed
// with SIGKILL at a random moment; the next start recovers exactly the edited value, marked
// modified, with the original path. Rounds chain: each start recovers the previous round's kill.
// JEVONS_CRASH_ROUNDS sets the number of kills (default 5).
#include "core/scenario/scenario_json.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace core = jevons::core;

namespace {
const QString kId = QStringLiteral("elasticity");
constexpr int kStartTimeoutMs = 60000;  // a loaded CI machine, an ASan build

struct State {
    double value = 0;
    bool modified = false;
    QString scenario;
    QString path;
};

/// Parses "elasticity=1.6 modified=0 scenario=base path=/…" from the dump hook.
bool parseState(const QString& line, State* out) {
    static const QRegularExpression re(
        QStringLiteral("^elasticity=(\\S+) modified=(\\d) scenario=(\\S+) path=(.*)$"));
    const auto m = re.match(line.trimmed());
    if (!m.hasMatch()) return false;
    out->value = m.captured(1).toDouble();
    out->modified = m.captured(2) == QStringLiteral("1");
    out->scenario = m.captured(3);
    out->path = m.captured(4);
    return true;
}
}  // namespace

class CrashRecoveryTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_original;
    double m_originalValue = 0;

    QString recoveryDir() const {
        return m_dir.filePath(QStringLiteral("data/Jevons/Jevons/recovery"));
    }

    QProcessEnvironment environment(const QString& recovery) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("JEVONS_AUTOSAVE_MS"), QStringLiteral("300"));
        env.insert(QStringLiteral("JEVONS_RECOVERY"), recovery);
        return env;
    }

    /// Starts jevons with `args` + the forecast and returns once it printed its state.
    bool start(QProcess& p, const QStringList& args, const QString& recovery, State* state) {
        p.setProcessEnvironment(environment(recovery));
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(QStringLiteral(JEVONS_APP_EXE),
                QStringList{QStringLiteral("--dump-assumption"), kId} + args + QStringList{m_file});
        if (!p.waitForStarted(kStartTimeoutMs)) return false;
        QElapsedTimer clock;
        clock.start();
        QByteArray out;
        while (clock.elapsed() < kStartTimeoutMs) {
            if (p.canReadLine() || p.waitForReadyRead(100)) {
                out += p.readLine();
                if (out.endsWith('\n')) {
                    if (parseState(QString::fromUtf8(out), state)) return true;
                    qWarning("unexpected output: %s", out.constData());
                    out.clear();
                }
            }
            if (p.state() == QProcess::NotRunning && !p.canReadLine()) break;
        }
        qWarning("jevons printed no state; stderr: %s", p.readAllStandardError().constData());
        return false;
    }

    /// Waits until process `pid` has written a complete recovery file holding `value`.
    bool waitForRecoveryFile(qint64 pid, double value) {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < kStartTimeoutMs) {
            const QStringList names =
                QDir(recoveryDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
            for (const QString& name : names) {
                QFile f(QDir(recoveryDir()).filePath(name));
                if (!f.open(QIODevice::ReadOnly)) continue;
                const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
                if (o.value(QStringLiteral("pid")).toInteger() != pid) continue;
                const core::Scenario s = core::parseScenario(
                    o.value(QStringLiteral("scenario")).toString().toStdString());
                if (s.findAssumption(kId.toStdString())->value == value) return true;
            }
            QTest::qWait(20);
        }
        return false;
    }

    QStringList recoveryFiles() const {
        return QDir(recoveryDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("forecast.json"));
        QVERIFY(QFile::copy(QStringLiteral(JEVONS_FORECASTS_DIR "/default.json"), m_file));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_original = f.readAll();
        m_originalValue =
            core::loadScenarioFile(m_file.toStdString()).findAssumption("elasticity")->value;
    }

    void killedSessionsAreRecovered() {
        const int rounds = qEnvironmentVariableIsSet("JEVONS_CRASH_ROUNDS")
                               ? qEnvironmentVariableIntValue("JEVONS_CRASH_ROUNDS")
                               : 5;
        double expected = m_originalValue;
        bool expectModified = false;
        int survived = 0;
        for (int round = 0; round < rounds; ++round) {
            // Values on the slider's step grid within 0.5..2.5, different every round.
            const double value = 0.5 + 0.05 * double((round * 7 + 3) % 40);
            QProcess p;
            State state;
            QVERIFY(start(p,
                          {QStringLiteral("--test-edit"),
                           kId + QLatin1Char('=') + QString::number(value, 'g', 17)},
                          QStringLiteral("recover"), &state));
            // What this start recovered from the previous kill.
            QCOMPARE(state.value, expected);
            QCOMPARE(state.modified, expectModified);
            QCOMPARE(state.path, m_file);
            QVERIFY2(waitForRecoveryFile(p.processId(), value),
                     qPrintable(QStringLiteral("round %1: no recovery file").arg(round)));

            if (round == 0) {
                // A second instance meanwhile must not take the running session's work.
                QProcess second;
                State other;
                QVERIFY(start(second, {QStringLiteral("--exit-after-load")},
                              QStringLiteral("recover"), &other));
                QVERIFY(second.waitForFinished(kStartTimeoutMs));
                QCOMPARE(other.value, m_originalValue);
                QVERIFY(!other.modified);
            }

            QTest::qWait(int(QRandomGenerator::global()->bounded(400)));
            p.kill();  // SIGKILL
            QVERIFY(p.waitForFinished(kStartTimeoutMs));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            ++survived;
            expected = value;
            expectModified = true;
            // Only the killed session's file remains: each start cleans up what it recovered.
            QCOMPARE(recoveryFiles().size(), 1);
        }

        // A look without editing: the last kill's value, modified, original path.
        QProcess peek;
        State state;
        QVERIFY(
            start(peek, {QStringLiteral("--exit-after-load")}, QStringLiteral("recover"), &state));
        QVERIFY(peek.waitForFinished(kStartTimeoutMs));
        QCOMPARE(state.value, expected);
        QVERIFY(state.modified);
        QCOMPARE(state.path, m_file);

        // Discarding: the original file as it was, no recovery file left.
        QProcess discard;
        QVERIFY(start(discard, {QStringLiteral("--exit-after-load")}, QStringLiteral("discard"),
                      &state));
        QVERIFY(discard.waitForFinished(kStartTimeoutMs));
        QCOMPARE(state.value, m_originalValue);
        QVERIFY(!state.modified);
        QVERIFY(recoveryFiles().isEmpty());

        // The forecast file itself was never touched.
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == m_original);
        qInfo("kills survived: %d of %d", survived, rounds);
    }
};

QTEST_GUILESS_MAIN(CrashRecoveryTest)
#include "crash_recovery_test.moc"
