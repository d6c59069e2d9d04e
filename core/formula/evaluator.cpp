#include "core/formula/evaluator.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/formula/year_ops.h"

namespace jevons::core::formula {
namespace {

/// out = op(l, r), broadcasting both to the larger row and column counts. `l` may be `out`
/// itself (the caller's scratch): same-shape coefficient-wise ops are safe in place, and the
/// broadcasting path writes to a fresh grid first.
template <typename Op>
void combine(const Grid& l, const Grid& r, Grid& out, Op op) {
    const Eigen::Index rows = std::max(l.rows(), r.rows());
    const Eigen::Index cols = std::max(l.cols(), r.cols());
    const bool lFull = l.rows() == rows && l.cols() == cols;
    const bool rFull = r.rows() == rows && r.cols() == cols;
    if (lFull && rFull) {
        out = op(l, r);
    } else if (lFull && r.size() == 1) {
        out = op(l, Grid::Constant(rows, cols, r(0, 0)));
    } else if (rFull && l.size() == 1) {
        Grid result = op(Grid::Constant(rows, cols, l(0, 0)), r);
        out.swap(result);
    } else {
        Grid result = op(l.replicate(rows / l.rows(), cols / l.cols()),
                         r.replicate(rows / r.rows(), cols / r.cols()));
        out.swap(result);
    }
}

const auto kAdd = [](const auto& a, const auto& b) { return a + b; };
const auto kSubtract = [](const auto& a, const auto& b) { return a - b; };
const auto kMultiply = [](const auto& a, const auto& b) { return a * b; };
const auto kDivide = [](const auto& a, const auto& b) { return a / b; };
const auto kPower = [](const auto& a, const auto& b) { return a.pow(b); };
// Elementwise min/max that return NaN if either side is NaN (std::min would hide it).
const auto kMin = [](const auto& a, const auto& b) {
    return a.binaryExpr(b, [](double x, double y) { return x < y || std::isnan(x) ? x : y; });
};
const auto kMax = [](const auto& a, const auto& b) {
    return a.binaryExpr(b, [](double x, double y) { return x > y || std::isnan(x) ? x : y; });
};

/// Walks the tree. eval(node, scratch) returns a reference to the node's value: a looked-up
/// reference or a literal when no arithmetic is needed (no copy), otherwise `scratch`, which the
/// node fills. Left operands are evaluated into the parent's scratch and updated in place, so
/// a chain such as `a * b + c` allocates one grid.
class Evaluator {
public:
    Evaluator(std::span<const Grid* const> references, int nYears)
        : references_(references), nYears_(nYears) {}

    const Grid& eval(const Node& node, Grid& scratch) const {
        switch (node.kind) {
            case NodeKind::Number:
                return node.constant;
            case NodeKind::Reference:
                return *references_[node.reference];
            case NodeKind::Negate: {
                const Grid& x = eval(node.args[0], scratch);
                scratch = -x;  // coefficient-wise: safe when x is scratch
                return scratch;
            }
            case NodeKind::Add:
                return binary(node, scratch, kAdd);
            case NodeKind::Subtract:
                return binary(node, scratch, kSubtract);
            case NodeKind::Multiply:
                return binary(node, scratch, kMultiply);
            case NodeKind::Divide:
                return binary(node, scratch, kDivide);
            case NodeKind::Power:
                return binary(node, scratch, kPower);
            case NodeKind::Min:
                return binary(node, scratch, kMin);
            case NodeKind::Max:
                return binary(node, scratch, kMax);
            case NodeKind::Lag: {
                Grid result = lag(eval(node.args[0], scratch), node.lag);
                scratch.swap(result);
                return scratch;
            }
            case NodeKind::CumSum: {
                Grid result = cumulativeSum(eval(node.args[0], scratch), nYears_);
                scratch.swap(result);
                return scratch;
            }
            case NodeKind::Growth: {
                Grid result = growth(eval(node.args[0], scratch), nYears_);
                scratch.swap(result);
                return scratch;
            }
        }
        return scratch;  // unreachable: every kind is handled above
    }

private:
    /// Folds op over node.args left to right (two operands for arithmetic, >= 2 for min/max).
    template <typename Op>
    const Grid& binary(const Node& node, Grid& scratch, Op op) const {
        const Grid* acc = &eval(node.args[0], scratch);
        for (std::size_t i = 1; i < node.args.size(); ++i) {
            Grid rightScratch;
            const Grid& right = eval(node.args[i], rightScratch);
            combine(*acc, right, scratch, op);
            acc = &scratch;
        }
        return scratch;
    }

    std::span<const Grid* const> references_;
    int nYears_;
};

}  // namespace

Grid evaluateTree(const Node& root, std::span<const Grid> references, int nYears) {
    std::vector<const Grid*> pointers;
    pointers.reserve(references.size());
    for (const Grid& g : references) pointers.push_back(&g);
    return evaluateTree(root, pointers, nYears);
}

Grid evaluateTree(const Node& root, std::span<const Grid* const> references, int nYears) {
    Grid scratch;
    const Grid& value = Evaluator(references, nYears).eval(root, scratch);
    if (&value == &scratch) return scratch;
    return value;
}

}  // namespace jevons::core::formula
