#include "app/editor/item_forms.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/editor/form_support.h"
#include "app/editor/model_editor.h"
#include "core/edit/model_edit.h"
#include "core/formula/formula.h"
#include "core/scenario/scenario_error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <array>

namespace jevons::app {

using namespace form;

namespace {

constexpr std::array kChartTypes = {core::ChartType::Line, core::ChartType::Column,
                                    core::ChartType::StackedColumn, core::ChartType::StackedArea,
                                    core::ChartType::Combo};

QString joinRefs(const std::vector<std::string>& refs) {
    QStringList out;
    for (const auto& r : refs) out << QString::fromStdString(r);
    return out.join(QStringLiteral(", "));
}

std::vector<std::string> splitRefs(const QString& text) {
    std::vector<std::string> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) out.push_back(part.trimmed().toStdString());
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

AssumptionForm::AssumptionForm(Document* document, ModelEditor* editor)
    : idEdit(new QLineEdit),
      labelEn(new QLineEdit),
      labelZh(new QLineEdit),
      group(new QComboBox),
      unit(new QComboBox),
      value(new QLineEdit),
      min(new QLineEdit),
      max(new QLineEdit),
      step(new QLineEdit),
      source(new QComboBox),
      figureEn(new QLineEdit),
      figureZh(new QLineEdit),
      noteEn(new QLineEdit),
      noteZh(new QLineEdit),
      unitHint(new QLabel),
      m_document(document),
      m_editor(editor) {
    group->setEditable(true);
    fillUnits(unit);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Id"), idEdit);
    form->addRow(tr("English label"), labelEn);
    form->addRow(tr("Chinese label"), labelZh);
    form->addRow(tr("&Group"), group);
    form->addRow(tr("&Unit"), unit);
    form->addRow(QString(), unitHint);
    form->addRow(tr("&Value"), value);
    form->addRow(tr("Slider mi&n"), min);
    form->addRow(tr("Slider ma&x"), max);
    form->addRow(tr("Slider &step"), step);
    form->addRow(tr("Sou&rce"), source);
    form->addRow(tr("Figure (English)"), figureEn);
    form->addRow(tr("Figure (Chinese)"), figureZh);
    form->addRow(tr("Note (English)"), noteEn);
    form->addRow(tr("Note (Chinese)"), noteZh);

    connect(idEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_editor->rename(ModelEditor::Kind::Assumption, m_id, idEdit->text().trimmed()))
            load(m_id);
    });
    const auto text = [this](QLineEdit* field, bool english) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, english] {
            edit(tr("Edit %1's label").arg(m_id),
                 [&](core::Assumption& a) { (english ? a.label.en : a.label.zh) = utf8(field); });
        });
    };
    text(labelEn, true);
    text(labelZh, false);
    connect(group, &QComboBox::activated, this, [this] {
        edit(tr("Move %1 to a group").arg(m_id),
             [&](core::Assumption& a) { a.group = group->currentText().trimmed().toStdString(); });
    });
    connect(group->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        edit(tr("Move %1 to a group").arg(m_id),
             [&](core::Assumption& a) { a.group = group->currentText().trimmed().toStdString(); });
    });
    connect(unit, &QComboBox::activated, this, [this] {
        edit(tr("Change %1's unit").arg(m_id),
             [&](core::Assumption& a) { a.unit = core::Unit(unit->currentData().toInt()); });
    });
    connect(value, &QLineEdit::editingFinished, this, &AssumptionForm::commitValue);
    const auto bound = [this](QLineEdit* field, double core::Assumption::*member) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, member] {
            edit(tr("Edit %1's slider").arg(m_id), [&](core::Assumption& a) {
                a.*member = storedValue(m_document->displayPreferences(), number(field), a.unit);
            });
        });
    };
    bound(min, &core::Assumption::min);
    bound(max, &core::Assumption::max);
    bound(step, &core::Assumption::step);
    connect(source, &QComboBox::activated, this, [this] {
        edit(tr("Edit %1's source").arg(m_id), [&](core::Assumption& a) {
            a.provenance.source = source->currentData().toString().toStdString();
        });
    });
    const auto figure = [this](QLineEdit* field, bool english) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, english] {
            edit(tr("Edit %1's figure").arg(m_id), [&](core::Assumption& a) {
                (english ? a.provenance.figure.en : a.provenance.figure.zh) = utf8(field);
            });
        });
    };
    figure(figureEn, true);
    figure(figureZh, false);
    const auto note = [this](QLineEdit* field, bool english) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, english] {
            edit(tr("Edit %1's note").arg(m_id), [&](core::Assumption& a) {
                (english ? a.provenance.note.en : a.provenance.note.zh) = utf8(field);
            });
        });
    };
    note(noteEn, true);
    note(noteZh, false);
}

