#include "app/command_line.h"

#include "app/i18n/interface_language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

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

DashboardOptions parseDashboardCommandLine(const QCoreApplication& app) {
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
    const QCommandLineOption recovery(
        QStringLiteral("recovery"),
        QCoreApplication::translate(
            "main",
            "After a crash: ask (default), recover or discard the unsaved changes "
            "(also JEVONS_RECOVERY)."),
        QStringLiteral("ask|recover|discard"));
    // Test hooks (hidden): tests/app/crash_recovery_test.cpp drives the real binary with them.
    QCommandLineOption testEdit(QStringLiteral("test-edit"),
                                QStringLiteral("Edit an assumption after opening."),
                                QStringLiteral("id=value"));
    QCommandLineOption dumpAssumption(QStringLiteral("dump-assumption"),
                                      QStringLiteral("Print an assumption after opening."),
                                      QStringLiteral("id"));
    QCommandLineOption exitAfterLoad(QStringLiteral("exit-after-load"),
                                     QStringLiteral("Exit once opened (and dumped)."));
    QCommandLineOption firstFrameTime(
        QStringLiteral("first-frame-time"),
        QStringLiteral("Write the monotonic time (ns) of the first painted frame with bands."),
        QStringLiteral("file"));
    for (QCommandLineOption* hidden : {&testEdit, &dumpAssumption, &exitAfterLoad, &firstFrameTime})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    parser.addOption(language);
    // Presentation mode rendered offscreen (README screenshots): --present-screenshot out.png
    // [--slide N] [--theme light|dark] [--whatif]; --test-edit id=value moves a slider first.
    const QCommandLineOption presentShot(
        QStringLiteral("present-screenshot"),
        QCoreApplication::translate("main", "Render presentation mode to a PNG and exit."),
        QStringLiteral("out.png"));
    const QCommandLineOption slide(
        QStringLiteral("slide"),
        QCoreApplication::translate("main", "Slide to render (1 = first)."), QStringLiteral("n"),
        QStringLiteral("1"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QCoreApplication::translate("main", "Presentation theme."),
                                   QStringLiteral("light|dark"), QStringLiteral("light"));
    const QCommandLineOption whatIf(
        QStringLiteral("whatif"),
        QCoreApplication::translate("main", "Raise the what-if sliders."));
    const QCommandLineOption editor(
        QStringLiteral("editor"),
        QCoreApplication::translate("main",
                                    "Open the model editor on an item (series:asic_market)."),
        QStringLiteral("kind:id"));
    parser.addOption(editor);
    const QCommandLineOption modelMap(
        QStringLiteral("model-map"),
        QCoreApplication::translate("main", "Show the model map (the dependency graph)."));
    parser.addOption(modelMap);
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        QCoreApplication::translate(
            "main", "Compare the scenarios, with SCENARIO active (its bridge from base shows)."),
        QStringLiteral("scenario"));
    parser.addOption(compare);
    parser.addOption(presentShot);
    parser.addOption(slide);
    parser.addOption(theme);
    parser.addOption(whatIf);
    parser.addOption(recovery);
    parser.addOption(testEdit);
    parser.addOption(dumpAssumption);
    parser.addOption(exitAfterLoad);
    parser.addOption(firstFrameTime);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "Forecast file (.json)."));
    parser.process(app);

    DashboardOptions o;
    o.file = parser.positionalArguments().value(0);
    o.screenshot = parser.value(screenshot);
    o.presentScreenshot = parser.value(presentShot);
    o.slide = parser.value(slide).toInt() - 1;
    o.theme = parser.value(theme);
    o.whatIf = parser.isSet(whatIf);
    o.language = parser.isSet(language) || o.shooting() ? parser.value(language)
                                                        : preferredInterfaceLanguage();
    o.recovery =
        parser.isSet(recovery) ? parser.value(recovery) : qEnvironmentVariable("JEVONS_RECOVERY");
    o.testEdits = parser.values(testEdit);
    o.dumpAssumption = parser.value(dumpAssumption);
    o.editor = parser.value(editor);
    o.modelMap = parser.isSet(modelMap);
    o.compare = parser.value(compare);
    o.exitAfterLoad = parser.isSet(exitAfterLoad);
    o.firstFrameTime = parser.value(firstFrameTime);
    return o;
}

}  // namespace jevons::app
