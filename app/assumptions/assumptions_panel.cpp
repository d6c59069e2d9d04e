#include "app/assumptions/assumptions_panel.h"

#include "app/assumptions/assumption_slider.h"
#include "app/common/display.h"
#include "app/document/document.h"

#include <QGroupBox>
#include <QVBoxLayout>

#include <vector>

namespace jevons::app {

AssumptionsPanel::AssumptionsPanel(Document* document, QWidget* parent)
    : QScrollArea(parent), m_document(document) {
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    connect(document, &Document::documentReset, this, &AssumptionsPanel::rebuild);
    connect(document, &Document::languageChanged, this, &AssumptionsPanel::rebuild);
    connect(document, &Document::assumptionChanged, this, [this](const QString& id, double v) {
        if (AssumptionSlider* row = m_rows.value(id)) row->showValue(v);
    });
    connect(document, &Document::uncertaintyChanged, this, [this] {
        for (AssumptionSlider* row : std::as_const(m_rows)) row->showRange();
    });
    rebuild();
}

void AssumptionsPanel::rebuild() {
    m_rows.clear();
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    if (m_document->isLoaded()) {
        const core::Scenario& scenario = m_document->scenario();
        const auto& values = m_document->evaluator();
        std::vector<std::string> groups;  // in order of first appearance
        for (const auto& a : scenario.assumptions)
            if (std::find(groups.begin(), groups.end(), a.group) == groups.end())
                groups.push_back(a.group);
        for (const auto& group : groups) {
            const std::string title =
                scenario.groupTitle(group, m_document->language().toStdString());
            auto* box = new QGroupBox(toQString(title), content);
            auto* boxLayout = new QVBoxLayout(box);
            boxLayout->setContentsMargins(4, 4, 4, 4);
            boxLayout->setSpacing(0);
            for (const auto& a : scenario.assumptions) {
                if (a.group != group) continue;
                core::Assumption current = a;
                current.value = values.assumption(a.id);
                auto* row = new AssumptionSlider(m_document, current, box);
                boxLayout->addWidget(row);
                m_rows.insert(row->assumptionId(), row);
            }
            layout->addWidget(box);
        }
    }
    layout->addStretch(1);
    setWidget(content);  // deletes the previous content
}

}  // namespace jevons::app
