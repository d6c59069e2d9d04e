#pragma once
// The uniform random numbers a Monte Carlo run draws its inputs from.
//
// A stream is a 64-bit key; its draw i is the SplitMix64 mix of key + (i + 1)·γ (γ the
// golden-ratio increment 0x9E3779B97F4A7C15): a counter-based generator, so any stretch of a
// stream costs the same to draw whether it starts at 0 or deep inside (a thread can draw paths
// 3,000–4,095 of a block without the 3,000 before them). The mix passes BigCrush (Steele, Lea &
// Flood 2014). Keys come from streamKey(seed, block, id), so every (seed, block of paths,
// assumption) has its own stream.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace jevons::core {

/// @brief SplitMix64's finaliser of x + γ (a bijection of 64-bit words).
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t x);

/// @brief FNV-1a of an assumption id: its stream does not move when assumptions are added or
/// reordered.
[[nodiscard]] std::uint64_t hashId(std::string_view id);

/// @brief The key of the stream for (seed, block, hashed id).
[[nodiscard]] std::uint64_t streamKey(std::uint64_t seed, std::uint64_t block, std::uint64_t id);

/// @brief Draws first, first + 1, … of stream `key` into `out` (one per element). Each is in
/// (0, 1), never 0 or 1: 53 random bits centred in their cell, (k + 0.5)·2⁻⁵³.
void uniforms(std::uint64_t key, std::uint64_t first, std::span<double> out);

}  // namespace jevons::core
