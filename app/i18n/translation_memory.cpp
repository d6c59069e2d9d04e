#include "app/i18n/translation_memory.h"

#include <QMutexLocker>

namespace jevons::app {

void TranslationMemory::setCatalogues(QList<const QTranslator*> catalogues) {
    QMutexLocker lock(&m_mutex);
    m_catalogues = std::move(catalogues);
}

QString TranslationMemory::translate(const char* context, const char* sourceText,
                                     const char* disambiguation, int n) const {
    if (!sourceText) return {};
    QMutexLocker lock(&m_mutex);
    QString text;
    for (const QTranslator* catalogue : m_catalogues) {
        text = catalogue->translate(context, sourceText, disambiguation, n);
        if (!text.isNull()) break;
    }
    if (text.isNull()) text = QString::fromUtf8(sourceText);
    // Plural forms are shown with %n filled in (by QCoreApplication::translate, after this
    // returns): remember them as shown.
    m_sources.insert(withCount(text, n), Source{QByteArray(context), QByteArray(sourceText),
                                                QByteArray(disambiguation), n});
    return text;
}

QString TranslationMemory::withCount(QString text, int n) {
    if (n >= 0) text.replace(QStringLiteral("%n"), QString::number(n));
    return text;
}

QString TranslationMemory::retranslate(const QString& shown) const {
    Source source;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_sources.constFind(shown);
        if (it == m_sources.constEnd()) return {};
        source = *it;
    }
    return withCount(
        translate(source.context.constData(), source.text.constData(),
                  source.disambiguation.isEmpty() ? nullptr : source.disambiguation.constData(),
                  source.n),
        source.n);
}

TranslationMemory& translationMemory() {
    static TranslationMemory memory;
    return memory;
}

}  // namespace jevons::app
