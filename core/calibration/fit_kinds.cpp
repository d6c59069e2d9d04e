#include "core/calibration/fit_kinds.h"

#include "core/calibration/bass_fit.h"
#include "core/calibration/cagr_fit.h"
#include "core/calibration/s_curve_fit.h"

#include <algorithm>

namespace jevons::core {

const std::vector<FitKindInfo>& fitKinds() {
    static const std::vector<FitKindInfo> table{
        {FitKind::Cagr,
         "cagr",
         SeriesKind::Cagr,
         {"start", "rate"},
         {FitMethod::Ols},
         FitMethod::Ols,
         false,
         false},
        {FitKind::Logistic,
         "logistic",
         SeriesKind::Logistic,
         {"ceiling", "midpoint", "steepness"},
         {FitMethod::Nls},
         FitMethod::Nls,
         true,
         false},
        {FitKind::Gompertz,
         "gompertz",
         SeriesKind::Gompertz,
         {"ceiling", "midpoint", "steepness"},
         {FitMethod::Nls},
         FitMethod::Nls,
         true,
         false},
        {FitKind::Bass,
         "bass",
         SeriesKind::Bass,
         {"p", "q", "m"},
         {FitMethod::Ols, FitMethod::NlsDifference, FitMethod::NlsDensity},
         FitMethod::NlsDifference,
         false,
         true},
    };
    return table;
}

const FitKindInfo& fitKindInfo(FitKind kind) {
    for (const auto& info : fitKinds())
        if (info.kind == kind) return info;
    return fitKinds().front();  // unreachable: every FitKind has an entry (tested)
}

std::optional<FitKind> fitKindFromToken(std::string_view token) {
    for (const auto& info : fitKinds())
        if (info.token == token) return info.kind;
    return std::nullopt;
}

bool acceptsMethod(FitKind kind, FitMethod method) {
    const auto& methods = fitKindInfo(kind).methods;
    if (std::find(methods.begin(), methods.end(), method) != methods.end()) return true;
    return kind == FitKind::Bass && method == FitMethod::Nls;
}

FitResult fitActuals(FitKind kind, const DataPoints& data, const FitOptions& options) {
    const FitMethod method = options.method.value_or(fitKindInfo(kind).defaultMethod);
    switch (kind) {
        case FitKind::Cagr:
            return fitCagr(data);
        case FitKind::Logistic:
        case FitKind::Gompertz:
            return fitSCurve(kind, data, options.ceiling);
        case FitKind::Bass:
            return fitBass(data, method, options.launch, options.timing);
    }
    return fitCagr(data);  // unreachable: the switch covers every FitKind
}

}  // namespace jevons::core
