#include "app/calibration/import_actuals_dialog.h"

#include "app/common/display.h"
#include "app/document/command_text.h"
#include "app/document/document.h"
#include "core/calibration/calibration_error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace jevons::app {
namespace {

constexpr int kSkip = 0;
constexpr int kNew = 1;

const std::vector<core::Unit>& units() {
    static const std::vector<core::Unit> list{core::Unit::MillionUnits, core::Unit::UsdBillion,
                                              core::Unit::UsdMillion,   core::Unit::Share,
                                              core::Unit::Rate,         core::Unit::Index,
                                              core::Unit::Multiple,     core::Unit::Number};
    return list;
}

}  // namespace

ImportActualsDialog::ImportActualsDialog(Document* document, const QString& text,
                                         const QString& origin, QWidget* parent)
    : QDialog(parent), m_document(document) {
    setObjectName(QStringLiteral("importActualsDialog"));
    setWindowTitle(tr("Import actuals"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Actuals from %1. Values are in the series' unit (M units, US$B; shares as 25%).")
            .arg(origin));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    try {
        m_actuals = core::parseActuals(text.toStdString(), origin.toStdString());
    } catch (const std::exception& e) {
        m_error = QString::fromStdString(e.what());
    }

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    m_preview = new QTableWidget;
    m_preview->setObjectName(QStringLiteral("actualsPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setMinimumHeight(160);
    layout->addWidget(m_preview, 1);

    auto* mapBox = new QGroupBox(tr("Columns"));
    auto* grid = new QGridLayout(mapBox);
    grid->addWidget(new QLabel(tr("Column")), 0, 0);
    grid->addWidget(new QLabel(tr("Import as")), 0, 1);
    grid->addWidget(new QLabel(tr("New series id")), 0, 2);
    grid->addWidget(new QLabel(tr("Unit")), 0, 3);
    layout->addWidget(mapBox);

    auto* form = new QFormLayout;
    m_source = new QLineEdit;
    m_source->setObjectName(QStringLiteral("actualsSource"));
    m_source->setPlaceholderText(tr("e.g. company filings; IDC, 2025-03"));
    form->addRow(tr("Source (required):"), m_source);
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportActualsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_source, &QLineEdit::textChanged, this, &ImportActualsDialog::updateState);

    if (!m_actuals) {
        m_message->setStyleSheet(QStringLiteral("color: #B02A2A;"));
        m_message->setText(m_error);
        mapBox->setVisible(false);
        m_preview->setVisible(false);
        updateState();
        return;
    }
    if (!m_actuals->note.empty())
        m_message->setText(labelText(m_actuals->note, m_document->language()));

    const core::Actuals& a = *m_actuals;
    m_preview->setRowCount(static_cast<int>(a.years.size()));
    m_preview->setColumnCount(static_cast<int>(a.names.size()));
    QStringList headers;
    for (const auto& n : a.names) headers << toQString(n);
    m_preview->setHorizontalHeaderLabels(headers);
    QStringList years;
    for (int y : a.years) years << QString::number(y);
    m_preview->setVerticalHeaderLabels(years);
    for (std::size_t s = 0; s < a.names.size(); ++s) {
        for (std::size_t i = 0; i < a.years.size(); ++i) {
            const double v = a.values[s][i];
            auto* item = new QTableWidgetItem(std::isfinite(v) ? QLocale().toString(v, 'g', 10)
                                                               : QStringLiteral("\u2014"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_preview->setItem(static_cast<int>(i), static_cast<int>(s), item);
        }
    }
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    const core::Scenario& scenario = m_document->scenario();
    const QString language = m_document->language();
    for (const auto& def : scenario.series) m_seriesIds << toQString(def.id);
    for (std::size_t s = 0; s < a.names.size(); ++s) {
        const QString name = toQString(a.names[s]);
        ColumnRow row;
        row.target = new QComboBox;
        row.target->addItem(tr("(skip)"));
        row.target->addItem(tr("New series"));
        int match = kNew;
        for (std::size_t i = 0; i < scenario.series.size(); ++i) {
            const auto& def = scenario.series[i];
            row.target->addItem(labelText(def.label, language) + QStringLiteral(" (") +
                                toQString(def.id) + QStringLiteral(")"));
            if (name.compare(toQString(def.id), Qt::CaseInsensitive) == 0 ||
                name.compare(toQString(def.label.en), Qt::CaseInsensitive) == 0 ||
                (!def.label.zh.empty() && name == toQString(def.label.zh)))
                match = static_cast<int>(i) + 2;
        }
        row.newId = new QLineEdit(toQString(core::seriesIdFor(a.names[s])));
        row.unit = new QComboBox;
        for (core::Unit u : units()) row.unit->addItem(toQString(std::string(core::unitToken(u))));
        const int r = static_cast<int>(s) + 1;
        grid->addWidget(new QLabel(name), r, 0);
        grid->addWidget(row.target, r, 1);
        grid->addWidget(row.newId, r, 2);
        grid->addWidget(row.unit, r, 3);
        connect(row.target, &QComboBox::currentIndexChanged, this,
                &ImportActualsDialog::updateState);
        connect(row.newId, &QLineEdit::textChanged, this, &ImportActualsDialog::updateState);
        row.target->setCurrentIndex(match);
        m_rows.append(row);
    }
    resize(720, 560);
    updateState();
}

void ImportActualsDialog::updateState() {
    bool any = false;
    for (const ColumnRow& row : std::as_const(m_rows)) {
        const bool isNew = row.target->currentIndex() == kNew;
        row.newId->setEnabled(isNew);
        row.unit->setEnabled(isNew);
        any = any || row.target->currentIndex() != kSkip;
    }
    const bool ready = m_actuals && any && !m_source->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
}

void ImportActualsDialog::mapToSeries(int column, const QString& seriesId) {
    const int i = static_cast<int>(m_seriesIds.indexOf(seriesId));
    if (column < 0 || column >= m_rows.size() || i < 0) return;
    m_rows[column].target->setCurrentIndex(i + 2);
}

void ImportActualsDialog::mapToNewSeries(int column, const QString& id, core::Unit unit) {
    if (column < 0 || column >= m_rows.size()) return;
    m_rows[column].target->setCurrentIndex(kNew);
    m_rows[column].newId->setText(id);
    m_rows[column].unit->setCurrentText(toQString(std::string(core::unitToken(unit))));
}

void ImportActualsDialog::skipColumn(int column) {
    if (column >= 0 && column < m_rows.size()) m_rows[column].target->setCurrentIndex(kSkip);
}

void ImportActualsDialog::setSource(const QString& source) { m_source->setText(source); }

std::vector<core::ActualsMapping> ImportActualsDialog::mapping() const {
    std::vector<core::ActualsMapping> out;
    if (!m_actuals) return out;
    for (int c = 0; c < m_rows.size(); ++c) {
        const ColumnRow& row = m_rows[c];
        const int target = row.target->currentIndex();
        if (target == kSkip) continue;
        core::ActualsMapping m;
        m.column = m_actuals->names[static_cast<std::size_t>(c)];
        if (target == kNew) {
            m.create = true;
            m.series = row.newId->text().trimmed().toStdString();
            m.unit = core::unitFromToken(row.unit->currentText().toStdString())
                         .value_or(core::Unit::Number);
        } else {
            m.series = m_seriesIds[target - 2].toStdString();
        }
        out.push_back(std::move(m));
    }
    return out;
}

bool ImportActualsDialog::apply(QString* error) {
    QString message;
    if (!m_actuals) {
        message = m_error;
    } else {
        core::Scenario edited = m_document->scenario();
        try {
            core::importActuals(edited, *m_actuals, mapping(),
                                m_source->text().trimmed().toStdString());
            QStringList names;
            for (const auto& m : mapping())
                names << seriesName(edited, m.series, m_document->language());
            if (m_document->replaceDefinitions(
                    std::move(edited),
                    tr("Import actuals of %1").arg(names.join(QStringLiteral(", "))), &message))
                return true;
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
    }
    m_message->setStyleSheet(QStringLiteral("color: #B02A2A;"));
    m_message->setText(message);
    if (error) *error = message;
    return false;
}

void ImportActualsDialog::accept() {
    if (apply()) QDialog::accept();
}

}  // namespace jevons::app
