#pragma once
// The assumptions panel: one group box per assumption `group`, one AssumptionSlider per
// assumption, in file order.
#include <QHash>
#include <QScrollArea>

#include <vector>

#include "core/scenario/scenario.h"

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
    /// Every row anew (a new forecast, the language or the units changed).
    void rebuild();
    /// After a structural edit: when the groups, their order and the sources are as built,
    /// only the rows whose assumption changed are replaced and the rest show the values;
    /// otherwise rebuild().
    void onDocumentReset();
    Document* m_document;
    QHash<QString, AssumptionSlider*> m_rows;
    /// What the rows were built from: the assumptions in file order, the group labels and the
    /// sources (their provenance lines).
    std::vector<core::Assumption> m_built;
    std::vector<AssumptionSlider*> m_builtRows;  ///< the row of each of m_built
    std::vector<core::GroupLabel> m_builtGroups;
    std::vector<core::Source> m_builtSources;
};

}  // namespace jevons::app
