#pragma once
// The model editor's forms: one per kind of item. A form shows the item as the document holds it
// (load) and turns each finished field into one structural edit through ModelEditor::apply; a
// refused edit shows the core's message and the field shows the document's value again.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace jevons::core {
struct Scenario;
}

namespace jevons::app {

class Document;
class ModelEditor;

class AssumptionForm : public QWidget {
    Q_OBJECT
public:
    AssumptionForm(Document* document, ModelEditor* editor);
    void load(const QString& id);
    [[nodiscard]] QString id() const { return m_id; }

    QLineEdit* idEdit;
    QLineEdit* labelEn;
    QLineEdit* labelZh;
    QComboBox* group;
    QComboBox* unit;
    QLineEdit* value;  ///< display units (25 for a 25% share), like the slider's spin box
    QLineEdit* min;
    QLineEdit* max;
    QLineEdit* step;
    QComboBox* source;
    QLineEdit* figureEn;
    QLineEdit* figureZh;
    QLineEdit* noteEn;  ///< provenance note: how the value was derived
    QLineEdit* noteZh;
    QLabel* unitHint;  ///< the display unit of value, min, max and step

private:
    /// Apply `change` to a copy of the assumption as one undo step; reload on refusal.
    template <class F>
    void edit(const QString& text, F&& change);
    void commitValue();

    Document* m_document;
    ModelEditor* m_editor;
    QString m_id;
};

class ChartForm : public QWidget {
    Q_OBJECT
public:
    ChartForm(Document* document, ModelEditor* editor);
    void load(const QString& id);
    [[nodiscard]] QString id() const { return m_id; }

    QLineEdit* titleEn;
    QLineEdit* titleZh;
    QComboBox* type;
    QLineEdit* series;     ///< comma-separated references, primary axis
    QLineEdit* secondary;  ///< combo: the right-hand axis
    QSpinBox* fromYear;
    QSpinBox* toYear;
    QLineEdit* cagr;  ///< "asic_market 2023 2028; ..." (series, from, to)
    QCheckBox* anchors;
    QLineEdit* sourceEn;
    QLineEdit* sourceZh;

private:
    template <class F>
    void edit(const QString& text, F&& change);

    Document* m_document;
    ModelEditor* m_editor;
    QString m_id;
};

}  // namespace jevons::app
