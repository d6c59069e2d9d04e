#pragma once
// The dashboard window: assumptions on the left, the chart grid in the middle, the data and
// scenario-differences tables below; File/Edit menus with undo, recent files and settings.
#include "app/scenarios/scenario_comparison.h"
#include "app/window_services.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>

class QCloseEvent;
class QComboBox;
class QDockWidget;
class QLineEdit;
class QMenu;
class QScreen;
class QScrollArea;
class QTableView;

namespace jevons::app {

class AssumptionsPanel;
class ChartGrid;
class CopyableTableView;
class DifferencesModel;
class Document;
class ScenarioBar;
class SeriesTableModel;
class UncertaintyEngine;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// @brief Asked before discarding unsaved changes: Save, Discard or Cancel.
    using UnsavedChangesPrompt = std::function<QMessageBox::StandardButton(QWidget* parent)>;
    /// @brief Shows an error (a refused file, a failed save).
    using MessageSink = std::function<void(const QString& title, const QString& text)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] Document* document() const { return m_document; }
    [[nodiscard]] AssumptionsPanel* assumptionsPanel() const { return m_assumptions; }
    [[nodiscard]] ChartGrid* chartGrid() const { return m_charts; }
    [[nodiscard]] SeriesTableModel* tableModel() const { return m_tableModel; }
    [[nodiscard]] CopyableTableView* tableView() const { return m_table; }
    [[nodiscard]] DifferencesModel* differencesModel() const { return m_differences; }
    [[nodiscard]] ScenarioBar* scenarioBar() const { return m_scenarioBar; }
    /// @brief Monte Carlo of the current values: fan charts and CAGR ranges (issue 5).
    [[nodiscard]] UncertaintyEngine* uncertaintyEngine() const { return m_uncertainty; }
    /// @brief What the window's features (export, calibration, presentation, recovery) use.
    [[nodiscard]] WindowServices services();

    /// @brief Start a new forecast from the template `templateName` ("blank", "market_share",
    /// "default"; NewForecastDialog): untitled and modified. On failure shows why and keeps the
    /// current document. Does not ask about unsaved changes (newDialog does).
    bool newForecast(const QString& templateName);
    /// @brief File → New (Ctrl+N): asks about unsaved changes, then the gallery.
    void newDialog();
    /// @brief Open a forecast (asking about unsaved changes first). On failure shows the core's
    /// message and keeps the current document as it was.
    bool openFile(const QString& path);
    /// @brief Save to `path` atomically; on failure shows why and the old file stays intact.
    bool saveTo(const QString& path);
    bool save();
    bool saveAs();
    /// @brief When modified, ask Save / Discard / Cancel; true = go ahead.
    bool maybeSave();
    void setCompareMode(bool on);
    [[nodiscard]] bool compareMode() const { return m_compareMode; }
    /// @brief Years of the scenario differences table.
    void setDifferenceYears(const QList<int>& years);

    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_prompt = std::move(prompt); }
    void setMessageSink(MessageSink sink) { m_messages = std::move(sink); }
    /// @brief Geometry and dock layout from the last session (QSettings keys window/geometry,
    /// window/state; saved on close). On a first start (nothing saved, or a saved geometry that
    /// no longer restores) the window is placed by placeForFirstStart() on the screen it will
    /// open on. Returns true when a saved geometry was restored.
    bool restoreSettings();
    void saveSettings() const;
    /// @brief 90% of `screen`'s available width and height, centred; the assumptions dock a
    /// quarter of the width (330–360 px), so the chart grid gets as many columns as fit
    /// (chart_grid.h): two on 1366×768, three on 1920×1080, four on 2560×1440.
    void placeForFirstStart(const QScreen* screen);
    /// @brief The first-start frame: 90% of `available` in each direction (so ~81% of its
    /// area), centred in it. Pure.
    [[nodiscard]] static QRect firstStartGeometry(const QRect& available);

protected:
    void closeEvent(QCloseEvent* event) override;
    /// Language switched: the title (composed, not retranslated by the walk) follows.
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void updateTitle();
    void addRecentFile(const QString& path);
    void fillRecentMenu();
    void saveAsScenario();
    void refreshComparison();
    void openDialog();

    Document* m_document;
    AssumptionsPanel* m_assumptions;
    ChartGrid* m_charts;
    QScrollArea* m_chartScroll;
    SeriesTableModel* m_tableModel;
    CopyableTableView* m_table;
    ScenarioComparison m_comparison;
    DifferencesModel* m_differences;
    CopyableTableView* m_differencesView;
    QLineEdit* m_differenceYears;
    ScenarioBar* m_scenarioBar;
    QComboBox* m_language;
    QMenu* m_recentMenu = nullptr;
    UncertaintyEngine* m_uncertainty = nullptr;
    QDockWidget* m_bridgeDock = nullptr;
    bool m_compareMode = false;
    UnsavedChangesPrompt m_prompt;
    MessageSink m_messages;
};

}  // namespace jevons::app
