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

// The four-quarter pass and its tail: every length up to 11, a bad value in every position, and
// huge finite values whose sum would overflow are still finite.
TEST(Grid, AllFiniteValuesChecksEveryPositionOfEveryLength) {
    for (Eigen::Index n = 0; n <= 11; ++n) {
        Paths p = Paths::Constant(n, std::numeric_limits<double>::max());
        EXPECT_TRUE(allFinite(p)) << n;
        for (Eigen::Index at = 0; at < n; ++at)
            for (const double bad :
                 {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                  std::numeric_limits<double>::quiet_NaN()}) {
                Paths q = p;
                q(at) = bad;
                EXPECT_FALSE(allFinite(q)) << bad << " at " << at << " of " << n;
                EXPECT_FALSE(allFiniteValues(q.data(), n)) << bad << " at " << at << " of " << n;
            }
    }
}

}  // namespace
}  // namespace jevons::core
