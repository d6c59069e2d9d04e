#include "app/editor/reference_forms.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/editor/form_support.h"
#include "app/editor/model_editor.h"
#include "core/edit/model_edit.h"
#include "core/scenario/scenario_error.h"
#include "core/series/series_kind.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>

namespace jevons::app {

using namespace form;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

/// The unit anchor values of `series` ("id" or "id.output") are in: the output's fixed unit,
/// else the series' own.
core::Unit anchorUnit(const core::Scenario& s, const std::string& series) {
    const std::string head = series.substr(0, series.find('.'));
    const core::SeriesDef* def = s.findSeries(head);
    if (!def) return core::Unit::Number;
    if (head.size() < series.size())
        for (const core::SeriesOutputSpec& out : core::seriesKind(def->kind).outputs)
            if (out.name == std::string_view(series).substr(head.size() + 1) && out.unit)
                return *out.unit;
    return def->unit;
}

void fillSources(QComboBox* box, const core::Scenario& s, const QString& language,
                 const std::string& current) {
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(QObject::tr("(none)"), QString());
    for (const core::Source& src : s.sources)
        box->addItem(labelText(src.publisher, language) + QStringLiteral(" (") + q(src.id) +
                         QLatin1Char(')'),
                     q(src.id));
    box->setCurrentIndex(std::max(0, box->findData(q(current))));
}

}  // namespace

// ---------------------------------------------------------------------------------------------

ForecastForm::ForecastForm(Document* document, ModelEditor* editor)
    : titleEn(new QLineEdit),
      titleZh(new QLineEdit),
      descriptionEn(new QLineEdit),
      descriptionZh(new QLineEdit),
      firstYear(new QSpinBox),
      lastYear(new QSpinBox),
      m_document(document),
      m_editor(editor) {
    for (QSpinBox* box : {firstYear, lastYear}) box->setRange(1900, 2200);
    auto* form = new QFormLayout(this);
    form->addRow(tr("English title"), titleEn);
    form->addRow(tr("Chinese title"), titleZh);
    form->addRow(tr("Description (English)"), descriptionEn);
    form->addRow(tr("Description (Chinese)"), descriptionZh);
    form->addRow(tr("&First year"), firstYear);
    form->addRow(tr("&Last year"), lastYear);
    const auto edit = [this](auto change) {
        core::Scenario s = m_document->scenario();
        const core::Scenario before = s;
        change(s);
        if (s == before) return;
        if (!m_editor->apply(s, tr("Edit the forecast"), ModelEditor::Kind::Forecast, {})) load();
    };
    const auto text = [this, edit](QLineEdit* field, core::Label core::Scenario::*member,
                                   bool english) {
        connect(field, &QLineEdit::editingFinished, this, [edit, field, member, english] {
            edit([&](core::Scenario& s) {
                (english ? (s.*member).en : (s.*member).zh) = utf8(field);
            });
        });
    };
    text(titleEn, &core::Scenario::title, true);
    text(titleZh, &core::Scenario::title, false);
    text(descriptionEn, &core::Scenario::description, true);
    text(descriptionZh, &core::Scenario::description, false);
    for (QSpinBox* box : {firstYear, lastYear})
        connect(box, &QSpinBox::editingFinished, this, [this, edit] {
            edit([&](core::Scenario& s) {
                s.years.first = firstYear->value();
                s.years.last = lastYear->value();
            });
        });
}

void ForecastForm::load() {
    const core::Scenario& s = m_document->scenario();
    quietly(titleEn, q(s.title.en));
    quietly(titleZh, q(s.title.zh));
    quietly(descriptionEn, q(s.description.en));
    quietly(descriptionZh, q(s.description.zh));
    const QSignalBlocker a(firstYear), b(lastYear);
    firstYear->setValue(s.years.first);
    lastYear->setValue(s.years.last);
}

// ---------------------------------------------------------------------------------------------

