#include "core/units/unit.h"

#include "core/text/number_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace jevons::core {
namespace {
constexpr std::array<std::pair<Unit, std::string_view>, 9> kTokens{{
    {Unit::Number, "number"},
    {Unit::UsdBillion, "US$B"},
    {Unit::UsdMillion, "US$M"},
    {Unit::MillionUnits, "M units"},
    {Unit::Share, "share"},
    {Unit::Rate, "rate"},
    {Unit::Year, "year"},
    {Unit::Multiple, "x"},
    {Unit::Index, "index"},
}};

// Stored money in US$B per stored unit.
double usdBillionsPer(Unit unit) { return unit == Unit::UsdMillion ? 1e-3 : 1.0; }
}  // namespace

std::string_view unitToken(Unit unit) {
    for (const auto& [u, token] : kTokens)
        if (u == unit) return token;
    return "number";
}

std::optional<Unit> unitFromToken(std::string_view token) {
    for (const auto& [u, t] : kTokens)
        if (t == token) return u;
    return std::nullopt;
}

std::string knownUnitTokens() {
    std::string out;
    for (const auto& [u, token] : kTokens) {
        if (!out.empty()) out += ", ";
        out += token;
    }
    return out;
}

Dimension dimensionOf(Unit unit) {
    switch (unit) {
        case Unit::UsdBillion:
        case Unit::UsdMillion:
            return Dimension::Money;
        case Unit::MillionUnits:
            return Dimension::Volume;
        case Unit::Share:
        case Unit::Rate:
            return Dimension::Fraction;
        case Unit::Year:
            return Dimension::Time;
        case Unit::Number:
        case Unit::Multiple:
        case Unit::Index:
            return Dimension::Pure;
    }
    return Dimension::Pure;
}

double lowerBound(Unit unit) {
    switch (unit) {
        case Unit::UsdBillion:
        case Unit::UsdMillion:
        case Unit::MillionUnits:
        case Unit::Share:
        case Unit::Index:
            return 0.0;
        case Unit::Rate:
            return -1.0;
        default:
            return -std::numeric_limits<double>::infinity();
    }
}

double upperBound(Unit unit) {
    return unit == Unit::Share ? 1.0 : std::numeric_limits<double>::infinity();
}

DisplayUnit defaultDisplay(Unit unit) {
    switch (unit) {
        case Unit::UsdBillion:
            return DisplayUnit::UsdBillion;
        case Unit::UsdMillion:
            return DisplayUnit::UsdMillion;
        case Unit::MillionUnits:
            return DisplayUnit::MillionUnits;
        case Unit::Share:
        case Unit::Rate:
            return DisplayUnit::Percent;
        default:
            return DisplayUnit::Plain;
    }
}

bool compatible(Unit unit, DisplayUnit display) {
    switch (display) {
        case DisplayUnit::UsdBillion:
        case DisplayUnit::UsdMillion:
        case DisplayUnit::UsdHundredMillion:
        case DisplayUnit::RmbHundredMillion:
        case DisplayUnit::UsdTrillion:
        case DisplayUnit::RmbTrillion:
            return dimensionOf(unit) == Dimension::Money;
        case DisplayUnit::MillionUnits:
        case DisplayUnit::TenThousandUnits:
        case DisplayUnit::HundredMillionUnits:
            return dimensionOf(unit) == Dimension::Volume;
        case DisplayUnit::Percent:
            return dimensionOf(unit) == Dimension::Fraction;
        case DisplayUnit::Plain:
            return true;
    }
    return false;
}

