#include "core/formula/evaluator.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/formula/year_ops.h"

namespace jevons::core::formula {
namespace {

/// out = op(l, r), broadcasting both to the larger row and column counts, one column at a time
/// (a one-column operand is read in every column, a one-row operand as a constant column), so
/// every case runs on contiguous columns. `l` may be `out` itself (the caller's scratch): when it
/// already has the result's shape the op runs in place (coefficient-wise, so safe); otherwise it
/// is moved aside first. `r` must not be `out`.
template <typename Op>
void combine(const Grid& l, const Grid& r, Grid& out, Op op) {
    const Eigen::Index rows = std::max(l.rows(), r.rows());
    const Eigen::Index cols = std::max(l.cols(), r.cols());
    const bool lFull = l.rows() == rows && l.cols() == cols;
    const bool rFull = r.rows() == rows && r.cols() == cols;
    if (lFull && rFull) {
        out = op(l, r);
        return;
    }
    Grid moved;
    const Grid* left = &l;
    if (&l == &out && !lFull) {
        moved.swap(out);
        left = &moved;
    }
    out.resize(rows, cols);  // no reallocation when out already has the shape (e.g. out is l)
    for (Eigen::Index c = 0; c < cols; ++c) {
        const auto lc = left->col(left->cols() == 1 ? 0 : c);
        const auto rc = r.col(r.cols() == 1 ? 0 : c);
        if (left->rows() == r.rows())
            out.col(c) = op(lc, rc);
        else if (left->rows() == rows)
            out.col(c) = op(lc, Paths::Constant(rows, rc(0)));
        else
            out.col(c) = op(Paths::Constant(rows, lc(0)), rc);
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
            case NodeKind::CumSum:
                cumulativeSum(eval(node.args[0], scratch), nYears_, scratch);
                return scratch;
            case NodeKind::Growth: {
                Grid result = growth(eval(node.args[0], scratch), nYears_);
                scratch.swap(result);
                return scratch;
            }
        }
        return scratch;  // unreachable: every kind is handled above
    }

    /// Shape (rows, cols) of the node's value, from the references' shapes alone.
    std::pair<Eigen::Index, Eigen::Index> shape(const Node& node) const {
        switch (node.kind) {
            case NodeKind::Number:
                return {1, 1};
            case NodeKind::Reference: {
                const Grid& g = *references_[node.reference];
                return {g.rows(), g.cols()};
            }
            case NodeKind::Negate:
            case NodeKind::Lag:
                return shape(node.args[0]);
            case NodeKind::CumSum:
            case NodeKind::Growth:
                return {shape(node.args[0]).first, nYears_};
            default: {  // arithmetic, min, max: the largest extent of the operands
                std::pair<Eigen::Index, Eigen::Index> s{1, 1};
                for (const Node& arg : node.args) {
                    const auto a = shape(arg);
                    s = {std::max(s.first, a.first), std::max(s.second, a.second)};
                }
                return s;
            }
        }
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
    Grid out;
    evaluateTree(root, references, nYears, out);
    return out;
}

void evaluateTree(const Node& root, std::span<const Grid* const> references, int nYears,
                  Grid& out) {
    const Evaluator evaluator(references, nYears);
    const Grid& value = evaluator.eval(root, out);
    if (&value != &out) out = value;
}

void evaluateTree(const Node& root, std::span<const Grid* const> references, Eigen::Index nPaths,
                  int nYears, Grid& out) {
    const Evaluator evaluator(references, nYears);
    const auto [rows, cols] = evaluator.shape(root);
    if (rows == nPaths && cols == nYears) {
        evaluateTree(root, references, nYears, out);
        return;
    }
    // A smaller value (one row or one column) is computed aside, then broadcast column by
    // column into out's storage.
    Grid small;
    const Grid& value = evaluator.eval(root, small);
    out.resize(nPaths, nYears);
    for (Eigen::Index c = 0; c < nYears; ++c) {
        const auto from = value.col(value.cols() == 1 ? 0 : c);
        if (value.rows() == nPaths)
            out.col(c) = from;
        else
            out.col(c).setConstant(from(0));
    }
}

}  // namespace jevons::core::formula
