#pragma once
// What a chart card plots: one run per scenario shown (one normally, several in compare mode).
#include "core/eval/evaluator.h"

#include <QString>
#include <Qt>

namespace jevons::app {

struct ChartRun {
    QString name;                                ///< scenario label (legend in compare mode)
    const core::Evaluator* evaluator = nullptr;  ///< the results to plot; not owned
    bool live = false;                           ///< follows the document's edits
    Qt::PenStyle style = Qt::SolidLine;          ///< lines of this run: solid, dashed, dotted
};

}  // namespace jevons::app
