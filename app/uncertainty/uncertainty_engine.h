#pragma once
// The dashboard's Monte Carlo: keeps the document's sampling plan and re-runs the simulation
// with the CURRENT assumption values after every change, so that fan charts and CAGR ranges
// follow the sliders while they are dragged.
//
// The simulation runs on a worker thread (a one-thread QThreadPool; the core splits each run over
// up to two threads of its own), never on the GUI thread: an edit repaints the lines at once and
// the bands follow when the run ends. Requests are coalesced (however many edits one event
// brings, one request follows with the latest values, posted ahead of the repaints) and the latest
// request wins: a new one stops the run in progress (its stop token, checked between blocks of
// paths) and a result of a superseded request is never published (generation counter). The worker
// reads a snapshot (SimulationRequest, simulation.h: the model, the plan and the values), never the
// live Document. Results reach the GUI thread through QFutureWatcher's queued signals.
//
// During an interactive edit (a slider or anchor drag, a typing burst) it simulates the first
// kDragPaths paths only (the same paths: a seed's first N paths do not depend on the total), and
// the file's full count once the edit ends; so does the first run of a large model
// (kQuickFirstValues), whose bands are then refined. A run that takes over kProgressDelayMs
// reports its progress (progressChanged, for the status bar) and can be cancelled (cancelRun).
// current() is the synchronous way for exports: it waits for the result of the document's values
// now.
//
// Only the series the charts draw are simulated (core::seriesCharted: every view of the bands,
// the cards, the presentation and the exports, draws a chart; the histogram, the tornado and the
// deck's uncertainty slides run their own). A value edit re-simulates only what it reaches: when
// the published result came from the same model, plan, path count and seed, the request names the
// series downstream of the assumptions whose values differ (core::seriesAffected) and the worker
// merges their bands into the published result (core::mergeRuns); the other series' draws and
// inputs are unchanged, so the result is the full run's bit for bit. Any other change (structure,
// ranges, paths) runs every series.
#include "app/uncertainty/simulation.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

class QAction;
class QTimer;

namespace jevons::app {

class UncertaintyEngine : public QObject {
    Q_OBJECT
public:
    /// @brief QSettings key of the user's on/off choice; absent = on when the file has a range.
    static inline const char* const kSettingsKey = "view/showUncertainty";
    /// @brief Setting: the memory a simulation may use, in MiB (default 2048). A forecast whose
    /// run would need more opens with uncertainty off, and the status bar says why.
    static inline const char* const kBudgetKey = "simulation/memoryBudgetMiB";
    /// @brief Paths simulated while a value is being dragged (at most the file's count).
    static constexpr int kDragPaths = 2000;
    /// @brief A model whose full run would produce more path × output-year values than this
    /// shows kDragPaths paths first (e.g. 480 series × 13 years × 10,000 paths: 62 million).
    static constexpr double kQuickFirstValues = 20e6;
    /// @brief A run is shown as in progress once it has taken this long.
    static constexpr int kProgressDelayMs = 300;

