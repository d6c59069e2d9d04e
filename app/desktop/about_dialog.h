#pragma once
// Help → About Jevons and Help → Keyboard shortcuts.
#include <QString>

class QWidget;

namespace jevons::app {

/// @brief The project version (PROJECT_VERSION of the top CMakeLists.txt).
[[nodiscard]] QString applicationVersion();
/// @brief Rich text of the About box: name, version, what it is, licence.
[[nodiscard]] QString aboutText();
void showAboutBox(QWidget* parent);
/// @brief The presenter's keys as an HTML table.
[[nodiscard]] QString shortcutsText();
void showShortcuts(QWidget* parent);

}  // namespace jevons::app
