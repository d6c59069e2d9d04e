#pragma once
// Switching the interface language without a restart.
//
// Every tr() call goes through one recording translator (installed by applyInterfaceLanguage):
// it answers from the zh_CN catalogue (or with the English source) and remembers which source
// text produced each string it handed out. After a switch, retranslateInterface() walks every
// window, widget and action and replaces each text that a tr() call produced (menu titles,
// actions, dock titles, labels, buttons, tabs, combo items, tool tips, placeholders) by the same
// source text in the new language. Texts composed at run time ("Opened %1") are not recorded
// under their final form; their owners refresh them (status messages expire, views rebuild on
// Document::languageChanged).
#include <QString>

class QObject;

namespace jevons::app {

/// @brief The source text (context, text, disambiguation, n) that produced `shown`, translated
/// again with the translators installed now; a null QString when `shown` was not produced by a
/// tr() call (then it is left alone).
[[nodiscard]] QString retranslated(const QString& shown);

/// @brief Retranslate `root` and everything under it (widgets, actions, tab and combo texts).
/// Returns how many texts changed.
int retranslateTree(QObject* root);

/// @brief retranslateTree over every top-level widget of the application (no-op without a
/// QApplication). Returns how many texts changed.
int retranslateInterface();

}  // namespace jevons::app
