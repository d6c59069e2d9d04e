#pragma once
// One row of the assumptions panel: the label, a spin box in display units (25.0 %, 171.6 US$B),
// a slider over min..max by step, a range button ("20–35%", or "±" without a range) that opens
// the distribution dialog, and the provenance line with the full citation as tooltip.
#include "core/scenario/scenario.h"

#include <QWidget>

class QDialog;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QToolButton;

namespace jevons::app {

class Document;

class AssumptionSlider : public QWidget {
    Q_OBJECT
public:
    AssumptionSlider(Document* document, const core::Assumption& assumption,
                     QWidget* parent = nullptr);

    [[nodiscard]] QString assumptionId() const { return m_id; }
    [[nodiscard]] QDoubleSpinBox* spinBox() const { return m_spin; }
    [[nodiscard]] QSlider* slider() const { return m_slider; }
    [[nodiscard]] QLabel* provenanceLabel() const { return m_provenance; }
    [[nodiscard]] QToolButton* rangeButton() const { return m_range; }
    /// @brief Re-read the assumption's range from the document (after an edit, undo or redo).
    void showRange();
    /// @brief Open the distribution dialog (window-modal; deletes itself when closed).
    QDialog* openRangeDialog();
    /// @brief Show `stored` without editing the document (after undo, a scenario switch, a
    /// refused edit).
    void showValue(double stored);

protected:
    /// Keeps the spin box wide enough for its longest value and suffix when its font or style
    /// changes (the what-if panel's large font arrives after construction).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// @brief The spin box never narrower than its longest value with the unit (Qt's sizeHint):
    /// "171.6 US$B" or "171.6 十亿美元" is never clipped to "171.6 US$".
    void fitSpinBox();
    void edit(double stored);
    [[nodiscard]] int sliderPosition(double stored) const;

    Document* m_document;
    QString m_id;
    core::Unit m_unit;
    double m_min;
    double m_step;
    QDoubleSpinBox* m_spin;
    QSlider* m_slider;
    QLabel* m_provenance;
    QToolButton* m_range;
    bool m_typing = false;
};

}  // namespace jevons::app
