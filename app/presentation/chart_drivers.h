#pragma once
// Which assumptions drive a chart: those whose dependents include a series the chart plots,
// ranked by how much a tenth of their slider range moves the chart. The what-if overlay of
// presentation mode shows the first few as large sliders.
#include "core/eval/evaluator.h"
#include "core/scenario/scenario.h"

#include <string>
#include <vector>

namespace jevons::app {

struct ChartDriver {
    std::string assumption;     ///< assumption id
    double sensitivity = 0.0;   ///< relative change of the chart's values for 10% of the range
    bool drivesAnchor = false;  ///< an anchor of the chart names it in `drives`
};

/// @brief The assumptions that drive `chart`, most influential first, at most `maxCount`.
/// Derived from the model graph (Model::dependentsOf) and a one-at-a-time sensitivity on a copy
/// of `evaluator`; assumptions that move nothing visible are dropped. Anchored assumptions
/// (anchors whose `drives` names them) weigh 1.5 times their sensitivity.
[[nodiscard]] std::vector<ChartDriver> chartDrivers(const core::Evaluator& evaluator,
                                                    const core::ChartDef& chart, int maxCount = 4);

}  // namespace jevons::app
