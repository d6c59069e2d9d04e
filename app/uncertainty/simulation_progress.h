#pragma once
// The status bar's view of a long simulation: "Simulating 10,000 paths" with a progress bar and
// a Cancel button, shown while UncertaintyEngine reports a run that has taken over 0.3 s and
// hidden when it ends, fails or is cancelled.
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace jevons::app {

class UncertaintyEngine;

class SimulationProgress : public QWidget {
    Q_OBJECT
public:
    /// @brief Follows `engine`'s progressChanged; Cancel calls its cancelRun(). Hidden at first.
    explicit SimulationProgress(UncertaintyEngine* engine, QWidget* parent = nullptr);

private:
    void showProgress(int percent, int paths);

    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

}  // namespace jevons::app
