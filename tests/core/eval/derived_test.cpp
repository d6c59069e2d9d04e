#include "core/eval/derived.h"

#include <gtest/gtest.h>

using namespace jevons::core;

TEST(Derived, ReportCagrIs45Point41Percent) {
    Eigen::ArrayXd row(6);
    row << 6.6, 9.0, 13.0, 19.0, 28.0, 42.9;
    EXPECT_NEAR(cagrOver(row, {2023, 2028}, 2023, 2028) * 100.0, 45.41, 0.01);
}

TEST(Derived, CagrPerPath) {
    Grid g(2, 3);
    g << 100, 110, 121,  //
        100, 90, 81;
    const Paths r = cagrOver(g, {2020, 2022}, 2020, 2022);
    EXPECT_NEAR(r(0), 0.10, 1e-12);
    EXPECT_NEAR(r(1), -0.10, 1e-12);
}

TEST(Derived, CagrRefusesBadYearsAndNonPositiveValues) {
    Eigen::ArrayXd row(3);
    row << 0.0, 1.0, 2.0;
    EXPECT_THROW((void)cagrOver(row, {2020, 2022}, 2020, 2022), ModelError);
    EXPECT_THROW((void)cagrOver(row, {2020, 2022}, 2021, 2021), ModelError);
    EXPECT_THROW((void)cagrOver(row, {2020, 2022}, 2021, 2030), ModelError);
}

TEST(Derived, ShareOfOneSeriesInAnother) {
    Eigen::ArrayXd part(3), whole(3);
    part << 6.6, 42.9, 1.0;
    whole << 41.25, 171.6, 0.0;
    const Eigen::ArrayXd s = shareOf(part, whole);
    EXPECT_NEAR(s(0), 0.16, 1e-12);
    EXPECT_NEAR(s(1), 0.25, 1e-12);
    EXPECT_EQ(s(2), 0.0);
}
