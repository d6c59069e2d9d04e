#pragma once
// The model editor's series form: id, labels, unit and kind, then one field per field of the
// kind (core/edit/series_fields.h: a number or an assumption, a year, points, growth segments,
// a choice, a flag) or, for a formula, the formula with completion, colours and the parser's
// message under it. Each finished field is one structural edit through ModelEditor::apply; a
// refused one keeps the typed text and shows the loader's message, and the document is unchanged.
#include <QWidget>

#include <map>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace jevons::app {

class Document;
class ModelEditor;
class NameCompleter;

class SeriesForm : public QWidget {
    Q_OBJECT
public:
    SeriesForm(Document* document, ModelEditor* editor);
    void load(const QString& id);
    [[nodiscard]] QString id() const { return m_id; }
    /// @brief The parser's message for the formula as typed, with a caret line under the column
    /// ("" when it parses). Updated on every keystroke; text that does not parse is never
    /// evaluated.
    [[nodiscard]] QString formulaProblem() const;
    /// @brief The 1-based column of the formula's syntax error (0 when it parses).
    [[nodiscard]] int formulaErrorColumn() const { return m_errorColumn; }
    /// @brief The editor of the kind's field `name` ("ceiling", "through", "backcast", ...): a
    /// QLineEdit, or a QComboBox for a choice, or a QCheckBox for a flag; nullptr when the
    /// series' kind has no such field.
    [[nodiscard]] QWidget* field(const QString& name) const;
    /// @brief field(name) as a line edit, or nullptr.
    [[nodiscard]] QLineEdit* fieldEdit(const QString& name) const;

    QLineEdit* idEdit;
    QLineEdit* labelEn;
    QLineEdit* labelZh;
    QComboBox* unit;
    QComboBox* kind;      ///< the kind, in core::SeriesKind order; a change keeps id and labels
    QLabel* description;  ///< the series in plain words (core::describeSeries)
    QLineEdit* formula;
    QLabel* formulaMessage;
    NameCompleter* formulaCompleter;
    QPushButton* chartIt;

private:
    void checkFormula();
    void commitFormula();
    /// One row per field of `kindIndex`'s kind (not the formula's expr, which has its own).
    void buildFields(int kindIndex);
    /// Set field `name` from `text` as one undo step; on refusal show why and keep the text.
    void commitField(const QString& name, const QString& text);

    Document* m_document;
    ModelEditor* m_editor;
    QString m_id;
    int m_errorColumn = 0;
    QFormLayout* m_layout;
    QWidget* m_fieldsBox;
    QFormLayout* m_fields;
    QLabel* m_unitsHint;
    int m_fieldsKind = -1;  ///< the kind m_fields was built for
    std::map<QString, QWidget*> m_fieldWidgets;
    std::map<QString, NameCompleter*> m_completers;
};

}  // namespace jevons::app
