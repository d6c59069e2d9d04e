#pragma once
// The presenter's menus on the main window: View (Present F5, Units, Interface language) and
// Help (Keyboard shortcuts, About). Kept out of mainwindow.cpp: MainWindow calls this once.
#include "app/window_services.h"

#include <QString>

namespace jevons::app {

class PresentationWindow;

void installPresenterMenus(const WindowServices& services);

/// @brief Open presentation mode on the window's document (F5): full screen, on a second screen
/// when there is one. The presentation deletes itself when it closes.
PresentationWindow* startPresentation(const WindowServices& services);

/// @brief `--present-screenshot`: render slide `slide` (0-based) of the open forecast at
/// 1920x1080 in `theme` ("light" | "dark"), with the what-if overlay when `whatIf`, to `path`.
/// Returns 0, or 3 when the PNG cannot be written.
int renderPresentationScreenshot(const WindowServices& services, const QString& path, int slide,
                                 const QString& theme, bool whatIf);

}  // namespace jevons::app
