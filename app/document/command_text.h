#pragma once
// Texts of undo steps, as a reader names things: labels in the document's language, values as
// their spin boxes show them. Ids appear only for something the file does not label.
#include "app/common/display.h"
#include "core/scenario/scenario.h"

#include <QString>

#include <optional>
#include <string>

namespace jevons::app {

// Commands keep a copy of the assumption they edit (label, unit, step), so their text can be
// composed again in another language even when a later step removed the assumption.

/// @brief "ASIC share of accelerators, 2028 25.0% → 30.0%" in `language`, values in the display
/// units of `preferences`.
[[nodiscard]] QString assumptionEditText(const DisplayPreferences& preferences,
                                         const core::Assumption& assumption, double from, double to,
                                         const QString& language);
/// @brief "Range of ASIC share of accelerators, 2028: 20–35%", "Remove range of …", "Pin range
/// of …", "Unpin range of …" in `language`, values in the display units of `preferences`.
[[nodiscard]] QString rangeEditText(const DisplayPreferences& preferences,
                                    const core::Assumption& assumption,
                                    const std::optional<core::DistributionSpec>& before,
                                    const std::optional<core::DistributionSpec>& after,
                                    const QString& language);
/// @brief `label` in `language` ("Bull"), or `id` when the label is empty.
[[nodiscard]] QString nameOf(const core::Label& label, const std::string& id,
                             const QString& language);
/// @brief The label of scenario `id` (empty when the file gives it none, or it is unknown).
[[nodiscard]] core::Label scenarioLabel(const core::Scenario& scenario, const std::string& id);
/// @brief A series' label in `language` ("Datacenter ASIC market"); its id when unknown.
[[nodiscard]] QString seriesName(const core::Scenario& scenario, const std::string& id,
                                 const QString& language);

}  // namespace jevons::app
