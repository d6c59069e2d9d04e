#pragma once
// The fit kinds in one table, and the one place a fit is dispatched on its kind: the Fit dialog
// and `jevons-cli fit` both call fitActuals and read fitKindInfo, so adding a kind touches the
// table, its estimator and nothing that switches on FitKind elsewhere.
#include "core/calibration/data_points.h"
#include "core/calibration/fit_result.h"
#include "core/scenario/scenario.h"

#include <optional>
#include <string_view>
#include <vector>

namespace jevons::core {

/// @brief What the dialog, the CLI and accepting a fit need to know of a fit kind.
struct FitKindInfo {
    FitKind kind = FitKind::Cagr;
    std::string_view token;                    ///< "cagr": the CLI's --kind, the JSON "kind"
    SeriesKind series = SeriesKind::Cagr;      ///< the series kind an accepted fit becomes
    std::vector<std::string_view> parameters;  ///< FitResult's parameter names, in table order
    std::vector<FitMethod> methods;  ///< the methods that estimate it, in the dialog's order
    FitMethod defaultMethod = FitMethod::Ols;  ///< the CLI's method without --method
    bool takesCeiling = false;                 ///< a ceiling may be fixed (S-curves)
    bool takesLaunch = false;                  ///< a launch year may be given (bass)
};

/// @brief Every fit kind, in FitKind order.
[[nodiscard]] const std::vector<FitKindInfo>& fitKinds();
/// @brief The table's entry for `kind`.
[[nodiscard]] const FitKindInfo& fitKindInfo(FitKind kind);
/// @brief The kind whose token is `token` ("bass"); std::nullopt for anything else.
[[nodiscard]] std::optional<FitKind> fitKindFromToken(std::string_view token);
/// @brief Whether `method` estimates `kind`: one of its methods, or FitMethod::Nls for bass
/// (which fitBass reads as NlsDifference).
[[nodiscard]] bool acceptsMethod(FitKind kind, FitMethod method);

/// @brief Options of a fit; each applies only where FitKindInfo says so (and is ignored
/// elsewhere).
struct FitOptions {
    std::optional<FitMethod> method;         ///< empty: the kind's defaultMethod
    std::optional<double> ceiling;           ///< S-curves: a fixed ceiling, in the series' unit
    std::optional<int> launch;               ///< bass: the first year of adoption
    BassTiming timing = kDefaultBassTiming;  ///< bass, NlsDensity
};

/// @brief Fit `kind` to `data` with `options`: the one dispatch on FitKind. Throws
/// CalibrationError (as the estimators do) when the data cannot give a fit.
[[nodiscard]] FitResult fitActuals(FitKind kind, const DataPoints& data,
                                   const FitOptions& options = {});

}  // namespace jevons::core
