// The core's one formatter of numbers in messages (core/text/number_text.h).
#include "core/text/number_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>

namespace jevons::core {
namespace {

// num() must write what printf's %g writes, which the messages were written against.
std::string printfG(double v, int significant) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, v);
    return buffer;
}

TEST(NumberText, NumWritesSixSignificantDigitsAsPrintfG) {
    for (const double v : {0.25, 42.9, 1e6, 1e-5, -120.0, 171.6 * 0.25, 1.0 / 3.0, 1e300, 0.0,
                           45.41234567, 123456789.0})
        EXPECT_EQ(num(v), printfG(v, 6)) << v;
    EXPECT_EQ(num(0.25), "0.25");
    EXPECT_EQ(num(1e6), "1e+06");
    EXPECT_EQ(num(1.0 / 3.0), "0.333333");
}

TEST(NumberText, NumTakesTheDigitsAsked) {
    EXPECT_EQ(num(1.0 / 3.0, 15), "0.333333333333333");
    EXPECT_EQ(num(0.1 + 0.2, 17), "0.30000000000000004");
    EXPECT_EQ(num(2.6, 0), "3");  // fewer than one digit is one digit
}

TEST(NumberText, NumSpellsNonFiniteValues) {
    EXPECT_EQ(num(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(num(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(num(-std::numeric_limits<double>::infinity()), "-inf");
}

}  // namespace
}  // namespace jevons::core