AnchorForm::AnchorForm(Document* document, ModelEditor* editor)
    : series(new QComboBox),
      year(new QSpinBox),
      value(new QLineEdit),
      high(new QLineEdit),
      source(new QComboBox),
      figureEn(new QLineEdit),
      figureZh(new QLineEdit),
      drives(new QComboBox),
      m_document(document),
      m_editor(editor) {
    series->setEditable(true);
    year->setRange(1900, 2200);
    high->setPlaceholderText(tr("empty for a single figure"));
    figureEn->setPlaceholderText(QStringLiteral("F6: Broadcom SAM US$60-90B (FY2027)"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Series"), series);
    form->addRow(tr("&Year"), year);
    form->addRow(tr("&Value (or a range's low end)"), value);
    form->addRow(tr("Range's &high end"), high);
    form->addRow(tr("Sou&rce"), source);
    form->addRow(tr("Figure (English)"), figureEn);
    form->addRow(tr("Figure (Chinese)"), figureZh);
    form->addRow(tr("&Dragging it moves"), drives);

    connect(series, &QComboBox::activated, this, [this] {
        edit([&](core::Anchor& a) { a.series = series->currentText().trimmed().toStdString(); });
    });
    connect(series->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        edit([&](core::Anchor& a) { a.series = series->currentText().trimmed().toStdString(); });
    });
    connect(year, &QSpinBox::editingFinished, this,
            [this] { edit([&](core::Anchor& a) { a.year = year->value(); }); });
    const auto amount = [this](QLineEdit* field, bool isHigh) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, isHigh] {
            edit([&](core::Anchor& a) {
                const core::Unit unit = anchorUnit(m_document->scenario(), a.series);
                const bool empty = field->text().trimmed().isEmpty();
                const double stored =
                    empty ? std::nan("")
                          : storedValue(m_document->displayPreferences(), number(field), unit);
                (isHigh ? a.high : a.value) = stored;
                // A published range does not drive an assumption (the loader refuses both).
                if (a.isRange()) a.drives.clear();
            });
        });
    };
    amount(value, false);
    amount(high, true);
    connect(source, &QComboBox::activated, this, [this] {
        edit([&](core::Anchor& a) { a.source = source->currentData().toString().toStdString(); });
    });
    const auto figure = [this](QLineEdit* field, bool english) {
        connect(field, &QLineEdit::editingFinished, this, [this, field, english] {
            edit([&](core::Anchor& a) { (english ? a.figure.en : a.figure.zh) = utf8(field); });
        });
    };
    figure(figureEn, true);
    figure(figureZh, false);
    connect(drives, &QComboBox::activated, this, [this] {
        edit([&](core::Anchor& a) { a.drives = drives->currentData().toString().toStdString(); });
    });
}

template <class F>
void AnchorForm::edit(F&& change) {
    core::Scenario s = m_document->scenario();
    if (m_index < 0 || std::size_t(m_index) >= s.anchors.size()) return;
    core::Anchor& a = s.anchors[std::size_t(m_index)];
    const core::Anchor before = a;
    change(a);
    if (a == before) return;
    if (!m_editor->apply(s, tr("Edit a published figure"), ModelEditor::Kind::Anchor,
                         QString::number(m_index)))
        load(m_index);
}

