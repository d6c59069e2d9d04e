#pragma once
// The what-if panel of presentation mode: the two to four assumptions that drive the current
// chart (chartDrivers) as large sliders. Edits go through the Document, so they are undoable and
// mark the forecast as unsaved; the chart follows live.
#include "core/scenario/scenario.h"

#include <QFrame>
#include <QList>
#include <QStringList>

class QLabel;
class QVBoxLayout;

namespace jevons::app {

class AssumptionSlider;
class Document;

class WhatIfOverlay : public QFrame {
    Q_OBJECT
public:
    explicit WhatIfOverlay(Document* document, QWidget* parent = nullptr);

    /// @brief Show the drivers of `chart` (rebuilds the sliders).
    void setChart(const core::ChartDef& chart);
    /// @brief Point size of the labels; sliders and spin boxes scale with it.
    void setTextSize(qreal pointSize);
    void setDark(bool dark);
    [[nodiscard]] const QList<AssumptionSlider*>& sliders() const { return m_sliders; }
    [[nodiscard]] QStringList assumptionIds() const;

private:
    void rebuild();
    void restyle();

    Document* m_document;
    core::ChartDef m_chart;
    QLabel* m_title;
    QLabel* m_hint;
    QWidget* m_rows;
    QVBoxLayout* m_rowsLayout;
    QList<AssumptionSlider*> m_sliders;
    qreal m_pointSize = 18.0;
    bool m_dark = false;
};

}  // namespace jevons::app
