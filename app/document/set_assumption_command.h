#pragma once
// Undo step for one assumption edit: its value and, when the range follows the value
// (core/uncertainty/range_follow.h), its range, together. Edits made in one interactive session
// (a slider drag, a typing burst, an anchor drag) merge into one step. Text: "ASIC share of
// accelerators, 2028 25.0% → 30.0%".
#include "app/document/document_command.h"
#include "core/scenario/scenario.h"

#include <optional>
#include <string>

namespace jevons::app {

class Document;

class SetAssumptionCommand : public DocumentCommand {
public:
    /// @brief One value, with its range before and after (the same when it did not follow).
    struct Change {
        double value = 0.0;
        std::optional<core::DistributionSpec> range;
    };
    /// Contract: the assumption exists in the document.
    /// @param alreadyApplied the document already holds `after` (the first redo is skipped).
    /// @param session interactive session this edit belongs to; 0 = never merges.
    SetAssumptionCommand(Document* document, std::string id, Change before, Change after,
                         int session, bool alreadyApplied);

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;
    void refreshText() override;

private:
    void apply(const Change& change);
    Document* m_document;
    std::string m_id;
    core::Assumption m_assumption;  ///< as at the edit: label, unit and step for the text
    Change m_before;
    Change m_after;
    int m_session;
    bool m_skipRedo;
};

}  // namespace jevons::app
