#pragma once
// The application's one installed QTranslator: it asks the catalogues of the current language
// (none for English: the source text is the English) and remembers, for every string it hands
// out, the source text it came from, so that a language switch can translate visible texts again
// (live_retranslation.h).
#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QTranslator>

namespace jevons::app {

class TranslationMemory : public QTranslator {
public:
    /// @brief Catalogues to answer from, tried in order (the app's, then Qt's own); empty =
    /// English. Contract: they outlive their use here (applyInterfaceLanguage keeps them static).
    void setCatalogues(QList<const QTranslator*> catalogues);

    /// @brief The text in the current language (the source text when no catalogue has it), and
    /// remembers where it came from. Never null for a non-null source.
    QString translate(const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const override;
    [[nodiscard]] bool isEmpty() const override { return false; }

    /// @brief The source behind `shown`, translated into the current language; null when `shown`
    /// did not come from this translator.
    [[nodiscard]] QString retranslate(const QString& shown) const;

private:
    /// `text` as shown for count `n`: %n replaced by the number (n < 0: no count, unchanged).
    [[nodiscard]] static QString withCount(QString text, int n);
    struct Source {
        QByteArray context, text, disambiguation;
        int n = -1;
    };
    QList<const QTranslator*> m_catalogues;
    mutable QMutex m_mutex;
    mutable QHash<QString, Source> m_sources;  ///< shown text → where it came from
};

/// @brief The instance applyInterfaceLanguage installs.
[[nodiscard]] TranslationMemory& translationMemory();

}  // namespace jevons::app
