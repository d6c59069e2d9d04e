#pragma once
// What the histogram and tornado views share: a row choosing one output and one year above a
// chart and its caption, recomputed whenever the choice or the forecast changes.
#include <QtGlobal>

#include <functional>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QWidget;
QT_END_NAMESPACE

namespace jevons::app {

class Document;

struct OutputYearChartParts {
    QComboBox* output;
    QComboBox* year;
    QLabel* outputLabel;
    QLabel* yearLabel;
    QChartView* view;
    QChart* chart;
    QLabel* caption;
};

/// @brief Lay out `parts` in `owner` (choices in a row, the chart, the caption below) and style
/// the chart (legend at the bottom in the axis font, antialiased view).
void layOutOutputYearChart(QWidget* owner, const OutputYearChartParts& parts);

/// @brief Call `recompute` when either choice changes or the document's results, active
/// scenario or ranges change; on a new document or language, `rebuildChoices` first.
void recomputeOnChanges(QWidget* owner, Document* document, const OutputYearChartParts& parts,
                        const std::function<void()>& rebuildChoices,
                        const std::function<void()>& recompute);

}  // namespace jevons::app
