// jevons: the dashboard. The command line is in command_line.h. The only file besides
// mainwindow.cpp that knows MainWindow: features reach the window through WindowServices and
// Document's signals.
#include "app/charts/palette.h"
#include "app/command_line.h"
#include "app/desktop/about_dialog.h"
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/editor/model_editor.h"
#include "app/i18n/interface_language.h"
#include "app/mainwindow.h"
#include "app/presentation/presenter_menus.h"
#include "app/recovery_offer.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "app/units/units_menu.h"

#include <QApplication>
#include <QByteArray>
#include <QDockWidget>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QStatusBar>
#include <QToolButton>

#include <cstdio>
#include <ctime>
#include <memory>

using namespace jevons::app;

namespace {

/// @brief The hidden test hooks: print an assumption, move sliders (crash_recovery_test).
void runTestHooks(const DashboardOptions& options, Document* doc) {
    if (!options.dumpAssumption.isEmpty() && doc->isLoaded()) {
        const QString& id = options.dumpAssumption;
        if (doc->scenario().findAssumption(id.toStdString())) {
            std::printf("%s=%.17g modified=%d scenario=%s path=%s\n", qPrintable(id),
                        doc->evaluator().assumption(id.toStdString()), doc->isModified() ? 1 : 0,
                        qPrintable(doc->activeScenario()), qPrintable(doc->filePath()));
        } else {
            std::printf("%s=missing\n", qPrintable(id));
        }
        std::fflush(stdout);
    }
    for (const QString& edit : options.testEdits) {
        const qsizetype eq = edit.indexOf(QLatin1Char('='));
        bool ok = false;
        const double value = eq > 0 ? edit.mid(eq + 1).toDouble(&ok) : 0.0;
        if (!ok || !doc->editAssumption(edit.left(eq), value))
            std::fprintf(stderr, "jevons: --test-edit %s was refused\n", qPrintable(edit));
    }
}

/// @brief The CLOCK_MONOTONIC time now (ns) written to `path` (--first-frame-time).
void writeMonotonicTime(const QString& path) {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QByteArray::number(qint64(t.tv_sec) * 1000000000 + t.tv_nsec)) < 0)
        std::fprintf(stderr, "jevons: cannot write %s\n", qPrintable(path));
}

/// @brief --screenshot: the 1600x1000 window with the first simulation's bands, as PNG (or BMP
/// when the name ends in .bmp: no compression, for the cold-start benchmark). 0 = written,
/// 2 = the forecast was not opened, 3 = the picture could not be written. `firstFrameTime`:
/// where to note when the shown window had painted the bands (empty: nowhere).
int writeScreenshot(MainWindow& window, const QString& shot, bool opened,
                    const QString& firstFrameTime) {
    // As a real start: the window is shown and laid out while the first simulation runs on the
    // worker (the engine's request is posted ahead of the layout and the paint), then the bands.
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();
    (void)window.uncertaintyEngine()->current();                    // waits for the worker's result
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();  // the bands painted
    if (!firstFrameTime.isEmpty()) writeMonotonicTime(firstFrameTime);
    const QImage image = window.grab().toImage();
    const bool bmp = shot.endsWith(QStringLiteral(".bmp"), Qt::CaseInsensitive);
    if (!image.save(shot, bmp ? "BMP" : "PNG")) {
        std::fprintf(stderr, "jevons: cannot write %s\n", qPrintable(shot));
        return 3;
    }
    return opened ? 0 : 2;
}

