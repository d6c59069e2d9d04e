#include "app/document/command_text.h"

#include "app/common/display.h"
#include "app/common/range_text.h"

#include <QObject>

namespace jevons::app {

QString assumptionEditText(const DisplayPreferences& units, const core::Assumption& a, double from,
                           double to, const QString& language) {
    return QObject::tr("%1 %2 \u2192 %3")
        .arg(labelText(a.label, language), assumptionValueText(units, a, from, language),
             assumptionValueText(units, a, to, language));
}

QString rangeEditText(const DisplayPreferences& units, const core::Assumption& assumption,
                      const std::optional<core::DistributionSpec>& before,
                      const std::optional<core::DistributionSpec>& after, const QString& language) {
    core::Assumption a = assumption;
    const QString label = labelText(a.label, language);
    if (!after) return QObject::tr("Remove range of %1").arg(label);
    if (before) {
        core::DistributionSpec pinToggled = *before;
        pinToggled.pinned = after->pinned;
        if (pinToggled == *after && before->pinned != after->pinned)
            return after->pinned ? QObject::tr("Pin range of %1").arg(label)
                                 : QObject::tr("Unpin range of %1").arg(label);
    }
    a.distribution = after;
    return QObject::tr("Range of %1: %2").arg(label, rangeSummary(units, a));
}

QString nameOf(const core::Label& label, const std::string& id, const QString& language) {
    const QString text = labelText(label, language);
    return text.isEmpty() ? toQString(id) : text;
}

core::Label scenarioLabel(const core::Scenario& scenario, const std::string& id) {
    const core::ScenarioDef* def = scenario.findScenario(id);
    return def ? def->label : core::Label{};
}

QString seriesName(const core::Scenario& scenario, const std::string& id, const QString& language) {
    for (const auto& s : scenario.series)
        if (s.id == id) return nameOf(s.label, id, language);
    return toQString(id);
}

}  // namespace jevons::app
