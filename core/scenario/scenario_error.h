#pragma once
// The one error type a strategist sees for a bad forecast file or an impossible model.
#include <stdexcept>
#include <string>

namespace jevons::core {

/// @brief A problem in a scenario, located as precisely as known.
/// what() reads "file:line:column: path: detail", omitting the parts that are unknown, e.g.
/// "asic.json:41:18: series.asic_share.through[1]: 0.55 is at or above the ceiling 0.5".
class ScenarioError : public std::runtime_error {
public:
    /// @param path JSON path in dotted form ("series.asic_share.through[1]"); "" = whole file.
    /// @param line 1-based; 0 = unknown. @param column 1-based; 0 = unknown.
    ScenarioError(std::string file, std::string path, int line, int column, std::string detail)
        : std::runtime_error(compose(file, path, line, column, detail)),
          m_file(std::move(file)),
          m_path(std::move(path)),
          m_line(line),
          m_column(column),
          m_detail(std::move(detail)) {}
    /// @brief An error found without a file at hand (evaluation): path and detail only.
    ScenarioError(std::string path, std::string detail)
        : ScenarioError("", std::move(path), 0, 0, std::move(detail)) {}

    [[nodiscard]] const std::string& file() const { return m_file; }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] int line() const { return m_line; }
    [[nodiscard]] int column() const { return m_column; }
    [[nodiscard]] const std::string& detail() const { return m_detail; }

    /// @brief The same error, placed in `file` at `line`:`column` (used by the loader).
    [[nodiscard]] ScenarioError locatedIn(std::string file, int line, int column) const {
        return {std::move(file), m_path, line, column, m_detail};
    }

private:
    static std::string compose(const std::string& file, const std::string& path, int line,
                               int column, const std::string& detail) {
        std::string out;
        if (!file.empty()) out += file + ":";
        if (line > 0) out += std::to_string(line) + ":";
        if (line > 0 && column > 0) out += std::to_string(column) + ":";
        if (!out.empty()) out += " ";
        if (!path.empty()) out += path + ": ";
        return out + detail;
    }
    std::string m_file;
    std::string m_path;
    int m_line;
    int m_column;
    std::string m_detail;
};

}  // namespace jevons::core