/// @brief --editor kind:id (assumption, series, chart, anchor (its 0-based index), source,
/// scenario, forecast: with no id): show the model editor with that item selected; a kind or id it
/// does not know is reported on stderr and the editor opens on nothing.
void openEditorOn(MainWindow& window, const QString& item) {
    auto* editor = window.findChild<ModelEditor*>();
    if (!editor) return;
    editor->show();
    const QString kind = item.section(QLatin1Char(':'), 0, 0);
    const QString id = item.section(QLatin1Char(':'), 1);
    const ModelEditor::Kind k = kind == QStringLiteral("assumption") ? ModelEditor::Kind::Assumption
                                : kind == QStringLiteral("series")   ? ModelEditor::Kind::Series
                                : kind == QStringLiteral("chart")    ? ModelEditor::Kind::Chart
                                : kind == QStringLiteral("anchor")   ? ModelEditor::Kind::Anchor
                                : kind == QStringLiteral("source")   ? ModelEditor::Kind::Source
                                : kind == QStringLiteral("scenario") ? ModelEditor::Kind::Scenario
                                : kind == QStringLiteral("forecast") ? ModelEditor::Kind::Forecast
                                                                     : ModelEditor::Kind::None;
    if (k == ModelEditor::Kind::None || !editor->select(k, id))
        std::fprintf(stderr, "jevons: --editor: no %s\n", qPrintable(item));
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Jevons"));
    QApplication::setApplicationName(QStringLiteral("Jevons"));
    QApplication::setApplicationVersion(applicationVersion());
    QApplication::setDesktopFileName(QStringLiteral("jevons"));  // resources/jevons.desktop
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/jevons.svg")));
    QApplication::setFont(palette::font(10));

    const DashboardOptions options = parseDashboardCommandLine(app);
    const bool shooting = options.shooting();
    applyInterfaceLanguage(options.language);
    MainWindow window;
    if (!shooting) loadDisplayPreferences(*window.document());
    if (shooting) {
        window.setMessageSink([](const QString& title, const QString& text) {
            std::fprintf(stderr, "jevons: %s: %s\n", qPrintable(title), qPrintable(text));
        });
    } else {
        window.restoreSettings();
    }
    window.document()->setLanguage(options.language);
    const QString path = options.file.isEmpty() ? findDefaultForecast() : options.file;
    // Work of a crashed session first (screenshots leave it alone unless told otherwise).
    std::unique_ptr<Autosave> autosave;
    if (!shooting) {
        autosave = std::make_unique<Autosave>(window.document());
        QObject::connect(autosave.get(), &Autosave::failed, &window, [&window](const QString& m) {
            window.statusBar()->showMessage(m, 15000);
        });
    }
    const bool recovered =
        offerRecovery(window.services(), autosave.get(),
                      recoveryModeFromName(options.recovery,
                                           shooting ? RecoveryMode::Ignore : RecoveryMode::Ask));
    bool opened = recovered;  // a recovered document replaces the file on the command line
    if (!recovered) {
        if (path.isEmpty())
            std::fprintf(stderr, "jevons: no forecast given and no default.json found\n");
        else
            opened = window.openFile(path);
    }

    runTestHooks(options, window.document());
    if (options.modelMap)
        if (auto* map = window.findChild<QDockWidget*>(QStringLiteral("modelMapDock"))) {
            // The picture in the README: the map in place of the tables.
            if (auto* tables = window.findChild<QDockWidget*>(QStringLiteral("tablesDock")))
                tables->hide();
            map->show();
            window.resizeDocks({map}, {430}, Qt::Vertical);
        }
    if (!options.editor.isEmpty()) openEditorOn(window, options.editor);
    if (!options.compare.isEmpty() && opened) {
        window.document()->switchScenario(options.compare);
        if (auto* compare = window.findChild<QToolButton*>(QStringLiteral("compareButton")))
            compare->setChecked(true);
        if (auto* tables = window.findChild<QDockWidget*>(QStringLiteral("tablesDock")))
            tables->hide();  // the picture: the lines of every scenario and the bridge
    }
    if (options.exitAfterLoad) {
        if (autosave) autosave->setRemoveOnExit(false);  // a peek must not consume the work
        return opened ? 0 : 2;
    }
    if (!options.presentScreenshot.isEmpty()) {
        if (!opened) return 2;
        return renderPresentationScreenshot(window.services(), options.presentScreenshot,
                                            options.slide, options.theme, options.whatIf);
    }
    if (shooting)
        return writeScreenshot(window, options.screenshot, opened, options.firstFrameTime);
    window.show();
    return QApplication::exec();
}
