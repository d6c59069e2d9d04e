#include "app/uncertainty/uncertainty_engine.h"

#include "app/document/document.h"
#include "core/uncertainty/uncertainty_error.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QSettings>
#include <QSignalBlocker>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <iterator>

namespace jevons::app {
namespace {

bool hasDistribution(const core::Scenario& scenario) {
    return std::any_of(scenario.assumptions.begin(), scenario.assumptions.end(),
                       [](const core::Assumption& a) { return a.distribution.has_value(); });
}

}  // namespace

UncertaintyEngine::UncertaintyEngine(Document* document, QObject* parent)
    : QObject(parent),
      m_document(document),
      m_refine(new QTimer(this)),
      m_progress(new QTimer(this)) {
    // One simulation at a time: a superseded run is stopped, not raced against its successor.
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("UncertaintyEngine"));
    m_refine->setSingleShot(true);
    m_refine->setInterval(150);
    connect(m_refine, &QTimer::timeout, this, &UncertaintyEngine::refineAfterDrag);
    m_progress->setInterval(100);
    connect(m_progress, &QTimer::timeout, this, &UncertaintyEngine::pollProgress);
    connect(document, &Document::documentReset, this, &UncertaintyEngine::onDocumentReset);
    connect(document, &Document::uncertaintyChanged, this, [this] {
        rebuildPlan();
        schedule();
    });
    connect(document, &Document::resultsChanged, this, &UncertaintyEngine::schedule);
    connect(document, &Document::activeScenarioChanged, this, &UncertaintyEngine::schedule);
    if (document->isLoaded()) onDocumentReset();
}

UncertaintyEngine::~UncertaintyEngine() {
    // The runs own their snapshots, so nothing they read dies with us; still, none outlives us.
    cancelAll();
    m_pool.waitForDone();
}

QAction* UncertaintyEngine::toggleAction() {
    if (m_action) return m_action;
    m_action = new QAction(tr("Show &Uncertainty"), this);
    m_action->setObjectName(QStringLiteral("showUncertaintyAction"));
    m_action->setCheckable(true);
    m_action->setChecked(m_enabled);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_action->setToolTip(
        tr("Fan charts (P10\u2013P90, P25\u2013P75) and CAGR ranges from the assumptions' "
           "ranges (Ctrl+Shift+U)"));
    connect(m_action, &QAction::toggled, this, &UncertaintyEngine::setEnabled);
    return m_action;
}

void UncertaintyEngine::onDocumentReset() {
    // A new model: runs of the old one are of no use, and their bands must not stay on screen.
    cancelAll();
    m_pending = false;
    m_model =
        m_document->isLoaded() ? std::make_shared<const core::Model>(m_document->model()) : nullptr;
    const QVariant saved = QSettings().value(QString::fromLatin1(kSettingsKey));
    const bool on = saved.isValid()
                        ? saved.toBool()
                        : m_document->isLoaded() && hasDistribution(m_document->scenario());
    rebuildPlan();
    if (on != m_enabled) {
        m_enabled = on;
        if (m_action) m_action->setChecked(on);
        emit enabledChanged(on);
    }
    publish(nullptr);
    if (m_enabled) {
        schedule();
        flush();  // the worker starts on the new file's bands before the first frame is painted
    }
}

void UncertaintyEngine::setEnabled(bool on) {
    QSettings().setValue(QString::fromLatin1(kSettingsKey), on);
    if (on == m_enabled) return;
    m_enabled = on;
    if (m_action) m_action->setChecked(on);
    emit enabledChanged(on);
    if (on) {
        schedule();
        flush();
    } else {
        m_pending = false;
        m_refine->stop();
        cancelAll();
        publish(nullptr);
    }
}

void UncertaintyEngine::rebuildPlan() {
    m_plan.reset();
    m_problem.clear();
    if (!m_document->isLoaded()) return;
    try {
        m_plan = std::make_shared<const core::SamplingPlan>(
            core::SamplingPlan::make(m_document->scenario()));
    } catch (const std::exception& e) {
        m_problem = QString::fromStdString(e.what());
    }
}

void UncertaintyEngine::schedule() {
    if (!m_enabled || m_pending) return;
    m_pending = true;
    // Posted ahead of the charts' own deferred work (scene updates, repaints): the edit in hand
    // finishes first (every change it makes lands in one request), then the worker starts while
    // the lines are drawn.
    QCoreApplication::postEvent(this, new QEvent(flushEventType()), Qt::HighEventPriority);
}

QEvent::Type UncertaintyEngine::flushEventType() {
    static const auto type = static_cast<QEvent::Type>(QEvent::registerEventType());
    return type;
}