template <class F>
void AssumptionForm::edit(const QString& text, F&& change) {
    core::Scenario s = m_document->scenario();
    core::Assumption* a = s.findAssumption(m_id.toStdString());
    if (!a) return;
    const core::Assumption before = *a;
    change(*a);
    if (*a == before) return;
    if (!m_editor->apply(s, text, ModelEditor::Kind::Assumption, m_id)) load(m_id);
}

void AssumptionForm::commitValue() {
    const core::Assumption* a = m_document->scenario().findAssumption(m_id.toStdString());
    if (!a) return;
    const double stored = storedValue(m_document->displayPreferences(), number(value), a->unit);
    if (stored == m_document->evaluator().assumption(m_id.toStdString())) return;
    if (std::isnan(stored)) {
        m_editor->showProblem(tr("%1: '%2' is not a number").arg(m_id, value->text()));
        load(m_id);
        return;
    }
    if (!m_document->editAssumption(m_id, stored)) load(m_id);
}

void AssumptionForm::load(const QString& id) {
    m_id = id;
    const core::Scenario& s = m_document->scenario();
    const core::Assumption* a = s.findAssumption(id.toStdString());
    if (!a) return;
    const DisplayPreferences& prefs = m_document->displayPreferences();
    const auto shown = [&](double stored) {
        return QString::number(displayValue(prefs, stored, a->unit), 'g', 12);
    };
    quietly(idEdit, id);
    quietly(labelEn, QString::fromStdString(a->label.en));
    quietly(labelZh, QString::fromStdString(a->label.zh));
    {
        const QSignalBlocker block(group);
        group->clear();
        for (const core::Assumption& other : s.assumptions)
            if (group->findText(QString::fromStdString(other.group)) < 0)
                group->addItem(QString::fromStdString(other.group));
        group->setCurrentText(QString::fromStdString(a->group));
    }
    {
        const QSignalBlocker block(unit);
        unit->setCurrentIndex(unit->findData(int(a->unit)));
    }
    unitHint->setText(tr("Value and slider in %1")
                          .arg(unitSuffix(prefs, a->unit, m_document->language()).isEmpty()
                                   ? tr("plain numbers")
                                   : unitSuffix(prefs, a->unit, m_document->language())));
    quietly(value, shown(m_document->evaluator().assumption(a->id)));
    quietly(min, shown(a->min));
    quietly(max, shown(a->max));
    quietly(step, shown(a->step));
    {
        const QSignalBlocker block(source);
        source->clear();
        source->addItem(tr("(the analyst's judgement)"), QString());
        for (const core::Source& src : s.sources)
            source->addItem(labelText(src.publisher, m_document->language()),
                            QString::fromStdString(src.id));
        source->setCurrentIndex(
            std::max(0, source->findData(QString::fromStdString(a->provenance.source))));
    }
    quietly(figureEn, QString::fromStdString(a->provenance.figure.en));
    quietly(figureZh, QString::fromStdString(a->provenance.figure.zh));
    quietly(noteEn, QString::fromStdString(a->provenance.note.en));
    quietly(noteZh, QString::fromStdString(a->provenance.note.zh));
}

// ---------------------------------------------------------------------------------------------

