#include "core/units/unit.h"

#include <gtest/gtest.h>

using namespace jevons::core;

TEST(Unit, TokensRoundTrip) {
    for (Unit u : {Unit::Number, Unit::UsdBillion, Unit::UsdMillion, Unit::MillionUnits,
                   Unit::Share, Unit::Rate, Unit::Year, Unit::Multiple, Unit::Index})
        EXPECT_EQ(unitFromToken(unitToken(u)), u);
    EXPECT_FALSE(unitFromToken("USD bn").has_value());
}

TEST(Unit, MoneyConvertsBetweenDisplayUnits) {
    EXPECT_DOUBLE_EQ(toDisplay(42.9, Unit::UsdBillion, DisplayUnit::UsdMillion), 42900.0);
    EXPECT_DOUBLE_EQ(toDisplay(42.9, Unit::UsdBillion, DisplayUnit::UsdHundredMillion), 429.0);
    EXPECT_DOUBLE_EQ(toDisplay(1.0, Unit::UsdBillion, DisplayUnit::RmbHundredMillion, 7.2), 72.0);
    EXPECT_DOUBLE_EQ(toDisplay(500.0, Unit::UsdMillion, DisplayUnit::UsdBillion), 0.5);
    EXPECT_NEAR(fromDisplay(429.0, Unit::UsdBillion, DisplayUnit::UsdHundredMillion), 42.9, 1e-12);
}

TEST(Unit, VolumesAndShares) {
    EXPECT_DOUBLE_EQ(toDisplay(55.0, Unit::MillionUnits, DisplayUnit::TenThousandUnits), 5500.0);
    EXPECT_DOUBLE_EQ(toDisplay(0.25, Unit::Share, DisplayUnit::Percent), 25.0);
    EXPECT_FALSE(compatible(Unit::Share, DisplayUnit::UsdBillion));
    EXPECT_EQ(formatValue(0.4541, Unit::Rate, DisplayUnit::Percent, 1), "45.4%");
    EXPECT_EQ(formatValue(42.9, Unit::UsdBillion, DisplayUnit::UsdHundredMillion, 0, "zh"),
              "429 亿美元");
}

TEST(Unit, Domains) {
    EXPECT_EQ(lowerBound(Unit::UsdBillion), 0.0);
    EXPECT_EQ(lowerBound(Unit::Rate), -1.0);
    EXPECT_EQ(upperBound(Unit::Share), 1.0);
}
