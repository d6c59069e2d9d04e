#pragma once
// Tools → Fit curve… (and a chart card's context menu): fit a series' actuals by CAGR, logistic,
// Gompertz or Bass (all three Bass methods side by side), compare parameters ± standard errors,
// R² and RMSE (or the core's message for a method that fails), see the fits against the actuals
// and their residuals, and accept one: its parameters become assumptions (core acceptFit) in one
// undo step.
#include "core/calibration/fit_result.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QChartView;
class QCheckBox;
class QDoubleSpinBox;
class QWidget;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QHBoxLayout;
QT_END_NAMESPACE

namespace jevons::app {

class Document;

class FitDialog : public QDialog {
    Q_OBJECT
public:
    /// @brief The outcome of one method: a fit, or the core's message why there is none.
    struct Outcome {
        core::FitMethod method = core::FitMethod::Ols;
        QString name;  ///< "OLS (Bass 1969)", "NLS on differences", ...
        std::optional<core::FitResult> fit;
        QString error;
    };

    /// @param seriesId preselected series (must have actuals); empty = the first with actuals.
    FitDialog(Document* document, const QString& seriesId = {}, QWidget* parent = nullptr);

    /// @brief Series ids offered (those with actuals), in file order.
    [[nodiscard]] QStringList seriesIds() const;
    [[nodiscard]] QString seriesId() const;
    void setSeries(const QString& id);
    [[nodiscard]] core::FitKind kind() const;
    void setKind(core::FitKind kind);
    /// @brief Logistic and Gompertz: fix the ceiling at `ceiling` (series unit as stored), or
    /// estimate it with std::nullopt (the default).
    void setFixedCeiling(std::optional<double> ceiling);
    /// @brief Bass, NLS on the density: the adoption rate at the end of year t, m·f(t) (the
    /// default, as published fits), or at mid-year, m·f(t − ½); t = 1 in the launch year.
    [[nodiscard]] core::BassTiming bassTiming() const;
    /// The method's name in the table, for the selected kind.
    [[nodiscard]] QString methodName(core::FitMethod method, bool ceilingFixed) const;
    void setBassTiming(core::BassTiming timing);
    [[nodiscard]] const std::vector<Outcome>& outcomes() const { return m_outcomes; }
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QChartView* fitChart() const { return m_fitView; }
    [[nodiscard]] QChartView* residualChart() const { return m_residualView; }

    /// @brief Accept outcome `index`: acceptFit on a copy of the scenario, applied to the
    /// document as one undo step. False (message in `error` and in the dialog) if that method
    /// failed or the document refuses the result.
    bool acceptOutcome(int index, QString* error = nullptr);

private:
    void refit();
    void fillTable();
    void fillCharts();

    Document* m_document;
    QComboBox* m_series = nullptr;
    QComboBox* m_kind = nullptr;
    QWidget* m_ceilingRow = nullptr;
    QCheckBox* m_fixCeiling = nullptr;
    QDoubleSpinBox* m_ceiling = nullptr;
    QComboBox* m_timing = nullptr;  ///< bass density timing (data: int(core::BassTiming))
    QString m_ceilingFor;           ///< series the ceiling box was filled for
    QLabel* m_data = nullptr;
    QTableWidget* m_table = nullptr;
    QChartView* m_fitView = nullptr;
    QChartView* m_residualView = nullptr;
    QHBoxLayout* m_acceptRow = nullptr;
    QList<QPushButton*> m_acceptButtons;
    QLabel* m_message = nullptr;
    std::vector<Outcome> m_outcomes;
};

}  // namespace jevons::app
