#pragma once
// The range of one assumption: none, uniform, triangular, PERT, normal, or lognormal given by a
// 90% interval, with its parameters in DISPLAY units (25.0 % for a share of 0.25). OK asks the
// document to apply it as one undo step; when the core refuses it the dialog shows the core's
// message, stays open, and the assumption keeps its old range.
#include "core/scenario/scenario.h"

#include <QDialog>
#include <QString>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace jevons::app {

class Document;

/// @brief What the assumptions panel's range button reads: "20–35%" (min–max; a 90% interval
/// for a lognormal), "12 ± 5%" (normal), or "±" when the assumption has no range.
[[nodiscard]] QString rangeSummary(const core::Assumption& assumption);
/// @brief The range in words for a tooltip: "PERT: min 20.0%, most likely 25.0%, max 35.0%".
[[nodiscard]] QString rangeDescription(const core::Assumption& assumption, const QString& language);

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
    QList<QPair<QString, QDoubleSpinBox*>> m_fields;
};

}  // namespace jevons::app
