#include "app/document/set_distribution_command.h"

#include "app/document/command_text.h"
#include "app/document/document.h"

#include <utility>

namespace jevons::app {

SetDistributionCommand::SetDistributionCommand(Document* document, std::string id,
                                               std::optional<core::DistributionSpec> before,
                                               std::optional<core::DistributionSpec> after)
    : m_document(document),
      m_id(std::move(id)),
      m_assumption(*document->scenario().findAssumption(m_id)),
      m_before(std::move(before)),
      m_after(std::move(after)) {
    refreshText();
}

void SetDistributionCommand::refreshText() {
    setText(rangeEditText(m_document->displayPreferences(), m_assumption, m_before, m_after,
                          m_document->language()));
}

void SetDistributionCommand::undo() { m_document->applyDistribution(m_id, m_before); }

void SetDistributionCommand::redo() { m_document->applyDistribution(m_id, m_after); }

}  // namespace jevons::app
