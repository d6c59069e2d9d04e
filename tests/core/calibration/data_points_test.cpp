#include "core/calibration/data_points.h"

#include <gtest/gtest.h>

#include <string>

#include "core/calibration/calibration_error.h"

namespace jevons::core {
namespace {

template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const CalibrationError& e) {
        return e.what();
    }
    return "";
}

TEST(CalibrationDataPoints, SeriesPointsDropMissingYears) {
    const Actuals a = parseActuals("year,x,y\n2019,1,\n2020,,2\n2021,3,4\n", "s.csv");
    const DataPoints x = seriesPoints(a, "x");
    EXPECT_EQ(x.years, (std::vector<int>{2019, 2021}));
    EXPECT_EQ(x.values, (std::vector<double>{1.0, 3.0}));
    EXPECT_EQ(x.source, "'x' in s.csv");
}

TEST(CalibrationDataPoints, AnchorsAndActualsCombine) {
    Scenario s;
    s.anchors.push_back({"share", 2028, 0.25, "tf2025", {}, ""});
    s.anchors.push_back({"share", 2023, 0.16, "tf2025", {}, ""});
    s.anchors.push_back({"other", 2023, 9.0, "", {}, ""});
    const DataPoints anchors = anchorPoints(s, "share");
    EXPECT_EQ(anchors.years, (std::vector<int>{2023, 2028}));
    const DataPoints actuals{{2022, 2023}, {0.12, 0.16}, "'share' in a.csv"};
    const DataPoints both = combine(actuals, anchors);
    EXPECT_EQ(both.years, (std::vector<int>{2022, 2023, 2028}));
    EXPECT_EQ(both.values, (std::vector<double>{0.12, 0.16, 0.25}));
    EXPECT_EQ(both.source, "'share' in a.csv and the anchors of 'share'");

    const DataPoints clash{{2023}, {0.17}, "'share' in b.csv"};
    EXPECT_EQ(errorOf([&] { (void)combine(clash, anchors); }),
              "2023 is 0.17 in 'share' in b.csv but 0.16 in the anchors of 'share': remove one");
}

}  // namespace
}  // namespace jevons::core
