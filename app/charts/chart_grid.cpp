#include "app/charts/chart_grid.h"

#include "app/charts/chart_card.h"
#include "app/document/document.h"

#include <QGridLayout>

namespace jevons::app {

ChartGrid::ChartGrid(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_layout(new QGridLayout(this)) {
    m_layout->setContentsMargins(8, 8, 8, 8);
    m_layout->setSpacing(10);
    connect(document, &Document::documentReset, this, &ChartGrid::rebuild);
    connect(document, &Document::languageChanged, this, &ChartGrid::rebuild);
    connect(document, &Document::resultsChanged, this, &ChartGrid::onResultsChanged);
    rebuild();
}

void ChartGrid::setRuns(std::vector<ChartRun> runs) {
    m_runs = std::move(runs);
    rebuild();
}

void ChartGrid::setColumns(int columns) {
    m_columns = std::max(1, columns);
    rebuild();
}

ChartCard* ChartGrid::card(const QString& chartId) const {
    for (ChartCard* c : m_cards)
        if (QString::fromStdString(c->definition().id) == chartId) return c;
    return nullptr;
}

void ChartGrid::rebuild() {
    qDeleteAll(m_cards);
    m_cards.clear();
    if (!m_document->isLoaded()) return;
    std::vector<ChartRun> runs = m_runs;
    if (runs.empty()) runs.push_back({m_document->activeScenario(), &m_document->evaluator(), true});
    int i = 0;
    for (const auto& def : m_document->scenario().charts) {
        auto* card = new ChartCard(m_document, def, runs, this);
        m_layout->addWidget(card, i / m_columns, i % m_columns);
        m_cards.append(card);
        ++i;
    }
    for (int c = 0; c < m_columns; ++c) m_layout->setColumnStretch(c, 1);
}

void ChartGrid::onResultsChanged(const QList<int>& series) {
    for (ChartCard* card : std::as_const(m_cards)) {
        const bool affected =
            std::any_of(series.begin(), series.end(), [card](int s) { return card->shows(s); });
        if (affected) card->onResultsChanged(series);
    }
}

}  // namespace jevons::app
