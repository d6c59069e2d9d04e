#include "core/formula/year_ops.h"

#include <algorithm>
#include <cmath>

namespace jevons::core::formula {

Grid lag(const Grid& x, int years) {
    const Eigen::Index cols = x.cols();
    const Eigen::Index shift = std::min<Eigen::Index>(years, cols);
    if (shift == 0 || cols <= 1) return x;
    Grid out(x.rows(), cols);
    out.leftCols(shift) = x.col(0).replicate(1, shift);
    out.rightCols(cols - shift) = x.leftCols(cols - shift);
    return out;
}

Grid cumulativeSum(const Grid& x, int nYears) {
    Grid out;
    cumulativeSum(x, nYears, out);
    return out;
}

void cumulativeSum(const Grid& x, int nYears, Grid& out) {
    if (x.cols() == 1) {
        Grid repeated = x.replicate(1, std::max(nYears, 1));  // x may be out
        out.swap(repeated);
    } else if (&x != &out) {
        out = x;
    }
    // Leading years with no value (NaN) stay so; the sum starts at the first year with one.
    Eigen::Index start = 0;
    while (start < out.cols() && out.rows() > 0 && std::isnan(out(0, start))) ++start;
    for (Eigen::Index t = start + 1; t < out.cols(); ++t) out.col(t) += out.col(t - 1);
}

Grid growth(const Grid& x, int nYears) {
    const Eigen::Index cols = x.cols() == 1 ? std::max(nYears, 1) : x.cols();
    if (cols == 1) return Grid::Zero(x.rows(), 1);
    Grid out(x.rows(), cols);
    if (x.cols() == 1) {
        out.rightCols(cols - 1) = (x / x - 1.0).replicate(1, cols - 1);
    } else {
        out.rightCols(cols - 1) = x.rightCols(cols - 1) / x.leftCols(cols - 1) - 1.0;
    }
    out.col(0) = out.col(1);
    return out;
}

}  // namespace jevons::core::formula
