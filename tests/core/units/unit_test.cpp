#include "core/units/unit.h"
#include "core/units/display_choice.h"

#include <gtest/gtest.h>

#include <cmath>

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

// Chinese counts step by 10,000: 万, 亿, 万亿. A value of 10,000 in a 万/亿 unit reads in the next.
TEST(Unit, ChineseUnitsStepUpAtTenThousand) {
    EXPECT_EQ(groupedUnit(DisplayUnit::TenThousandUnits, 9999.9), DisplayUnit::TenThousandUnits);
    EXPECT_EQ(groupedUnit(DisplayUnit::TenThousandUnits, 10000.0),
              DisplayUnit::HundredMillionUnits);
    EXPECT_EQ(groupedUnit(DisplayUnit::TenThousandUnits, -12000.0),
              DisplayUnit::HundredMillionUnits);
    EXPECT_EQ(groupedUnit(DisplayUnit::UsdHundredMillion, 10000.0), DisplayUnit::UsdTrillion);
    EXPECT_EQ(groupedUnit(DisplayUnit::RmbHundredMillion, 50000.0), DisplayUnit::RmbTrillion);
    // Western units and NaN stay as they are.
    EXPECT_EQ(groupedUnit(DisplayUnit::MillionUnits, 1e6), DisplayUnit::MillionUnits);
    EXPECT_EQ(groupedUnit(DisplayUnit::UsdBillion, 1e6), DisplayUnit::UsdBillion);
    EXPECT_EQ(groupedUnit(DisplayUnit::TenThousandUnits, std::nan("")),
              DisplayUnit::TenThousandUnits);

    // 1.4B glasses = 140,000 万台 = 14 亿台; US$1,000B = 1 万亿美元 = 7.2 万亿元 at 7.2.
    EXPECT_DOUBLE_EQ(toDisplay(1400.0, Unit::MillionUnits, DisplayUnit::HundredMillionUnits), 14.0);
    EXPECT_DOUBLE_EQ(toDisplay(1000.0, Unit::UsdBillion, DisplayUnit::UsdTrillion), 1.0);
    EXPECT_DOUBLE_EQ(toDisplay(1000.0, Unit::UsdBillion, DisplayUnit::RmbTrillion, 7.2), 7.2);
    EXPECT_NEAR(fromDisplay(14.0, Unit::MillionUnits, DisplayUnit::HundredMillionUnits), 1400.0,
                1e-9);
    EXPECT_EQ(formatValue(1400.0, Unit::MillionUnits, DisplayUnit::HundredMillionUnits, 2, "zh"),
              "14.00 亿台");
    EXPECT_EQ(formatValue(2500.0, Unit::UsdBillion, DisplayUnit::UsdTrillion, 2, "zh"),
              "2.50 万亿美元");
    EXPECT_TRUE(isGroupedUnit(DisplayUnit::RmbTrillion));
    EXPECT_FALSE(isGroupedUnit(DisplayUnit::TenThousandUnits));
}

TEST(Unit, AChoiceStepsUpOnlyTheDimensionItIsFor) {
    const DisplayChoice choice{DisplayUnit::RmbHundredMillion, DisplayUnit::TenThousandUnits, 1,
                               7.1};
    const DisplayChoice volumes = choice.groupedFor(Unit::MillionUnits, 140000.0);
    EXPECT_EQ(volumes.volume, DisplayUnit::HundredMillionUnits);
    EXPECT_EQ(volumes.money, DisplayUnit::RmbHundredMillion);
    EXPECT_EQ(choice.groupedFor(Unit::MillionUnits, 5500.0), choice);
    EXPECT_EQ(choice.groupedFor(Unit::Share, 1e9), choice);
    const DisplayChoice money = choice.groupedFor(Unit::UsdBillion, 21300.0);
    EXPECT_EQ(money.money, DisplayUnit::RmbTrillion);
    EXPECT_EQ(money.volume, DisplayUnit::TenThousandUnits);
    // RMB states its rate in either step.
    EXPECT_EQ(money.suffix(Unit::UsdBillion, "zh"), "万亿元 (US$1 = \u00A57.10)");
    EXPECT_EQ(choice.suffix(Unit::UsdBillion, "en"), "RMB 100M (US$1 = \u00A57.10)");
    EXPECT_DOUBLE_EQ(money.toShown(3000.0, Unit::UsdBillion), 3.0 * 7.1);
}
