#include "core/formula/formula.h"

#include <stdexcept>
#include <utility>

#include "core/formula/evaluator.h"
#include "core/formula/parser.h"

namespace jevons::core::formula {
namespace {

std::string shape(Eigen::Index rows, Eigen::Index cols) {
    return std::to_string(rows) + " x " + std::to_string(cols);
}

void checkShape(const std::string& name, const Grid& value, Eigen::Index nPaths, int nYears) {
    const bool rowsOk = value.rows() == 1 || value.rows() == nPaths;
    const bool colsOk = value.cols() == 1 || value.cols() == nYears;
    if (!rowsOk || !colsOk) {
        throw ModelError("'" + name + "' has " + shape(value.rows(), value.cols()) +
                         " values (paths x years); the formula needs 1 or " +
                         std::to_string(nPaths) + " paths and 1 or " + std::to_string(nYears) +
                         " years");
    }
}

}  // namespace

Formula::Formula(std::string text, Node root, std::vector<std::string> references)
    : text_(std::make_shared<const std::string>(std::move(text))),
      root_(std::make_shared<const Node>(std::move(root))),
      references_(std::make_shared<const std::vector<std::string>>(std::move(references))) {}

Formula Formula::parse(std::string_view text) {
    ParsedFormula parsed = formula::parse(text);
    return Formula(std::string(text), std::move(parsed.root), std::move(parsed.references));
}

Grid Formula::evaluate(const std::function<Grid(const std::string&)>& lookup, Eigen::Index nPaths,
                       int nYears) const {
    checkExtent(nPaths, nYears);
    std::vector<Grid> values;
    values.reserve(references_->size());
    for (const std::string& name : *references_) {
        values.push_back(lookup(name));
        checkShape(name, values.back(), nPaths, nYears);
    }
    std::vector<const Grid*> pointers;
    pointers.reserve(values.size());
    for (const Grid& g : values) pointers.push_back(&g);
    Grid out;
    evaluateChecked(pointers, nPaths, nYears, out);
    return out;
}

Grid Formula::evaluate(std::span<const Grid* const> values, Eigen::Index nPaths, int nYears) const {
    Grid out;
    evaluate(values, nPaths, nYears, out);
    return out;
}

void Formula::evaluate(std::span<const Grid* const> values, Eigen::Index nPaths, int nYears,
                       Grid& out) const {
    checkExtent(nPaths, nYears);
    for (std::size_t i = 0; i < references_->size(); ++i)
        checkShape((*references_)[i], *values[i], nPaths, nYears);
    evaluateChecked(values, nPaths, nYears, out);
}

void Formula::checkExtent(Eigen::Index nPaths, int nYears) const {
    if (nPaths < 1 || nYears < 1) {
        throw std::invalid_argument("formula '" + *text_ + "' evaluated over " +
                                    shape(nPaths, nYears) + " (paths x years); both must be >= 1");
    }
}

void Formula::evaluateChecked(std::span<const Grid* const> values, Eigen::Index nPaths, int nYears,
                              Grid& out) const {
    evaluateTree(*root_, values, nPaths, nYears, out);
}

}  // namespace jevons::core::formula
