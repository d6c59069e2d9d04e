#pragma once
// Syntax tree of a parsed formula. Built once by the parser, then shared read-only by every copy
// of the Formula and walked on each evaluation.
#include <cstddef>
#include <vector>

#include "core/models/grid.h"

namespace jevons::core::formula {

/// @brief What a node computes.
enum class NodeKind {
    Number,     ///< literal; `constant` holds it as a 1 x 1 grid
    Reference,  ///< value of references()[reference]
    Negate,     ///< -args[0]
    Add,        ///< args[0] + args[1]
    Subtract,   ///< args[0] - args[1]
    Multiply,   ///< args[0] * args[1]
    Divide,     ///< args[0] / args[1]
    Power,      ///< args[0] ^ args[1]
    Min,        ///< elementwise minimum of args (>= 2)
    Max,        ///< elementwise maximum of args (>= 2)
    Lag,        ///< args[0] `lag` years earlier
    CumSum,     ///< running sum of args[0] over years
    Growth,     ///< year-on-year growth of args[0]
};

/// @brief One node of the tree. Children are held by value; the root is held by a
/// std::shared_ptr<const Node> in Formula so copies share one tree.
struct Node {
    NodeKind kind = NodeKind::Number;
    int column = 1;             ///< 1-based column of the token that introduced the node
    Grid constant{};            ///< Number: the value as a 1 x 1 grid (so it is never reallocated)
    std::size_t reference = 0;  ///< Reference: index into the formula's references()
    int lag = 0;                ///< Lag: number of years, >= 0
    std::vector<Node> args{};   ///< operands, in source order
    int height = 1;             ///< levels of the tree from this node down (a leaf: 1)
};

}  // namespace jevons::core::formula