double toDisplay(double value, Unit unit, DisplayUnit display, double cnyPerUsd) {
    if (!compatible(unit, display)) return value;
    const double usdB = value * usdBillionsPer(unit);
    switch (display) {
        case DisplayUnit::UsdBillion:
            return usdB;
        case DisplayUnit::UsdMillion:
            return usdB * 1e3;
        case DisplayUnit::UsdHundredMillion:
            return usdB * 10.0;
        case DisplayUnit::RmbHundredMillion:
            return usdB * 10.0 * cnyPerUsd;
        case DisplayUnit::UsdTrillion:
            return usdB * 1e-3;
        case DisplayUnit::RmbTrillion:
            return usdB * 1e-3 * cnyPerUsd;
        case DisplayUnit::HundredMillionUnits:
            return value * 0.01;
        case DisplayUnit::MillionUnits:
            return value;
        case DisplayUnit::TenThousandUnits:
            return value * 100.0;
        case DisplayUnit::Percent:
            return value * 100.0;
        case DisplayUnit::Plain:
            return value;
    }
    return value;
}

double largestStorable(Unit unit) {
    double factor = 1.0;  // the largest display unit per stored unit
    for (const DisplayUnit d :
         {DisplayUnit::UsdBillion, DisplayUnit::UsdMillion, DisplayUnit::UsdHundredMillion,
          DisplayUnit::RmbHundredMillion, DisplayUnit::MillionUnits, DisplayUnit::TenThousandUnits,
          DisplayUnit::UsdTrillion, DisplayUnit::RmbTrillion, DisplayUnit::HundredMillionUnits,
          DisplayUnit::Percent})
        if (compatible(unit, d))
            factor = std::max(factor, std::abs(toDisplay(1.0, unit, d, kMaxCnyPerUsd)));
    return std::numeric_limits<double>::max() / factor / 1e7;
}

double fromDisplay(double shown, Unit unit, DisplayUnit display, double cnyPerUsd) {
    const double one = toDisplay(1.0, unit, display, cnyPerUsd);
    return one == 0.0 ? shown : shown / one;
}

std::string displaySuffix(DisplayUnit display, std::string_view language) {
    const bool zh = language == "zh";
    switch (display) {
        case DisplayUnit::UsdBillion:
            return zh ? "十亿美元" : "US$B";
        case DisplayUnit::UsdMillion:
            return zh ? "百万美元" : "US$M";
        case DisplayUnit::UsdHundredMillion:
            return "亿美元";
        case DisplayUnit::RmbHundredMillion:
            return zh ? "亿元" : "RMB 100M";
        case DisplayUnit::MillionUnits:
            return zh ? "百万台" : "M units";
        case DisplayUnit::TenThousandUnits:
            return "万台";
        case DisplayUnit::UsdTrillion:
            return "万亿美元";
        case DisplayUnit::RmbTrillion:
            return zh ? "万亿元" : "RMB tn";
        case DisplayUnit::HundredMillionUnits:
            return "亿台";
        case DisplayUnit::Percent:
            return "%";
        case DisplayUnit::Plain:
            return "";
    }
    return "";
}

DisplayUnit groupedUnit(DisplayUnit display, double largestShown) {
    if (!(std::abs(largestShown) >= 1e4)) return display;
    switch (display) {
        case DisplayUnit::UsdHundredMillion:
            return DisplayUnit::UsdTrillion;
        case DisplayUnit::RmbHundredMillion:
            return DisplayUnit::RmbTrillion;
        case DisplayUnit::TenThousandUnits:
            return DisplayUnit::HundredMillionUnits;
        default:
            return display;
    }
}

bool isGroupedUnit(DisplayUnit display) {
    return display == DisplayUnit::UsdTrillion || display == DisplayUnit::RmbTrillion ||
           display == DisplayUnit::HundredMillionUnits;
}

std::string formatValue(double value, Unit unit, DisplayUnit display, int decimals,
                        std::string_view language) {
    const double shown = toDisplay(value, unit, display);
    std::string out = std::isfinite(shown) ? fixedNumber(shown, decimals) : num(shown);
    const std::string suffix = displaySuffix(display, language);
    if (suffix.empty()) return out;
    if (display == DisplayUnit::Percent) return out + suffix;
    return out + " " + suffix;
}

}  // namespace jevons::core
