#pragma once
// The dashboard's Monte Carlo: keeps the document's sampling plan and re-runs the simulation
// with the CURRENT assumption values after every change, so that fan charts and CAGR ranges
// follow the sliders while they are dragged. Runs on the GUI thread, coalesced: however many
// edits arrive in one event-loop turn, one run follows with the latest values. During an
// interactive edit (a slider or anchor drag, a typing burst) it simulates the first kDragPaths
// paths only (the same paths: a seed's first N paths do not depend on the total), and the
// file's full count once the edit ends.
#include "app/uncertainty/uncertainty_result.h"

#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QTimer;

namespace jevons::app {

class Document;

/// @brief The simulation of `document`'s current values (the active scenario as edited) with the
/// file's seed and `paths` paths (0 = the file's uncertainty.paths). Throws what runMonteCarlo
/// throws. Contract: document.isLoaded(); `plan` was made from document.scenario().
[[nodiscard]] UncertaintyResult simulateCurrentValues(const Document& document,
                                                      const core::SamplingPlan& plan,
                                                      int paths = 0);

class UncertaintyEngine : public QObject {
    Q_OBJECT
public:
    /// @brief QSettings key of the user's on/off choice; absent = on when the file has a range.
    static inline const char* const kSettingsKey = "view/showUncertainty";
    /// @brief Paths simulated while a value is being dragged (at most the file's count).
    static constexpr int kDragPaths = 2000;

    explicit UncertaintyEngine(Document* document, QObject* parent = nullptr);
    ~UncertaintyEngine() override;

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    /// @brief The latest result (maybe one event-loop turn behind the values; see current()).
    [[nodiscard]] UncertaintyResult result() const { return m_result; }
    /// @brief The result for the document's values now: runs a pending simulation first.
    [[nodiscard]] UncertaintyResult current();
    /// @brief Why the last run gave no result (the core's message), or empty.
    [[nodiscard]] QString problem() const { return m_problem; }
    /// @brief Wall time of the last simulation in milliseconds (plan excluded).
    [[nodiscard]] double lastRunMilliseconds() const { return m_lastMs; }
    /// @brief Simulations run since construction (tests: coalescing).
    [[nodiscard]] long runCount() const { return m_runs; }
    [[nodiscard]] bool isPending() const { return m_pending; }
    /// @brief The checkable View-menu action ("Show uncertainty", Ctrl+Shift+U), owned by the
    /// engine; created on first call.
    [[nodiscard]] QAction* toggleAction();

public slots:
    /// @brief Turn the bands on or off and remember the choice (QSettings).
    void setEnabled(bool on);
    /// @brief Run the pending simulation now (no-op when none is pending).
    void flush();

signals:
    /// @brief A new result (null when off or when the simulation failed).
    void resultChanged(jevons::app::UncertaintyResult result);
    void enabledChanged(bool on);
    /// @brief The simulation or the plan was refused; `message` is the core's.
    void failed(const QString& message);

private:
    void onDocumentReset();
    void rebuildPlan();
    void schedule();
    void run();
    void publish(UncertaintyResult result);
    void refineAfterDrag();
    /// @brief The file's path count (uncertainty.paths, default 10,000).
    [[nodiscard]] int fullPaths() const;

    Document* m_document;
    std::optional<core::SamplingPlan> m_plan;
    UncertaintyResult m_result;
    QString m_problem;
    QAction* m_action = nullptr;
    QTimer* m_refine;  ///< after a drag run: the full run once the interactive edit has ended
    bool m_enabled = false;
    bool m_pending = false;
    double m_lastMs = 0.0;
    long m_runs = 0;
};

}  // namespace jevons::app
