#include "app/uncertainty/distribution_dialog.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "core/uncertainty/distribution.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace jevons::app {
namespace {

/// Display value of a spread (sd): no offset, only the scale of the display unit.
double displaySpread(const DisplayPreferences& units, double stored, core::Unit unit) {
    return displayValue(units, stored, unit) - displayValue(units, 0.0, unit);
}
double storedSpread(const DisplayPreferences& units, double shown, core::Unit unit) {
    return storedValue(units, shown, unit) - storedValue(units, 0.0, unit);
}

}  // namespace

DistributionDialog::DistributionDialog(Document* document, const core::Assumption& assumption,
                                       QWidget* parent)
    : QDialog(parent),
      m_document(document),
      m_assumption(assumption),
      m_type(new QComboBox(this)),
      m_form(new QFormLayout),
      m_error(new QLabel(this)),
      m_pin(
          new QCheckBox(tr("&Pin this range (keep it where it is when the value changes)"), this)) {
    setObjectName(QStringLiteral("distributionDialog"));
    const QString language = document->language();
    setWindowTitle(tr("Range of %1").arg(labelText(assumption.label, language)));

    m_type->addItem(tr("None (a fixed value)"), -1);
    m_type->addItem(tr("Uniform (min, max)"), int(core::DistributionType::Uniform));
    m_type->addItem(tr("Triangular (min, most likely, max)"),
                    int(core::DistributionType::Triangular));
    m_type->addItem(tr("PERT (min, most likely, max)"), int(core::DistributionType::Pert));
    m_type->addItem(tr("Normal (mean, standard deviation)"), int(core::DistributionType::Normal));
    m_type->addItem(tr("Lognormal (90% interval)"), int(core::DistributionType::Lognormal));
    m_form->addRow(tr("Shape:"), m_type);

    // Starting values: the current range, else ±20% around the value.
    const double value = assumption.value;
    const double spread =
        std::abs(value) > 0 ? 0.2 * std::abs(value) : 0.2 * (assumption.max - assumption.min);
    core::DistributionSpec d;
    d.min = value - spread;
    d.mode = value;
    d.max = value + spread;
    d.mean = value;
    d.sd = spread / core::kZ95;
    d.p5 = d.min;
    d.p95 = d.max;
    if (assumption.distribution) {
        const core::DistributionSpec& s = *assumption.distribution;
        switch (s.type) {
            case core::DistributionType::Uniform:
            case core::DistributionType::Triangular:
            case core::DistributionType::Pert:
                d.min = d.p5 = s.min;
                d.max = d.p95 = s.max;
                if (s.type != core::DistributionType::Uniform) d.mode = s.mode;
                break;
            case core::DistributionType::Normal:
                d.mean = s.mean;
                d.sd = s.sd;
                break;
            case core::DistributionType::Lognormal:
                d.p5 = d.min = s.p5;
                d.p95 = d.max = s.p95;
                break;
        }
    }
    addField(QStringLiteral("min"), tr("Minimum:"), d.min, false);
    addField(QStringLiteral("mode"), tr("Most likely:"), d.mode, false);
    addField(QStringLiteral("max"), tr("Maximum:"), d.max, false);
    addField(QStringLiteral("mean"), tr("Mean:"), d.mean, false);
    addField(QStringLiteral("sd"), tr("Standard deviation:"), d.sd, true);
    addField(QStringLiteral("p5"), tr("5th percentile:"), d.p5, false);
    addField(QStringLiteral("p95"), tr("95th percentile:"), d.p95, false);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B00020;"));
    m_error->hide();
    m_pin->setObjectName(QStringLiteral("pinned"));
    m_pin->setChecked(assumption.distribution && assumption.distribution->pinned);
    m_pin->setToolTip(
        tr("Unpinned, the range moves with the value when you edit it (min, most likely and max "
           "by the change, a normal or lognormal re-centred with the same relative spread)."));
    auto* note = new QLabel(
        tr("Monte Carlo samples this range; the slider's value stays the base forecast."), this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #6C757D;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DistributionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DistributionDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_pin);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this, &DistributionDialog::showFields);
    setType(assumption.distribution ? std::optional(assumption.distribution->type) : std::nullopt);
    showFields();
    setMinimumWidth(380);
}

QDoubleSpinBox* DistributionDialog::addField(const QString& name, const QString& label,
                                             double stored, bool difference) {
    auto* spin = new QDoubleSpinBox(this);
    spin->setObjectName(name);
    const DisplayPreferences& units = m_document->displayPreferences();
    const core::Unit unit = m_assumption.unit;
    const double step =
        m_assumption.step > 0 ? m_assumption.step : (m_assumption.max - m_assumption.min) / 100.0;
    const double shownStep = std::abs(displaySpread(units, step, unit));
    spin->setDecimals(std::min(4, decimalsFor(shownStep) + 1));
    spin->setRange(-1e12, 1e12);
    spin->setSingleStep(shownStep > 0 ? shownStep : 1.0);
    const QString suffix = unitSuffix(units, unit, m_document->language());
    if (!suffix.isEmpty())
        spin->setSuffix(suffix == QStringLiteral("%") ? suffix : QStringLiteral(" ") + suffix);
    spin->setValue(difference ? displaySpread(units, stored, unit)
                              : displayValue(units, stored, unit));
    spin->setAlignment(Qt::AlignRight);
    m_form->addRow(label, spin);
    m_fields.append({name, spin});
    return spin;
}

void DistributionDialog::setType(std::optional<core::DistributionType> type) {
    const int data = type ? int(*type) : -1;
    m_type->setCurrentIndex(std::max(0, m_type->findData(data)));
}

std::optional<core::DistributionType> DistributionDialog::type() const {
    const int data = m_type->currentData().toInt();
    if (data < 0) return std::nullopt;
    return static_cast<core::DistributionType>(data);
}

QDoubleSpinBox* DistributionDialog::field(const QString& name) const {
    for (const auto& [n, spin] : m_fields)
        if (n == name) return spin;
    return nullptr;
}

void DistributionDialog::showFields() {
    QStringList used;
    if (const auto t = type()) {
        switch (*t) {
            case core::DistributionType::Uniform:
                used = {QStringLiteral("min"), QStringLiteral("max")};
                break;
            case core::DistributionType::Triangular:
            case core::DistributionType::Pert:
                used = {QStringLiteral("min"), QStringLiteral("mode"), QStringLiteral("max")};
                break;
            case core::DistributionType::Normal:
                used = {QStringLiteral("mean"), QStringLiteral("sd")};
                break;
            case core::DistributionType::Lognormal:
                used = {QStringLiteral("p5"), QStringLiteral("p95")};
                break;
        }
    }
    for (const auto& [name, spin] : m_fields) m_form->setRowVisible(spin, used.contains(name));
    m_pin->setEnabled(type().has_value());
    m_error->hide();
    adjustSize();
}

std::optional<core::DistributionSpec> DistributionDialog::spec() const {
    const auto t = type();
    if (!t) return std::nullopt;
    const DisplayPreferences& units = m_document->displayPreferences();
    const core::Unit unit = m_assumption.unit;
    auto stored = [&](const char* name) {
        return storedValue(units, field(QString::fromLatin1(name))->value(), unit);
    };
    core::DistributionSpec d;
    d.type = *t;
    d.pinned = m_pin->isChecked();
    switch (*t) {
        case core::DistributionType::Uniform:
            d.min = stored("min");
            d.max = stored("max");
            break;
        case core::DistributionType::Triangular:
        case core::DistributionType::Pert:
            d.min = stored("min");
            d.mode = stored("mode");
            d.max = stored("max");
            break;
        case core::DistributionType::Normal:
            d.mean = stored("mean");
            d.sd = storedSpread(units, field(QStringLiteral("sd"))->value(), unit);
            break;
        case core::DistributionType::Lognormal:
            d.p5 = stored("p5");
            d.p95 = stored("p95");
            break;
    }
    return d;
}

bool DistributionDialog::apply() {
    QString error;
    if (m_document->editDistribution(QString::fromStdString(m_assumption.id), spec(), &error)) {
        m_error->hide();
        return true;
    }
    m_error->setText(error);
    m_error->show();
    return false;
}

void DistributionDialog::accept() {
    if (apply()) QDialog::accept();
}

}  // namespace jevons::app
