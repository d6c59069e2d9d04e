#include "app/editor/series_form.h"

#include "app/document/document.h"
#include "app/editor/form_support.h"
#include "app/editor/model_editor.h"
#include "app/editor/name_field.h"
#include "core/edit/series_fields.h"
#include "core/formula/formula.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace jevons::app {

using namespace form;

namespace {

QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

}  // namespace

SeriesForm::SeriesForm(Document* document, ModelEditor* editor)
    : idEdit(new QLineEdit),
      labelEn(new QLineEdit),
      labelZh(new QLineEdit),
      unit(new QComboBox),
      kind(new QComboBox),
      description(new QLabel),
      formula(new QLineEdit),
      formulaMessage(new QLabel),
      formulaCompleter(new NameCompleter(formula)),
      chartIt(new QPushButton(tr("Chart it"))),
      m_document(document),
      m_editor(editor),
      m_layout(new QFormLayout(this)),
      m_fieldsBox(new QWidget),
      m_fields(new QFormLayout(m_fieldsBox)),
      m_unitsHint(new QLabel) {
    fillUnits(unit);
    kind->addItem(tr("Points (given values)"));
    kind->addItem(tr("CAGR (growth rates)"));
    kind->addItem(tr("Logistic S-curve"));
    kind->addItem(tr("Gompertz S-curve"));
    kind->addItem(tr("Bass diffusion"));
    kind->addItem(tr("Jevons (cheaper → more demand)"));
    kind->addItem(tr("Formula"));
    description->setWordWrap(true);
    description->setStyleSheet(QStringLiteral("color: #555"));
    description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formula->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    formula->setPlaceholderText(QStringLiteral("accel_market * asic_share"));
    formulaMessage->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    formulaMessage->setStyleSheet(QStringLiteral("color: #b00020"));
    formulaMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unitsHint->setWordWrap(true);
    m_unitsHint->setStyleSheet(QStringLiteral("color: #555"));
    m_unitsHint->setText(
        tr("A parameter is a number or an assumption's name. Numbers as the file stores them: "
           "shares and rates as fractions (0.25 = 25%)."));
    m_fields->setContentsMargins(0, 0, 0, 0);
    m_layout->addRow(tr("&Id"), idEdit);
    m_layout->addRow(tr("English label"), labelEn);
    m_layout->addRow(tr("Chinese label"), labelZh);
    m_layout->addRow(tr("&Unit"), unit);
    m_layout->addRow(tr("&Kind"), kind);
    m_layout->addRow(QString(), description);
    m_layout->addRow(tr("&Formula"), formula);
    m_layout->addRow(QString(), formulaMessage);
    m_layout->addRow(m_fieldsBox);
    m_layout->addRow(m_unitsHint);
    m_layout->addRow(QString(), chartIt);

    connect(idEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_editor->rename(ModelEditor::Kind::Series, m_id, idEdit->text().trimmed()))
            load(m_id);
    });
    const auto edit = [this](const QString& text, auto change) {
        core::Scenario s = m_document->scenario();
        for (core::SeriesDef& def : s.series)
            if (def.id == m_id.toStdString()) {
                const core::SeriesDef before = def;
                change(def);
                if (def == before) return;
                if (!m_editor->apply(s, text, ModelEditor::Kind::Series, m_id)) load(m_id);
            }
    };
    connect(labelEn, &QLineEdit::editingFinished, this, [this, edit] {
        edit(tr("Edit %1's label").arg(m_id),
             [&](core::SeriesDef& d) { d.label.en = utf8(labelEn); });
    });
    connect(labelZh, &QLineEdit::editingFinished, this, [this, edit] {
        edit(tr("Edit %1's label").arg(m_id),
             [&](core::SeriesDef& d) { d.label.zh = utf8(labelZh); });
    });
    connect(unit, &QComboBox::activated, this, [this, edit] {
        edit(tr("Change %1's unit").arg(m_id),
             [&](core::SeriesDef& d) { d.unit = core::Unit(unit->currentData().toInt()); });
    });
    connect(kind, &QComboBox::activated, this, [this](int index) {
        const core::SeriesDef* def = m_document->scenario().findSeries(m_id.toStdString());
        if (!def || int(def->kind) == index) return;
        try {
            const core::Scenario s = core::edit::withSeriesKind(m_document->scenario(), def->id,
                                                                core::SeriesKind(index));
            if (m_editor->apply(s, tr("Make %1 a %2 series").arg(m_id, kind->itemText(index)),
                                ModelEditor::Kind::Series, m_id))
                return;
        } catch (const core::ScenarioError& e) {
            m_editor->showProblem(q(e.path()) + QStringLiteral(": ") + q(e.detail()));
        }
        load(m_id);
    });
    connect(formula, &QLineEdit::textEdited, this, &SeriesForm::checkFormula);
    connect(formula, &QLineEdit::textChanged, this,
            [this] { highlightFormula(formula, m_document->scenario()); });
    connect(formula, &QLineEdit::returnPressed, this, &SeriesForm::commitFormula);
    connect(formula, &QLineEdit::editingFinished, this, &SeriesForm::commitFormula);
    connect(chartIt, &QPushButton::clicked, this, [this] {
        core::Scenario s = m_document->scenario();
        const core::SeriesDef* def = s.findSeries(m_id.toStdString());
        if (!def) return;
        core::ChartDef chart;
        chart.id = m_id.toStdString();
        for (int n = 2; s.findChart(chart.id); ++n)
            chart.id = m_id.toStdString() + "_" + std::to_string(n);
        chart.title = def->label;
        chart.series = {def->id};
        s.charts.push_back(chart);
        m_editor->apply(s, tr("Chart %1").arg(m_id), ModelEditor::Kind::Chart,
                        QString::fromStdString(chart.id));
    });
}

