#pragma once
// The assumptions panel: one group box per assumption `group`, one AssumptionSlider per
// assumption, in file order.
#include <QHash>
#include <QScrollArea>

namespace jevons::app {

class AssumptionSlider;
class Document;

class AssumptionsPanel : public QScrollArea {
    Q_OBJECT
public:
    explicit AssumptionsPanel(Document* document, QWidget* parent = nullptr);

    /// @brief The row editing assumption `id`, or nullptr.
    [[nodiscard]] AssumptionSlider* slider(const QString& id) const { return m_rows.value(id); }

private:
    void rebuild();
    Document* m_document;
    QHash<QString, AssumptionSlider*> m_rows;
};

}  // namespace jevons::app