ChartForm::ChartForm(Document* document, ModelEditor* editor)
    : titleEn(new QLineEdit),
      titleZh(new QLineEdit),
      type(new QComboBox),
      series(new QLineEdit),
      secondary(new QLineEdit),
      fromYear(new QSpinBox),
      toYear(new QSpinBox),
      cagr(new QLineEdit),
      anchors(new QCheckBox(tr("Show published figures"))),
      sourceEn(new QLineEdit),
      sourceZh(new QLineEdit),
      m_document(document),
      m_editor(editor) {
    type->addItem(tr("Line"));
    type->addItem(tr("Column"));
    type->addItem(tr("Stacked column"));
    type->addItem(tr("Stacked area"));
    type->addItem(tr("Combo (columns and lines)"));
    for (QSpinBox* box : {fromYear, toYear}) box->setRange(1900, 2200);
    cagr->setPlaceholderText(QStringLiteral("asic_market 2023 2028"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("English title"), titleEn);
    form->addRow(tr("Chinese title"), titleZh);
    form->addRow(tr("&Type"), type);
    form->addRow(tr("&Series"), series);
    form->addRow(tr("Right-hand axis"), secondary);
    form->addRow(tr("&From"), fromYear);
    form->addRow(tr("&To"), toYear);
    form->addRow(tr("&CAGR arrows"), cagr);
    form->addRow(QString(), anchors);
    form->addRow(tr("Source line (English)"), sourceEn);
    form->addRow(tr("Source line (Chinese)"), sourceZh);

    const auto onText = [this](QLineEdit* field, auto change) {
        connect(field, &QLineEdit::editingFinished, this,
                [this, change] { edit(tr("Edit chart %1").arg(m_id), change); });
    };
    onText(titleEn, [this](core::ChartDef& c) { c.title.en = utf8(titleEn); });
    onText(titleZh, [this](core::ChartDef& c) { c.title.zh = utf8(titleZh); });
    onText(series, [this](core::ChartDef& c) { c.series = splitRefs(series->text()); });
    onText(secondary, [this](core::ChartDef& c) { c.secondary = splitRefs(secondary->text()); });
    onText(sourceEn, [this](core::ChartDef& c) { c.sourceLine.en = utf8(sourceEn); });
    onText(sourceZh, [this](core::ChartDef& c) { c.sourceLine.zh = utf8(sourceZh); });
    onText(cagr, [this](core::ChartDef& c) {
        c.cagr.clear();
        for (const QString& arrow : cagr->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QStringList parts = arrow.simplified().split(QLatin1Char(' '));
            core::CagrAnnotation a;
            a.series = parts.value(0).toStdString();
            a.from = parts.value(1).toInt();
            a.to = parts.value(2).toInt();
            c.cagr.push_back(a);
        }
    });
    connect(type, &QComboBox::activated, this, [this](int index) {
        edit(tr("Edit chart %1").arg(m_id),
             [&](core::ChartDef& c) { c.type = kChartTypes[std::size_t(index)]; });
    });
    for (QSpinBox* box : {fromYear, toYear})
        connect(box, &QSpinBox::editingFinished, this, [this] {
            // The forecast's own first and last years stay implicit (0) unless changed.
            const core::YearRange& years = m_document->scenario().years;
            edit(tr("Edit chart %1").arg(m_id), [&](core::ChartDef& c) {
                c.fromYear =
                    c.fromYear == 0 && fromYear->value() == years.first ? 0 : fromYear->value();
                c.toYear = c.toYear == 0 && toYear->value() == years.last ? 0 : toYear->value();
            });
        });
    connect(anchors, &QCheckBox::toggled, this, [this](bool on) {
        edit(tr("Edit chart %1").arg(m_id), [&](core::ChartDef& c) { c.showAnchors = on; });
    });
}

template <class F>
void ChartForm::edit(const QString& text, F&& change) {
    core::Scenario s = m_document->scenario();
    for (core::ChartDef& c : s.charts)
        if (c.id == m_id.toStdString()) {
            const core::ChartDef before = c;
            change(c);
            if (c == before) return;
            if (!m_editor->apply(s, text, ModelEditor::Kind::Chart, m_id)) load(m_id);
            return;
        }
}

void ChartForm::load(const QString& id) {
    m_id = id;
    const core::Scenario& s = m_document->scenario();
    const core::ChartDef* c = s.findChart(id.toStdString());
    if (!c) return;
    quietly(titleEn, QString::fromStdString(c->title.en));
    quietly(titleZh, QString::fromStdString(c->title.zh));
    {
        const QSignalBlocker block(type);
        type->setCurrentIndex(
            int(std::find(kChartTypes.begin(), kChartTypes.end(), c->type) - kChartTypes.begin()));
    }
    quietly(series, joinRefs(c->series));
    quietly(secondary, joinRefs(c->secondary));
    secondary->setEnabled(c->type == core::ChartType::Combo);
    for (QSpinBox* box : {fromYear, toYear}) {
        const QSignalBlocker block(box);
        box->setRange(s.years.first, s.years.last);
    }
    {
        const QSignalBlocker a(fromYear), b(toYear);
        fromYear->setValue(c->fromYear ? c->fromYear : s.years.first);
        toYear->setValue(c->toYear ? c->toYear : s.years.last);
    }
    QStringList arrows;
    for (const core::CagrAnnotation& a : c->cagr)
        arrows << QStringLiteral("%1 %2 %3")
                      .arg(QString::fromStdString(a.series))
                      .arg(a.from)
                      .arg(a.to);
    quietly(cagr, arrows.join(QStringLiteral("; ")));
    {
        const QSignalBlocker block(anchors);
        anchors->setChecked(c->showAnchors);
    }
    quietly(sourceEn, QString::fromStdString(c->sourceLine.en));
    quietly(sourceZh, QString::fromStdString(c->sourceLine.zh));
}

}  // namespace jevons::app
