#pragma once
// Undo step for giving an assumption a distribution (a range of plausible values), pinning or
// unpinning it, or removing it. Text: "Range of ASIC share of accelerators, 2028: 20–35%".
#include "app/document/document_command.h"
#include "core/scenario/scenario.h"

#include <optional>
#include <string>

namespace jevons::app {

class Document;

class SetDistributionCommand : public DocumentCommand {
public:
    /// Contract: the assumption exists in the document.
    /// @param before, after the assumption's distribution before and after (nullopt = none), in
    /// its stored unit; both were accepted by the core.
    SetDistributionCommand(Document* document, std::string id,
                           std::optional<core::DistributionSpec> before,
                           std::optional<core::DistributionSpec> after);

    void undo() override;
    void redo() override;
    void refreshText() override;

private:
    Document* m_document;
    std::string m_id;
    core::Assumption m_assumption;  ///< as at the edit: label and unit for the text
    std::optional<core::DistributionSpec> m_before;
    std::optional<core::DistributionSpec> m_after;
};

}  // namespace jevons::app
