#include "core/calibration/actuals.h"

#include <gtest/gtest.h>

#include <cmath>
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

TEST(Actuals, ParsesCsvWithBlanksAsMissing) {
    const Actuals a =
        parseActuals("year,glasses,asic\n2022,1.1,\n2023,,6.6\n2024,2.34,9.1\n", "sales.csv");
    EXPECT_EQ(a.years, (std::vector<int>{2022, 2023, 2024}));
    EXPECT_EQ(a.names, (std::vector<std::string>{"glasses", "asic"}));
    ASSERT_EQ(a.values.size(), 2u);
    EXPECT_DOUBLE_EQ(a.values[0][0], 1.1);
    EXPECT_TRUE(std::isnan(a.values[0][1]));
    EXPECT_DOUBLE_EQ(a.values[0][2], 2.34);
    EXPECT_TRUE(std::isnan(a.values[1][0]));
    EXPECT_DOUBLE_EQ(a.values[1][2], 9.1);
    EXPECT_EQ(a.source, "sales.csv");
    EXPECT_TRUE(a.note.empty());
}

TEST(Actuals, PastedCellsAreTabSeparatedWithThousandsSeparators) {
    // As copied from a spreadsheet: tabs, "1,234" formatting, CRLF, trailing empty cells.
    const Actuals a = parseActuals(
        "Year\tUnits\tRevenue\t\r\n2019\t1,234\t2,345,678.5\t\r\n"
        "2020\t987\tn/a\r\n");
    EXPECT_EQ(a.names, (std::vector<std::string>{"Units", "Revenue"}));
    EXPECT_DOUBLE_EQ(a.values[0][0], 1234.0);
    EXPECT_DOUBLE_EQ(a.values[1][0], 2345678.5);
    EXPECT_DOUBLE_EQ(a.values[0][1], 987.0);
    EXPECT_TRUE(std::isnan(a.values[1][1]));
    EXPECT_EQ(a.source, "pasted data");
}

TEST(Actuals, QuotedCsvCellsAndPercentages) {
    const Actuals a = parseActuals("year,\"sales, M\",share\n2024,\"1,500\",25%\n");
    EXPECT_EQ(a.names[0], "sales, M");
    EXPECT_DOUBLE_EQ(a.values[0][0], 1500.0);
    EXPECT_DOUBLE_EQ(a.values[1][0], 0.25);
}

TEST(Actuals, IgnoresByteOrderMarkAndBlankLines) {
    const Actuals a = parseActuals("\xEF\xBB\xBFyear,x\n\n2020,1\n\n2021,2\n");
    EXPECT_EQ(a.names, (std::vector<std::string>{"x"}));
    EXPECT_EQ(a.years, (std::vector<int>{2020, 2021}));
}

TEST(Actuals, SortsYears) {
    const Actuals a = parseActuals("year,x\n2021,2\n2019,1\n");
    EXPECT_EQ(a.years, (std::vector<int>{2019, 2021}));
    EXPECT_DOUBLE_EQ(a.values[0][0], 1.0);
}

TEST(Actuals, QuartersAreSummedToYearsAndSaySo) {
    const Actuals a = parseActuals(
        "period,sales\n2019Q1,1\n2019-Q2,2\n2019 q3,3\nQ4 2019,4\n2020Q1,5\n2020Q2,6\n");
    EXPECT_EQ(a.years, (std::vector<int>{2019, 2020}));
    EXPECT_DOUBLE_EQ(a.values[0][0], 10.0);
    EXPECT_TRUE(std::isnan(a.values[0][1]));  // Q3 and Q4 2020 are missing
    EXPECT_EQ(a.note.en,
              "quarters summed to calendar years, as for flows (sales, revenue); left out as "
              "incomplete: 2020 'sales' (no Q3, Q4)");
}

TEST(Actuals, AQuarterlyYearWithNoValuesIsMissingNotIncomplete) {
    const Actuals a = parseActuals("q\tx\ty\n2020Q1\t1\t\n2020Q2\t1\t\n2020Q3\t1\t\n2020Q4\t1\t\n");
    EXPECT_DOUBLE_EQ(a.values[0][0], 4.0);
    EXPECT_TRUE(std::isnan(a.values[1][0]));
    EXPECT_EQ(a.note.en, "quarters summed to calendar years, as for flows (sales, revenue)");
}

TEST(Actuals, BadNumberNamesLineAndColumn) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a,b\n2019,1,2\n2020,3,4\n2021,abc,5\n"); }),
              "line 4, column 2: 'abc' is not a number");
    // A European decimal comma is not a thousands separator.
    EXPECT_EQ(errorOf([] { (void)parseActuals("year\tx\n2019\t1,5\n"); }),
              "line 2, column 2: '1,5' is not a number");
}

