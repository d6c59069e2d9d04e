#include "app/uncertainty/goal_seek_dialog.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/uncertainty/histogram_view.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace jevons::app {

GoalSeekDialog::GoalSeekDialog(Document* document, QWidget* parent)
    : QDialog(parent),
      m_document(document),
      m_assumption(new QComboBox),
      m_output(new QComboBox),
      m_year(new QComboBox),
      m_target(new QDoubleSpinBox),
      m_message(new QLabel),
      m_solve(nullptr),
      m_apply(nullptr) {
    setWindowTitle(tr("Goal Seek"));
    setObjectName(QStringLiteral("goalSeekDialog"));
    const QString language = document->language();
    for (const core::Assumption& a : document->scenario().assumptions) {
        const QString label = labelText(a.label, language);
        m_assumption->addItem(label.isEmpty() ? toQString(a.id) : label, toQString(a.id));
    }
    m_assumption->setCurrentIndex(
        std::max(0, m_assumption->findData(QStringLiteral("asic_share_2028"))));
    fillOutputCombo(m_output, *document, toQString(document->scenario().focus().ref));
    fillYearCombo(m_year, *document, 2030);
    m_target->setRange(-1e12, 1e12);
    m_target->setAccelerated(true);
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(56);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("goalSeekMessage"));

    auto* form = new QFormLayout;
    form->addRow(tr("Change assumption:"), m_assumption);
    form->addRow(tr("So that output:"), m_output);
    form->addRow(tr("In year:"), m_year);
    form->addRow(tr("Reaches:"), m_target);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_solve = buttons->addButton(tr("&Solve"), QDialogButtonBox::ActionRole);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_solve->setDefault(true);
    m_apply->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_solve, &QPushButton::clicked, this, [this] { solve(); });
    connect(m_apply, &QPushButton::clicked, this, [this] { apply(); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("Find the value of an assumption that makes an output reach a target, with every "
           "other assumption at its current value (Brent's method within the slider's range).")));
    layout->itemAt(0)->widget()->setProperty("wordWrap", true);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_assumption, &QComboBox::currentIndexChanged, this, [this] { inputsChanged(); });
    connect(m_output, &QComboBox::currentIndexChanged, this, [this] {
        updateTargetUnit();
        inputsChanged();
    });
    connect(m_year, &QComboBox::currentIndexChanged, this, [this] {
        updateTargetUnit();
        inputsChanged();
    });
    connect(m_target, &QDoubleSpinBox::valueChanged, this, [this] { inputsChanged(); });
    updateTargetUnit();
    resize(520, sizeHint().height());
}

void GoalSeekDialog::setAssumption(const QString& id) {
    m_assumption->setCurrentIndex(m_assumption->findData(id));
}

void GoalSeekDialog::setOutput(const QString& ref) {
    m_output->setCurrentIndex(m_output->findData(ref));
}

void GoalSeekDialog::setYear(int year) { m_year->setCurrentIndex(m_year->findData(year)); }

void GoalSeekDialog::setTarget(double shown) { m_target->setValue(shown); }

double GoalSeekDialog::target() const { return m_target->value(); }

QString GoalSeekDialog::message() const { return m_message->text(); }

// The target box shows Y's unit and starts at Y's current value in year T.
void GoalSeekDialog::updateTargetUnit() {
    const auto ref = m_document->model().resolve(m_output->currentData().toString().toStdString());
    if (!ref) return;
    const DisplayPreferences& units = m_document->displayPreferences();
    const core::Unit unit = m_document->model().unitOf(*ref);
    const QString suffix = unitSuffix(units, unit, m_document->language());
    m_target->setSuffix(spinSuffix(suffix));
    m_target->setDecimals(std::max(2, valueDecimals(units, unit) + 1));
    const int year = m_year->currentData().toInt();
    const QSignalBlocker block(m_target);
    if (m_document->evaluator().years().contains(year))
        m_target->setValue(displayValue(
            units,
            m_document->evaluator().value(m_output->currentData().toString().toStdString(), year),
            unit));
}

void GoalSeekDialog::inputsChanged() {
    m_result.reset();
    m_apply->setEnabled(false);
    m_message->clear();
}

QString GoalSeekDialog::shownText(double stored, core::Unit unit) const {
    const DisplayPreferences& units = m_document->displayPreferences();
    return withUnit(QLocale().toString(displayValue(units, stored, unit), 'f',
                                       std::max(2, valueDecimals(units, unit) + 1)),
                    unitSuffix(units, unit, m_document->language()));
}

bool GoalSeekDialog::solve() {
    inputsChanged();
    const core::Model& model = m_document->model();
    const std::string outputRef = m_output->currentData().toString().toStdString();
    const auto ref = model.resolve(outputRef);
    const core::Assumption* x =
        m_document->scenario().findAssumption(m_assumption->currentData().toString().toStdString());
    if (!ref || !x) return false;
    const core::Unit unit = model.unitOf(*ref);
    core::GoalSeekRequest request;
    request.assumption = x->id;
    request.target = outputRef;
    request.year = m_year->currentData().toInt();
    request.value = storedValue(m_document->displayPreferences(), m_target->value(), unit);
    request.values = m_document->evaluator().assumptionValues();
    request.scenario = m_document->activeScenario().toStdString();
    try {
        m_result = core::goalSeek(model, request);
    } catch (const std::exception& e) {
        m_message->setText(QString::fromStdString(e.what()));
        return false;
    }
    const QString xName = m_assumption->currentText();
    const QString yName = m_output->currentText();
    const QString year = QString::number(request.year);
    if (m_result->found) {
        m_message->setText(
            tr("%1 = %2 makes %3 reach %4 in %5 (now %6).")
                .arg(xName, shownText(m_result->value, x->unit), yName,
                     shownText(m_result->achieved, unit), year,
                     shownText(m_document->evaluator().assumptionValues().at(x->id), x->unit)));
        m_apply->setEnabled(true);
        return true;
    }
    m_message->setText(tr("No value of %1 between %2 and %3 makes %4 reach %5 in %6: %4 ranges "
                          "from %7 to %8. Nothing was changed.")
                           .arg(xName, shownText(x->min, x->unit), shownText(x->max, x->unit),
                                yName, shownText(request.value, unit), year,
                                shownText(m_result->lowest, unit),
                                shownText(m_result->highest, unit)));
    m_message->setToolTip(QString::fromStdString(m_result->message));
    return false;
}

bool GoalSeekDialog::apply() {
    if (!m_result || !m_result->found) return false;
    if (!m_document->editAssumption(m_assumption->currentData().toString(), m_result->value))
        return false;
    accept();
    return true;
}

}  // namespace jevons::app
