#pragma once
// Reading and writing scenario files (forecasts/FORMAT.md, schema 1).
//
// Loading refuses a bad file whole: every problem is a ScenarioError naming the file, the JSON
// path ("series.asic_share.through[1]"), the line and column, and what is wrong in plain words.
// Saving writes a canonical text (keys in the order of FORMAT.md, two-space indentation, a final
// newline) so that load -> save -> load is lossless and save is byte-stable.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/scenario/scenario.h"
#include "core/scenario/scenario_error.h"

namespace jevons::core {

/// @brief Largest scenario file loadScenarioFile reads (16 MiB); larger files are refused
/// before their content is read.
inline constexpr std::uintmax_t kMaxScenarioFileBytes = std::uintmax_t{16} << 20;

/// @brief Read, parse and validate the scenario file at `path`.
/// Throws ScenarioError (file = `path` as given) if the file cannot be read, is larger than
/// kMaxScenarioFileBytes, or is not a valid scenario (see parseScenario). No partial result.
[[nodiscard]] Scenario loadScenarioFile(const std::string& path);

/// @brief Parse and validate a scenario text; `fileName` is used in error messages only.
/// Checks, in order: UTF-8, JSON syntax, repeated keys, the schema version, fields and types,
/// ids, references, years and value domains, then the model itself (validateModel: cycles,
/// formulas, impossible values). Throws ScenarioError located at the offending value.
/// When `scenarios` is absent an implicit "base" scenario is added; when it is present it must
/// contain "base".
[[nodiscard]] Scenario parseScenario(std::string_view text, const std::string& fileName = "");

/// @brief The canonical file text of `scenario`. Optional fields that are empty (an empty zh,
/// note, url, group, provenance, secondary axis, ...) are omitted; the top-level sections are
/// always written. Does not validate; throws ScenarioError (with the JSON path) only if a text
/// is not valid UTF-8.
[[nodiscard]] std::string serializeScenario(const Scenario& scenario);

/// @brief What parseScenario(serializeScenario(scenario)) would check, without the text: the
/// canonical JSON of `scenario` is read back and validated as a file's would be. For a forecast
/// built in memory (the model editor) before it becomes the document, so that what is saved
/// always loads. Throws ScenarioError with the JSON path and no line (there is no file),
/// including when two items of one kind share an id (the file could not hold both).
void checkLoadable(const Scenario& scenario);

/// @brief Write serializeScenario(scenario) to `path` with writeFileAtomically
/// (core/io/atomic_file.h). On failure the file at `path` is untouched and ScenarioError says
/// "PATH: could not save the file: REASON (STEP)".
void saveScenarioFile(const Scenario& scenario, const std::string& path);

}  // namespace jevons::core
