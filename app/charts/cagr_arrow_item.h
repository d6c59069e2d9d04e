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
    /// the second, running at height `levelY` (above both).
    void setGeometry(QPointF from, QPointF to, qreal levelY);
    void setText(const QString& text);
    [[nodiscard]] QString text() const { return m_text; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    [[nodiscard]] QRectF bubbleRect() const;
    QPointF m_from;
    QPointF m_to;
    qreal m_level = 0;
    QString m_text;
};

/// @brief "+45.4% CAGR" for a fraction 0.4541.
[[nodiscard]] QString cagrText(double rate);
/// @brief "CAGR 38–52%" for the P10 and P90 of a CAGR (fractions 0.38, 0.52): whole percent,
/// one decimal when whole percents would read the same; "CAGR −5% to +10%" across zero.
[[nodiscard]] QString cagrRangeText(double p10, double p90);

}  // namespace jevons::app
