#pragma once
// A scenario bridge as text for people, CSV for spreadsheets and JSON for programs
// (`jevons-cli bridge`).
#include "core/bridge/bridge.h"
#include "core/report/series_table.h"
#include "core/units/display_choice.h"

#include <string>
#include <string_view>

namespace jevons::core {

struct BridgeReport {
    std::string fromId = "base";  ///< scenario ids, named in JSON
    std::string toId;
    std::string fromName;  ///< "Base", "基准": the end rows
    std::string toName;
    std::string language = "en";
    bool ids = false;  ///< text and CSV name the steps by assumption id, not by label
    int decimals = 1;  ///< of the output's values, in display units (shares in %)
    DisplayChoice units{};
};

/// @brief Render `bridge` (made on `model`). Text: a header line "Datacenter ASIC market, 2028,
/// US$B: Base → Bull", then the first total, one row per step (its assumption's values "25.0% →
/// 30.0%" and the signed change "+8.6"), the second total, and for a sampled bridge a line
/// saying so. CSV: the same rows with a header. JSON: {"series", "label", "year", "unit",
/// "from": {"scenario", "label", "value"}, "to": {...}, "steps": [{"assumption", "label",
/// "from", "to", "change"}], "exact", "evaluations"}, values in display units at full precision
/// and the assumptions' values as stored.
[[nodiscard]] std::string renderBridge(const Model& model, const Bridge& bridge,
                                       const BridgeReport& report, TableFormat format);

}  // namespace jevons::core
