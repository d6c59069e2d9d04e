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
    // Plural forms are completed (%n) after this returns, so they never match a shown text.
    if (n < 0)
        m_sources.insert(text, Source{QByteArray(context), QByteArray(sourceText),
                                      QByteArray(disambiguation), n});
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
    return translate(source.context.constData(), source.text.constData(),
                     source.disambiguation.isEmpty() ? nullptr : source.disambiguation.constData(),
                     source.n);
}

TranslationMemory& translationMemory() {
    static TranslationMemory memory;
    return memory;
}

}  // namespace jevons::app
