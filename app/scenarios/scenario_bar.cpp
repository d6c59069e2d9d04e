#include "app/scenarios/scenario_bar.h"

#include "app/common/display.h"
#include "app/document/document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>

namespace jevons::app {

ScenarioBar::ScenarioBar(Document* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_combo(new QComboBox(this)),
      m_saveAs(new QPushButton(tr("Save as scenario\u2026"), this)),
      m_compare(new QToolButton(this)) {
    m_compare->setObjectName(QStringLiteral("compareButton"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->addWidget(new QLabel(tr("Scenario:"), this));
    m_combo->setMinimumWidth(140);
    m_combo->setToolTip(tr("Switch scenario (one undo step)"));
    layout->addWidget(m_combo);
    layout->addWidget(m_saveAs);
    m_compare->setText(tr("Compare scenarios"));
    m_compare->setCheckable(true);
    m_compare->setToolTip(tr("Overlay every scenario on every chart"));
    layout->addWidget(m_compare);

    connect(m_combo, &QComboBox::activated, this, [this](int i) {
        if (!m_document->switchScenario(m_combo->itemData(i).toString())) refill();
    });
    connect(m_saveAs, &QPushButton::clicked, this, &ScenarioBar::saveAsScenarioRequested);
    connect(m_compare, &QToolButton::toggled, this, &ScenarioBar::compareToggled);
    connect(document, &Document::documentReset, this, &ScenarioBar::refill);
    connect(document, &Document::scenariosChanged, this, &ScenarioBar::refill);
    connect(document, &Document::languageChanged, this, &ScenarioBar::refill);
    connect(document, &Document::activeScenarioChanged, this, &ScenarioBar::refill);
    refill();
}

void ScenarioBar::refill() {
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    if (!m_document->isLoaded()) return;
    const core::Scenario& scenario = m_document->scenario();
    if (!scenario.findScenario("base")) m_combo->addItem(tr("Base"), QStringLiteral("base"));
    for (const auto& s : scenario.scenarios) {
        m_combo->addItem(labelText(s.label, m_document->language()), toQString(s.id));
        if (!s.note.empty())
            m_combo->setItemData(m_combo->count() - 1, labelText(s.note, m_document->language()),
                                 Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(m_document->activeScenario())));
}

}  // namespace jevons::app