bool UncertaintyEngine::event(QEvent* event) {
    if (event->type() != flushEventType()) return QObject::event(event);
    flush();
    return true;
}

void UncertaintyEngine::flush() {
    if (!m_pending) return;
    m_pending = false;
    launch();
}

bool UncertaintyEngine::isPending() const {
    return m_pending || std::any_of(m_jobs.begin(), m_jobs.end(), [this](const Job& job) {
               return job.generation == m_generation;
           });
}

UncertaintyResult UncertaintyEngine::current() {
    flush();
    waitForLatest();
    // A drag's quick simulation is not what a picture of the settled values should carry.
    if (m_enabled && m_result && m_latestPaths != fullPaths() && !m_document->inInteractiveEdit()) {
        schedule();
        flush();
        waitForLatest();
    }
    return m_result;
}

int UncertaintyEngine::fullPaths() const {
    const core::Scenario& scenario = m_document->scenario();
    return scenario.uncertainty ? scenario.uncertainty->paths
                                : core::UncertaintySettings::kDefaultPaths;
}

void UncertaintyEngine::launch() {
    if (!m_enabled || !m_document->isLoaded()) return;
    cancelAll();  // the latest request wins: whatever runs now is stale
    if (!m_plan || m_plan->empty()) {
        ++m_generation;
        publish(nullptr);
        if (!m_problem.isEmpty()) emit failed(m_problem);
        return;
    }
    const int full = fullPaths();
    SimulationRequest request = simulationRequest(*m_document, m_model, m_plan, full);
    // The series the charts draw (simulationRequest; all when no chart names one).
    const auto& scenario = m_document->scenario();
    const int allSeries = static_cast<int>(scenario.series.size());
    std::vector<int> wanted = std::move(request.series);
    if (wanted.empty())
        for (int s = 0; s < allSeries; ++s) wanted.push_back(s);
    // A large model's first bands come from the first kDragPaths paths, then all of them.
    std::size_t columns = 0;
    for (const int s : wanted)
        columns += core::Model::outputCount(scenario.series[static_cast<std::size_t>(s)].kind);
    columns *= static_cast<std::size_t>(scenario.years.count());
    const bool large = static_cast<double>(columns) * full > kQuickFirstValues;
    const bool quick =
        (m_document->inInteractiveEdit() || (large && !m_result)) && full > kDragPaths;
    if (quick) m_refine->start();
    if (quick) request.paths = kDragPaths;
    // The GUI thread keeps a core to itself: a run on every core would slow the very repaint it
    // is meant to stay out of (the numbers are the same on any count).
    request.threads = std::max(QThread::idealThreadCount() - 1, 1);
    bool budgetSet = false;
    const qulonglong budgetMiB =
        QSettings().value(QString::fromLatin1(kBudgetKey)).toULongLong(&budgetSet);
    if (budgetSet && budgetMiB > 0)
        request.memoryBudget = static_cast<std::size_t>(budgetMiB) << 20;
    m_latestPaths = request.paths;
    Job job;
    job.generation = ++m_generation;
    job.percent = std::make_shared<std::atomic<int>>(0);
    job.started = std::chrono::steady_clock::now();
    job.paths = request.paths;
    request.progress = [percent = job.percent](double f) {
        percent->store(static_cast<int>(f * 100.0), std::memory_order_relaxed);
    };
    auto basis = std::make_shared<const Basis>(
        Basis{m_model, m_plan, request.values, request.paths, request.seed});
    if (m_result && m_basis && m_basis->model == m_model && m_basis->plan == m_plan &&
        m_basis->paths == request.paths && m_basis->seed == request.seed) {
        // Only values changed since the published result: the series they reach, merged into it.
        std::vector<int> affected;
        const std::vector<int> changed =
            core::seriesAffected(*m_model, m_basis->values, request.values);
        std::set_intersection(changed.begin(), changed.end(), wanted.begin(), wanted.end(),
                              std::back_inserter(affected));
        if (affected.empty()) {  // nothing it shows has changed (an edit undone meanwhile)
            m_basis = std::move(basis);
            m_lastSeries = 0;
            publish(m_result);
            return;
        }
        wanted = std::move(affected);
        request.basis = m_result;
    }
    const int series = static_cast<int>(wanted.size());
    if (series < allSeries) request.series = std::move(wanted);
    job.watcher = new QFutureWatcher<Outcome>(this);
    connect(job.watcher, &QFutureWatcherBase::finished, this,
            [this, watcher = job.watcher] { onFinished(watcher); });
    // The worker gets the snapshot and the token by value, and nothing of `this`.
    job.watcher->setFuture(QtConcurrent::run(
        &m_pool,
        [request = std::move(request), stop = job.stop.get_token(), generation = job.generation,
         basis = std::move(basis), series]() -> Outcome {
            Outcome outcome;
            outcome.generation = generation;
            outcome.basis = basis;
            outcome.series = series;
            const auto t0 = std::chrono::steady_clock::now();
            try {
                outcome.result = simulate(request, stop);
            } catch (const core::SimulationCancelled&) {
                outcome.cancelled = true;
            } catch (const core::SimulationTooLarge& e) {
                outcome.tooLarge = true;
                outcome.problem = QString::fromStdString(e.what());
            } catch (const std::exception& e) {
                outcome.problem = QString::fromStdString(e.what());
            }
            outcome.milliseconds =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
            return outcome;
        }));
    m_jobs.push_back(std::move(job));
    ++m_requests;
    if (!m_progress->isActive()) m_progress->start();
}

