#pragma once
// Presentation mode (F5): one chart per screen, full screen, on a second screen when one is
// attached. Big fonts (the chart is drawn at slide size and magnified), arrow / page / clicker
// keys move, a slide counter, the chart's source line, light and dark themes, Esc leaves.
// W raises the what-if sliders of the current chart (WhatIfOverlay); W again hides them.
#include <QWidget>

class QLabel;

namespace jevons::app {

class ChartCard;
class Document;
class UncertaintyEngine;
class WhatIfOverlay;

class PresentationWindow : public QWidget {
    Q_OBJECT
public:
    enum class Theme { Light, Dark };

    explicit PresentationWindow(Document* document, QWidget* parent = nullptr);
    ~PresentationWindow() override;

    [[nodiscard]] int slideCount() const;
    [[nodiscard]] int currentSlide() const { return m_slide; }
    /// @brief The chart card on screen (rebuilt for every slide), or nullptr without charts.
    [[nodiscard]] ChartCard* card() const { return m_card; }
    [[nodiscard]] WhatIfOverlay* overlay() const { return m_overlay; }
    [[nodiscard]] QLabel* counterLabel() const { return m_counter; }
    [[nodiscard]] QLabel* unsavedLabel() const { return m_unsaved; }
    [[nodiscard]] bool overlayVisible() const;
    [[nodiscard]] Theme theme() const { return m_theme; }
    /// @brief How much the chart is magnified (fonts, lines, markers) for the current size.
    [[nodiscard]] qreal scale() const { return m_scale; }

    /// @brief Draw fan charts and CAGR ranges from `engine` (the main window's) on every slide.
    void setUncertaintyEngine(UncertaintyEngine* engine);

    /// @brief Full screen on the screen `mainWindow` is not on (or on its screen when alone).
    void present(QWidget* mainWindow);

public slots:
    void setSlide(int index);
    void next();
    void previous();
    void setOverlayVisible(bool visible);
    void toggleOverlay();
    void setTheme(jevons::app::PresentationWindow::Theme theme);
    void toggleTheme();

signals:
    void slideChanged(int index);
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// @brief Delete the current chart card safely (clears m_card first).
    void dropCard();

    bool handleKey(QKeyEvent* event, bool focusInEditor);
    void rebuild();
    void fitChart();
    void applyTheme();
    void recolorLabels();
    void styleSource();
    void updateFooter();

    Document* m_document;
    int m_slide = 0;
    Theme m_theme = Theme::Light;
    qreal m_scale = 1.0;
    qreal m_sourcePt = 12.0;
    ChartCard* m_card = nullptr;
    UncertaintyEngine* m_uncertainty = nullptr;
    QWidget* m_stage;
    WhatIfOverlay* m_overlay;
    QLabel* m_title;
    QLabel* m_counter;
    QLabel* m_unsaved;
    QLabel* m_help;
    QWidget* m_footer;
};

}  // namespace jevons::app
