#pragma once
// Undo steps for scenarios: switching the active scenario, adding one from the current values.
// Texts name scenarios by their label ("Switch to scenario Bull").
#include "app/document/document_command.h"
#include "core/scenario/scenario.h"

#include <string>

namespace jevons::app {

class Document;

/// @brief Switch base/bull/bear...: applies the scenario's values as one step.
class SwitchScenarioCommand : public DocumentCommand {
public:
    SwitchScenarioCommand(Document* document, std::string from, std::string to);
    void undo() override;
    void redo() override;
    void refreshText() override;

private:
    Document* m_document;
    std::string m_from;
    std::string m_to;
    core::Label m_label;  ///< of `m_to`, as at the switch
};

/// @brief Add a scenario (holding the current values) and make it active.
class AddScenarioCommand : public DocumentCommand {
public:
    AddScenarioCommand(Document* document, core::ScenarioDef def, std::string previousActive);
    void undo() override;
    void redo() override;
    void refreshText() override;

private:
    Document* m_document;
    core::ScenarioDef m_def;
    std::string m_previous;
};

}  // namespace jevons::app
