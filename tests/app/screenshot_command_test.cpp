// `jevons FILE --screenshot out.png` as the README's screenshot script and the cold-start
// benchmark run it: a fresh process, exit codes, the picture, and the --first-frame-time stamp
// the benchmark's measure rests on (between the spawn and the exit, on the same clock).
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

namespace {

qint64 monotonicNs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

QString defaultForecast() { return QStringLiteral(JEVONS_FORECASTS_DIR "/default.json"); }

}  // namespace

class ScreenshotCommandTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void writesTheWindowAndNotesTheFirstFrame() {
        const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
        const QString stamp = m_dir.filePath(QStringLiteral("first-frame"));
        const qint64 before = monotonicNs();
        QCOMPARE(run({defaultForecast(), QStringLiteral("--screenshot"), shot,
                      QStringLiteral("--first-frame-time"), stamp}),
                 0);
        const qint64 after = monotonicNs();
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1600, 1000));
        QFile file(stamp);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bool ok = false;
        const qint64 frame = file.readAll().toLongLong(&ok);
        QVERIFY(ok);
        QVERIFY2(before < frame && frame < after,
                 qPrintable(QStringLiteral("first frame %1 ns after the spawn, exit %2 ns")
                                .arg(frame - before)
                                .arg(after - before)));
    }

    void aMissingForecastExitsWithTwo() {
        const QString shot = m_dir.filePath(QStringLiteral("missing.png"));
        QCOMPARE(run({m_dir.filePath(QStringLiteral("no-such.json")),
                      QStringLiteral("--screenshot"), shot}),
                 2);
    }

    void anUnwritablePictureExitsWithThree() {
        QCOMPARE(run({defaultForecast(), QStringLiteral("--screenshot"),
                      m_dir.filePath(QStringLiteral("no-such-dir/shot.png"))}),
                 3);
    }

private:
    /// jevons with `args` in a fresh environment (settings under the temporary directory); its
    /// exit code, or -1 if it did not exit normally within a minute.
    int run(const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const char* name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            env.insert(QString::fromLatin1(name), m_dir.filePath(QStringLiteral("home")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(JEVONS_APP_EXE), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit) return -1;
        return p.exitCode();
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(ScreenshotCommandTest)
#include "screenshot_command_test.moc"
