#include "core/deck/workbook.h"

#include "core/io/stale_temporaries.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

ChartPlan twoSeries() {
    ChartPlan c;
    c.id = "t";
    c.categories = {"2023", "2024", "2025"};
    c.series = {{"ASIC & co <x>", {6.6, NAN, 12.25}, AxisSide::Primary, "0.0"},
                {"份额", {0.16, 0.18, 0.2}, AxisSide::Secondary, "0.0%"}};
    c.kind = ChartKind::Combo;
    return c;
}

}  // namespace

TEST(Workbook, ColumnLettersAndFormulas) {
    EXPECT_EQ(columnLetters(0), "A");
    EXPECT_EQ(columnLetters(25), "Z");
    EXPECT_EQ(columnLetters(26), "AA");
    EXPECT_EQ(columnLetters(701), "ZZ");
    EXPECT_EQ(columnLetters(702), "AAA");
    const ChartPlan c = twoSeries();
    EXPECT_EQ(categoriesFormula(c), "Sheet1!$A$2:$A$4");
    EXPECT_EQ(seriesNameFormula(1), "Sheet1!$C$1");
    EXPECT_EQ(seriesValuesFormula(c, 0), "Sheet1!$B$2:$B$4");
}

TEST(Workbook, HoldsTheChartsNumbersInItsFormats) {
    const TempDir dir;
    const std::string path = dir.file("book.xlsx");
    writeFile(path, workbookBytes(twoSeries()));
    const nlohmann::json book = readWorkbook(path);
    EXPECT_EQ(book["sheets"], nlohmann::json::array({"Sheet1"}));
    const auto& cells = book["cells"];
    EXPECT_EQ(cells["A2"], "2023");
    EXPECT_EQ(cells["A4"], "2025");
    EXPECT_EQ(cells["B1"], "ASIC & co <x>");
    EXPECT_EQ(cells["C1"], "份额");
    EXPECT_EQ(cells["B2"].get<double>(), 6.6);
    EXPECT_FALSE(cells.contains("B3"));  // missing value: empty cell
    EXPECT_EQ(cells["B4"].get<double>(), 12.25);
    EXPECT_EQ(cells["C3"].get<double>(), 0.18);
    EXPECT_EQ(book["formats"]["B2"], "0.0");
    EXPECT_EQ(book["formats"]["C2"], "0.0%");
}

/// Sets TMPDIR for as long as it lives.
class TmpdirOverride {
public:
    explicit TmpdirOverride(const fs::path& dir) {
        const char* old = std::getenv("TMPDIR");
        m_had = old != nullptr;
        m_saved = old ? old : "";
        ::setenv("TMPDIR", dir.c_str(), 1);
    }
    ~TmpdirOverride() {
        if (m_had)
            ::setenv("TMPDIR", m_saved.c_str(), 1);
        else
            ::unsetenv("TMPDIR");
    }
    TmpdirOverride(const TmpdirOverride&) = delete;
    TmpdirOverride& operator=(const TmpdirOverride&) = delete;

private:
    bool m_had = false;
    std::string m_saved;
};

TEST(Workbook, LeavesNoTemporaryFile) {
    const TempDir dir;
    const TmpdirOverride tmpdir(dir.path());
    const std::string bytes = workbookBytes(twoSeries());
    EXPECT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(Workbook, RemovesTheScratchFileOfADeadWriterButNotOfALiveOne) {
    // A deck writer killed while writing a workbook leaves its scratch file; one in use is held.
    const TempDir dir;
    const TmpdirOverride tmpdir(dir.path());
    std::string dead = (dir.path() / "jevons-workbook.tmp-XXXXXX").string();
    ::close(::mkstemp(dead.data()));
    std::string live = (dir.path() / "jevons-workbook.tmp-XXXXXX").string();
    const int liveFd = ::mkstemp(live.data());
    ASSERT_TRUE(jevons::core::markTemporaryInFlight(liveFd));
    // In another process, for which this one's flock counts.
    const pid_t child = ::fork();
    if (child == 0) std::_Exit(workbookBytes(twoSeries()).substr(0, 2) == "PK" ? 0 : 1);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_FALSE(fs::exists(dead));
    EXPECT_TRUE(fs::exists(live));
    ::close(liveFd);
}