void UncertaintyEngine::pollProgress() {
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(),
                                 [this](const Job& job) { return job.generation == m_generation; });
    if (it == m_jobs.end()) {
        m_progress->stop();
        if (m_shownPercent >= 0) emit progressChanged(m_shownPercent = -1, 0);
        return;
    }
    if (std::chrono::steady_clock::now() - it->started <
        std::chrono::milliseconds(kProgressDelayMs))
        return;
    const int percent = it->percent->load(std::memory_order_relaxed);
    if (percent != m_shownPercent) emit progressChanged(m_shownPercent = percent, it->paths);
}

void UncertaintyEngine::cancelRun() {
    if (!isPending()) return;
    m_pending = false;
    m_refine->stop();
    cancelAll();
    m_problem = tr("Simulation cancelled: no bands until the next edit");
    publish(nullptr);
    pollProgress();
    emit failed(m_problem);
}

void UncertaintyEngine::cancelAll() {
    for (Job& job : m_jobs) job.stop.request_stop();
    ++m_generation;  // whatever they still hand back is stale
}

void UncertaintyEngine::onFinished(QFutureWatcher<Outcome>* watcher) {
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(),
                                 [watcher](const Job& job) { return job.watcher == watcher; });
    if (it == m_jobs.end()) return;  // handled already (current() waited for it)
    m_jobs.erase(it);
    watcher->deleteLater();
    handle(watcher->result());
}

void UncertaintyEngine::waitForLatest() {
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(),
                                 [this](const Job& job) { return job.generation == m_generation; });
    if (it == m_jobs.end()) return;
    QFutureWatcher<Outcome>* watcher = it->watcher;
    m_jobs.erase(it);
    watcher->waitForFinished();  // may run the request here, if the worker has not started it
    watcher->deleteLater();
    handle(watcher->result());
}

void UncertaintyEngine::handle(const Outcome& outcome) {
    if (outcome.cancelled) {
        ++m_cancelled;
        return;
    }
    ++m_runs;
    if (outcome.generation != m_generation || !m_enabled) {
        ++m_dropped;
        return;
    }
    m_lastMs = outcome.milliseconds;
    if (outcome.result) {
        m_problem.clear();
        m_basis = outcome.basis;
        m_lastSeries = outcome.series;
        publish(outcome.result);
    } else if (outcome.tooLarge) {
        // Off for this forecast, not as the reader's preference (the next file, or the toggle,
        // tries again): the action is unchecked without saving the setting.
        m_problem = tr("Uncertainty off for this forecast: %1 (setting %2)")
                        .arg(outcome.problem, QString::fromLatin1(kBudgetKey));
        m_enabled = false;
        m_pending = false;
        m_refine->stop();
        if (m_action) {
            const QSignalBlocker quiet(m_action);
            m_action->setChecked(false);
        }
        emit enabledChanged(false);
        publish(nullptr);
        emit failed(m_problem);
    } else {
        m_problem = outcome.problem;
        publish(nullptr);
        emit failed(m_problem);
    }
}

void UncertaintyEngine::refineAfterDrag() {
    if (!m_enabled) return;
    if (m_document->inInteractiveEdit()) {
        m_refine->start();  // still dragging: look again shortly
        return;
    }
    if (m_latestPaths != fullPaths()) schedule();
}

void UncertaintyEngine::publish(UncertaintyResult result) {
    pollProgress();
    if (!result) m_basis.reset();
    if (!result && !m_result) return;
    m_result = std::move(result);
    emit resultChanged(m_result);
}

}  // namespace jevons::app
