#pragma once
// Helpers for the deck tests: temporary folders, running the checking tools (xmllint, python's
// zipfile and openpyxl, LibreOffice, poppler), and the default forecast.
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace jevons::core::deck::testing {

namespace fs = std::filesystem;

/// Debian's python modules (openpyxl) belong to /usr/bin/python3, not a python3 on PATH.
inline constexpr const char* kPython = "/usr/bin/python3";

/// A fresh folder under the temp dir, removed with the object.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "jevons-deck-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const {
        return (m_path / name).string();
    }

private:
    fs::path m_path;
};

inline std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct RunResult {
    int status = -1;
    std::string output;  ///< stdout and stderr
};

/// Run a shell command; returns its exit status and combined output.
inline RunResult run(const std::string& command) {
    RunResult r;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        r.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

/// The sheets and cells of an .xlsx as openpyxl reads them (read_workbook.py): {"sheets": [...],
/// "cells": {"A1": ...}}. Throws when the script fails.
inline nlohmann::json readWorkbook(const std::string& path) {
    const RunResult r = run(std::string(kPython) + " " + JEVONS_SOURCE_DIR +
                            "/tests/core/deck/read_workbook.py " + quoted(path));
    if (r.status != 0) throw std::runtime_error("read_workbook.py failed: " + r.output);
    return nlohmann::json::parse(r.output);
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

/// Extract a zip archive into `dir` with python's zipfile (no unzip binary needed).
inline void unzip(const std::string& archive, const fs::path& dir) {
    const RunResult r = run(std::string(kPython) + " -m zipfile -e " + quoted(archive) + " " +
                            quoted(dir.string()));
    ASSERT_EQ(r.status, 0) << r.output;
}

/// Names of the entries of a zip archive, in archive order.
inline std::vector<std::string> zipNames(const std::string& archive) {
    const RunResult r = run(
        std::string(kPython) +
        " -c 'import sys, zipfile; print(\"\\n\".join(zipfile.ZipFile(sys.argv[1]).namelist()))' " +
        quoted(archive));
    std::vector<std::string> names;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) names.push_back(line);
    return names;
}

/// The transitional OOXML schemas, kept in the repository (tests/data/ooxml-xsd/README.md).
inline fs::path schemaDir() { return fs::path(JEVONS_SOURCE_DIR) / "tests" / "data" / "ooxml-xsd"; }

/// xmllint's verdict on `file` against `schema` ("pml.xsd", "dml-chart.xsd"); empty = valid.
inline std::string schemaErrors(const fs::path& file, const std::string& schema) {
    const RunResult r = run("xmllint --noout --schema " + quoted((schemaDir() / schema).string()) +
                            " " + quoted(file.string()));
    return r.status == 0 ? std::string() : r.output;
}

/// Files with no name starting with `prefix` + ".tmp-" in `dir` (no temp left behind).
inline std::vector<std::string> tempFilesIn(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos)
            out.push_back(e.path().filename().string());
    return out;
}

inline std::string defaultForecastPath() {
    return std::string(JEVONS_SOURCE_DIR) + "/forecasts/default.json";
}

inline const Model& defaultModel() {
    static const Model model = Model::compile(loadScenarioFile(defaultForecastPath()));
    return model;
}

/// Numbers cached in one chart part, one vector per series (c:ser order), indexed by point;
/// points left out come back as NaN.
inline std::vector<std::vector<double>> cachedValues(const std::string& chartXml) {
    std::vector<std::vector<double>> out;
    const std::regex ser("<c:ser>([\\s\\S]*?)</c:ser>");
    const std::regex val("<c:val>([\\s\\S]*?)</c:val>");
    const std::regex count("<c:ptCount val=\"(\\d+)\"/>");
    const std::regex pt("<c:pt idx=\"(\\d+)\"><c:v>([^<]*)</c:v></c:pt>");
    for (std::sregex_iterator s(chartXml.begin(), chartXml.end(), ser), end; s != end; ++s) {
        const std::string body = (*s)[1];
        std::smatch v;
        if (!std::regex_search(body, v, val)) continue;
        const std::string values = v[1];
        std::smatch c;
        std::regex_search(values, c, count);
        std::vector<double> row(std::stoul(c[1]), std::numeric_limits<double>::quiet_NaN());
        for (std::sregex_iterator p(values.begin(), values.end(), pt); p != end; ++p)
            row.at(std::stoul((*p)[1])) = std::strtod((*p)[2].str().c_str(), nullptr);
        out.push_back(row);
    }
    return out;
}

}  // namespace jevons::core::deck::testing
