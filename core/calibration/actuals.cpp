#include "core/calibration/actuals.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>

#include "core/calibration/calibration_error.h"

namespace jevons::core {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

/// "line 4, column 2: " (both counted from 1).
std::string at(int line, std::size_t column) {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
}

/// `s` without leading and trailing spaces, tabs and UTF-8 non-breaking spaces.
std::string_view trim(std::string_view s) {
    const auto isSpace = [](std::string_view v, std::size_t i) -> std::size_t {
        if (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\r')) return 1;
        if (i + 1 < v.size() && v[i] == '\xC2' && v[i + 1] == '\xA0') return 2;
        return 0;
    };
    while (const std::size_t n = isSpace(s, 0)) s.remove_prefix(n);
    while (!s.empty()) {
        if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r') {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

/// One physical line split into cells at `sep`; double quotes group a cell ("" is a quote).
std::vector<std::string> splitCells(std::string_view line, char sep) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                cells.back() += ch;
            }
        } else if (ch == '"' && trim(cells.back()).empty()) {
            cells.back().clear();
            quoted = true;
        } else if (ch == sep) {
            cells.emplace_back();
        } else {
            cells.back() += ch;
        }
    }
    for (auto& c : cells) c = std::string(trim(c));
    return cells;
}

bool isMissing(std::string_view cell) {
    std::string lower(cell);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.empty() || lower == "na" || lower == "n/a" || lower == "-" || lower == "null";
}

/// "1,234,567.5" -> "1234567.5" when the commas group digits in threes; otherwise unchanged.
std::string withoutThousands(std::string_view s) {
    const std::size_t comma = s.find(',');
    if (comma == std::string_view::npos) return std::string(s);
    std::size_t start = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    const std::size_t end = std::min(s.find('.'), s.size());
    std::size_t digitsBefore = 0;
    for (std::size_t i = start; i < comma; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::string(s);
        ++digitsBefore;
    }
    if (digitsBefore == 0 || digitsBefore > 3) return std::string(s);
    for (std::size_t i = comma; i < end; i += 4) {
        if (s[i] != ',' || i + 4 > end) return std::string(s);
        for (std::size_t j = i + 1; j < i + 4; ++j)
            if (!std::isdigit(static_cast<unsigned char>(s[j]))) return std::string(s);
    }
    std::string out;
    for (const char ch : s)
        if (ch != ',') out += ch;
    return out;
}

/// The number in a cell; NaN for a missing cell. Throws with line and column otherwise.
double parseNumber(std::string_view cell, int line, std::size_t column) {
    if (isMissing(cell)) return kMissing;
    std::string text = withoutThousands(cell);
    double scale = 1.0;
    if (!text.empty() && text.back() == '%') {
        text = std::string(trim(std::string_view(text).substr(0, text.size() - 1)));
        scale = 0.01;
    }
    if (!text.empty() && text[0] == '+') text.erase(0, 1);
    double value = 0.0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (text.empty() || ec != std::errc() || ptr != last || !std::isfinite(value)) {
        throw CalibrationError(at(line, column) + "'" + std::string(cell) + "' is not a number");
    }
    return value * scale;
}

struct Period {
    int year = 0;
    int quarter = 0;  // 0 = the whole year
};

/// Four digits as a year, or nullopt.
std::optional<int> fourDigitYear(std::string_view s) {
    if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        }))
        return std::nullopt;
    return std::stoi(std::string(s));
}

/// "2019", "2019Q1", "2019-Q1", "2019 Q1", "Q1 2019"; nullopt if the cell is none of these.
std::optional<Period> parsePeriod(std::string_view cell) {
    std::string s(cell);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (s.size() >= 2 && s[0] == 'Q' && std::isdigit(static_cast<unsigned char>(s[1]))) {
        // "Q1 2019" -> "2019Q1"
        std::string_view rest = trim(std::string_view(s).substr(2));
        if (!rest.empty() && (rest[0] == '-' || rest[0] == '/')) rest.remove_prefix(1);
        s = std::string(trim(rest)) + "Q" + s[1];
    }
    if (const auto y = fourDigitYear(s)) return Period{*y, 0};
    if (s.size() < 6 || s[s.size() - 2] != 'Q') return std::nullopt;
    const auto year = fourDigitYear(std::string_view(s).substr(0, 4));
    const std::string_view sep = trim(std::string_view(s).substr(4, s.size() - 6));
    const int quarter = s.back() - '0';
    if (!year || !(sep.empty() || sep == "-") || quarter < 1 || quarter > 4) return std::nullopt;
    return Period{*year, quarter};
}

