#include "app/startup.h"

#include "app/charts/palette.h"
#include "app/document/document.h"
#include "app/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>

#include <cstdio>

namespace jevons::app {

QString findDefaultForecast() {
    const QString name = QStringLiteral("default.json");
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        appDir + QStringLiteral("/forecasts/") + name,
        appDir + QStringLiteral("/../share/jevons/forecasts/") + name,
        QStringLiteral(JEVONS_FORECASTS_DIR "/") + name,
    };
    for (const QString& path : candidates)
        if (QFileInfo::exists(path)) return QDir::cleanPath(path);
    return {};
}

int runDashboard(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Jevons"));
    QApplication::setApplicationName(QStringLiteral("Jevons"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setFont(palette::font(10));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Dashboard for AI-hardware market forecasts"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the dashboard to a PNG and exit."),
        QStringLiteral("out.png"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "Label language: en or zh."), QStringLiteral("en|zh"),
        QStringLiteral("en"));
    parser.addOption(screenshot);
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "Forecast file (.json)."));
    parser.process(app);

    const bool shooting = parser.isSet(screenshot);
    MainWindow window;
    if (shooting) {
        window.setMessageSink([](const QString& title, const QString& text) {
            std::fprintf(stderr, "jevons: %s: %s\n", qPrintable(title), qPrintable(text));
        });
    } else {
        window.restoreSettings();
    }
    window.document()->setLanguage(parser.value(language));
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty()) path = findDefaultForecast();
    bool opened = false;
    if (path.isEmpty()) {
        std::fprintf(stderr, "jevons: no forecast given and no default.json found\n");
    } else {
        opened = window.openFile(path);
    }

    if (shooting) {
        window.resize(1600, 1000);
        window.show();
        for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
        const QImage image = window.grab().toImage();
        if (!image.save(parser.value(screenshot), "PNG")) {
            std::fprintf(stderr, "jevons: cannot write %s\n", qPrintable(parser.value(screenshot)));
            return 3;
        }
        return opened ? 0 : 2;
    }
    window.show();
    return QApplication::exec();
}

}  // namespace jevons::app
