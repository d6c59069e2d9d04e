#pragma once
// Recursive-descent parser from formula text to a syntax tree.
//
// Grammar (lowest precedence first):
//   formula := sum End
//   sum     := product (('+' | '-') product)*          left-associative
//   product := unary (('*' | '/') unary)*              left-associative
//   unary   := '-' unary | power                       so -2^2 = -(2^2) = -4
//   power   := primary ('^' unary)?                    right-associative: 2^3^2 = 2^9; 2^-1 = 0.5
//   primary := Number | Name | Name '(' args ')' | '(' sum ')'
// A Name directly followed by '(' is a function call (min, max, lag, cumsum, growth); any other
// Name is a reference to a series output or an assumption.
#include <string>
#include <string_view>
#include <vector>

#include "core/formula/ast.h"

namespace jevons::core::formula {

/// @brief Result of parsing: the tree and the names it references.
struct ParsedFormula {
    Node root;
    std::vector<std::string> references;  ///< unique, in order of first appearance
};

/// @brief Parse `text`. Throws FormulaError (message and 1-based column) on an empty formula,
/// unexpected or trailing tokens, unbalanced parentheses, an unknown function, a wrong number of
/// arguments, or a lag count that is not a whole-number literal from 0 to 1000.
[[nodiscard]] ParsedFormula parse(std::string_view text);

}  // namespace jevons::core::formula
