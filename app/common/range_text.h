#pragma once
// An assumption's range (its distribution) in words, in display units: the assumptions panel's
// range button and tooltip, the range dialog, undo texts.
#include "app/common/display.h"
#include "core/scenario/scenario.h"

#include <QString>

namespace jevons::app {

/// @brief What the assumptions panel's range button reads, in the display units of
/// `preferences`: "20–35%" (min–max; a 90% interval for a lognormal), "12 ± 5%" (normal), or "±"
/// when the assumption has no range.
[[nodiscard]] QString rangeSummary(const DisplayPreferences& preferences,
                                   const core::Assumption& assumption);
/// @brief The range in words for a tooltip: "PERT: min 20.0%, most likely 25.0%, max 35.0%",
/// followed by "(pinned: stays when the value changes)" for a pinned range.
[[nodiscard]] QString rangeDescription(const DisplayPreferences& preferences,
                                       const core::Assumption& assumption, const QString& language);

}  // namespace jevons::app
