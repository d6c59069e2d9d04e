#pragma once
// Writing the open forecast as a PowerPoint deck (core/deck) with the document's current values:
// what the Export deck dialog and `jevons-cli export deck` share.
#include "app/uncertainty/uncertainty_result.h"
#include "core/deck/deck_update.h"

#include <QString>
#include <QStringList>

namespace jevons::app {

class Document;

struct DeckExportRequest {
    QStringList chartIds;  ///< in slide order; empty = every chart of the forecast
    QString language = QStringLiteral("en");  ///< "en" or "zh"
    bool pictures = false;  ///< charts as PNG pictures instead of native, editable charts
    /// Native uncertainty slides after the charts (core/deck/uncertainty_slides.h): a fan for
    /// every chosen line chart with bands, the tornado and the histogram below, simulated with
    /// the document's current values and distributions. Nothing when no assumption has a range.
    bool uncertainty = false;
    /// "id" or "id.output"; empty, year 0: the forecast's focus (core::Scenario::focus).
    QString tornadoOutput{};
    int tornadoYear = 0;
    QString histogramOutput{};
    int histogramYear = 0;
    /// Scenario bridges after the charts: native waterfalls from one scenario to another, with
    /// the scenarios' values as edited in the dashboard (Document::scenarioValues).
    struct Bridge {
        QString from = QStringLiteral("base");
        QString to;
        QString output{};  ///< empty, year 0: the focus
        int year = 0;
    };
    QList<Bridge> bridges{};
    /// The firm's template (.potx or .pptx) the slides are placed into; empty = Jevons' own.
    QString templatePath{};
    /// Picture decks: the fan bands and CAGR ranges the pictures carry, as on the dashboard
    /// (UncertaintyEngine::current()); null = none.
    UncertaintyResult pictureBands;
};

/// @brief Build and write the deck of `document` (current values, active scenario named on every
/// slide, "(edited)" when the values differ from that scenario as loaded) to `path`. Throws
/// core::deck::DeckError ("cannot write …: Permission denied", "unknown chart 'x'"); the file
/// is written beside and renamed, so `path` is never left partial. Pictures need a
/// QApplication.
void exportDeck(const Document& document, const DeckExportRequest& request, const QString& path);

/// @brief Update the deck at `path` in place from `document` (core::deck::updateDeck): each
/// linked chart redrawn for its own scenario with that scenario's values as edited here
/// (Document::scenarioValues), in the forecast's current structure. Throws
/// core::deck::DeckError naming the file and part; the deck on disk is untouched then.
[[nodiscard]] core::deck::DeckUpdate updateDeckFile(const Document& document, const QString& path);

}  // namespace jevons::app
