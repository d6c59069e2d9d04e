#include "app/charts/chart_view.h"

#include "app/charts/chart_card.h"

#include <QMouseEvent>

namespace jevons::app {

ChartView::ChartView(QChart* chart, ChartCard* card, QWidget* parent)
    : QChartView(chart, parent), m_card(card) {
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
}

void ChartView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const int anchor = m_card->draggableAnchorAt(event->position().toPoint());
        if (anchor >= 0 && m_card->beginAnchorDrag(anchor)) {
            m_dragging = true;
            event->accept();
            return;
        }
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragging) {
        m_card->dragAnchorToViewPosition(event->position().toPoint());
        event->accept();
        return;
    }
    const bool over = m_card->draggableAnchorAt(event->position().toPoint()) >= 0;
    if (over)
        setCursor(Qt::SizeVerCursor);
    else
        unsetCursor();
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_card->dragAnchorToViewPosition(event->position().toPoint());
        m_card->endAnchorDrag();
        m_dragging = false;
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

}  // namespace jevons::app
