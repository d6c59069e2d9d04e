#pragma once
// What the main window hands the features it installs (export, calibration, the presenter's
// menus, crash recovery): the document they work on, the simulation engine, the chart grid
// they add context menus to, and the window as a plain QMainWindow (menu bar, status bar, the
// parent of their dialogs). Features depend on this, not on MainWindow, and follow the forecast
// through Document's signals; only main.cpp and mainwindow.cpp include mainwindow.h.
class QMainWindow;
class QWidget;

namespace jevons::app {

class Document;
class UncertaintyEngine;

/// @brief Borrowed pointers, all owned by the main window and valid as long as it lives.
struct WindowServices {
    QMainWindow* window = nullptr;        ///< menu bar, status bar, dialog parent
    Document* document = nullptr;         ///< never null once the window exists
    UncertaintyEngine* engine = nullptr;  ///< the window's Monte Carlo engine
    QWidget* chartGrid = nullptr;         ///< the widget holding the chart cards
};

}  // namespace jevons::app
