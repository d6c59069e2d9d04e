#include "core/deck/workbook.h"

#include "core/deck/deck_error.h"
#include "core/io/stale_temporaries.h"

#include <xlsxwriter.h>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace jevons::core::deck {
namespace {

std::string cell(std::size_t column, std::size_t row) {
    return "$" + columnLetters(column) + "$" + std::to_string(row + 1);
}

// libxlsxwriter 1.1 writes a workbook only to a file: a scratch file in the temporary folder,
// removed however the function leaves. A deck writer killed meanwhile leaves it behind, so it is
// named and held like the atomic writer's temporaries (core/io/stale_temporaries.h), and making
// one removes those of dead writers.
struct ScratchFile {
    std::string path;
    int fd = -1;  ///< holds the flock that marks the file as in use
    ~ScratchFile() {
        if (!path.empty()) ::unlink(path.c_str());
        if (fd >= 0) ::close(fd);
    }
};

ScratchFile makeScratchFile(const std::string& chartId) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    const std::string base = (dir / "jevons-workbook").string();
    (void)removeStaleTemporaries(base);
    std::string name = base + ".tmp-XXXXXX";
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0)
        throw DeckError("cannot write the workbook of chart '" + chartId + "' in " + dir.string() +
                        ": " + std::strerror(errno));
    (void)markTemporaryInFlight(fd);
    return ScratchFile{name, fd};
}

std::string readAll(const std::string& path, const std::string& chartId) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw DeckError("cannot read back the workbook of chart '" + chartId + "'");
    return bytes;
}

}  // namespace

std::string columnLetters(std::size_t column) {
    std::string out;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::string categoriesFormula(const ChartPlan& chart) {
    return std::string(kSheetName) + "!" + cell(0, 1) + ":" + cell(0, chart.categories.size());
}

std::string seriesNameFormula(std::size_t series) {
    return std::string(kSheetName) + "!" + cell(series + 1, 0);
}

std::string seriesValuesFormula(const ChartPlan& chart, std::size_t series) {
    return std::string(kSheetName) + "!" + cell(series + 1, 1) + ":" +
           cell(series + 1, chart.categories.size());
}

std::string workbookBytes(const ChartPlan& chart) {
    const ScratchFile file = makeScratchFile(chart.id);
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(file.path.c_str(), &options);
    if (!book) throw DeckError("cannot create the workbook of chart '" + chart.id + "'");
    lxw_worksheet* sheet = workbook_add_worksheet(book, std::string(kSheetName).c_str());
    lxw_error status = sheet ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
    for (std::size_t r = 0; r < chart.categories.size() && status == LXW_NO_ERROR; ++r)
        status = worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), 0,
                                        chart.categories[r].c_str(), nullptr);
    for (std::size_t s = 0; s < chart.series.size() && status == LXW_NO_ERROR; ++s) {
        const PlanSeries& series = chart.series[s];
        const auto col = static_cast<lxw_col_t>(s + 1);
        lxw_format* format = workbook_add_format(book);
        format_set_num_format(format, series.numberFormat.c_str());
        status = worksheet_write_string(sheet, 0, col, series.name.c_str(), nullptr);
        for (std::size_t r = 0; r < series.values.size() && status == LXW_NO_ERROR; ++r) {
            if (!std::isfinite(series.values[r])) continue;  // a missing value is an empty cell
            status = worksheet_write_number(sheet, static_cast<lxw_row_t>(r + 1), col,
                                            series.values[r], format);
        }
    }
    if (status == LXW_NO_ERROR && !chart.series.empty())
        status = worksheet_set_column(sheet, 1, static_cast<lxw_col_t>(chart.series.size()), 14,
                                      nullptr);
    const lxw_error closed = workbook_close(book);  // frees `book` in every case
    if (status == LXW_NO_ERROR) status = closed;
    if (status != LXW_NO_ERROR)
        throw DeckError("cannot write the workbook of chart '" + chart.id +
                        "': " + lxw_strerror(status));
    return readAll(file.path, chart.id);
}

}  // namespace jevons::core::deck
