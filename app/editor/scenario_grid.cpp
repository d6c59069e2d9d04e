#include "app/editor/scenario_grid.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/editor/model_editor.h"
#include "core/edit/model_edit.h"
#include "core/scenario/scenario_error.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace jevons::app {

ScenarioGrid::ScenarioGrid(Document* document, ModelEditor* editor)
    : idEdit(new QLineEdit),
      labelEn(new QLineEdit),
      labelZh(new QLineEdit),
      noteEn(new QLineEdit),
      noteZh(new QLineEdit),
      table(new QTableWidget),
      m_document(document),
      m_editor(editor) {
    auto* form = new QFormLayout;
    form->addRow(tr("&Id"), idEdit);
    form->addRow(tr("English label"), labelEn);
    form->addRow(tr("Chinese label"), labelZh);
    form->addRow(tr("Note (English)"), noteEn);
    form->addRow(tr("Note (Chinese)"), noteZh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(table, 1);
    table->setMinimumHeight(260);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    const auto text = [this](QLineEdit* field, std::string core::Label::*part, bool note) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, part, note] {
            core::Scenario s = m_document->scenario();
            for (core::ScenarioDef& def : s.scenarios)
                if (def.id == m_id.toStdString()) {
                    std::string& target = (note ? def.note : def.label).*part;
                    const std::string now = field->text().trimmed().toStdString();
                    if (target == now) return;
                    target = now;
                    if (!m_editor->apply(s, tr("Edit scenario %1").arg(m_id),
                                         ModelEditor::Kind::Scenario, m_id))
                        load(m_id);
                    return;
                }
        });
    };
    text(labelEn, &core::Label::en, false);
    text(labelZh, &core::Label::zh, false);
    text(noteEn, &core::Label::en, true);
    text(noteZh, &core::Label::zh, true);
    connect(table, &QTableWidget::cellChanged, this, &ScenarioGrid::commitCell);
    connect(idEdit, &QLineEdit::editingFinished, this, [this] {
        const QString to = idEdit->text().trimmed();
        if (to == m_id) return;
        try {
            if (m_editor->apply(core::edit::renamedScenario(m_document->scenario(),
                                                            m_id.toStdString(), to.toStdString()),
                                tr("Rename scenario %1 to %2").arg(m_id, to),
                                ModelEditor::Kind::Scenario, to))
                return;
        } catch (const core::ScenarioError& e) {
            m_editor->showProblem(QString::fromStdString(e.path() + ": " + e.detail()));
        }
        load(m_id);
    });
}

void ScenarioGrid::load(const QString& id) {
    m_id = id;
    m_loading = true;
    const core::Scenario& s = m_document->scenario();
    const DisplayPreferences& prefs = m_document->displayPreferences();
    const QString language = m_document->language();
    if (const core::ScenarioDef* def = s.findScenario(id.toStdString())) {
        for (auto [field, value] : {std::pair{idEdit, def->id},
                                    {labelEn, def->label.en},
                                    {labelZh, def->label.zh},
                                    {noteEn, def->note.en},
                                    {noteZh, def->note.zh}}) {
            const QSignalBlocker block(field);
            field->setText(QString::fromStdString(value));
        }
        idEdit->setReadOnly(def->id == "base");
    }
    table->clear();
    table->setRowCount(int(s.assumptions.size()));
    table->setColumnCount(int(s.scenarios.size()) + 1);
    QStringList columns{tr("Base")};
    for (const core::ScenarioDef& def : s.scenarios) columns << labelText(def.label, language);
    table->setHorizontalHeaderLabels(columns);
    QStringList rows;
    for (std::size_t r = 0; r < s.assumptions.size(); ++r) {
        const core::Assumption& a = s.assumptions[r];
        const QString unit = unitSuffix(prefs, a.unit, language);
        rows << labelText(a.label, language) +
                    (unit.isEmpty() ? QString()
                                    : QStringLiteral(" (") + unit + QStringLiteral(")"));
        const auto shown = [&](double stored) {
            return QString::number(displayValue(prefs, stored, a.unit), 'g', 10);
        };
        auto* base = new QTableWidgetItem(shown(a.value));
        base->setFlags(base->flags() & ~Qt::ItemIsEditable);
        base->setForeground(palette().color(QPalette::PlaceholderText));
        table->setItem(int(r), 0, base);
        for (std::size_t c = 0; c < s.scenarios.size(); ++c) {
            const auto& overrides = s.scenarios[c].overrides;
            const auto it = overrides.find(a.id);
            table->setItem(
                int(r), int(c) + 1,
                new QTableWidgetItem(it == overrides.end() ? QString() : shown(it->second)));
        }
    }
    table->setVerticalHeaderLabels(rows);
    m_loading = false;
}

void ScenarioGrid::commitCell(int row, int column) {
    if (m_loading || column < 1) return;
    core::Scenario s = m_document->scenario();
    if (row >= int(s.assumptions.size()) || column > int(s.scenarios.size())) return;
    const core::Assumption& a = s.assumptions[std::size_t(row)];
    core::ScenarioDef& def = s.scenarios[std::size_t(column - 1)];
    const QString text = table->item(row, column)->text().trimmed();
    if (text.isEmpty()) {
        if (!def.overrides.erase(a.id)) return;
    } else {
        bool ok = false;
        const double shown = text.toDouble(&ok);
        if (!ok) {
            m_editor->showProblem(
                tr("%1: '%2' is not a number").arg(QString::fromStdString(a.id), text));
            load(m_id);
            return;
        }
        const double stored = storedValue(m_document->displayPreferences(), shown, a.unit);
        const auto it = def.overrides.find(a.id);
        if (it != def.overrides.end() && it->second == stored) return;
        def.overrides[a.id] = stored;
    }
    const QString scenario = QString::fromStdString(def.id);
    // After the cell's editor has closed: applying rebuilds the table under it.
    QMetaObject::invokeMethod(
        this,
        [this, s = std::move(s), scenario] {
            if (!m_editor->apply(s, tr("Edit scenario %1").arg(scenario),
                                 ModelEditor::Kind::Scenario, m_id.isEmpty() ? scenario : m_id))
                load(m_id);
        },
        Qt::QueuedConnection);
}

}  // namespace jevons::app
