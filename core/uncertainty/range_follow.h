#pragma once
// Ranges follow the value (issue 18): when the value of an assumption that has a range is edited,
// the range moves with it, so the forecast line stays inside its own band and the CAGR range
// keeps bracketing the drawn forecast. A pinned range (DistributionSpec::pinned) stays put.
//
// The rule, for a value moving from `from` to `to` (stored unit, Δ = to − from):
//  - uniform, triangular, PERT: min, mode and max are shifted by Δ. Each end is then clamped to
//    the slider range [Assumption::min, Assumption::max], widened to include where that end
//    already was (an end the analyst put beyond the slider is never pulled in by an edit, nor
//    pushed further out). So near the slider's end the range narrows rather than leaving the
//    slider; the mode, clamped into the new [min, max], keeps following the value. When the
//    whole shifted range would lie beyond one end (possible only when the range did not contain
//    the value), it keeps its width laid against that end.
//  - normal: re-centred by the same shift, mean' = mean + Δ, with the same relative spread:
//    sd' = sd · |mean'| / |mean| (sd unchanged when the old or new mean is 0, where a relative
//    spread means nothing). No clamping: draws are truncated to the unit's domain.
//  - lognormal: scaled by the value's factor r = to / from: p5' = p5 · r, p95' = p95 · r. The
//    relative spread p95/p5 is kept and the median √(p5·p95) moves by the same factor as the
//    value. Unchanged unless from > 0 and to > 0. No clamping to the slider: p5 and p95 are
//    percentiles, not bounds.
//  So a normal or lognormal centred on the old value is centred on the new one; one that was
//  off-centre keeps its offset (additive for a normal, multiplicative for a lognormal), and a
//  small edit never makes the range jump.
//  - shifted parameters are rounded to 15 significant digits, so 0.2 + 0.05 is saved as 0.25.
//  - the range is unchanged when there is none, it is pinned, Δ = 0, or the moved range would
//    not be a valid range for the unit (the sampler's check, Distribution::of, refuses it).
//
// Callers (app/document/document.cpp) decide when a value edit is one the range follows: edits
// of the base case (typing, slider, what-if sliders, goal seek, anchor drags), not overrides of
// another scenario (the file has one range per assumption, shared by every scenario) and not
// scenario switches. Within one interactive edit (a drag) they shift the range the edit started
// with, from the value it started at, so dragging to the slider's end and back restores it.
#include "core/scenario/scenario.h"

#include <optional>

namespace jevons::core {

/// @brief The range `assumption.distribution` becomes when its value moves from `from` to `to`
/// (stored unit), by the rule above. std::nullopt when the assumption has no range.
[[nodiscard]] std::optional<DistributionSpec> followValue(const Assumption& assumption, double from,
                                                          double to);

}  // namespace jevons::core
