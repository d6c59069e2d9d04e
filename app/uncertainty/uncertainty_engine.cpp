#include "app/uncertainty/uncertainty_engine.h"

#include "app/document/document.h"

#include <QAction>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <chrono>

namespace jevons::app {
namespace {

bool hasDistribution(const core::Scenario& scenario) {
    return std::any_of(scenario.assumptions.begin(), scenario.assumptions.end(),
                       [](const core::Assumption& a) { return a.distribution.has_value(); });
}

}  // namespace

UncertaintyResult simulateCurrentValues(const Document& document, const core::SamplingPlan& plan,
                                        int paths) {
    const core::Scenario& scenario = document.scenario();
    const core::UncertaintySettings settings =
        scenario.uncertainty.value_or(core::UncertaintySettings{});
    core::MonteCarloOptions options;
    // Every current value (the active scenario as edited); uncertain ones are sampled.
    options.values = document.evaluator().assumptionValues();
    options.scenario = "base";
    options.paths = paths > 0 ? paths : settings.paths;
    options.seed = settings.seed;
    return std::make_shared<const core::MonteCarloResult>(
        core::runMonteCarlo(document.model(), plan, options));
}

UncertaintyEngine::UncertaintyEngine(Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_refine(new QTimer(this)) {
    m_refine->setSingleShot(true);
    m_refine->setInterval(150);
    connect(m_refine, &QTimer::timeout, this, &UncertaintyEngine::refineAfterDrag);
    connect(document, &Document::documentReset, this, &UncertaintyEngine::onDocumentReset);
    connect(document, &Document::uncertaintyChanged, this, [this] {
        rebuildPlan();
        schedule();
    });
    connect(document, &Document::resultsChanged, this, &UncertaintyEngine::schedule);
    connect(document, &Document::activeScenarioChanged, this, &UncertaintyEngine::schedule);
    if (document->isLoaded()) onDocumentReset();
}

UncertaintyEngine::~UncertaintyEngine() = default;

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
    if (m_enabled) {
        schedule();
        flush();  // a new file shows its bands in its first frame
    } else {
        publish(nullptr);
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
        publish(nullptr);
    }
}

void UncertaintyEngine::rebuildPlan() {
    m_plan.reset();
    m_problem.clear();
    if (!m_document->isLoaded()) return;
    try {
        m_plan = core::SamplingPlan::make(m_document->scenario());
    } catch (const std::exception& e) {
        m_problem = QString::fromStdString(e.what());
    }
}

void UncertaintyEngine::schedule() {
    if (!m_enabled || m_pending) return;
    m_pending = true;
    QTimer::singleShot(0, this, &UncertaintyEngine::flush);
}

void UncertaintyEngine::flush() {
    if (!m_pending) return;
    m_pending = false;
    run();
}

UncertaintyResult UncertaintyEngine::current() {
    // A drag's quick simulation is not what a picture of the settled values should carry.
    if (m_result && m_result->paths != fullPaths() && !m_document->inInteractiveEdit()) schedule();
    flush();
    return m_result;
}

int UncertaintyEngine::fullPaths() const {
    const core::Scenario& scenario = m_document->scenario();
    return scenario.uncertainty ? scenario.uncertainty->paths
                                : core::UncertaintySettings::kDefaultPaths;
}

void UncertaintyEngine::run() {
    if (!m_enabled || !m_document->isLoaded()) return;
    if (!m_plan || m_plan->empty()) {
        publish(nullptr);
        if (!m_problem.isEmpty()) emit failed(m_problem);
        return;
    }
    const int full = fullPaths();
    const bool dragging = m_document->inInteractiveEdit() && full > kDragPaths;
    if (dragging) m_refine->start();
    const auto t0 = std::chrono::steady_clock::now();
    try {
        UncertaintyResult result =
            simulateCurrentValues(*m_document, *m_plan, dragging ? kDragPaths : full);
        m_lastMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                       .count();
        ++m_runs;
        m_problem.clear();
        publish(std::move(result));
    } catch (const std::exception& e) {
        ++m_runs;
        m_problem = QString::fromStdString(e.what());
        publish(nullptr);
        emit failed(m_problem);
    }
}

void UncertaintyEngine::refineAfterDrag() {
    if (!m_enabled || !m_result) return;
    if (m_document->inInteractiveEdit()) {
        m_refine->start();  // still dragging: look again shortly
        return;
    }
    if (m_result->paths != fullPaths()) schedule();
}

void UncertaintyEngine::publish(UncertaintyResult result) {
    if (!result && !m_result) return;
    m_result = std::move(result);
    emit resultChanged(m_result);
}

}  // namespace jevons::app
