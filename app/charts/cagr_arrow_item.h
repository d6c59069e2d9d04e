#pragma once
// Think-cell style CAGR annotation: a bracket rising from one bar (or point), running above the
// data, and coming down as an arrow on the other, with a "+45.4% CAGR" bubble in the middle.
#include <QGraphicsItem>
#include <QString>

namespace jevons::app {

class CagrArrowItem : public QGraphicsItem {
public:
    explicit CagrArrowItem(QGraphicsItem* parent = nullptr);

    /// @brief Place the arrow (chart coordinates): from the top of the first bar to the top of
    /// the second, running at height `levelY` (above both). The bubble is centred over the
    /// bracket but kept between `left` and `right` (the plot area's sides), so a label wider than
    /// a short bracket near an edge does not cover the value axis.
    void setGeometry(QPointF from, QPointF to, qreal levelY, qreal left, qreal right);
    void setText(const QString& text);
    [[nodiscard]] QString text() const { return m_text; }
    /// @brief Where the label bubble is drawn (item = chart coordinates).
    [[nodiscard]] QRectF bubbleRect() const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    /// @brief The bubble's size for `text` (pixels): measured once per text, not per paint or
    /// per boundingRect() call (the scene asks for the bounds many times a frame).
    [[nodiscard]] static QSizeF measureBubble(const QString& text);
    QPointF m_from;
    QPointF m_to;
    qreal m_level = 0;
    qreal m_left = 0;
    qreal m_right = 0;
    QString m_text;
    QSizeF m_bubbleSize;
};

}  // namespace jevons::app
