#include "core/uncertainty/uniform_stream.h"

namespace jevons::core {
namespace {

constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ULL;

std::uint64_t mix(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

}  // namespace

std::uint64_t splitmix64(std::uint64_t x) { return mix(x + kGamma); }

std::uint64_t hashId(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : id) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t streamKey(std::uint64_t seed, std::uint64_t block, std::uint64_t id) {
    return splitmix64(splitmix64(splitmix64(seed) ^ block) ^ id);
}

void uniforms(std::uint64_t key, std::uint64_t first, std::span<double> out) {
    std::uint64_t state = key + (first + 1) * kGamma;  // wraps modulo 2^64, as intended
    for (double& u : out) {
        u = (static_cast<double>(mix(state) >> 11) + 0.5) * 0x1.0p-53;
        state += kGamma;
    }
}

}  // namespace jevons::core
