#include "app/presentation/presenter_menus.h"

#include "app/desktop/about_dialog.h"
#include "app/document/document.h"
#include "app/i18n/interface_language.h"
#include "app/presentation/presentation_window.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "app/units/units_menu.h"
#include "app/window_services.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QImage>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace jevons::app {

PresentationWindow* startPresentation(const WindowServices& services) {
    QMainWindow* window = services.window;
    auto* presentation = new PresentationWindow(services.document);
    presentation->setUncertaintyEngine(services.engine);
    presentation->setAttribute(Qt::WA_DeleteOnClose);
    presentation->present(window);
    return presentation;
}

void installPresenterMenus(const WindowServices& services) {
    QMainWindow* window = services.window;
    Document* document = services.document;
    QMenu* view = window->menuBar()->addMenu(QObject::tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* present = view->addAction(QObject::tr("&Present"));
    present->setObjectName(QStringLiteral("presentAction"));
    present->setShortcut(QKeySequence(Qt::Key_F5));
    present->setToolTip(QObject::tr("One chart per screen, full screen (F5)"));
    QObject::connect(present, &QAction::triggered, window, [services] {
        if (services.document->isLoaded()) startPresentation(services);
    });
    window->addAction(present);  // F5 works with the menu bar hidden too
    view->addSeparator();
    view->addMenu(createUnitsMenu(document, window));

    QMenu* language = view->addMenu(QObject::tr("&Language"));
    auto* group = new QActionGroup(language);
    for (const auto& [code, name] : {std::pair{"en", "English"}, std::pair{"zh", "中文"}}) {
        QAction* action = language->addAction(QString::fromUtf8(name));
        action->setCheckable(true);
        action->setData(QString::fromLatin1(code));
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, window, [window, document, action] {
            const QString lang = action->data().toString();
            savePreferredInterfaceLanguage(lang);
            applyInterfaceLanguage(lang);
            document->setLanguage(lang);  // charts, tables and labels from the file
        });
    }
    QObject::connect(language, &QMenu::aboutToShow, group, [group, document] {
        for (QAction* a : group->actions()) a->setChecked(a->data() == document->language());
    });

    QMenu* help = window->menuBar()->addMenu(QObject::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* keys = help->addAction(QObject::tr("&Keyboard Shortcuts"));
    QObject::connect(keys, &QAction::triggered, window, [window] { showShortcuts(window); });
    QAction* about = help->addAction(QObject::tr("&About Jevons"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] { showAboutBox(window); });
}

int renderPresentationScreenshot(const WindowServices& services, const QString& path, int slide,
                                 const QString& theme, bool whatIf) {
    PresentationWindow presentation(services.document);
    presentation.setUncertaintyEngine(services.engine);
    presentation.setTheme(theme == QStringLiteral("dark") ? PresentationWindow::Theme::Dark
                                                          : PresentationWindow::Theme::Light);
    presentation.setSlide(slide);
    presentation.resize(1920, 1080);
    presentation.show();
    presentation.setOverlayVisible(whatIf);
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
    const QImage image = presentation.grab().toImage();
    return image.save(path, "PNG") ? 0 : 3;
}

}  // namespace jevons::app
