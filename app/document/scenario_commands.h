#pragma once
// Undo steps for scenarios: switching the active scenario, adding one from the current values.
#include "core/scenario/scenario.h"

#include <QUndoCommand>

#include <string>

namespace jevons::app {

class Document;

/// @brief Switch base/bull/bear...: applies the scenario's values as one step.
class SwitchScenarioCommand : public QUndoCommand {
public:
    SwitchScenarioCommand(Document* document, std::string from, std::string to);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::string m_from;
    std::string m_to;
};

/// @brief Add a scenario (holding the current values) and make it active.
class AddScenarioCommand : public QUndoCommand {
public:
    AddScenarioCommand(Document* document, core::ScenarioDef def, std::string previousActive);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    core::ScenarioDef m_def;
    std::string m_previous;
};

}  // namespace jevons::app
