#include "core/deck/workbook.h"

#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace jevons::core;
using namespace jevons::core::deck;
using namespace jevons::core::deck::testing;

namespace {

nlohmann::json readWorkbook(const std::string& path) {
    const RunResult r = run(std::string(kPython) + " " + JEVONS_SOURCE_DIR +
                            "/tests/core/deck/read_workbook.py " + quoted(path));
    if (r.status != 0) throw std::runtime_error("read_workbook.py failed: " + r.output);
    return nlohmann::json::parse(r.output);
}

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

TEST(Workbook, LeavesNoTemporaryFile) {
    const TempDir dir;
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", dir.path().c_str(), 1);
    const std::string bytes = workbookBytes(twoSeries());
    if (old)
        ::setenv("TMPDIR", saved.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    EXPECT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    EXPECT_TRUE(fs::is_empty(dir.path()));
}
