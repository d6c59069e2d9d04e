#include "core/text/number_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace jevons::core {
namespace {

std::string groupThousands(const std::string& digits) {
    const bool negative = !digits.empty() && digits.front() == '-';
    const std::string body = negative ? digits.substr(1) : digits;
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (i > 0 && (body.size() - i) % 3 == 0) out += ',';
        out += body[i];
    }
    return negative ? "-" + out : out;
}

// Decimal places of the part of a format code between the first '.' and the next non-'0'.
int decimalsOf(std::string_view code) {
    const auto dot = code.find('.');
    if (dot == std::string_view::npos) return 0;
    int n = 0;
    for (std::size_t i = dot + 1; i < code.size() && code[i] == '0'; ++i) ++n;
    return n;
}

}  // namespace

std::string shortestNumber(double value) {
    if (!std::isfinite(value)) throw std::domain_error("a number to write is not finite");
    if (value == 0.0) return "0";
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string num(double value, int significant) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::general, std::clamp(significant, 1, 17));
    return std::string(buffer.data(), result.ptr);
}

std::string fixedNumber(double value, int decimals) {
    if (!std::isfinite(value)) throw std::domain_error("a number to write is not finite");
    std::array<char, 400> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, decimals);
    std::string out(buffer.data(), result.ptr);
    // "-0.0" reads badly on a slide.
    if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
    return out;
}

std::string formatAs(double value, std::string_view formatCode) {
    // A leading sign is a literal, as in Excel: "+0.0" writes 4.2 as "+4.2", "-0.0" as "-4.2"
    // (a waterfall's falling bars hold their size).
    if (!formatCode.empty() && (formatCode.front() == '+' || formatCode.front() == '-'))
        return formatCode.front() + formatAs(value, formatCode.substr(1));
    const bool percent = formatCode.find('%') != std::string_view::npos;
    const int decimals = decimalsOf(formatCode);
    std::string text = fixedNumber(percent ? value * 100.0 : value, decimals);
    if (formatCode.find("#,##") != std::string_view::npos) {
        const auto dot = text.find('.');
        text = groupThousands(text.substr(0, dot)) +
               (dot == std::string::npos ? "" : text.substr(dot));
    }
    if (percent) return text + "%";
    if (formatCode.find("\"x\"") != std::string_view::npos) return text + "x";
    return text;
}

}  // namespace jevons::core
