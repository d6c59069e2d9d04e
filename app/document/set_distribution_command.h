#pragma once
// Undo step for giving an assumption a distribution (a range of plausible values) or removing it.
#include "core/scenario/scenario.h"

#include <QUndoCommand>

#include <optional>
#include <string>

namespace jevons::app {

class Document;

class SetDistributionCommand : public QUndoCommand {
public:
    /// @param before, after the assumption's distribution before and after (nullopt = none), in
    /// its stored unit; both were accepted by the core.
    SetDistributionCommand(Document* document, std::string id,
                           std::optional<core::DistributionSpec> before,
                           std::optional<core::DistributionSpec> after);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::string m_id;
    std::optional<core::DistributionSpec> m_before;
    std::optional<core::DistributionSpec> m_after;
};

}  // namespace jevons::app
