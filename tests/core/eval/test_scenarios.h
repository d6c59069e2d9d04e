#pragma once
// Small in-memory scenarios for the evaluation tests.
#include "core/scenario/scenario.h"

namespace jevons::core::testing {

inline Assumption assumption(std::string id, double value, Unit unit, double min, double max) {
    Assumption a;
    a.id = std::move(id);
    a.label = {a.id, ""};
    a.value = value;
    a.unit = unit;
    a.min = min;
    a.max = max;
    a.step = (max - min) / 100.0;
    return a;
}

inline Param ref(std::string id) { return Param{std::move(id)}; }
inline Param lit(double v) { return Param{v}; }

/// The report's ASIC chain: accelerated market (CAGR through 2023/2028) × logistic ASIC share;
/// plus an unrelated glasses series so tests can see that it is not re-evaluated.
inline Scenario asicScenario() {
    Scenario s;
    s.years = {2023, 2035};
    s.assumptions = {
        assumption("accel_2023", 41.25, Unit::UsdBillion, 20, 80),
        assumption("accel_2028", 171.6, Unit::UsdBillion, 80, 300),
        assumption("late_growth", 0.15, Unit::Rate, -0.1, 0.5),
        assumption("share_2023", 0.16, Unit::Share, 0.05, 0.3),
        assumption("share_2028", 0.25, Unit::Share, 0.1, 0.45),
        assumption("ceiling", 0.5, Unit::Share, 0.3, 0.8),
        assumption("glasses_2035", 1400, Unit::MillionUnits, 300, 2000),
    };
    SeriesDef accel;
    accel.id = "accel_market";
    accel.unit = Unit::UsdBillion;
    accel.kind = SeriesKind::Cagr;
    accel.points = {{2023, ref("accel_2023")}, {2028, ref("accel_2028")}};
    accel.segments = {{2035, ref("late_growth")}};
    SeriesDef share;
    share.id = "asic_share";
    share.unit = Unit::Share;
    share.kind = SeriesKind::Logistic;
    share.params["ceiling"] = ref("ceiling");
    share.points = {{2023, ref("share_2023")}, {2028, ref("share_2028")}};
    SeriesDef asic;
    asic.id = "asic_market";
    asic.unit = Unit::UsdBillion;
    asic.kind = SeriesKind::Formula;
    asic.expr = "accel_market * asic_share";
    SeriesDef gpu;
    gpu.id = "gpu_market";
    gpu.unit = Unit::UsdBillion;
    gpu.kind = SeriesKind::Formula;
    gpu.expr = "accel_market - asic_market";
    SeriesDef glasses;
    glasses.id = "glasses";
    glasses.unit = Unit::MillionUnits;
    glasses.kind = SeriesKind::Logistic;
    glasses.params["ceiling"] = lit(2300);
    glasses.points = {{2029, lit(55)}, {2035, ref("glasses_2035")}};
    // Declared out of dependency order on purpose: the evaluator must sort them.
    s.series = {gpu, asic, share, accel, glasses};
    ScenarioDef base;
    base.id = "base";
    ScenarioDef bull;
    bull.id = "bull";
    bull.overrides = {{"share_2028", 0.30}};
    s.scenarios = {base, bull};
    return s;
}

}  // namespace jevons::core::testing
