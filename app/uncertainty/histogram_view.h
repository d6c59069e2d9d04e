#pragma once
// One output in one year across the Monte Carlo paths: a histogram in display units with vertical
// lines at P10, P50, P90 and the mean (labelled with their values), "N paths, seed S" under it.
// Runs its own simulation (core runMonteCarlo keeping that output's paths) with the document's
// CURRENT values; recomputed, coalesced, when results, distributions or the scenario change, and
// only while visible.
#include "core/uncertainty/histogram.h"

#include <QPair>
#include <QString>
#include <QWidget>

#include <cstdint>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;

namespace jevons::app {

class Document;

/// @brief Every series output of the document as (label in the document's language, ref).
[[nodiscard]] QList<QPair<QString, QString>> outputChoices(const Document& document);
/// @brief Fill `box` with the outputs, keeping `ref` selected when present.
void fillOutputCombo(QComboBox* box, const Document& document, const QString& ref);
/// @brief A number with its unit as a reader writes it: "42.9 US$B", "25.0%", "1.60" (no unit).
[[nodiscard]] QString withUnit(const QString& number, const QString& suffix);
/// @brief A spin box suffix for `suffix`: "%" or " US$B"; empty for no unit.
[[nodiscard]] QString spinSuffix(const QString& suffix);
/// @brief Fill `box` with the forecast's years, keeping `year` selected when present.
void fillYearCombo(QComboBox* box, const Document& document, int year);

class HistogramView : public QWidget {
    Q_OBJECT
public:
    explicit HistogramView(Document* document, QWidget* parent = nullptr);

    [[nodiscard]] QString output() const;
    [[nodiscard]] int year() const;
    /// @brief Choose what to show ("id" or "id.output", a year of the forecast); recomputes.
    void setOutput(const QString& ref);
    void setYear(int year);

    /// @brief Run the simulation now for the current choice (also when hidden).
    void recompute();
    /// @brief The histogram shown, stored units; total == 0 before a run or after a failure.
    [[nodiscard]] const core::Histogram& histogram() const { return m_histogram; }
    [[nodiscard]] int paths() const { return m_paths; }
    [[nodiscard]] std::uint64_t seed() const { return m_seed; }
    /// @brief The vertical line of "p10", "p50", "p90" or "mean" (x in display units), or null.
    [[nodiscard]] QLineSeries* marker(const QString& which) const;
    /// @brief "10,000 paths, seed 20250209 …" or why there is nothing to show.
    [[nodiscard]] QString caption() const;
    [[nodiscard]] QChartView* chartView() const { return m_view; }

signals:
    /// @brief A run finished (or failed: histogram().total == 0).
    void computed();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void schedule();
    /// The output and year choices for a new forecast or language: at once when shown, else
    /// marked stale and refreshed when shown or asked for (a hidden view costs an edit nothing).
    void rebuildChoices();
    void refreshStaleChoices() const;
    void draw();
    void clear(const QString& why);
    void placeMarkerLabels();

    Document* m_document;
    QComboBox* m_output;
    QComboBox* m_year;
    QChartView* m_view;
    QChart* m_chart;
    QLabel* m_caption;
    QLabel* m_outputLabel;
    QLabel* m_yearLabel;
    core::Histogram m_histogram;
    int m_paths = 0;
    std::uint64_t m_seed = 0;
    bool m_pending = false;
    bool m_dirty = true;
    mutable bool m_choicesStale = true;
};

}  // namespace jevons::app