void AnchorForm::load(int index) {
    m_index = index;
    const core::Scenario& s = m_document->scenario();
    if (index < 0 || std::size_t(index) >= s.anchors.size()) return;
    const core::Anchor& a = s.anchors[std::size_t(index)];
    const QString lang = m_document->language();
    {
        const QSignalBlocker block(series);
        series->clear();
        for (const core::SeriesDef& d : s.series) {
            series->addItem(q(d.id));
            const auto& outputs = core::seriesKind(d.kind).outputs;
            for (std::size_t i = 1; i < outputs.size(); ++i)
                series->addItem(
                    q(d.id) + QLatin1Char('.') +
                    QString::fromUtf8(outputs[i].name.data(), qsizetype(outputs[i].name.size())));
        }
        series->setCurrentText(q(a.series));
    }
    {
        const QSignalBlocker block(year);
        year->setValue(a.year);
    }
    const core::Unit unit = anchorUnit(s, a.series);
    const auto shown = [&](double stored) {
        return QString::number(displayValue(m_document->displayPreferences(), stored, unit), 'g',
                               12);
    };
    quietly(value, shown(a.value));
    quietly(high, a.isRange() ? shown(a.high) : QString());
    fillSources(source, s, lang, a.source);
    quietly(figureEn, q(a.figure.en));
    quietly(figureZh, q(a.figure.zh));
    {
        const QSignalBlocker block(drives);
        drives->clear();
        drives->addItem(tr("(nothing: not draggable)"), QString());
        for (const core::Assumption& as : s.assumptions) drives->addItem(q(as.id), q(as.id));
        drives->setCurrentIndex(std::max(0, drives->findData(q(a.drives))));
        drives->setEnabled(!a.isRange());
    }
}

// ---------------------------------------------------------------------------------------------

SourceForm::SourceForm(Document* document, ModelEditor* editor)
    : idEdit(new QLineEdit),
      titleEn(new QLineEdit),
      titleZh(new QLineEdit),
      publisherEn(new QLineEdit),
      publisherZh(new QLineEdit),
      date(new QLineEdit),
      url(new QLineEdit),
      m_document(document),
      m_editor(editor) {
    date->setPlaceholderText(QStringLiteral("2025-02-09"));
    url->setPlaceholderText(QStringLiteral("https://"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Id"), idEdit);
    form->addRow(tr("English title"), titleEn);
    form->addRow(tr("Chinese title"), titleZh);
    form->addRow(tr("Publisher (English)"), publisherEn);
    form->addRow(tr("Publisher (Chinese)"), publisherZh);
    form->addRow(tr("&Date"), date);
    form->addRow(tr("&Link"), url);

    connect(idEdit, &QLineEdit::editingFinished, this, [this] {
        const QString to = idEdit->text().trimmed();
        if (to == m_id) return;
        try {
            if (m_editor->apply(core::edit::renamedSource(m_document->scenario(),
                                                          m_id.toStdString(), to.toStdString()),
                                tr("Rename source %1 to %2").arg(m_id, to),
                                ModelEditor::Kind::Source, to))
                return;
        } catch (const core::ScenarioError& e) {
            m_editor->showProblem(q(e.path() + ": " + e.detail()));
        }
        load(m_id);
    });
    const auto edit = [this](QLineEdit* field, auto change) {
        connect(field, &QLineEdit::editingFinished, this, [this, change] {
            core::Scenario s = m_document->scenario();
            for (core::Source& src : s.sources)
                if (src.id == m_id.toStdString()) {
                    const core::Source before = src;
                    change(src);
                    if (src == before) return;
                    if (!m_editor->apply(s, tr("Edit source %1").arg(m_id),
                                         ModelEditor::Kind::Source, m_id))
                        load(m_id);
                    return;
                }
        });
    };
    edit(titleEn, [this](core::Source& s) { s.title.en = utf8(titleEn); });
    edit(titleZh, [this](core::Source& s) { s.title.zh = utf8(titleZh); });
    edit(publisherEn, [this](core::Source& s) { s.publisher.en = utf8(publisherEn); });
    edit(publisherZh, [this](core::Source& s) { s.publisher.zh = utf8(publisherZh); });
    edit(date, [this](core::Source& s) { s.date = utf8(date); });
    edit(url, [this](core::Source& s) { s.url = utf8(url); });
}

void SourceForm::load(const QString& id) {
    m_id = id;
    const core::Source* src = m_document->scenario().findSource(id.toStdString());
    if (!src) return;
    quietly(idEdit, id);
    quietly(titleEn, q(src->title.en));
    quietly(titleZh, q(src->title.zh));
    quietly(publisherEn, q(src->publisher.en));
    quietly(publisherZh, q(src->publisher.zh));
    quietly(date, q(src->date));
    quietly(url, q(src->url));
}

}  // namespace jevons::app
