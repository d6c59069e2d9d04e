#include "core/report/series_table.h"

#include "core/eval/derived.h"
#include "core/plan/chart_plan.h"
#include "core/text/column_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jevons::core {
namespace {

std::string fixed(double v, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

}  // namespace

std::optional<TableFormat> tableFormatNamed(std::string_view name) {
    if (name == "text") return TableFormat::Text;
    if (name == "csv") return TableFormat::Csv;
    if (name == "json") return TableFormat::Json;
    return std::nullopt;
}

SeriesTable buildTable(const Evaluator& evaluator, const TableRequest& request) {
    const Model& model = evaluator.model();
    const YearRange& range = model.years();
    const int from = request.fromYear ? request.fromYear : range.first;
    const int to = request.toYear ? request.toYear : range.last;
    if (!range.contains(from) || !range.contains(to) || from > to)
        throw ScenarioError("years", "the years " + std::to_string(from) + "–" +
                                         std::to_string(to) + " are not within the forecast's " +
                                         std::to_string(range.first) + "–" +
                                         std::to_string(range.last));
    SeriesTable table;
    table.cagr = request.cagr;
    table.language = request.language;
    table.ids = request.ids;
    for (int y = from; y <= to; ++y) table.years.push_back(y);
    std::vector<std::string> refs = request.series;
    if (refs.empty())
        for (const auto& s : model.scenario().series) refs.push_back(s.id);
    for (const auto& ref : refs) {
        const auto r = model.resolve(ref);
        if (!r) throw ScenarioError("series", "there is no series '" + ref + "' in this forecast");
        const auto& def = model.scenario().series[static_cast<std::size_t>(r->series)];
        const Unit unit = model.unitOf(*r);
        const DisplayUnit display = defaultDisplay(unit);
        TableRow row;
        row.ref = ref;
        row.label = def.label.empty() ? ref : planSeriesName(model, *r, request.language);
        row.unit = displaySuffix(display, request.language);
        const Eigen::ArrayXd values = evaluator.values(ref);
        for (int y : table.years)
            row.values.push_back(toDisplay(values(range.column(y)), unit, display));
        if (request.cagr) {
            try {
                row.cagr = cagrOver(values, range, request.cagr->first, request.cagr->second);
            } catch (const ModelError&) {
                row.cagr.reset();  // no CAGR for a series that is zero or negative there
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::string renderTable(const SeriesTable& table, TableFormat format, int decimals) {
    const std::string cagrHeader = table.cagr ? "CAGR " + std::to_string(table.cagr->first) + "-" +
                                                    std::to_string(table.cagr->second)
                                              : "";
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["years"] = table.years;
        j["series"] = nlohmann::ordered_json::array();
        for (const auto& row : table.rows) {
            nlohmann::ordered_json r;
            r["id"] = row.ref;
            r["label"] = row.label;
            r["unit"] = row.unit;
            r["values"] = row.values;
            if (table.cagr) r["cagr"] = row.cagr ? nlohmann::ordered_json(*row.cagr) : nullptr;
            j["series"].push_back(std::move(r));
        }
        return j.dump(2) + "\n";
    }
    std::vector<std::vector<std::string>> cells;
    const bool zh = table.language == "zh";
    std::vector<std::string> header{zh ? "序列" : "series", zh ? "单位" : "unit"};
    for (int y : table.years) header.push_back(std::to_string(y));
    if (table.cagr) header.push_back(cagrHeader);
    cells.push_back(header);
    for (const auto& row : table.rows) {
        std::vector<std::string> line{table.ids ? row.ref : row.label, row.unit};
        for (double v : row.values)  // a year without a value: "-" to read, an empty CSV cell
            line.push_back(!std::isnan(v)               ? fixed(v, decimals)
                           : format == TableFormat::Csv ? std::string()
                                                        : std::string("-"));
        if (table.cagr)
            line.push_back(row.cagr ? fixed(*row.cagr * 100.0, 1) + "%" : zh ? "无" : "n/a");
        cells.push_back(std::move(line));
    }
    std::string out;
    if (format == TableFormat::Csv) {
        for (const auto& line : cells) {
            for (std::size_t c = 0; c < line.size(); ++c) out += (c ? "," : "") + csvField(line[c]);
            out += "\n";
        }
        return out;
    }
    std::vector<std::size_t> widths(header.size(), 0);
    for (const auto& line : cells)
        for (std::size_t c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(line[c]));
    for (const auto& line : cells) {
        for (std::size_t c = 0; c < line.size(); ++c)
            out += (c ? "  " : "") + padToWidth(line[c], widths[c], c >= 2);
        out += "\n";
    }
    return out;
}

}  // namespace jevons::core
