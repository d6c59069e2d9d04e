#pragma once
// The scenario controls of the tool bar: the base/bull/bear switch, "Save as scenario…" and the
// compare toggle.
#include <QWidget>

class QComboBox;
class QPushButton;
class QToolButton;

namespace jevons::app {

class Document;

class ScenarioBar : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioBar(Document* document, QWidget* parent = nullptr);

    [[nodiscard]] QComboBox* comboBox() const { return m_combo; }
    [[nodiscard]] QToolButton* compareButton() const { return m_compare; }

signals:
    void saveAsScenarioRequested();
    void compareToggled(bool on);

private:
    void refill();
    Document* m_document;
    QComboBox* m_combo;
    QPushButton* m_saveAs;
    QToolButton* m_compare;
};

}  // namespace jevons::app
