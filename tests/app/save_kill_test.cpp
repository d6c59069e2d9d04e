// The dashboard's Save (File > Save: MainWindow::saveTo -> Document::save) under SIGKILL: a child
// process saves documents holding versions of a large-ish forecast to one path in a loop and is
// killed, half the time at a random moment and half the time inside a write (as soon as its
// temporary appears). After every kill the file is byte for byte one of the complete versions,
// and the next Save removes what a killed one left. JEVONS_SAVE_KILLS sets the number of kills
// (default 50).
#include "app/document/document.h"
#include "core/scenario/scenario_json.h"
#include "tests/core/io/kill_support.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

using namespace jevons::app;
namespace core = jevons::core;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The default forecast made large-ish (300 more assumptions, ~150 KB), marked with `v`.
core::Scenario version(int v) {
    static const core::Scenario base = [] {
        core::Scenario s = core::loadScenarioFile(JEVONS_FORECASTS_DIR "/default.json");
        for (int i = 0; i < 300; ++i) {
            core::Assumption a = s.assumptions.front();
            a.id = "padding_" + std::to_string(i);
            a.provenance.note = {std::string(120, 'x'), ""};
            s.assumptions.push_back(a);
        }
        return s;
    }();
    core::Scenario s = base;
    s.author = "version " + std::to_string(v);
    return s;
}

}  // namespace

class SaveKillTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedSaveLeavesTheOldOrTheNewFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("forecast.json"));
        constexpr int kVersions = 5;
        std::vector<std::unique_ptr<Document>> documents;
        std::vector<QByteArray> texts;
        for (int v = 0; v < kVersions; ++v) {
            documents.push_back(std::make_unique<Document>());
            documents.back()->load(version(v), path);
            const std::string text = core::serializeScenario(documents.back()->scenario());
            texts.emplace_back(text.data(), qsizetype(text.size()));
        }
        QVERIFY(texts.front().size() > 100 * 1024);
        QString error;
        const auto start = std::chrono::steady_clock::now();
        QVERIFY2(documents.front()->save(path, &error), qPrintable(error));
        const auto save = std::chrono::steady_clock::now() - start;
        QCOMPARE(readAll(path), texts.front());

        const int kills = qEnvironmentVariableIsSet("JEVONS_SAVE_KILLS")
                              ? qEnvironmentVariableIntValue("JEVONS_SAVE_KILLS")
                              : 50;
        const auto window =
            std::chrono::duration_cast<std::chrono::microseconds>(3 * save).count() + 1;
        int killed = 0;
        int midWrite = 0;
        QList<int> seen;
        for (int k = 0; k < kills; ++k) {
            const auto at = k % 2 == 0 ? jevons::test::KillAt::RandomMoment
                                       : jevons::test::KillAt::InsideAWrite;
            const auto delay =
                std::chrono::microseconds(QRandomGenerator::global()->bounded(qint64(window)));
            const jevons::test::Kill kill =
                jevons::test::killWriter(dir.path().toStdString(), delay, at, [&] {
                    QString why;
                    for (int i = 0;; ++i)
                        if (!documents[std::size_t((k + i) % kVersions)]->save(path, &why))
                            std::_Exit(4);  // a Save that fails is not a kill: the test fails
                });
            QVERIFY2(kill.bySignal, qPrintable(QStringLiteral("kill %1: the writer ended").arg(k)));
            ++killed;
            midWrite += kill.midWrite;
            const QByteArray now = readAll(path);
            const auto found = std::find(texts.begin(), texts.end(), now);
            QVERIFY2(found != texts.end(),
                     qPrintable(QStringLiteral("kill %1: not a complete version (%2 bytes)")
                                    .arg(k)
                                    .arg(now.size())));
            if (!seen.contains(int(found - texts.begin()))) seen.append(int(found - texts.begin()));
            QVERIFY(jevons::test::temporariesIn(dir.path().toStdString()).size() <= 1);
        }
        qInfo(
            "%d Saves killed, %d of them inside a write (a temporary was left), %lld versions "
            "seen; the file was a complete version after every kill",
            killed, midWrite, qlonglong(seen.size()));
        QVERIFY2(midWrite >= kills / 5,
                 qPrintable(QStringLiteral("only %1 of %2 kills landed inside a write")
                                .arg(midWrite)
                                .arg(kills)));
        // The killed Saves did replace the file: on a loaded machine every kill above may land
        // in a child's first Save, so kill later and later (twice the wait each time) until a
        // child has replaced the file before it died.
        auto wait = std::chrono::microseconds(window);
        for (int extra = 0; seen.size() < 2 && extra < 12; ++extra, wait *= 2) {
            const int first = (extra + 1) % kVersions;
            const jevons::test::Kill kill = jevons::test::killWriter(
                dir.path().toStdString(), wait, jevons::test::KillAt::RandomMoment, [&] {
                    QString why;
                    for (int i = 0;; ++i)
                        if (!documents[std::size_t((first + i) % kVersions)]->save(path, &why))
                            std::_Exit(4);
                });
            QVERIFY(kill.bySignal);
            const QByteArray now = readAll(path);
            const auto found = std::find(texts.begin(), texts.end(), now);
            QVERIFY2(found != texts.end(), "after a later kill: not a complete version");
            if (!seen.contains(int(found - texts.begin()))) seen.append(int(found - texts.begin()));
        }
        QVERIFY2(seen.size() >= 2, "no killed Save ever replaced the file");

        // The next Save removes what a killed one left and writes the file whole.
        QVERIFY2(documents[1]->save(path, &error), qPrintable(error));
        QVERIFY(jevons::test::temporariesIn(dir.path().toStdString()).empty());
        QCOMPARE(readAll(path), texts[1]);
        QVERIFY(!documents[1]->isModified());
    }
};

QTEST_GUILESS_MAIN(SaveKillTest)
#include "save_kill_test.moc"
