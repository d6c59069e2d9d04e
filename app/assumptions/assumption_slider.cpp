#include "app/assumptions/assumption_slider.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/uncertainty/distribution_dialog.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace jevons::app {
namespace {

QString citation(const core::Scenario& scenario, const core::Provenance& p,
                 const QString& language) {
    const core::Source* source = scenario.findSource(p.source);
    QStringList lines;
    if (source) {
        lines
            << QStringLiteral("<b>%1</b>").arg(labelText(source->title, language).toHtmlEscaped());
        QString by = labelText(source->publisher, language).toHtmlEscaped();
        if (!source->date.empty()) by += QStringLiteral(", ") + toQString(source->date);
        lines << by;
    } else {
        lines << QObject::tr("Analyst's judgement");
    }
    if (!p.figure.empty())
        lines << QObject::tr("Figure: %1").arg(labelText(p.figure, language).toHtmlEscaped());
    if (!p.note.empty())
        lines << QObject::tr("Note: %1").arg(labelText(p.note, language).toHtmlEscaped());
    if (source && !source->url.empty()) lines << toQString(source->url).toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

QString provenanceLine(const core::Scenario& scenario, const core::Provenance& p,
                       const QString& language) {
    const core::Source* source = scenario.findSource(p.source);
    QString publisher =
        source ? labelText(source->publisher, language) : QObject::tr("Analyst's judgement");
    if (p.figure.empty()) return publisher;
    return publisher + QStringLiteral(" · ") + labelText(p.figure, language);
}

}  // namespace

AssumptionSlider::AssumptionSlider(Document* document, const core::Assumption& a, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_id(toQString(a.id)),
      m_unit(a.unit),
      m_min(a.min),
      m_step(a.step > 0 ? a.step : (a.max - a.min) / 100.0),
      m_spin(new QDoubleSpinBox(this)),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_provenance(new QLabel(this)),
      m_range(new QToolButton(this)) {
    const QString language = document->language();
    auto* label = new QLabel(labelText(a.label, language), this);
    label->setWordWrap(true);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);

    const DisplayPreferences& units = document->displayPreferences();
    const double shownStep =
        std::abs(displayValue(units, m_step, m_unit) - displayValue(units, 0.0, m_unit));
    m_spin->setDecimals(assumptionDecimals(units, a));
    m_spin->setRange(displayValue(units, a.min, m_unit), displayValue(units, a.max, m_unit));
    m_spin->setSingleStep(shownStep);
    const QString suffix = unitSuffix(units, m_unit, language);
    if (!suffix.isEmpty())
        m_spin->setSuffix(suffix == QStringLiteral("%") ? suffix : QStringLiteral(" ") + suffix);
    m_spin->setKeyboardTracking(true);
    m_spin->setAccelerated(true);
    m_spin->setAlignment(Qt::AlignRight);
    fitSpinBox();
    m_spin->installEventFilter(this);
    m_spin->setToolTip(labelText(a.label, language));

    m_slider->setRange(0, std::max(1, static_cast<int>(std::lround((a.max - a.min) / m_step))));
    m_slider->setSingleStep(1);
    m_slider->setPageStep(std::max(1, m_slider->maximum() / 10));
    m_slider->setTracking(true);

    const core::Scenario& scenario = document->scenario();
    m_provenance->setText(provenanceLine(scenario, a.provenance, language));
    m_provenance->setToolTip(citation(scenario, a.provenance, language));
    m_provenance->setWordWrap(true);
    m_provenance->setStyleSheet(QStringLiteral("color: #6C757D;"));
    QFont small = m_provenance->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_provenance->setFont(small);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 6, 4, 6);
    grid->setVerticalSpacing(3);
    grid->addWidget(label, 0, 0);
    grid->addWidget(m_spin, 0, 1);
    grid->addWidget(m_range, 0, 2);
    grid->addWidget(m_slider, 1, 0, 1, 3);
    grid->addWidget(m_provenance, 2, 0, 1, 3);
    grid->setColumnStretch(0, 1);

    showValue(a.value);
    m_range->setObjectName(QStringLiteral("rangeButton"));
    m_range->setAutoRaise(true);
    showRange();
    connect(m_range, &QToolButton::clicked, this, [this] { openRangeDialog(); });

    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double shown) {
        // A typing burst is one undo step; it ends when editing finishes.
        if (m_spin->hasFocus() && !m_document->inInteractiveEdit()) {
            m_document->beginInteractiveEdit();
            m_typing = true;
        }
        edit(storedValue(m_document->displayPreferences(), shown, m_unit));
    });
    connect(m_spin, &QDoubleSpinBox::editingFinished, this, [this] {
        if (m_typing) m_document->endInteractiveEdit();
        m_typing = false;
    });
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int position) { edit(m_min + position * m_step); });
    connect(m_slider, &QSlider::sliderPressed, m_document, &Document::beginInteractiveEdit);
    connect(m_slider, &QSlider::sliderReleased, m_document, &Document::endInteractiveEdit);
}

int AssumptionSlider::sliderPosition(double stored) const {
    return static_cast<int>(std::lround((stored - m_min) / m_step));
}

void AssumptionSlider::showValue(double stored) {
    const QSignalBlocker blockSpin(m_spin);
    const QSignalBlocker blockSlider(m_slider);
    // The value the spin box already holds (its own typing, echoed back by the document) leaves
    // its text alone: "30%" being typed is not rewritten to "30.0%" under the cursor, and its
    // editor keeps the typing for Ctrl+Z (undo_actions.h).
    const double shown = displayValue(m_document->displayPreferences(), stored, m_unit);
    if (m_spin->value() != m_spin->valueFromText(m_spin->textFromValue(shown)))
        m_spin->setValue(shown);
    m_slider->setValue(sliderPosition(stored));
}

void AssumptionSlider::showRange() {
    const core::Assumption* a = m_document->scenario().findAssumption(m_id.toStdString());
    if (!a) return;
    m_range->setText(rangeSummary(m_document->displayPreferences(), *a));
    m_range->setMinimumWidth(std::max(28, m_range->sizeHint().width()));  // never clipped
    m_range->setToolTip(
        rangeDescription(m_document->displayPreferences(), *a, m_document->language()));
}

QDialog* AssumptionSlider::openRangeDialog() {
    const core::Assumption* a = m_document->scenario().findAssumption(m_id.toStdString());
    if (!a) return nullptr;
    core::Assumption current = *a;
    current.value = m_document->evaluator().assumption(a->id);
    auto* dialog = new DistributionDialog(m_document, current, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void AssumptionSlider::edit(double stored) {
    // The document answers with assumptionChanged (accepted or snapped back), which syncs both
    // widgets through showValue.
    m_document->editAssumption(m_id, stored);
}

void AssumptionSlider::fitSpinBox() {
    m_spin->setMinimumWidth(std::max(120, m_spin->sizeHint().width()));
}

bool AssumptionSlider::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_spin &&
        (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
         event->type() == QEvent::Polish))
        fitSpinBox();
    return QWidget::eventFilter(watched, event);
}

}  // namespace jevons::app