struct Row {
    Period period;
    int line = 0;
    std::vector<double> values;
};

/// Rows with quarters summed to calendar years; `note` gets what was done.
std::map<int, std::vector<double>> annualise(const std::vector<Row>& rows,
                                             const std::vector<std::string>& names, Label& note) {
    std::map<int, std::vector<std::vector<double>>> byYear;  // year -> quarter -> series
    for (const Row& r : rows) {
        auto& quarters = byYear[r.period.year];
        quarters.resize(4, std::vector<double>(names.size(), kMissing));
        quarters[static_cast<std::size_t>(r.period.quarter - 1)] = r.values;
    }
    std::map<int, std::vector<double>> out;
    std::vector<std::string> gaps, gapsZh;
    for (const auto& [year, quarters] : byYear) {
        std::vector<double> sums(names.size(), 0.0);
        for (std::size_t s = 0; s < names.size(); ++s) {
            std::string missing;
            for (std::size_t q = 0; q < 4; ++q) {
                if (std::isnan(quarters[q][s])) {
                    missing += (missing.empty() ? "Q" : ", Q") + std::to_string(q + 1);
                } else {
                    sums[s] += quarters[q][s];
                }
            }
            const std::size_t present = static_cast<std::size_t>(
                std::count_if(quarters.begin(), quarters.end(),
                              [s](const std::vector<double>& q) { return !std::isnan(q[s]); }));
            if (present == 0) {
                sums[s] = kMissing;  // a blank year, not an incomplete one
            } else if (!missing.empty()) {
                sums[s] = kMissing;
                gaps.push_back(std::to_string(year) + " '" + names[s] + "' (no " + missing + ")");
                gapsZh.push_back(std::to_string(year) + "年“" + names[s] + "”（缺" + missing +
                                 "）");
            }
        }
        out[year] = sums;
    }
    note.en = "quarters summed to calendar years, as for flows (sales, revenue)";
    note.zh = "季度数据按日历年加总（适用于销售额、收入等流量）";
    if (!gaps.empty()) {
        note.en += "; left out as incomplete:";
        note.zh += "；数据不全而未计入：";
        for (std::size_t i = 0; i < gaps.size(); ++i) {
            note.en += (i ? ", " : " ") + gaps[i];
            note.zh += (i ? "，" : "") + gapsZh[i];
        }
    }
    return out;
}

}  // namespace

std::size_t Actuals::seriesIndex(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw CalibrationError("there is no series '" + std::string(name) + "' in " + source +
                           "; it has: " + known);
}

