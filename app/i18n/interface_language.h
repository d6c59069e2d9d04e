#pragma once
// The interface language: Qt Linguist translations compiled at build time (resources/translations,
// embedded under :/i18n) plus Qt's own strings, following the system locale unless the user chose
// a language (QSettings "interface/language"). Chart titles, labels and units come from the
// forecast file's en/zh labels (Document::language), which the same choice sets.
#include <QString>

namespace jevons::app {

/// @brief "zh" when the system locale is Chinese, else "en".
[[nodiscard]] QString systemInterfaceLanguage();
/// @brief The saved choice, else systemInterfaceLanguage().
[[nodiscard]] QString preferredInterfaceLanguage();
void savePreferredInterfaceLanguage(const QString& language);
/// @brief Switch the interface to "en" or "zh": the translator answers in that language, numbers
/// follow that locale (QLocale::setDefault), and the texts of open windows, menus and docks are
/// translated again on the spot (live_retranslation.h). Returns false when the compiled
/// translation is missing (the interface then stays English).
bool applyInterfaceLanguage(const QString& language);
[[nodiscard]] QString currentInterfaceLanguage();

}  // namespace jevons::app
