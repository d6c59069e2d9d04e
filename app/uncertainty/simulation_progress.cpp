#include "app/uncertainty/simulation_progress.h"

#include "app/uncertainty/uncertainty_engine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace jevons::app {

SimulationProgress::SimulationProgress(UncertaintyEngine* engine, QWidget* parent)
    : QWidget(parent),
      m_label(new QLabel(this)),
      m_bar(new QProgressBar(this)),
      m_cancel(new QToolButton(this)) {
    setObjectName(QStringLiteral("simulationProgress"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelSimulation"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this simulation: the charts show no bands until the next edit"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, engine, &UncertaintyEngine::cancelRun);
    connect(engine, &UncertaintyEngine::progressChanged, this, &SimulationProgress::showProgress);
    setVisible(false);
}

void SimulationProgress::showProgress(int percent, int paths) {
    if (percent < 0) {
        setVisible(false);
        return;
    }
    m_label->setText(tr("Simulating %1 paths").arg(QLocale().toString(paths)));
    m_bar->setValue(percent);
    setVisible(true);
}

}  // namespace jevons::app
