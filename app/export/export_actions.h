#pragma once
// The dashboard's export commands: File → Export (chart picture, copy chart, deck) and each chart
// card's context menu (copy as image, save as PNG / SVG / PDF). Installed by MainWindow with one
// line; owns no state beyond the folder last exported to.
#include "app/export/chart_renderer.h"
#include "app/export/deck_export.h"

#include "app/window_services.h"

#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace jevons::app {

class ChartCard;

class ExportActions : public QObject {
    Q_OBJECT
public:
    /// @brief Adds an "Export" submenu to `fileMenu` and a context menu to every chart card.
    ExportActions(const WindowServices& services, QMenu* fileMenu);

    using MessageSink = std::function<void(const QString& title, const QString& text)>;
    /// @brief Where errors go (default: a warning box over the window).
    void setMessageSink(MessageSink sink) { m_messages = std::move(sink); }
    /// @brief Where an update's report goes (default: an information box over the window).
    void setReportSink(MessageSink sink) { m_reports = std::move(sink); }

    [[nodiscard]] QMenu* exportMenu() const { return m_menu; }
    /// @brief A new context menu for the card of chart `chartId` (the caller owns it).
    [[nodiscard]] QMenu* chartMenu(const QString& chartId, QWidget* parent) const;

    /// @brief Copy chart `chartId` to the clipboard as an image (2x slide size, white).
    bool copyChart(const QString& chartId);
    /// @brief Write chart `chartId` to `path`; on failure shows why and returns false.
    bool exportPicture(const QString& chartId, PictureFormat format,
                       const ChartPictureOptions& options, const QString& path);
    /// @brief Write the deck to `path`; on failure (DeckError) shows why and returns false.
    bool exportDeckTo(const DeckExportRequest& request, const QString& path);

    /// @brief The dialogs (choose, then a file dialog for the target).
    void pictureDialog(const QString& chartId = {});
    void quickPicture(const QString& chartId, PictureFormat format);
    void deckDialog();
    /// @brief File → Update Deck…: asks for a deck exported before, then updateDeckAt.
    void updateDeckDialog();
    /// @brief Updates the deck at `path` from the open forecast (updateDeckFile) and reports one
    /// line per linked chart ("Slide 3: asic_market (base): updated"), which it returns; on
    /// failure shows why (the deck untouched) and returns an empty list.
    QStringList updateDeckAt(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] QString askPath(const QString& title, const QString& name, const QString& filter);
    [[nodiscard]] QString lastDir() const;
    /// @brief The bands pictures carry: the engine's result for the current values, or null.
    [[nodiscard]] UncertaintyResult currentUncertainty() const;
    void fail(const QString& title, const QString& text);
    void done(const QString& text);

    WindowServices m_services;
    QMenu* m_menu;
    MessageSink m_messages;
    MessageSink m_reports;
};

}  // namespace jevons::app
