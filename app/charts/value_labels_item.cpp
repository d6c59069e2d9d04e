#include "app/charts/value_labels_item.h"

#include "app/charts/palette.h"

#include <QFontMetricsF>
#include <QPainter>

namespace jevons::app {

ValueLabelsItem::ValueLabelsItem(QGraphicsItem* parent) : QGraphicsItem(parent) { setZValue(15); }

qreal ValueLabelsItem::textWidth(const QString& text, bool bold) {
    return QFontMetricsF(palette::font(palette::kLabelPt, bold)).horizontalAdvance(text);
}

QRectF ValueLabelsItem::rectFor(const Label& label) {
    const QFontMetricsF fm(palette::font(palette::kLabelPt, label.above));
    const qreal w = fm.horizontalAdvance(label.text) + 4;
    const qreal h = fm.height();
    const qreal left = label.at.x() - w * label.hAnchor;
    if (label.above) return {left, label.at.y() - h - 2, w, h};
    return {left, label.at.y() - h / 2, w, h};
}

void ValueLabelsItem::setLabels(QList<Label> labels) {
    prepareGeometryChange();
    m_labels = std::move(labels);
    m_rects.clear();
    m_rects.reserve(m_labels.size());
    m_bounds = QRectF();
    for (const Label& l : m_labels) {
        m_rects.push_back(rectFor(l));
        m_bounds = m_bounds.united(m_rects.back());
    }
    update();
}

QRectF ValueLabelsItem::boundingRect() const { return m_bounds; }

void ValueLabelsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::TextAntialiasing);
    const QFont plain = palette::font(palette::kLabelPt, false);
    const QFont bold = palette::font(palette::kLabelPt, true);
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const Label& l = m_labels[i];
        painter->setFont(l.above ? bold : plain);
        painter->setPen(l.color);
        painter->drawText(m_rects[i], Qt::AlignCenter, l.text);
    }
}

}  // namespace jevons::app