void SeriesForm::checkFormula() {
    m_errorColumn = 0;
    try {
        (void)core::formula::Formula::parse(formula->text().toStdString());
        formulaMessage->clear();
    } catch (const core::formula::FormulaError& e) {
        m_errorColumn = e.column();
        // The caret under the column: the formula field and this label share a fixed font.
        formulaMessage->setText(QString(std::max(0, e.column() - 1), QLatin1Char(' ')) +
                                QStringLiteral("^\n") + QString::fromStdString(e.what()));
    }
}

QString SeriesForm::formulaProblem() const { return formulaMessage->text(); }

void SeriesForm::commitFormula() {
    const core::SeriesDef* def = m_document->scenario().findSeries(m_id.toStdString());
    if (!def || def->kind != core::SeriesKind::Formula) return;
    const std::string expr = formula->text().trimmed().toStdString();
    if (expr == def->expr) return;
    checkFormula();
    if (m_errorColumn > 0) return;  // never evaluated; the message stays under the field
    core::Scenario s = m_document->scenario();
    for (core::SeriesDef& d : s.series)
        if (d.id == def->id) d.expr = expr;
    if (!m_editor->apply(s, tr("Edit %1's formula").arg(m_id), ModelEditor::Kind::Series, m_id)) {
        // Keep the text the analyst typed, with the core's message under it (a cycle, a name
        // that is neither an assumption nor a series); the document is unchanged.
        formulaMessage->setText(m_editor->problem());
    }
}

QWidget* SeriesForm::field(const QString& name) const {
    const auto it = m_fieldWidgets.find(name);
    return it == m_fieldWidgets.end() ? nullptr : it->second;
}

QLineEdit* SeriesForm::fieldEdit(const QString& name) const {
    return qobject_cast<QLineEdit*>(field(name));
}

