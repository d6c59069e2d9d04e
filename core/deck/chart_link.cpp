#include "core/deck/chart_link.h"

#include "core/text/number_text.h"

#include <array>
#include <charconv>
#include <map>
#include <vector>

namespace jevons::core::deck {
namespace {

constexpr std::string_view kPrefix = "Jevons chart ";
constexpr std::string_view kSeparator = " | ";

constexpr std::array kMoney = {DisplayUnit::UsdBillion, DisplayUnit::UsdMillion,
                               DisplayUnit::UsdHundredMillion, DisplayUnit::RmbHundredMillion};
constexpr std::array kVolume = {DisplayUnit::MillionUnits, DisplayUnit::TenThousandUnits};

template <std::size_t N>
std::optional<DisplayUnit> unitNamed(std::string_view name, const std::array<DisplayUnit, N>& in) {
    for (const DisplayUnit u : in)
        if (displaySuffix(u, "en") == name) return u;
    return std::nullopt;
}

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0;;) {
        const std::size_t next = s.find(kSeparator, at);
        out.push_back(s.substr(at, next == std::string_view::npos ? next : next - at));
        if (next == std::string_view::npos) return out;
        at = next + kSeparator.size();
    }
}

}  // namespace

std::string linkName(const ChartLink& link) {
    std::string out(kPrefix);
    out += link.chart;
    out += std::string(kSeparator) + "scenario=" + link.scenario;
    out += std::string(kSeparator) + "lang=" + link.language;
    out += std::string(kSeparator) + "money=" + displaySuffix(link.units.money, "en");
    out += std::string(kSeparator) + "volume=" + displaySuffix(link.units.volume, "en");
    out += std::string(kSeparator) + "percent=" + std::to_string(link.units.percentDecimals);
    out += std::string(kSeparator) + "cny=" + shortestNumber(link.units.cnyPerUsd);
    return out;
}

std::optional<ChartLink> parseLinkName(std::string_view name) {
    if (!name.starts_with(kPrefix)) return std::nullopt;
    const std::vector<std::string_view> parts = split(name.substr(kPrefix.size()));
    if (parts.size() != 7 || parts[0].empty()) return std::nullopt;
    std::map<std::string_view, std::string_view> fields;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::size_t eq = parts[i].find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        fields[parts[i].substr(0, eq)] = parts[i].substr(eq + 1);
    }
    ChartLink link;
    link.chart = std::string(parts[0]);
    link.scenario = std::string(fields["scenario"]);
    link.language = std::string(fields["lang"]);
    if (link.scenario.empty() || (link.language != "en" && link.language != "zh"))
        return std::nullopt;
    const auto money = unitNamed(fields["money"], kMoney);
    const auto volume = unitNamed(fields["volume"], kVolume);
    if (!money || !volume) return std::nullopt;
    link.units.money = *money;
    link.units.volume = *volume;
    const std::string_view percent = fields["percent"];
    const std::string_view cny = fields["cny"];
    const auto p = std::from_chars(percent.data(), percent.data() + percent.size(),
                                   link.units.percentDecimals);
    const auto c = std::from_chars(cny.data(), cny.data() + cny.size(), link.units.cnyPerUsd);
    if (p.ec != std::errc() || p.ptr != percent.data() + percent.size() || c.ec != std::errc() ||
        c.ptr != cny.data() + cny.size())
        return std::nullopt;
    if (sanitized(link.units) != link.units) return std::nullopt;
    return link;
}

}  // namespace jevons::core::deck
