#include "app/charts/chart_grid.h"

#include "app/charts/chart_card.h"
#include "app/document/document.h"

#include <QGridLayout>

#include <algorithm>

namespace jevons::app {

ChartGrid::ChartGrid(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_layout(new QGridLayout(this)) {
    m_layout->setContentsMargins(8, 8, 8, 8);
    m_layout->setSpacing(10);
    connect(document, &Document::documentReset, this, &ChartGrid::onDocumentReset);
    connect(document, &Document::languageChanged, this, &ChartGrid::rebuild);
    connect(document, &Document::resultsChanged, this, &ChartGrid::onResultsChanged);
    m_bandHold.setSingleShot(true);
    m_bandHold.setInterval(kBandHoldMs);
    connect(&m_bandHold, &QTimer::timeout, this, &ChartGrid::releaseHeldBands);
    rebuild();
}

void ChartGrid::setRuns(std::vector<ChartRun> runs) {
    m_runs = std::move(runs);
    rebuild();
}

void ChartGrid::setColumns(int columns) {
    m_columns = std::max(0, columns);
    placeCards();
}

int ChartGrid::columnsFor(int width) const {
    if (m_columns > 0) return m_columns;
    return std::clamp(width / kMinCardWidth, 1, kMaxColumns);
}

void ChartGrid::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (columnsFor(width()) != m_placedColumns) placeCards();
    catchUpVisible();
}

void ChartGrid::moveEvent(QMoveEvent* event) {  // scrolled: other cards come into view
    QWidget::moveEvent(event);
    catchUpVisible();
}

void ChartGrid::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUpVisible();
}

bool ChartGrid::outOfView(const ChartCard* card) const {
    return window()->isVisible() && card->visibleRegion().isEmpty();
}

void ChartGrid::catchUpVisible() {
    for (ChartCard* card : std::as_const(m_cards))
        if (card->isStale() && !card->visibleRegion().isEmpty()) card->catchUp();
}

void ChartGrid::placeCards() {
    const int columns = columnsFor(width());
    for (ChartCard* card : std::as_const(m_cards)) m_layout->removeWidget(card);
    for (int c = 0; c < kMaxColumns; ++c) m_layout->setColumnStretch(c, 0);
    for (int i = 0; i < m_cards.size(); ++i)
        m_layout->addWidget(m_cards[i], i / columns, i % columns);
    for (int c = 0; c < columns; ++c) m_layout->setColumnStretch(c, 1);
    m_placedColumns = columns;
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
    const core::Scenario& s = m_document->scenario();
    m_builtAnchors = s.anchors;
    m_builtActuals = s.actuals;
    m_builtYears = s.years;
    for (const auto& def : s.charts) m_cards.append(makeCard(def));
    placeCards();
}

void ChartGrid::onDocumentReset() {
    if (!m_document->isLoaded() || !m_runs.empty()) return rebuild();
    const core::Scenario& s = m_document->scenario();
    if (m_cards.size() != qsizetype(s.charts.size()) || s.anchors != m_builtAnchors ||
        s.actuals != m_builtActuals || s.years != m_builtYears)
        return rebuild();
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        ChartCard* card = m_cards[i];
        const core::ChartDef& def = s.charts[std::size_t(i)];
        if (card->definition() != def ||
            !card->rebind({{m_document->activeScenario(), &m_document->evaluator(), true}}))
            replaceCard(card, def);
    }
}

ChartCard* ChartGrid::makeCard(const core::ChartDef& def) {
    std::vector<ChartRun> runs = m_runs;
    if (runs.empty())
        runs.push_back({m_document->activeScenario(), &m_document->evaluator(), true});
    auto* card = new ChartCard(m_document, def, std::move(runs), this);
    if (m_runs.empty()) card->setUncertainty(m_uncertainty);
    // Queued: the card asks from inside its own refresh.
    connect(
        card, &ChartCard::axisUnitsChanged, this,
        [this, card] { replaceCard(card, card->definition()); }, Qt::QueuedConnection);
    return card;
}

void ChartGrid::replaceCard(ChartCard* old, const core::ChartDef& def) {
    const qsizetype at = m_cards.indexOf(old);
    if (at < 0) return;
    ChartCard* card = makeCard(def);
    m_cards[at] = card;
    m_layout->replaceWidget(old, card);
    card->show();
    delete old;
}

void ChartGrid::setUncertainty(UncertaintyResult result) {
    if (m_runs.empty() && result && m_document->inInteractiveEdit() && window()->isVisible()) {
        m_held = std::move(result);
        if (!m_bandHold.isActive()) m_bandHold.start();
        return;
    }
    m_bandHold.stop();
    m_held = nullptr;
    applyUncertainty(std::move(result));
}

void ChartGrid::releaseHeldBands() {
    if (!m_held) return;
    m_bandHold.stop();
    applyUncertainty(std::exchange(m_held, nullptr));
}

void ChartGrid::applyUncertainty(UncertaintyResult result) {
    m_uncertainty = std::move(result);
    if (!m_runs.empty()) return;
    for (ChartCard* card : std::as_const(m_cards)) {
        if (outOfView(card))
            card->deferUncertainty(m_uncertainty);
        else
            card->setUncertainty(m_uncertainty);
    }
}

void ChartGrid::onResultsChanged(const QList<int>& series) {
    releaseHeldBands();  // the bands of the previous step, drawn with these lines
    for (ChartCard* card : std::as_const(m_cards)) {
        const bool affected =
            std::any_of(series.begin(), series.end(), [card](int s) { return card->shows(s); });
        if (!affected) continue;
        if (outOfView(card))
            card->markStale(series);
        else
            card->onResultsChanged(series);
    }
}

}  // namespace jevons::app
