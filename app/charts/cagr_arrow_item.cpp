#include "app/charts/cagr_arrow_item.h"

#include "app/charts/palette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace jevons::app {
namespace {
constexpr qreal kArrowHead = 7.0;
constexpr qreal kPenWidth = 1.6;
}  // namespace

CagrArrowItem::CagrArrowItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setZValue(20);
    m_bubbleSize = measureBubble(m_text);
}

QSizeF CagrArrowItem::measureBubble(const QString& text) {
    const QFontMetricsF fm(palette::font(palette::kLabelPt, true));
    return {fm.horizontalAdvance(text) + 16, fm.height() + 6};
}

void CagrArrowItem::setGeometry(QPointF from, QPointF to, qreal levelY, qreal left, qreal right) {
    prepareGeometryChange();
    m_from = from;
    m_to = to;
    m_level = levelY;
    m_left = left;
    m_right = right;
    update();
}

void CagrArrowItem::setText(const QString& text) {
    if (text == m_text) return;
    prepareGeometryChange();
    m_text = text;
    m_bubbleSize = measureBubble(text);
    update();
}

QRectF CagrArrowItem::bubbleRect() const {
    const qreal w = m_bubbleSize.width();
    const qreal h = m_bubbleSize.height();
    qreal cx = (m_from.x() + m_to.x()) / 2;
    if (m_right - m_left >= w) cx = std::clamp(cx, m_left + w / 2, m_right - w / 2);
    return {cx - w / 2, m_level - h / 2, w, h};
}

QRectF CagrArrowItem::boundingRect() const {
    QRectF r = QRectF(m_from, m_to).normalized();
    r = r.united(QRectF(QPointF(m_from.x(), m_level), QPointF(m_to.x(), m_level)).normalized());
    return r.united(bubbleRect()).adjusted(-kArrowHead - 2, -4, kArrowHead + 2, 4);
}

void CagrArrowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(palette::kInk, kPenWidth);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    QPainterPath path;
    path.moveTo(m_from);
    path.lineTo(m_from.x(), m_level);
    path.lineTo(m_to.x(), m_level);
    path.lineTo(m_to.x(), m_to.y() - kArrowHead);
    painter->drawPath(path);
    // Arrow head pointing down on the later year.
    QPainterPath head;
    head.moveTo(m_to);
    head.lineTo(m_to.x() - kArrowHead * 0.7, m_to.y() - kArrowHead * 1.2);
    head.lineTo(m_to.x() + kArrowHead * 0.7, m_to.y() - kArrowHead * 1.2);
    head.closeSubpath();
    painter->setBrush(palette::kInk);
    painter->drawPath(head);

    const QRectF bubble = bubbleRect();
    painter->setBrush(Qt::white);
    painter->setPen(QPen(palette::kInk, kPenWidth));
    painter->drawRoundedRect(bubble, bubble.height() / 2, bubble.height() / 2);
    painter->setFont(palette::font(palette::kLabelPt, true));
    painter->setPen(palette::kInk);
    painter->drawText(bubble, Qt::AlignCenter, m_text);
}

}  // namespace jevons::app
