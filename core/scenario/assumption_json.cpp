// Maps an assumption (value, unit, editing range, provenance, distribution) to and from JSON.
#include <string>
#include <utility>

#include "core/scenario/json_reader.h"
#include "core/scenario/scenario_error.h"
#include "core/text/number_text.h"

namespace jevons::core::scenario_json_detail {

void Reader::readAssumption(const std::string& key, const Json& j, const std::string& path) {
    object(j, path);
    checkFields(
        j, path,
        {"label", "group", "value", "unit", "min", "max", "step", "provenance", "distribution"},
        "an assumption");
    Assumption a;
    a.id = id(key, path, "assumption");
    a.label = label(required(j, path, "label"), childPath(path, "label"));
    a.group = optionalString(j, path, "group");
    a.unit = unit(required(j, path, "unit"), childPath(path, "unit"));
    const auto field = [&](std::string_view name) {
        const std::string p = childPath(path, name);
        const double v = number(required(j, path, name), p);
        checkDomain(v, a.unit, p);
        return v;
    };
    a.value = field("value");
    a.min = field("min");
    a.max = field("max");
    a.step = number(required(j, path, "step"), childPath(path, "step"));
    if (a.min > a.max)
        throw ScenarioError(childPath(path, "min"), "the editing range is inverted: min " +
                                                        num(a.min, 15) + " is above max " +
                                                        num(a.max, 15));
    if (a.value < a.min || a.value > a.max)
        throw ScenarioError(childPath(path, "value"), num(a.value, 15) +
                                                          " is outside its editing range " +
                                                          num(a.min, 15) + "–" + num(a.max, 15));
    if (a.step <= 0.0)
        throw ScenarioError(childPath(path, "step"),
                            "the slider step must be above 0, found " + num(a.step, 15));
    if (const Json* prov = optional(j, "provenance")) {
        const std::string p = childPath(path, "provenance");
        object(*prov, p);
        checkFields(*prov, p, {"source", "figure", "note"}, "a provenance");
        a.provenance.source = optionalString(*prov, p, "source");
        checkSourceRef(a.provenance.source, childPath(p, "source"));
        a.provenance.figure = optionalLabel(*prov, p, "figure");
        a.provenance.note = optionalLabel(*prov, p, "note");
    }
    if (const Json* dist = optional(j, "distribution"))
        a.distribution = distribution(a, *dist, childPath(path, "distribution"));
    m_assumptionAt.emplace(a.id, m_s.assumptions.size());
    m_s.assumptions.push_back(std::move(a));
}

Json assumptionJson(const Assumption& a) {
    Json j = Json::object();
    j["label"] = labelJson(a.label);
    putIfNotEmpty(j, "group", a.group);
    j["value"] = a.value;
    j["unit"] = std::string(unitToken(a.unit));
    j["min"] = a.min;
    j["max"] = a.max;
    j["step"] = a.step;
    if (a.provenance != Provenance{}) {
        Json p = Json::object();
        putIfNotEmpty(p, "source", a.provenance.source);
        putIfNotEmpty(p, "figure", a.provenance.figure);
        putIfNotEmpty(p, "note", a.provenance.note);
        j["provenance"] = std::move(p);
    }
    if (a.distribution) j["distribution"] = distributionJson(*a.distribution);
    return j;
}

}  // namespace jevons::core::scenario_json_detail
