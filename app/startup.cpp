#include "app/startup.h"

#include "app/charts/palette.h"
#include "app/desktop/about_dialog.h"
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/i18n/interface_language.h"
#include "app/mainwindow.h"
#include "app/presentation/presenter_menus.h"
#include "app/recovery_offer.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "app/units/units_menu.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QStatusBar>

#include <cstdio>
#include <memory>

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
    QApplication::setApplicationVersion(applicationVersion());
    QApplication::setDesktopFileName(QStringLiteral("jevons"));  // resources/jevons.desktop
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/jevons.svg")));
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
    for (QCommandLineOption* hidden : {&testEdit, &dumpAssumption, &exitAfterLoad})
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
    parser.addOption(presentShot);
    parser.addOption(slide);
    parser.addOption(theme);
    parser.addOption(whatIf);
    parser.addOption(recovery);
    parser.addOption(testEdit);
    parser.addOption(dumpAssumption);
    parser.addOption(exitAfterLoad);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "Forecast file (.json)."));
    parser.process(app);

    const bool shooting = parser.isSet(screenshot) || parser.isSet(presentShot);
    // Interface language: --language, else the saved choice, else the system locale.
    // Screenshots ignore the saved choices so that they come out the same everywhere.
    const QString uiLanguage =
        parser.isSet(language) || shooting ? parser.value(language) : preferredInterfaceLanguage();
    applyInterfaceLanguage(uiLanguage);
    if (!shooting) loadDisplayPreferences();
    MainWindow window;
    if (shooting) {
        window.setMessageSink([](const QString& title, const QString& text) {
            std::fprintf(stderr, "jevons: %s: %s\n", qPrintable(title), qPrintable(text));
        });
    } else {
        window.restoreSettings();
    }
    window.document()->setLanguage(uiLanguage);
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty()) path = findDefaultForecast();
    // Work of a crashed session first (screenshots leave it alone unless told otherwise).
    std::unique_ptr<Autosave> autosave;
    if (!shooting) {
        autosave = std::make_unique<Autosave>(window.document());
        QObject::connect(autosave.get(), &Autosave::failed, &window, [&window](const QString& m) {
            window.statusBar()->showMessage(m, 15000);
        });
    }
    const QString recoveryName =
        parser.isSet(recovery) ? parser.value(recovery) : qEnvironmentVariable("JEVONS_RECOVERY");
    const bool recovered = offerRecovery(
        &window, autosave.get(),
        recoveryModeFromName(recoveryName, shooting ? RecoveryMode::Ignore : RecoveryMode::Ask));
    bool opened = recovered;
    if (recovered) {
        // The recovered document replaces the file named on the command line.
    } else if (path.isEmpty()) {
        std::fprintf(stderr, "jevons: no forecast given and no default.json found\n");
    } else {
        opened = window.openFile(path);
    }

    if (parser.isSet(dumpAssumption) && window.document()->isLoaded()) {
        const QString id = parser.value(dumpAssumption);
        const Document* doc = window.document();
        if (doc->scenario().findAssumption(id.toStdString())) {
            std::printf("%s=%.17g modified=%d scenario=%s path=%s\n", qPrintable(id),
                        doc->evaluator().assumption(id.toStdString()), doc->isModified() ? 1 : 0,
                        qPrintable(doc->activeScenario()), qPrintable(doc->filePath()));
        } else {
            std::printf("%s=missing\n", qPrintable(id));
        }
        std::fflush(stdout);
    }
    for (const QString& edit : parser.values(testEdit)) {
        const qsizetype eq = edit.indexOf(QLatin1Char('='));
        bool ok = false;
        const double value = eq > 0 ? edit.mid(eq + 1).toDouble(&ok) : 0.0;
        if (!ok || !window.document()->editAssumption(edit.left(eq), value))
            std::fprintf(stderr, "jevons: --test-edit %s was refused\n", qPrintable(edit));
    }
    if (parser.isSet(exitAfterLoad)) {
        if (autosave) autosave->setRemoveOnExit(false);  // a peek must not consume the work
        return opened ? 0 : 2;
    }

    if (parser.isSet(presentShot)) {
        if (!opened) return 2;
        return renderPresentationScreenshot(&window, parser.value(presentShot),
                                            parser.value(slide).toInt() - 1, parser.value(theme),
                                            parser.isSet(whatIf));
    }
    if (shooting) {
        // The bands too: the simulation runs on the engine's worker, so wait for its result.
        (void)window.uncertaintyEngine()->current();
        window.resize(1600, 1000);
        window.show();
        for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
        const QImage image = window.grab().toImage();
        // PNG, or BMP when the name ends in .bmp (no compression: the cold-start benchmark).
        const QString shot = parser.value(screenshot);
        const bool bmp = shot.endsWith(QStringLiteral(".bmp"), Qt::CaseInsensitive);
        if (!image.save(shot, bmp ? "BMP" : "PNG")) {
            std::fprintf(stderr, "jevons: cannot write %s\n", qPrintable(parser.value(screenshot)));
            return 3;
        }
        return opened ? 0 : 2;
    }
    window.show();
    return QApplication::exec();
}

}  // namespace jevons::app
