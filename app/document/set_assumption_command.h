#pragma once
// Undo step for one assumption edit; edits made in one interactive session (a slider drag, a
// typing burst, an anchor drag) merge into one step.
#include <QUndoCommand>

#include <string>

namespace jevons::app {

class Document;

class SetAssumptionCommand : public QUndoCommand {
public:
    /// @param alreadyApplied the document already holds `newValue` (the first redo is skipped).
    /// @param session interactive session this edit belongs to; 0 = never merges.
    SetAssumptionCommand(Document* document, std::string id, double oldValue, double newValue,
                         int session, bool alreadyApplied);

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(double value);
    Document* m_document;
    std::string m_id;
    double m_old;
    double m_new;
    int m_session;
    bool m_skipRedo;
};

}  // namespace jevons::app
