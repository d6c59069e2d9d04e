// No infinity after unit conversion (issue 17, item 3): a value every display unit could not show
// finite is refused where it enters, naming the field or the series, the year and the unit.
#include "core/eval/model.h"
#include "core/scenario/scenario_error.h"
#include "core/scenario/scenario_json.h"
#include "core/units/display_choice.h"
#include "core/units/unit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace jevons::core {
namespace {

// A forecast with one assumption `huge` (US$B, value `value`) and a series `big` = `expr`.
std::string forecast(const std::string& value, const std::string& expr) {
    return R"({"schema": 1, "meta": {"title": {"en": "t"}}, "years": {"first": 2023, "last": 2025},
        "assumptions": {"huge": {"label": {"en": "huge"}, "value": )" +
           value + R"(, "unit": "US$B", "min": 0, "max": 1e298, "step": 1}},
        "series": {"big": {"label": {"en": "big"}, "unit": "US$B", "kind": "formula",
                           "expr": ")" +
           expr + R"("}}})";
}

// The message of the ScenarioError that loading `text` throws, or "" when it loads.
std::string refusal(const std::string& text) {
    try {
        validateModel(parseScenario(text, "huge.json"));
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

TEST(LargestStorable, EveryDisplayUnitShowsItFinite) {
    for (const Unit u : {Unit::UsdBillion, Unit::UsdMillion, Unit::MillionUnits, Unit::Number,
                         Unit::Share, Unit::Multiple}) {
        const double v = largestStorable(u);
        ASSERT_TRUE(std::isfinite(v));
        for (const DisplayUnit d :
             {DisplayUnit::UsdBillion, DisplayUnit::UsdMillion, DisplayUnit::UsdHundredMillion,
              DisplayUnit::RmbHundredMillion, DisplayUnit::MillionUnits,
              DisplayUnit::TenThousandUnits, DisplayUnit::UsdTrillion, DisplayUnit::RmbTrillion,
              DisplayUnit::HundredMillionUnits, DisplayUnit::Percent}) {
            if (!compatible(u, d)) continue;
            // Shown, and a million of them summed (a stacked total), still finite.
            EXPECT_TRUE(std::isfinite(toDisplay(v, u, d, kMaxCnyPerUsd) * 1e6))
                << unitToken(u) << " as display unit " << static_cast<int>(d);
        }
    }
    // 1e307 US$B is 1e310 US$M: beyond a double.
    EXPECT_LT(largestStorable(Unit::UsdBillion), 1e300);
    EXPECT_FALSE(std::isfinite(toDisplay(1e307, Unit::UsdBillion, DisplayUnit::UsdMillion)));
}

TEST(LargestStorable, AnAssumptionTooLargeToShowIsRefusedAtLoad) {
    const std::string message = refusal(forecast("1e307", "huge"));
    EXPECT_NE(message.find("assumptions.huge.value"), std::string::npos) << message;
    EXPECT_NE(message.find("1e+307 US$B is too large to show"), std::string::npos) << message;
    EXPECT_EQ(refusal(forecast("1e200", "huge")), "");  // large, but every unit shows it
}

TEST(LargestStorable, ASeriesThatGrowsTooLargeIsRefusedWithItsYearAndUnit) {
    // 1e295 US$B loads; the series multiplies it by 1e10 in every year.
    const std::string message = refusal(forecast("1e295", "huge * 1e10"));
    EXPECT_NE(message.find("series.big"), std::string::npos) << message;
    EXPECT_NE(message.find("the 2023 value 1e+305 US$B is too large to show"), std::string::npos)
        << message;
    EXPECT_NE(message.find("overflow a display unit"), std::string::npos) << message;
}

}  // namespace
}  // namespace jevons::core
