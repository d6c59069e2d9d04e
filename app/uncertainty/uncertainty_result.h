#pragma once
// What the uncertainty engine hands to charts: a finished Monte Carlo simulation, shared and
// immutable. Null = draw no bands (uncertainty off, no assumption has a range, or it failed).
#include "core/uncertainty/monte_carlo.h"

#include <QMetaType>

#include <memory>

namespace jevons::app {

using UncertaintyResult = std::shared_ptr<const core::MonteCarloResult>;

}  // namespace jevons::app

Q_DECLARE_METATYPE(jevons::app::UncertaintyResult)
