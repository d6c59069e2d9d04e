#include "app/i18n/interface_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstring>

namespace jevons::app {
namespace {

const QString kLanguageKey = QStringLiteral("interface/language");
QString g_current = QStringLiteral("en");

/// lupdate's C++ parser does not follow `namespace jevons::app {`, so it files the strings of
/// jevons::app::MainWindow under "MainWindow": look there when the qualified context has none.
class AppTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (text.isNull() && context) {
            if (const char* colon = std::strrchr(context, ':'))
                text = QTranslator::translate(colon + 1, sourceText, disambiguation, n);
        }
        return text;
    }
};

QTranslator& appTranslator() {
    static AppTranslator translator;
    return translator;
}

QTranslator& qtTranslator() {
    static QTranslator translator;
    return translator;
}

}  // namespace

QString systemInterfaceLanguage() {
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh")
                                                            : QStringLiteral("en");
}

QString preferredInterfaceLanguage() {
    const QString saved = QSettings().value(kLanguageKey).toString();
    return saved == QStringLiteral("zh") || saved == QStringLiteral("en")
               ? saved
               : systemInterfaceLanguage();
}

void savePreferredInterfaceLanguage(const QString& language) {
    QSettings().setValue(kLanguageKey, language);
}

QString currentInterfaceLanguage() { return g_current; }

bool applyInterfaceLanguage(const QString& language) {
    QCoreApplication::removeTranslator(&appTranslator());
    QCoreApplication::removeTranslator(&qtTranslator());
    if (language != QStringLiteral("zh")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        g_current = QStringLiteral("en");
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const bool loaded = appTranslator().load(QStringLiteral(":/i18n/jevons_zh_CN.qm"));
    if (loaded) QCoreApplication::installTranslator(&appTranslator());
    // Qt's own strings (dialog buttons, context menus) when Debian's translations are installed.
    if (qtTranslator().load(QStringLiteral("qtbase_zh_CN"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator());
    g_current = loaded ? QStringLiteral("zh") : QStringLiteral("en");
    return loaded;
}

}  // namespace jevons::app
