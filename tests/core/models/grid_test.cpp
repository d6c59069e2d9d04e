#include "core/models/grid.h"

#include <gtest/gtest.h>

#include <limits>

namespace jevons::core {
namespace {

TEST(Grid, AllFiniteFindsAnyNanOrInfinity) {
    Grid g = Grid::Constant(257, 13, 1e300);
    g(0, 0) = -1e308;
    g(256, 12) = 4.9e-324;  // subnormal: finite
    EXPECT_TRUE(allFinite(g));
    EXPECT_TRUE(allFinite(Grid(0, 0)));
    for (const double bad :
         {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
          std::numeric_limits<double>::quiet_NaN()}) {
        for (const auto& [r, c] : {std::pair{0, 0}, std::pair{256, 12}, std::pair{131, 6}}) {
            Grid h = g;
            h(r, c) = bad;
            EXPECT_FALSE(allFinite(h)) << bad << " at " << r << "," << c;
            EXPECT_FALSE(allFinite(h.col(c))) << bad;
            EXPECT_TRUE(allFinite(h.col((c + 1) % 13))) << bad;
        }
    }
}

}  // namespace
}  // namespace jevons::core
