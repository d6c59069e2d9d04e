#pragma once
// The "Uncertainty" dock: tabs Histogram and Tornado, toggled from View → Uncertainty Charts;
// each chart has a context menu to copy it or save it as PNG (2x) or SVG. install() also adds
// Edit → Goal Seek… (Ctrl+G).
#include <QByteArray>
#include <QDockWidget>
#include <QImage>

class QChartView;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace jevons::app {

class Document;
class HistogramView;
class TornadoView;

/// @brief A chart view as a picture: PNG at `scale`x on white, or SVG (vector text).
[[nodiscard]] QImage chartViewImage(QChartView* view, int scale = 2);
[[nodiscard]] QByteArray chartViewPng(QChartView* view, int scale = 2);
[[nodiscard]] QByteArray chartViewSvg(QChartView* view, const QString& title);
/// @brief The context menu of a chart view (the caller owns it): Copy as Picture, Save as PNG…,
/// Save as SVG… (files named `name`, dialogs over `parent`). Every chart view outside the cards
/// (histogram, tornado, scenario bridge) offers it.
[[nodiscard]] QMenu* chartPictureMenu(QChartView* view, const QString& name, QWidget* parent);
/// @brief Write the chart of `view` to `path` (.png at 2x or .svg), through the one atomic
/// writer; false with `error` on failure (the file at `path` untouched).
bool saveChartPicture(QChartView* view, const QString& name, const QString& path,
                      QString* error = nullptr);

class UncertaintyDock : public QDockWidget {
    Q_OBJECT
public:
    explicit UncertaintyDock(Document* document, QWidget* parent = nullptr);

    /// @brief Create the dock (hidden, right-hand side) in `window`, its View-menu toggle and
    /// Edit → Goal Seek… (menus found by object name "viewMenu" and "editMenu").
    static UncertaintyDock* install(QMainWindow* window, Document* document);

    [[nodiscard]] HistogramView* histogramView() const { return m_histogram; }
    [[nodiscard]] TornadoView* tornadoView() const { return m_tornado; }
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    /// @brief The context menu of a chart (the caller owns it): copy, PNG, SVG.
    [[nodiscard]] QMenu* pictureMenu(QChartView* view, const QString& name, QWidget* parent);
    /// @brief Write the chart of `view` to `path` (.png or .svg); false with `error` on failure.
    bool savePicture(QChartView* view, const QString& name, const QString& path,
                     QString* error = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void openGoalSeek();

    Document* m_document;
    QTabWidget* m_tabs;
    HistogramView* m_histogram;
    TornadoView* m_tornado;
};

}  // namespace jevons::app
