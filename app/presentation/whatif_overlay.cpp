#include "app/presentation/whatif_overlay.h"

#include "app/assumptions/assumption_slider.h"
#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/presentation/chart_drivers.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QVBoxLayout>

namespace jevons::app {

WhatIfOverlay::WhatIfOverlay(Document* document, QWidget* parent)
    : QFrame(parent),
      m_document(document),
      m_title(new QLabel(tr("What if\u2026"), this)),
      m_hint(new QLabel(tr("W hides these sliders \u00B7 Ctrl+Z undoes"), this)),
      m_rows(new QWidget(this)),
      m_rowsLayout(new QVBoxLayout(m_rows)) {
    setObjectName(QStringLiteral("whatIfOverlay"));
    setAccessibleName(tr("What-if sliders"));
    m_title->setObjectName(QStringLiteral("whatIfTitle"));
    m_hint->setObjectName(QStringLiteral("whatIfHint"));
    m_hint->setWordWrap(true);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(12);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_rows);
    layout->addStretch(1);
    layout->addWidget(m_hint);
    connect(document, &Document::assumptionChanged, this, [this](const QString& id, double v) {
        for (AssumptionSlider* s : std::as_const(m_sliders))
            if (s->assumptionId() == id) s->showValue(v);
    });
    restyle();
}

QStringList WhatIfOverlay::assumptionIds() const {
    QStringList ids;
    for (const AssumptionSlider* s : m_sliders) ids << s->assumptionId();
    return ids;
}

void WhatIfOverlay::setChart(const core::ChartDef& chart) {
    m_chart = chart;
    rebuild();
}

void WhatIfOverlay::setTextSize(qreal pointSize) {
    if (qFuzzyCompare(pointSize, m_pointSize)) return;
    m_pointSize = pointSize;
    restyle();
    rebuild();
}

void WhatIfOverlay::setDark(bool dark) {
    m_dark = dark;
    restyle();
}

void WhatIfOverlay::restyle() {
    const QString ink = m_dark ? QStringLiteral("#E5E7EB") : QStringLiteral("#212529");
    const QString panel = m_dark ? QStringLiteral("#1F2937") : QStringLiteral("#F4F6F8");
    const QString accent = palette::kTeal.name();
    const int groove = std::max(8, int(m_pointSize * 0.55));
    const int handle = std::max(22, int(m_pointSize * 1.6));
    // Fonts go through the style sheet too: with one set, setFont does not reach the children.
    const QString fonts = QStringLiteral(
                              "#whatIfOverlay, #whatIfOverlay QWidget { font-size: %1pt; }"
                              "#whatIfTitle { font-size: %2pt; font-weight: bold; }"
                              "#whatIfHint { font-size: %3pt; }")
                              .arg(m_pointSize, 0, 'f', 1)
                              .arg(m_pointSize * 1.3, 0, 'f', 1)
                              .arg(m_pointSize * 0.6, 0, 'f', 1);
    setStyleSheet(fonts +
                  QStringLiteral("#whatIfOverlay { background: %1; border-left: 3px solid %3; }"
                                 "#whatIfOverlay QLabel { color: %2; background: transparent; }"
                                 "#whatIfOverlay QDoubleSpinBox { color: %2; background: %1; "
                                 "  border: 1px solid #9AA5B1; padding: 2px 6px; }"
                                 "#whatIfOverlay QSlider { min-height: %5px; }"
                                 "#whatIfOverlay QSlider::groove:horizontal { height: %4px; "
                                 "  background: #9AA5B1; border-radius: %6px; }"
                                 "#whatIfOverlay QSlider::sub-page:horizontal { background: %3; "
                                 "  border-radius: %6px; }"
                                 "#whatIfOverlay QSlider::handle:horizontal { width: %5px; "
                                 "  margin: -%7px 0; border-radius: %8px; background: white; "
                                 "  border: 3px solid %3; }")
                      .arg(panel, ink, accent)
                      .arg(groove)
                      .arg(handle)
                      .arg(groove / 2)
                      .arg((handle - groove) / 2)
                      .arg(handle / 2));
    setFont(palette::font(m_pointSize));
}

void WhatIfOverlay::rebuild() {
    qDeleteAll(m_sliders);
    m_sliders.clear();
    if (!m_document->isLoaded()) return;
    const core::Scenario& scenario = m_document->scenario();
    for (const ChartDriver& driver : chartDrivers(m_document->evaluator(), m_chart)) {
        const core::Assumption* a = scenario.findAssumption(driver.assumption);
        if (!a) continue;
        core::Assumption current = *a;
        current.value = m_document->evaluator().assumption(a->id);
        // Children take the panel's large font at construction.
        auto* row = new AssumptionSlider(m_document, current, m_rows);
        row->setAccessibleName(labelText(a->label, m_document->language()));
        row->spinBox()->setButtonSymbols(QAbstractSpinBox::NoButtons);
        row->provenanceLabel()->setStyleSheet(
            QStringLiteral("color: #8A939C; font-size: %1pt;").arg(m_pointSize * 0.55, 0, 'f', 1));
        m_rowsLayout->addWidget(row);
        m_sliders.append(row);
    }
}

}  // namespace jevons::app
