// The document's file handling: a refused file leaves everything as it was; a failed save keeps
// the old file; saving makes the document clean; the anchor solver.
#include "app/document/document.h"
#include "app/document/anchor_solver.h"
#include "core/scenario/scenario_json.h"
#include "test_support.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sys/resource.h>
#include <csignal>

using namespace jevons::app;
namespace core = jevons::core;

class DocumentTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void brokenFileLeavesDocumentUnchanged() {
        QStringList messages;
        auto window = test::makeWindow(&messages);
        Document* doc = window->document();
        QVERIFY(doc->isLoaded());
        doc->editAssumption(QStringLiteral("elasticity"), 1.8);
        QVERIFY(doc->isModified());
        doc->undoStack()->undo();
        QVERIFY(!doc->isModified());
        const auto values = doc->evaluator().assumptionValues();
        const auto asic = doc->evaluator().values("asic_market");

        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"schema\": 1,\n  \"meta\": { \"title\": ");  // cut off mid-file
        f.close();

        QVERIFY(!window->openFile(broken));
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(QStringLiteral("broken.json")),
                 qPrintable(messages.first()));
        QCOMPARE(doc->filePath(), test::defaultForecast());
        QVERIFY(!doc->isModified());
        QVERIFY(!window->isWindowModified());
        QVERIFY(doc->evaluator().assumptionValues() == values);
        QVERIFY((doc->evaluator().values("asic_market") == asic).all());

        // A file that parses but whose model is refused (a share above its ceiling) too.
        core::Scenario bad = doc->scenario();
        bad.findAssumption("asic_share_2028")->value = 0.9;
        const QString badPath = dir.filePath(QStringLiteral("ceiling.json"));
        core::saveScenarioFile(bad, badPath.toStdString());
        QVERIFY(!window->openFile(badPath));
        QCOMPARE(doc->filePath(), test::defaultForecast());
        QVERIFY(doc->evaluator().assumptionValues() == values);
    }

    void saveIsCleanAndReloadable() {
        QStringList messages;
        auto window = test::makeWindow(&messages);
        Document* doc = window->document();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.json"));
        doc->editAssumption(QStringLiteral("glasses_2035"), 1500.0);
        doc->switchScenario(QStringLiteral("bull"));
        doc->editAssumption(QStringLiteral("elasticity"), 2.2);
        QVERIFY(window->isWindowModified());
        QVERIFY(window->saveTo(path));
        QVERIFY(!window->isWindowModified());
        QCOMPARE(doc->filePath(), path);
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("copy.json")));

        Document other;
        QString error;
        QVERIFY2(other.open(path, &error), qPrintable(error));
        QCOMPARE(other.evaluator().assumption("glasses_2035"), 1500.0);  // base edit
        QVERIFY(other.switchScenario(QStringLiteral("bull")));
        QCOMPARE(other.evaluator().assumption("elasticity"), 2.2);  // bull edit
    }

    void failedSaveKeepsOldFile() {
        QStringList messages;
        auto window = test::makeWindow(&messages);
        Document* doc = window->document();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.json"));
        QVERIFY(QFile::copy(test::defaultForecast(), path));
        QFile oldFile(path);
        QVERIFY(oldFile.open(QIODevice::ReadOnly));
        const QByteArray oldBytes = oldFile.readAll();
        oldFile.close();

        doc->editAssumption(QStringLiteral("glasses_2035"), 1700.0);
        // Make every write beyond 1 KiB fail (works as root too, unlike a read-only directory).
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit tiny = saved;
        tiny.rlim_cur = 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
        const bool ok = window->saveTo(path);
        setrlimit(RLIMIT_FSIZE, &saved);

        QVERIFY(!ok);
        QCOMPARE(messages.size(), 1);
        QVERIFY(doc->isModified());
        QVERIFY(oldFile.open(QIODevice::ReadOnly));
        QCOMPARE(oldFile.readAll(), oldBytes);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("old.json")});
    }

    void solverHitsTheTarget() {
        Document doc;
        QString error;
        QVERIFY2(doc.open(test::defaultForecast(), &error), qPrintable(error));
        const auto* a = doc.scenario().findAssumption("accel_2028");
        const double x = solveAssumptionFor(doc.evaluator(), *a, "asic_market", 2028, 50.0);
        core::Evaluator check = doc.evaluator();
        check.setAssumption("accel_2028", x);
        QVERIFY(qAbs(check.value("asic_market", 2028) - 50.0) < 1e-8);
        // Out of reach: the nearest end of the range.
        const double high = solveAssumptionFor(doc.evaluator(), *a, "asic_market", 2028, 1e6);
        QCOMPARE(high, a->max);
        // A non-linear one: the logistic share through its 2028 point.
        const auto* share = doc.scenario().findAssumption("asic_share_2028");
        const double s = solveAssumptionFor(doc.evaluator(), *share, "asic_share", 2028, 0.3);
        QVERIFY(qAbs(s - 0.3) < 1e-8);
    }

    void promptCancelKeepsDocument() {
        QStringList messages;
        auto window = test::makeWindow(&messages);
        window->setUnsavedChangesPrompt([](QWidget*) { return QMessageBox::Cancel; });
        window->document()->editAssumption(QStringLiteral("elasticity"), 2.0);
        QVERIFY(!window->maybeSave());
        QVERIFY(!window->openFile(test::defaultForecast()));
        QCOMPARE(window->document()->evaluator().assumption("elasticity"), 2.0);
    }
};

QTEST_MAIN(DocumentTest)
#include "document_test.moc"