TEST(Actuals, LineNumbersCountBlankLinesAndTheByteOrderMark) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("\xEF\xBB\xBFyear,a\n\n2019,x\n"); }),
              "line 3, column 2: 'x' is not a number");
}

TEST(Actuals, BadYear) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a\n2019,1\n20x9,2\n"); }),
              "line 3, column 1: '20x9' is not a year (expected e.g. 2019, 2019Q1 or 2019-Q1)");
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a\n2019Q5,1\n"); }),
              "line 2, column 1: '2019Q5' is not a year (expected e.g. 2019, 2019Q1 or 2019-Q1)");
}

TEST(Actuals, RepeatedYear) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a\n2019,1\n2020,2\n2019,3\n"); }),
              "line 4, column 1: '2019' appears again (first on line 2)");
}

TEST(Actuals, YearsAndQuartersMixed) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a\n2019Q1,1\n2020,2\n"); }),
              "line 3, column 1: '2020' is a year but line 2 has a quarter: use years or "
              "quarters, not both");
}

TEST(Actuals, MissingHeader) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("2019,1\n2020,2\n"); }),
              "line 1, column 1: the first row should be a header like 'year,sales'; it starts "
              "with the period '2019'");
    EXPECT_EQ(errorOf([] { (void)parseActuals("year\n2019\n"); }),
              "line 1, column 2: the header names no series: expected 'year,series1,series2,...'");
}

TEST(Actuals, HeaderProblems) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a,,b\n2019,1,2,3\n"); }),
              "line 1, column 3: the series has no name");
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a,a\n2019,1,2\n"); }),
              "line 1, column 3: the series 'a' appears twice (also column 2)");
}

TEST(Actuals, CellBeyondTheHeader) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a\n2019,1,2\n"); }),
              "line 2, column 3: '2' has no series name above it in the header");
}

TEST(Actuals, EmptyInput) {
    EXPECT_EQ(errorOf([] { (void)parseActuals("", "x.csv"); }),
              "x.csv is empty: expected a header row like 'year,sales' and one row per year");
    EXPECT_EQ(errorOf([] { (void)parseActuals("year,a\n", "x.csv"); }),
              "x.csv has a header but no data rows below it");
}

TEST(Actuals, UnknownSeriesListsTheKnownOnes) {
    const Actuals a = parseActuals("year,a,b\n2019,1,2\n", "x.csv");
    EXPECT_EQ(a.seriesIndex("b"), 1u);
    EXPECT_EQ(errorOf([&] { (void)a.seriesIndex("c"); }),
              "there is no series 'c' in x.csv; it has: a, b");
}

// Bounds (issue 17, item 1): text, columns and rows beyond them are refused, saying which.
TEST(Actuals, TextOverTheBoundIsRefused) {
    const std::string text = "year,a\n2019,1\n" + std::string(kMaxActualsBytes, '\n');
    EXPECT_EQ(errorOf([&] { (void)parseActuals(text, "big.csv"); }),
              "big.csv is over 16 MiB; at most 16 MiB of actuals can be read");
}

TEST(Actuals, ColumnsOverTheBoundAreRefused) {
    const auto table = [](std::size_t columns) {
        std::string header = "year";
        std::string row = "2019";
        for (std::size_t c = 0; c < columns; ++c) {
            header += ",s" + std::to_string(c);
            row += ",1";
        }
        return header + "\n" + row + "\n";
    };
    EXPECT_EQ(parseActuals(table(kMaxActualsColumns)).names.size(), kMaxActualsColumns);
    EXPECT_EQ(errorOf([&] { (void)parseActuals(table(kMaxActualsColumns + 1)); }),
              "line 1, column 2002: the header names 2001 series; at most 2000 can be read");
}

TEST(Actuals, RowsOverTheBoundAreRefused) {
    const auto table = [](int rows) {
        std::string text = "year,a\n";
        for (int y = 0; y < rows; ++y) text += std::to_string(1000 + y) + ",1\n";
        return text;
    };
    EXPECT_EQ(parseActuals(table(int(kMaxActualsRows))).years.size(), kMaxActualsRows);
    EXPECT_EQ(errorOf([&] { (void)parseActuals(table(int(kMaxActualsRows) + 1)); }),
              "line 4002, column 1: more than 4000 rows of data; at most 4000 can be read");
}

TEST(Actuals, AFileIsReadOnlyUpToTheBound) {
    // An endless file: read whole, it would never end.
    EXPECT_EQ(errorOf([] { (void)readActualsFile("/dev/zero"); }),
              "/dev/zero is over 16 MiB; at most 16 MiB of actuals can be read");
}

TEST(Actuals, FileThatCannotBeRead) {
    EXPECT_EQ(errorOf([] { (void)readActualsFile("/nonexistent/sales.csv"); }),
              "cannot read the actuals file /nonexistent/sales.csv");
}

}  // namespace
}  // namespace jevons::core
