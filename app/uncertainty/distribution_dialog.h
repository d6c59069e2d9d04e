#pragma once
// The range of one assumption: none, uniform, triangular, PERT, normal, or lognormal given by a
// 90% interval, with its parameters in DISPLAY units (25.0 % for a share of 0.25). OK asks the
// document to apply it as one undo step; when the core refuses it the dialog shows the core's
// message, stays open, and the assumption keeps its old range. "Pin" keeps the range where it is
// when the value is edited; unpinned ranges follow the value (core/uncertainty/range_follow.h).
#include "app/common/range_text.h"  // rangeSummary, rangeDescription
#include "core/scenario/scenario.h"

#include <QDialog>
#include <QString>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace jevons::app {

class Document;

class DistributionDialog : public QDialog {
    Q_OBJECT
public:
    /// @param assumption the assumption as it is now (its unit, value and distribution).
    DistributionDialog(Document* document, const core::Assumption& assumption,
                       QWidget* parent = nullptr);

    /// @brief Choose the shape: nullopt = no range.
    void setType(std::optional<core::DistributionType> type);
    [[nodiscard]] std::optional<core::DistributionType> type() const;
    /// @brief The parameter field "min", "mode", "max", "mean", "sd", "p5" or "p95" (display
    /// units), or nullptr.
    [[nodiscard]] QDoubleSpinBox* field(const QString& name) const;
    /// @brief The range the fields describe, in the assumption's stored unit.
    [[nodiscard]] std::optional<core::DistributionSpec> spec() const;
    [[nodiscard]] QLabel* errorLabel() const { return m_error; }
    /// @brief "Pin this range": checked = the range stays when the value is edited.
    [[nodiscard]] QCheckBox* pinBox() const { return m_pin; }
    /// @brief Apply through the document; false (message shown) when the core refuses it.
    bool apply();

public slots:
    void accept() override;

private:
    void showFields();
    QDoubleSpinBox* addField(const QString& name, const QString& label, double stored,
                             bool difference);

    Document* m_document;
    core::Assumption m_assumption;
    QComboBox* m_type;
    QFormLayout* m_form;
    QLabel* m_error;
    QCheckBox* m_pin;
    QList<QPair<QString, QDoubleSpinBox*>> m_fields;
};

}  // namespace jevons::app
