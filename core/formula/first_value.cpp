// Formula::firstValueColumn: which leading years of a formula have no value, from the syntax
// tree alone (the same on every path, whatever the assumptions' values).
#include <algorithm>

#include "core/formula/formula.h"

namespace jevons::core::formula {
namespace {

int firstOfNode(const Node& node, std::span<const int> firstOf, int nYears) {
    switch (node.kind) {
        case NodeKind::Number:
            return 0;
        case NodeKind::Reference:
            return firstOf[node.reference];
        case NodeKind::Lag: {
            const int x = firstOfNode(node.args[0], firstOf, nYears);
            // The first lag years hold x's first year, which has a value only if x has them all.
            return x == 0 ? 0 : std::min(x + node.lag, nYears);
        }
        case NodeKind::Growth: {
            const int x = firstOfNode(node.args[0], firstOf, nYears);
            return x == 0 ? 0 : std::min(x + 1, nYears);
        }
        case NodeKind::CumSum:
        case NodeKind::Negate:
        case NodeKind::Add:
        case NodeKind::Subtract:
        case NodeKind::Multiply:
        case NodeKind::Divide:
        case NodeKind::Power:
        case NodeKind::Min:
        case NodeKind::Max:
            break;
    }
    int first = 0;
    for (const Node& arg : node.args) first = std::max(first, firstOfNode(arg, firstOf, nYears));
    return std::min(first, nYears);
}

}  // namespace

int Formula::firstValueColumn(std::span<const int> firstOf, int nYears) const {
    return firstOfNode(*root_, firstOf, nYears);
}

}  // namespace jevons::core::formula
