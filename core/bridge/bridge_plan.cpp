#include "core/bridge/bridge_plan.h"

#include "core/text/number_text.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jevons::core {

ChartPlan bridgePlan(const Model& model, const Bridge& bridge, const std::string& fromName,
                     const std::string& toName, std::string_view language,
                     const DisplayChoice& units) {
    const bool zh = language == "zh";
    const Scenario& file = model.scenario();
    const Unit unit = model.unitOf(bridge.output);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::string seriesName = planSeriesName(model, bridge.output, language);

    // One axis, one unit: the largest running total decides 亿 or 万亿.
    double largest = std::max(std::abs(bridge.fromValue), std::abs(bridge.toValue));
    double running = bridge.fromValue;
    for (const BridgeStep& s : bridge.steps)
        largest = std::max(largest, std::abs(running += s.delta));
    const DisplayChoice shownIn = units.groupedFor(unit, std::abs(units.toShown(largest, unit)));
    const auto shown = [&](double stored) { return planValue(stored, unit, shownIn); };

    ChartPlan plan;
    plan.id = "bridge";
    plan.kind = ChartKind::Waterfall;
    plan.language = std::string(language);
    plan.scenarioName = fromName + " → " + toName;  // "Scenario: Base → Bull" on the slide
    const std::string axis = planAxisTitle(unit, language, shownIn);
    const std::string year = std::to_string(bridge.year);
    plan.title = zh ? seriesName + "，" + year + "年：" + fromName + " → " + toName
                    : seriesName + ", " + year + ": " + fromName + " → " + toName;
    if (!axis.empty() && axis != "%") plan.title += zh ? "（" + axis + "）" : " (" + axis + ")";
    plan.primaryAxisTitle = axis;
    plan.primaryUnits = shownIn;

    const std::string format = planNumberFormat(unit, shown(largest), shownIn);
    PlanSeries offset{zh ? "起点" : "Offset", {}, AxisSide::Primary, format};
    PlanSeries rise{zh ? "增加" : "Increase", {}, AxisSide::Primary, "+" + format};
    PlanSeries fall{zh ? "减少" : "Decrease", {}, AxisSide::Primary, "-" + format};
    PlanSeries total{zh ? "合计" : "Total", {}, AxisSide::Primary, format};
    total.ref = model.refName(bridge.output);
    const auto add = [&](const std::string& category, double o, double r, double f, double t) {
        plan.categories.push_back(category);
        offset.values.push_back(o);
        rise.values.push_back(r);
        fall.values.push_back(f);
        total.values.push_back(t);
    };

    if (bridge.fromValue < 0.0 || bridge.toValue < 0.0)
        throw ChartPlanError("bridge of " + model.refName(bridge.output) +
                             ": a waterfall cannot draw a total below zero");
    add(fromName, nan, nan, nan, shown(bridge.fromValue));
    std::string unmoved;
    running = bridge.fromValue;
    for (const BridgeStep& s : bridge.steps) {
        const Assumption* a = file.findAssumption(s.assumption);
        const std::string name = !a || a->label.empty() ? s.assumption : a->label.in(language);
        if (s.delta == 0.0) {
            unmoved += (unmoved.empty() ? "" : zh ? "、" : ", ") + name;
            continue;
        }
        const double before = running;
        running += s.delta;
        if (running < 0.0)
            throw ChartPlanError(
                "bridge of " + model.refName(bridge.output) + ": after '" + name +
                "' the running total is below zero, which a waterfall cannot draw");
        const double low = shown(std::min(before, running));
        const double size = std::abs(shown(running) - shown(before));
        add(name, low, s.delta > 0.0 ? size : nan, s.delta < 0.0 ? size : nan, nan);
    }
    add(toName, nan, nan, nan, shown(bridge.toValue));
    plan.series = {std::move(offset), std::move(rise), std::move(fall), std::move(total)};

    plan.sourceLine = zh ? "资料来源：Jevons模型；" + fromName + " → " + toName +
                               "情景，按沙普利值归因（与假设顺序无关）"
                         : "Source: Jevons model; " + fromName + " → " + toName +
                               " scenario, Shapley attribution (independent of the order)";
    if (!unmoved.empty())
        plan.note = zh ? "不影响该指标的假设：" + unmoved : "No effect on this output: " + unmoved;
    if (!bridge.exact)
        plan.note +=
            std::string(plan.note.empty() ? ""
                        : zh              ? "；"
                                          : "; ") +
            (zh ? "沙普利值按抽样顺序估算" : "Shapley values estimated from sampled orders");
    scaleAxes(plan);
    return plan;
}

}  // namespace jevons::core
