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
    connect(document, &Document::documentReset, this, &AssumptionsPanel::onDocumentReset);
    connect(document, &Document::languageChanged, this, &AssumptionsPanel::rebuild);
    connect(document, &Document::assumptionChanged, this, [this](const QString& id, double v) {
        if (AssumptionSlider* row = m_rows.value(id)) row->showValue(v);
    });
    connect(document, &Document::uncertaintyChanged, this, [this] {
        for (AssumptionSlider* row : std::as_const(m_rows)) row->showRange();
    });
    rebuild();
}

void AssumptionsPanel::onDocumentReset() {
    if (!m_document->isLoaded() || m_rows.isEmpty()) return rebuild();
    const core::Scenario& scenario = m_document->scenario();
    const auto sameGroups = [&] {
        if (scenario.assumptions.size() != m_built.size()) return false;
        for (std::size_t i = 0; i < m_built.size(); ++i)
            if (scenario.assumptions[i].group != m_built[i].group) return false;
        return true;
    };
    if (scenario.groups != m_builtGroups || scenario.sources != m_builtSources || !sameGroups())
        return rebuild();
    const auto& values = m_document->evaluator();
    for (std::size_t i = 0; i < m_built.size(); ++i) {
        const core::Assumption& a = scenario.assumptions[i];
        AssumptionSlider*& row = m_builtRows[i];
        if (a == m_built[i]) {
            row->showValue(values.assumption(a.id));
            row->showRange();
            continue;
        }
        core::Assumption current = a;
        current.value = values.assumption(a.id);
        auto* fresh = new AssumptionSlider(m_document, current, row->parentWidget());
        delete row->parentWidget()->layout()->replaceWidget(row, fresh);
        delete row;
        row = fresh;
        m_built[i] = a;
    }
    m_rows.clear();
    for (AssumptionSlider* row : m_builtRows) m_rows.insert(row->assumptionId(), row);
}

void AssumptionsPanel::rebuild() {
    m_rows.clear();
    m_built.clear();
    m_builtRows.clear();
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
    if (m_document->isLoaded()) {
        m_built = m_document->scenario().assumptions;
        for (const auto& a : m_built) m_builtRows.push_back(m_rows.value(toQString(a.id)));
        m_builtGroups = m_document->scenario().groups;
        m_builtSources = m_document->scenario().sources;
    }
}

}  // namespace jevons::app
