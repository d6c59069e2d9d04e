#pragma once
// The QChartView of a chart card: forwards presses, drags and releases on anchored points to
// the card (direct manipulation), shows a vertical-resize cursor over draggable points.
#include <QChartView>

namespace jevons::app {

class ChartCard;

class ChartView : public QChartView {
    Q_OBJECT
public:
    ChartView(QChart* chart, ChartCard* card, QWidget* parent = nullptr);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    ChartCard* m_card;
    bool m_dragging = false;
};

}  // namespace jevons::app
