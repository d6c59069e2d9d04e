#include "app/editor/name_field.h"

#include "core/formula/formula.h"
#include "core/formula/formula_error.h"
#include "core/formula/lexer.h"
#include "core/scenario/scenario.h"
#include "core/series/series_kind.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QStringListModel>
#include <QTextCharFormat>

#include <algorithm>

namespace jevons::app {

namespace {

bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'.'; }

QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

/// UTF-16 index of each code point of `text`, plus one past the end: the lexer counts columns
/// in code points.
QList<int> codePointStarts(const QString& text) {
    QList<int> out;
    for (int i = 0; i < text.size(); ++i) {
        out << i;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size()) ++i;
    }
    out << int(text.size());
    return out;
}

QColor colourOf(NameRole role) {
    switch (role) {
        case NameRole::Number:
            return QColor(0x6a, 0x1b, 0x9a);  // purple
        case NameRole::Function:
            return QColor(0x15, 0x65, 0xc0);  // blue
        case NameRole::Assumption:
            return QColor(0xb2, 0x6a, 0x00);  // amber, as on the model map
        case NameRole::Series:
            return QColor(0x2e, 0x7d, 0x32);  // green
        case NameRole::Unknown:
            return QColor(0xb0, 0x00, 0x20);  // red
        case NameRole::Operator:
            break;
    }
    return QColor(0x42, 0x42, 0x42);
}

}  // namespace

QList<FormulaRun> formulaRuns(const QString& text, const core::Scenario& scenario) {
    std::vector<core::formula::Token> tokens;
    try {
        tokens = core::formula::tokenize(text.toStdString());
    } catch (const core::formula::FormulaError&) {
        return {};
    }
    const QList<int> starts = codePointStarts(text);
    QList<FormulaRun> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const core::formula::Token& t = tokens[i];
        if (t.kind == core::formula::TokenKind::End) break;
        FormulaRun run;
        run.start = starts.value(t.column - 1, int(text.size()));
        run.length = int(QString::fromStdString(t.text).size());
        if (t.kind == core::formula::TokenKind::Number) {
            run.role = NameRole::Number;
        } else if (t.kind == core::formula::TokenKind::Name) {
            const bool call =
                i + 1 < tokens.size() && tokens[i + 1].kind == core::formula::TokenKind::LeftParen;
            const std::string head = t.text.substr(0, t.text.find('.'));
            if (call && std::ranges::find(core::formula::kFunctionNames, t.text) !=
                            std::end(core::formula::kFunctionNames))
                run.role = NameRole::Function;
            else if (t.text == head && scenario.findAssumption(head))
                run.role = NameRole::Assumption;
            else if (scenario.findSeries(head))
                run.role = NameRole::Series;
            else
                run.role = NameRole::Unknown;
        }
        out << run;
    }
    return out;
}

void highlightFormula(QLineEdit* edit, const core::Scenario& scenario) {
    QList<QInputMethodEvent::Attribute> attributes;
    const int cursor = edit->cursorPosition();
    for (const FormulaRun& run : formulaRuns(edit->text(), scenario)) {
        QTextCharFormat format;
        format.setForeground(colourOf(run.role));
        if (run.role == NameRole::Function) format.setFontWeight(QFont::Bold);
        if (run.role == NameRole::Unknown) {
            format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            format.setUnderlineColor(colourOf(NameRole::Unknown));
        }
        // Input-method attributes are placed relative to the cursor.
        attributes << QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat,
                                                   run.start - cursor, run.length, format);
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
}

NameCompleter::NameCompleter(QLineEdit* edit)
    : QObject(edit),
      m_edit(edit),
      m_model(new QStringListModel(this)),
      m_completer(new QCompleter(m_model, this)) {
    m_completer->setWidget(edit);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    connect(edit, &QLineEdit::textEdited, this, &NameCompleter::update);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &NameCompleter::insert);
}

void NameCompleter::setNames(QStringList names) {
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    m_model->setStringList(names);
}

QString NameCompleter::wordBeforeCursor() const {
    const QString text = m_edit->text();
    int from = m_edit->cursorPosition();
    while (from > 0 && isNameChar(text.at(from - 1))) --from;
    const QString word = text.mid(from, m_edit->cursorPosition() - from);
    // A number is no name: "2023" in "2023: x" offers nothing.
    return word.isEmpty() || word.at(0).isDigit() ? QString() : word;
}

void NameCompleter::update() {
    const QString word = wordBeforeCursor();
    if (word.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = m_edit->rect();
    rect.setWidth(std::max(rect.width() / 2, m_completer->popup()->sizeHintForColumn(0) + 24));
    m_completer->complete(rect);
}

void NameCompleter::insert(const QString& name) {
    const QString word = wordBeforeCursor();
    const int cursor = m_edit->cursorPosition();
    QString text = m_edit->text();
    text.replace(cursor - word.size(), word.size(), name);
    m_edit->setText(text);
    m_edit->setCursorPosition(int(cursor - word.size() + name.size()));
    // As if typed: the form checks the formula on textEdited.
    emit m_edit->textEdited(m_edit->text());
}

QStringList assumptionNames(const core::Scenario& scenario) {
    QStringList out;
    for (const core::Assumption& a : scenario.assumptions) out << QString::fromStdString(a.id);
    return out;
}

QStringList formulaNames(const core::Scenario& scenario) {
    QStringList out = assumptionNames(scenario);
    for (const core::SeriesDef& s : scenario.series) {
        out << QString::fromStdString(s.id);
        const auto& outputs = core::seriesKind(s.kind).outputs;
        for (std::size_t i = 1; i < outputs.size(); ++i)
            out << QString::fromStdString(s.id) + u'.' + q(outputs[i].name);
    }
    for (std::string_view f : core::formula::kFunctionNames) out << q(f);
    return out;
}

}  // namespace jevons::app
