#include "app/document/set_distribution_command.h"

#include "app/document/document.h"

namespace jevons::app {

SetDistributionCommand::SetDistributionCommand(Document* document, std::string id,
                                               std::optional<core::DistributionSpec> before,
                                               std::optional<core::DistributionSpec> after)
    : m_document(document),
      m_id(std::move(id)),
      m_before(std::move(before)),
      m_after(std::move(after)) {
    setText(m_after ? QObject::tr("Set range of %1").arg(QString::fromStdString(m_id))
                    : QObject::tr("Remove range of %1").arg(QString::fromStdString(m_id)));
}

void SetDistributionCommand::undo() { m_document->applyDistribution(m_id, m_before); }

void SetDistributionCommand::redo() { m_document->applyDistribution(m_id, m_after); }

}  // namespace jevons::app
