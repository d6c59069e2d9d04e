#pragma once
// Edit → Goal Seek… (Ctrl+G): "what value of assumption X makes output Y reach V in year T".
// X, Y, T and V (in Y's display units) are chosen here; core goalSeek (Brent within X's editing
// range) runs with the document's CURRENT values; the answer is shown in display units, and
// Apply sets X as one undo step. When no value in range reaches V the dialog says so plainly
// (the range Y covers) and nothing changes.
#include "core/uncertainty/goal_seek.h"

#include <QDialog>
#include <QString>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace jevons::app {

class Document;

class GoalSeekDialog : public QDialog {
    Q_OBJECT
public:
    explicit GoalSeekDialog(Document* document, QWidget* parent = nullptr);

    void setAssumption(const QString& id);
    void setOutput(const QString& ref);
    void setYear(int year);
    /// @brief The target V in Y's display units (42.9 for US$B, 30 for 30%).
    void setTarget(double shown);
    [[nodiscard]] double target() const;

    /// @brief Run the search with the document's current values. True when a value was found
    /// (Apply is then enabled); the message says what was found or why nothing was.
    bool solve();
    /// @brief The last search's result (empty before a search or after the inputs changed).
    [[nodiscard]] const std::optional<core::GoalSeekResult>& result() const { return m_result; }
    [[nodiscard]] QString message() const;
    /// @brief Set X to the value found (one undo step) and close. False when there is none or
    /// the document refused it.
    bool apply();

    [[nodiscard]] QPushButton* applyButton() const { return m_apply; }

private:
    void inputsChanged();
    void updateTargetUnit();
    [[nodiscard]] QString shownText(double stored, core::Unit unit) const;

    Document* m_document;
    QComboBox* m_assumption;
    QComboBox* m_output;
    QComboBox* m_year;
    QDoubleSpinBox* m_target;
    QLabel* m_message;
    QPushButton* m_solve;
    QPushButton* m_apply;
    std::optional<core::GoalSeekResult> m_result;
};

}  // namespace jevons::app
