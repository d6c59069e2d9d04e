#pragma once
// View → Units: money in US$B, US$M, 亿美元 or 亿元 (RMB, with a stated exchange rate), volumes in
// M units or 万台, percentages with 0-3 decimals. The choice is kept in QSettings and applied to
// charts, tables, sliders and exports (they all format through app/common/display.h).
#include <QObject>

class QMenu;
class QWidget;

namespace jevons::app {

class Document;

/// @brief Display preferences from QSettings ("units/..."), applied to `document` with
/// Document::setDisplayPreferences (which validates them).
void loadDisplayPreferences(Document& document);
/// @brief Keep `document`'s display preferences in QSettings ("units/...").
void saveDisplayPreferences(const Document& document);

/// @brief The Units menu for `document`; choosing an entry applies it to the document (views
/// rebuild) and saves it.
[[nodiscard]] QMenu* createUnitsMenu(Document* document, QWidget* parent);

/// @brief Ask for the exchange rate (CNY per US$) and apply it; false when cancelled.
bool askExchangeRate(Document* document, QWidget* parent);

}  // namespace jevons::app
