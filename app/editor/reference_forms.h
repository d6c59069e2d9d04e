#pragma once
// The model editor's forms for what a forecast cites and spans: the forecast itself (title,
// years), a published figure (a point or a range, with its source) and a source. Like the other
// forms, each finished field is one structural edit through ModelEditor::apply; a refusal shows
// the core's message and the form shows the document again.
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace jevons::app {

class Document;
class ModelEditor;

class ForecastForm : public QWidget {
    Q_OBJECT
public:
    ForecastForm(Document* document, ModelEditor* editor);
    void load();

    QLineEdit* titleEn;
    QLineEdit* titleZh;
    QLineEdit* descriptionEn;
    QLineEdit* descriptionZh;
    QSpinBox* firstYear;
    QSpinBox* lastYear;

private:
    Document* m_document;
    ModelEditor* m_editor;
};

/// A published figure: anchors[index] of the file.
class AnchorForm : public QWidget {
    Q_OBJECT
public:
    AnchorForm(Document* document, ModelEditor* editor);
    void load(int index);
    [[nodiscard]] int index() const { return m_index; }

    QComboBox* series;  ///< editable: "id" or "id.output"
    QSpinBox* year;
    QLineEdit* value;  ///< display units of the series (25 for 25%); a range's low end
    QLineEdit* high;   ///< a range's high end; empty for a point
    QComboBox* source;
    QLineEdit* figureEn;
    QLineEdit* figureZh;
    QComboBox* drives;  ///< "" (not draggable) or an assumption

private:
    template <class F>
    void edit(F&& change);

    Document* m_document;
    ModelEditor* m_editor;
    int m_index = -1;
};

class SourceForm : public QWidget {
    Q_OBJECT
public:
    SourceForm(Document* document, ModelEditor* editor);
    void load(const QString& id);
    [[nodiscard]] QString id() const { return m_id; }

    QLineEdit* idEdit;
    QLineEdit* titleEn;
    QLineEdit* titleZh;
    QLineEdit* publisherEn;
    QLineEdit* publisherZh;
    QLineEdit* date;  ///< ISO, 2025-02-09
    QLineEdit* url;

private:
    Document* m_document;
    ModelEditor* m_editor;
    QString m_id;
};

}  // namespace jevons::app
