#include "core/bridge/bridge_report.h"

#include "core/plan/chart_plan.h"
#include "core/text/column_text.h"
#include "core/text/number_text.h"

#include <nlohmann/json.hpp>

namespace jevons::core {
namespace {

// "+7.8", "-6.2"; a step that moves nothing reads "0.0".
std::string signedText(double v, int decimals) {
    return (v > 0.0 ? "+" : "") + fixedNumber(v, decimals);
}

}  // namespace

std::string renderBridge(const Model& model, const Bridge& bridge, const BridgeReport& report,
                         TableFormat format) {
    const Scenario& file = model.scenario();
    const bool zh = report.language == "zh";
    const Unit unit = model.unitOf(bridge.output);
    const auto shownValue = [&](double stored) { return report.units.toShown(stored, unit); };
    const std::string unitText = report.units.suffix(unit, report.language);
    const std::string seriesName = planSeriesName(model, bridge.output, report.language);
    const auto assumptionName = [&](const BridgeStep& s) {
        const Assumption* a = file.findAssumption(s.assumption);
        return report.ids || !a || a->label.empty() ? s.assumption : a->label.in(report.language);
    };
    const auto assumptionValue = [&](const BridgeStep& s, double v) {
        const Assumption* a = file.findAssumption(s.assumption);
        const Unit u = a ? a->unit : Unit::Number;
        return formatValue(v, u, report.units.unitFor(u), 2, report.language);
    };

    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["series"] = model.refName(bridge.output);
        j["label"] = seriesName;
        j["year"] = bridge.year;
        j["unit"] = unitText;
        j["from"] = {{"scenario", report.fromId},
                     {"label", report.fromName},
                     {"value", shownValue(bridge.fromValue)}};
        j["to"] = {{"scenario", report.toId},
                   {"label", report.toName},
                   {"value", shownValue(bridge.toValue)}};
        j["steps"] = nlohmann::ordered_json::array();
        for (const BridgeStep& s : bridge.steps) {
            nlohmann::ordered_json step;
            step["assumption"] = s.assumption;
            step["label"] = assumptionName(s);
            step["from"] = s.from;
            step["to"] = s.to;
            step["change"] = shownValue(s.delta);
            j["steps"].push_back(std::move(step));
        }
        j["exact"] = bridge.exact;
        j["evaluations"] = bridge.evaluations;
        return j.dump(2) + "\n";
    }

    std::vector<std::vector<std::string>> rows;
    const int d = report.decimals;
    rows.push_back({zh ? "项目" : "step", zh ? "假设取值" : "assumption", zh ? "变动" : "change"});
    rows.push_back({report.fromName, "", fixedNumber(shownValue(bridge.fromValue), d)});
    for (const BridgeStep& s : bridge.steps)
        rows.push_back({assumptionName(s),
                        assumptionValue(s, s.from) + " → " + assumptionValue(s, s.to),
                        signedText(shownValue(s.delta), d)});
    rows.push_back({report.toName, "", fixedNumber(shownValue(bridge.toValue), d)});

    std::string out;
    if (format == TableFormat::Csv) {
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csvField(row[c]);
            out += "\n";
        }
        return out;
    }
    out = zh ? seriesName + "，" + std::to_string(bridge.year) + "年，" + unitText + "：" +
                   report.fromName + " → " + report.toName + "\n"
             : seriesName + ", " + std::to_string(bridge.year) + ", " + unitText + ": " +
                   report.fromName + " → " + report.toName + "\n";
    std::vector<std::size_t> widths(3, 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c)
            line += (c ? "  " : "") + padToWidth(row[c], widths[c], c == 2);
        out += line + "\n";
    }
    if (!bridge.exact)
        out += zh ? "沙普利值按抽样顺序估算（共" + std::to_string(bridge.evaluations) + "次求值）\n"
                  : "Shapley values estimated from " + std::to_string(bridge.evaluations) +
                        " evaluations of sampled orders\n";
    return out;
}

}  // namespace jevons::core
