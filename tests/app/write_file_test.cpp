// app/common/write_file.h: the dashboard's side of core::writeFileAtomically. A write that fails
// says which file, why and at which step, in the interface language.
#include "app/common/write_file.h"
#include "app/i18n/interface_language.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

using namespace jevons::app;

namespace {
QString systemReason(int error) { return QString::fromLocal8Bit(std::strerror(error)); }
}  // namespace

class WriteFileTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { applyInterfaceLanguage(QStringLiteral("en")); }

    void writesTheBytesWhole() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.svg"));
        QString error;
        QVERIFY2(writeFile(path, QByteArrayLiteral("<svg/>"), &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArrayLiteral("<svg/>"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("chart.svg")});
    }

    void aFolderIsRefusedWithItsName() {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!writeFile(dir.path(), QByteArrayLiteral("x"), &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: %2 (it is a folder, not a file)")
                            .arg(dir.path(), systemReason(EISDIR)));
    }

    void theStepIsSaidInChinese() {
        if (!applyInterfaceLanguage(QStringLiteral("zh"))) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("the compiled Chinese translation is missing (CI=true)");
            QSKIP("the compiled Chinese translation is missing");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/chart.png"));
        QString error;
        QVERIFY(!writeFile(path, QByteArrayLiteral("x"), &error));
        QCOMPARE(error, QStringLiteral("无法写入 %1：%2（在其旁边创建临时文件）")
                            .arg(path, systemReason(ENOENT)));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(WriteFileTest)
#include "write_file_test.moc"