Actuals parseActuals(std::string_view text, std::string source) {
    if (text.size() > kMaxActualsBytes)
        throw CalibrationError(source + " is over " + std::to_string(kMaxActualsBytes >> 20) +
                               " MiB; at most " + std::to_string(kMaxActualsBytes >> 20) +
                               " MiB of actuals can be read");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::pair<int, std::string_view>> lines;  // (line number, content)
    int number = 0;
    while (!text.empty() || number == 0) {
        const std::size_t end = text.find_first_of("\r\n");
        const std::string_view line = text.substr(0, end);
        ++number;
        if (!trim(line).empty()) lines.emplace_back(number, line);
        if (lines.size() > kMaxActualsRows + 1)  // the header and the rows
            throw CalibrationError(at(number, 1) + "more than " + std::to_string(kMaxActualsRows) +
                                   " rows of data; at most " + std::to_string(kMaxActualsRows) +
                                   " can be read");
        if (end == std::string_view::npos) break;
        const std::size_t skip = text.compare(end, 2, "\r\n") == 0 ? 2 : 1;
        text.remove_prefix(end + skip);
    }
    if (lines.empty())
        throw CalibrationError(source +
                               " is empty: expected a header row like "
                               "'year,sales' and one row per year");

    const auto [headerLine, header] = lines.front();
    const char sep = header.find('\t') != std::string_view::npos  ? '\t'
                     : header.find(',') != std::string_view::npos ? ','
                     : header.find(';') != std::string_view::npos ? ';'
                                                                  : ',';
    std::vector<std::string> cells = splitCells(header, sep);
    if (const auto p = parsePeriod(cells[0])) {
        throw CalibrationError(at(headerLine, 1) +
                               "the first row should be a header like "
                               "'year,sales'; it starts with the period '" +
                               cells[0] + "'");
    }
    while (cells.size() > 1 && cells.back().empty()) cells.pop_back();
    if (cells.size() < 2) {
        throw CalibrationError(at(headerLine, 2) +
                               "the header names no series: expected "
                               "'year,series1,series2,...'");
    }
    if (cells.size() - 1 > kMaxActualsColumns)
        throw CalibrationError(at(headerLine, kMaxActualsColumns + 2) + "the header names " +
                               std::to_string(cells.size() - 1) + " series; at most " +
                               std::to_string(kMaxActualsColumns) + " can be read");
    Actuals out;
    out.source = std::move(source);
    std::map<std::string_view, std::size_t> columnOf;  // name -> column (from 1)
    for (std::size_t c = 1; c < cells.size(); ++c) {
        if (cells[c].empty())
            throw CalibrationError(at(headerLine, c + 1) + "the series has no name");
        if (const auto [it, fresh] = columnOf.emplace(cells[c], c + 1); !fresh)
            throw CalibrationError(at(headerLine, c + 1) + "the series '" + cells[c] +
                                   "' appears twice (also column " + std::to_string(it->second) +
                                   ")");
        out.names.push_back(cells[c]);
    }

    std::vector<Row> rows;
    std::map<std::pair<int, int>, int> seen;  // (year, quarter) -> line
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto [line, content] = lines[i];
        const std::vector<std::string> row = splitCells(content, sep);
        const auto period = parsePeriod(row[0]);
        if (!period) {
            throw CalibrationError(at(line, 1) + "'" + row[0] +
                                   "' is not a year (expected e.g. 2019, 2019Q1 or 2019-Q1)");
        }
        if (!rows.empty() && (period->quarter == 0) != (rows.front().period.quarter == 0)) {
            throw CalibrationError(
                at(line, 1) + "'" + row[0] + "' is a " + (period->quarter ? "quarter" : "year") +
                " but line " + std::to_string(rows.front().line) + " has a " +
                (period->quarter ? "year" : "quarter") + ": use years or quarters, not both");
        }
        const auto [it, fresh] = seen.emplace(std::make_pair(period->year, period->quarter), line);
        if (!fresh) {
            throw CalibrationError(at(line, 1) + "'" + row[0] + "' appears again (first on line " +
                                   std::to_string(it->second) + ")");
        }
        Row r{*period, line, std::vector<double>(out.names.size(), kMissing)};
        for (std::size_t c = 1; c < row.size(); ++c) {
            if (c > out.names.size()) {
                if (!row[c].empty()) {
                    throw CalibrationError(at(line, c + 1) + "'" + row[c] +
                                           "' has no series name above it in the header");
                }
                continue;
            }
            r.values[c - 1] = parseNumber(row[c], line, c + 1);
        }
        rows.push_back(std::move(r));
    }
    if (rows.empty()) {
        throw CalibrationError(out.source + " has a header but no data rows below it");
    }

    std::map<int, std::vector<double>> annual;
    if (rows.front().period.quarter != 0) {
        annual = annualise(rows, out.names, out.note);
    } else {
        for (const Row& r : rows) annual[r.period.year] = r.values;
    }
    out.values.assign(out.names.size(), {});
    for (const auto& [year, values] : annual) {
        out.years.push_back(year);
        for (std::size_t s = 0; s < values.size(); ++s) out.values[s].push_back(values[s]);
    }
    return out;
}

Actuals readActualsFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CalibrationError("cannot read the actuals file " + path);
    std::string content(kMaxActualsBytes + 1, '\0');  // one byte more tells a larger file
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    if (in.bad()) throw CalibrationError("cannot read the actuals file " + path);
    content.resize(static_cast<std::size_t>(in.gcount()));
    return parseActuals(content, path);
}

}  // namespace jevons::core