    explicit UncertaintyEngine(Document* document, QObject* parent = nullptr);
    /// @brief Stops the run in progress and waits for the worker.
    ~UncertaintyEngine() override;

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    /// @brief The latest published result: the bands on screen (maybe behind the values while
    /// a run is in progress; see isPending() and current()).
    [[nodiscard]] UncertaintyResult result() const { return m_result; }
    /// @brief The result for the document's values now, with the file's path count unless an
    /// interactive edit is in progress: requests it if needed and blocks until it is there.
    [[nodiscard]] UncertaintyResult current();
    /// @brief Why the last run gave no result (the core's message), or empty.
    [[nodiscard]] QString problem() const { return m_problem; }
    /// @brief Wall time of the last published simulation in milliseconds, on the worker.
    [[nodiscard]] double lastRunMilliseconds() const { return m_lastMs; }
    /// @brief Series simulated by the run of the published result: those the charts draw, or
    /// after a value edit those of them it reaches; 0 when no run was needed.
    [[nodiscard]] int lastRunSeries() const { return m_lastSeries; }
    /// @brief Simulations that ran to the end (published, failed or dropped as stale).
    [[nodiscard]] long runCount() const { return m_runs; }
    /// @brief Simulations handed to the worker.
    [[nodiscard]] long requestCount() const { return m_requests; }
    /// @brief Runs stopped by their stop token before they ended (superseded, turned off, reset).
    [[nodiscard]] long cancelledCount() const { return m_cancelled; }
    /// @brief Runs that ended but were superseded meanwhile: their results were not published.
    [[nodiscard]] long droppedCount() const { return m_dropped; }
    /// @brief Whether a result for the current values is still to come (a request waiting for
    /// the event loop, or its run in progress).
    [[nodiscard]] bool isPending() const;
    /// @brief The checkable View-menu action ("Show uncertainty", Ctrl+Shift+U), owned by the
    /// engine; created on first call.
    [[nodiscard]] QAction* toggleAction();

public slots:
    /// @brief Turn the bands on or off and remember the choice (QSettings).
    void setEnabled(bool on);
    /// @brief Hand the pending request to the worker now (no-op when none is pending); returns
    /// at once.
    void flush();
    /// @brief Stop the run in progress (the status bar's Cancel): no bands until the next edit,
    /// and problem() says so.
    void cancelRun();

protected:
    bool event(QEvent* event) override;

signals:
    /// @brief A new result (null when off or when the simulation failed).
    void resultChanged(jevons::app::UncertaintyResult result);
    void enabledChanged(bool on);
    /// @brief The simulation or the plan was refused; `message` is the core's.
    void failed(const QString& message);
    /// @brief Percent done of the latest run once it has taken kProgressDelayMs; -1 when no
    /// run is in progress (hide the indicator).
    void progressChanged(int percent, int paths);

private:
    /// What a result was simulated from: a later request that differs only in assumption values
    /// simulates only the series those reach.
    struct Basis {
        std::shared_ptr<const core::Model> model;
        std::shared_ptr<const core::SamplingPlan> plan;
        std::map<std::string, double> values;
        int paths = 0;
        std::uint64_t seed = 0;
    };
    /// What the worker hands back.
    struct Outcome {
        std::uint64_t generation = 0;
        std::shared_ptr<const Basis> basis;  ///< of the request
        int series = 0;                      ///< series simulated
        UncertaintyResult result;            ///< null when cancelled or failed
        QString problem;                     ///< the core's message when failed
        bool cancelled = false;
        bool tooLarge = false;  ///< refused over the memory budget (core::SimulationTooLarge)
        double milliseconds = 0.0;
    };
    /// A request handed to the worker whose outcome the GUI thread has not handled yet.
    struct Job {
        std::uint64_t generation = 0;
        std::stop_source stop;
        std::shared_ptr<std::atomic<int>> percent;  ///< written by the worker
        std::chrono::steady_clock::time_point started;
        int paths = 0;
        QFutureWatcher<Outcome>* watcher = nullptr;
    };

    void onDocumentReset();
    void rebuildPlan();
    /// @brief Request a run with the values as they will be once the current event is handled.
    void schedule();
    [[nodiscard]] static QEvent::Type flushEventType();
    void launch();
    /// @brief Stop every run in progress; their outcomes will be dropped.
    void cancelAll();
    void onFinished(QFutureWatcher<Outcome>* watcher);
    /// @brief Block until the latest request's outcome is in, and handle it.
    void waitForLatest();
    void handle(const Outcome& outcome);
    void publish(UncertaintyResult result);
    void refineAfterDrag();
    /// @brief Reports the latest run's progress (polled while a run is in progress).
    void pollProgress();
    /// @brief The file's path count (uncertainty.paths, default 10,000).
    [[nodiscard]] int fullPaths() const;

    Document* m_document;
    std::shared_ptr<const core::Model> m_model;  ///< the document's model, copied on reset
    std::shared_ptr<const core::SamplingPlan> m_plan;
    UncertaintyResult m_result;
    std::shared_ptr<const Basis> m_basis;  ///< m_result's, or null
    int m_lastSeries = 0;
    QString m_problem;
    QAction* m_action = nullptr;
    QTimer* m_refine;    ///< after a drag run: the full run once the interactive edit has ended
    QTimer* m_progress;  ///< polls the latest run's progress while one is in progress
    int m_shownPercent = -1;
    QThreadPool m_pool;
    std::vector<Job> m_jobs;         ///< oldest first
    std::uint64_t m_generation = 0;  ///< of the latest request
    int m_latestPaths = 0;           ///< paths of the latest request
    bool m_enabled = false;
    bool m_pending = false;
    double m_lastMs = 0.0;
    long m_runs = 0;
    long m_requests = 0;
    long m_cancelled = 0;
    long m_dropped = 0;
};

}  // namespace jevons::app
