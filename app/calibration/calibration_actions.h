#pragma once
// The dashboard's calibration commands: File → Import actuals…, Edit → Paste actuals,
// Tools → Fit curve…, and "Fit curve…" in each chart card's context menu. Installed by
// MainWindow with one line.
#include "app/window_services.h"

#include <QObject>
#include <QString>

class QMenu;

namespace jevons::app {

class CalibrationActions : public QObject {
    Q_OBJECT
public:
    CalibrationActions(const WindowServices& services, QMenu* fileMenu, QMenu* editMenu);

    /// @brief Ask for a CSV file and open the import dialog on it.
    void importFile();
    /// @brief Open the import dialog on the clipboard's text.
    void pasteActuals();
    /// @brief Open the import dialog on `text` (from `origin`); returns whether it was applied.
    bool importText(const QString& text, const QString& origin);
    /// @brief Open the fit dialog, on `seriesId` if given.
    void fitDialog(const QString& seriesId = {});

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    WindowServices m_services;
};

}  // namespace jevons::app
