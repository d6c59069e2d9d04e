#include "app/i18n/interface_language.h"

#include "app/i18n/live_retranslation.h"
#include "app/i18n/translation_memory.h"

#include <QCoreApplication>
#include <QEvent>
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
    // One translator stays installed (it records sources for live switching); the catalogues
    // behind it change.
    TranslationMemory& memory = translationMemory();
    static bool installed = false;
    if (!installed) installed = QCoreApplication::installTranslator(&memory);
    QList<const QTranslator*> catalogues;
    bool loaded = false;
    if (language == QStringLiteral("zh")) {
        loaded = appTranslator().load(QStringLiteral(":/i18n/jevons_zh_CN.qm"));
        if (loaded) catalogues.append(&appTranslator());
        // Qt's own strings (dialog buttons, context menus) when Debian's translations are there.
        if (qtTranslator().load(QStringLiteral("qtbase_zh_CN"),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            catalogues.append(&qtTranslator());
    }
    memory.setCatalogues(catalogues);
    g_current = loaded ? QStringLiteral("zh") : QStringLiteral("en");
    QLocale::setDefault(loaded ? QLocale(QLocale::Chinese, QLocale::China)
                               : QLocale(QLocale::English, QLocale::UnitedStates));
    retranslateInterface();
    // Widgets that compose texts themselves refresh them on LanguageChange (changeEvent).
    if (QCoreApplication::instance()) {
        QEvent changed(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &changed);
    }
    return loaded || language != QStringLiteral("zh");
}

}  // namespace jevons::app
