#pragma once
// Data labels drawn by the chart card: one decimal ("42.9"), above columns or inside stacked
// segments. QBarSeries' own labels format with %g precision, which cannot say "6.6" and "171.6"
// with one decimal each.
#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace jevons::app {

class ValueLabelsItem : public QGraphicsItem {
public:
    struct Label {
        QPointF at;  ///< chart coordinates: bottom-centre (Above) or centre (Center) of the text
        QString text;
        QColor color;
        bool above = true;
        qreal hAnchor = 0.5;  ///< where `at` sits along the text: 0.5 centre, 1 right end
    };
    /// @brief Width of `text` in the label font.
    [[nodiscard]] static qreal textWidth(const QString& text, bool bold = true);
    /// @brief Where `label` is drawn (chart coordinates).
    [[nodiscard]] static QRectF rectFor(const Label& label);
    explicit ValueLabelsItem(QGraphicsItem* parent = nullptr);

    void setLabels(QList<Label> labels);
    [[nodiscard]] const QList<Label>& labels() const { return m_labels; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QList<Label> m_labels;
    QList<QRectF> m_rects;  // rectFor(m_labels[i]), measured once in setLabels
    QRectF m_bounds;
};

}  // namespace jevons::app
