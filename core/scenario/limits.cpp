#include "core/scenario/limits.h"

#include "core/scenario/scenario_error.h"

namespace jevons::core {

std::string withThousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

void checkLimit(std::size_t count, std::size_t limit, const std::string& path,
                std::string_view what) {
    if (count <= limit) return;
    throw ScenarioError(path, "there are " + withThousands(count) + " " + std::string(what) +
                                  "; at most " + withThousands(limit) +
                                  " are allowed in a forecast file");
}

}  // namespace jevons::core