void SeriesForm::buildFields(int kindIndex) {
    if (kindIndex == m_fieldsKind) return;
    m_fieldsKind = kindIndex;
    // A field may be the sender of the edit that led here: its widget goes later.
    while (m_fields->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_fields->takeRow(0);
        for (QLayoutItem* item : {row.labelItem, row.fieldItem}) {
            if (!item) continue;
            if (QWidget* w = item->widget()) w->hide(), w->deleteLater();
            delete item;
        }
    }
    m_fieldWidgets.clear();
    m_completers.clear();
    const QMap<QString, QString> labels = {
        {QStringLiteral("ceiling"), tr("Ceiling")},
        {QStringLiteral("midpoint"), tr("Midpoint year")},
        {QStringLiteral("steepness"), tr("Steepness")},
        {QStringLiteral("through"), tr("Through (two points)")},
        {QStringLiteral("start"), tr("Start")},
        {QStringLiteral("segments"), tr("Growth until")},
        {QStringLiteral("backcast"), tr("Before the start")},
        {QStringLiteral("points"), tr("Points")},
        {QStringLiteral("interpolation"), tr("Between points")},
        {QStringLiteral("p"), tr("p (innovation)")},
        {QStringLiteral("q"), tr("q (imitation)")},
        {QStringLiteral("m"), tr("m (market potential)")},
        {QStringLiteral("launch"), tr("Launch year")},
        {QStringLiteral("form"), tr("Bass form")},
        {QStringLiteral("base_year"), tr("Base year")},
        {QStringLiteral("base_demand"), tr("Base demand")},
        {QStringLiteral("base_cost"), tr("Base unit cost")},
        {QStringLiteral("cost_decline"), tr("Cost decline a year")},
        {QStringLiteral("elasticity"), tr("Elasticity of demand")},
    };
    const core::SeriesKind k = core::SeriesKind(kindIndex);
    for (std::string_view f : core::seriesKind(k).fields) {
        const QString name = q(f);
        if (name == QStringLiteral("expr")) continue;
        QWidget* widget = nullptr;
        switch (core::edit::seriesFieldShape(f)) {
            case core::edit::FieldShape::Flag: {
                auto* box = new QCheckBox(tr("Extend back at the first rate"));
                connect(box, &QCheckBox::toggled, this, [this, name](bool on) {
                    commitField(name, on ? QStringLiteral("true") : QString());
                });
                widget = box;
                break;
            }
            case core::edit::FieldShape::Choice: {
                auto* box = new QComboBox;
                for (std::string_view choice : core::edit::seriesFieldChoices(f))
                    box->addItem(q(choice));
                connect(box, &QComboBox::activated, this, [this, name, box](int index) {
                    // The first choice is the default, which the file leaves out.
                    commitField(name, index == 0 ? QString() : box->itemText(index));
                });
                widget = box;
                break;
            }
            default: {
                auto* edit = new QLineEdit;
                switch (core::edit::seriesFieldShape(f)) {
                    case core::edit::FieldShape::Year:
                        edit->setPlaceholderText(QStringLiteral("2023"));
                        break;
                    case core::edit::FieldShape::Point:
                        edit->setPlaceholderText(QStringLiteral("2025: 62.5"));
                        break;
                    case core::edit::FieldShape::Points:
                        edit->setPlaceholderText(
                            QStringLiteral("2023: 0.16, 2028: asic_share_2028"));
                        break;
                    case core::edit::FieldShape::Segments:
                        edit->setPlaceholderText(QStringLiteral("2030: 0.25, 2035: growth_late"));
                        break;
                    default:
                        edit->setPlaceholderText(tr("a number or an assumption"));
                }
                auto* completer = new NameCompleter(edit);
                completer->setNames(assumptionNames(m_document->scenario()));
                m_completers[name] = completer;
                connect(edit, &QLineEdit::editingFinished, this,
                        [this, name, edit] { commitField(name, edit->text()); });
                widget = edit;
            }
        }
        widget->setObjectName(QStringLiteral("field_") + name);
        m_fields->addRow(labels.value(name, name), widget);
        m_fieldWidgets[name] = widget;
    }
    const bool isFormula = k == core::SeriesKind::Formula;
    m_layout->setRowVisible(formula, isFormula);
    m_layout->setRowVisible(formulaMessage, isFormula);
    m_layout->setRowVisible(m_unitsHint, !isFormula);
}

void SeriesForm::commitField(const QString& name, const QString& text) {
    const std::string id = m_id.toStdString();
    const core::Scenario& doc = m_document->scenario();
    if (!doc.findSeries(id)) return;
    if (core::edit::seriesFieldText(doc, id, name.toStdString()) == text.trimmed().toStdString())
        return;
    try {
        const core::Scenario s =
            core::edit::withSeriesField(doc, id, name.toStdString(), text.toStdString());
        m_editor->apply(s, tr("Edit %1's %2").arg(m_id, name), ModelEditor::Kind::Series, m_id);
    } catch (const core::ScenarioError& e) {
        // The typed text stays, with the loader's message; the document is unchanged.
        m_editor->showProblem(q(e.path()) + QStringLiteral(": ") + q(e.detail()));
    }
}

void SeriesForm::load(const QString& id) {
    m_id = id;
    const core::Scenario& scenario = m_document->scenario();
    const core::SeriesDef* def = scenario.findSeries(id.toStdString());
    if (!def) return;
    quietly(idEdit, id);
    quietly(labelEn, QString::fromStdString(def->label.en));
    quietly(labelZh, QString::fromStdString(def->label.zh));
    {
        const QSignalBlocker block(unit);
        unit->setCurrentIndex(unit->findData(int(def->unit)));
    }
    {
        const QSignalBlocker block(kind);
        kind->setCurrentIndex(int(def->kind));
    }
    description->setText(QString::fromStdString(
        core::describeSeries(*def, scenario, m_document->language().toStdString())));
    buildFields(int(def->kind));
    for (const auto& [name, widget] : m_fieldWidgets) {
        const QString text = QString::fromStdString(
            core::edit::seriesFieldText(scenario, def->id, name.toStdString()));
        const QSignalBlocker block(widget);
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            quietly(edit, text);
        else if (auto* box = qobject_cast<QComboBox*>(widget))
            box->setCurrentIndex(std::max(0, box->findText(text)));
        else if (auto* check = qobject_cast<QCheckBox*>(widget))
            check->setChecked(text == QStringLiteral("true"));
    }
    for (const auto& [name, completer] : m_completers)
        completer->setNames(assumptionNames(scenario));
    formulaCompleter->setNames(formulaNames(scenario));
    const bool isFormula = def->kind == core::SeriesKind::Formula;
    quietly(formula, isFormula ? QString::fromStdString(def->expr) : QString());
    highlightFormula(formula, scenario);
    formulaMessage->clear();
    m_errorColumn = 0;
}

}  // namespace jevons::app
