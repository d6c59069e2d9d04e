#include "core/deck/assumptions_slide.h"

#include "core/plan/chart_plan.h"
#include "core/text/number_text.h"

#include <algorithm>
#include <cmath>

namespace jevons::core::deck {
namespace {

// Decimal places that show a slider step of `step` (in display units), between 0 and 3.
int decimalsForStep(double step) {
    for (int d = 0; d < 3; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-9) return d;
    }
    return 3;
}

std::string valueText(const Assumption& a, double value, std::string_view language,
                      const DisplayChoice& units) {
    const DisplayUnit display = units.unitFor(a.unit);
    const double shown = units.toShown(value, a.unit);
    const double step = a.step > 0 ? units.toShown(a.step, a.unit) : 0.1;
    if (display == DisplayUnit::Percent)
        return fixedNumber(shown, std::max(decimalsForStep(step), units.percentDecimals)) + "%";
    const std::string number = fixedNumber(shown, decimalsForStep(step));
    if (a.unit == Unit::Multiple) return number + "x";
    if (a.unit == Unit::Year) return fixedNumber(value, 0);
    const std::string suffix = units.suffix(a.unit, language);
    return suffix.empty() ? number : number + " " + suffix;
}

std::string sourceText(const Scenario& scenario, const Provenance& p, std::string_view language) {
    std::string out;
    if (const Source* source = scenario.findSource(p.source))
        out = shortPublisher(source->publisher.in(language));
    const std::string& detail = !p.figure.empty() ? p.figure.in(language) : p.note.in(language);
    if (out.empty()) {
        const std::string judgement = language == "zh" ? "分析师判断" : "Analyst judgement";
        // A note that already says "Analyst judgement: ..." needs no second label.
        if (detail.rfind(judgement, 0) == 0) return detail;
        out = judgement;
    }
    return detail.empty() ? out : out + " — " + detail;
}

}  // namespace

std::vector<AssumptionRow> assumptionRows(const Evaluator& evaluator, std::string_view language,
                                          const DisplayChoice& units) {
    const Scenario& scenario = evaluator.model().scenario();
    std::vector<AssumptionRow> rows;
    for (const Assumption& a : scenario.assumptions) {
        const double value = evaluator.assumption(a.id);
        AssumptionRow row;
        row.label = a.label.in(language).empty() ? a.id : a.label.in(language);
        row.value = valueText(a, value, language, units);
        row.source = sourceText(scenario, a.provenance, language);
        row.changed = value != a.value;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<AssumptionsSlide> paginateAssumptions(const std::vector<AssumptionRow>& rows,
                                                  std::string_view language,
                                                  const std::string& scenarioLabel,
                                                  std::size_t rowsPerSlide) {
    rowsPerSlide = std::max<std::size_t>(rowsPerSlide, 1);
    const std::size_t pages =
        std::max<std::size_t>(1, (rows.size() + rowsPerSlide - 1) / rowsPerSlide);
    const std::string base = language == "zh" ? "假设与资料来源" : "Assumptions & sources";
    std::vector<AssumptionsSlide> slides;
    for (std::size_t page = 0; page < pages; ++page) {
        AssumptionsSlide slide;
        slide.title = base;
        if (pages > 1) {
            const std::string count = std::to_string(page + 1) + "/" + std::to_string(pages);
            slide.title += language == "zh" ? "（" + count + "）" : " (" + count + ")";
        }
        const auto first = rows.begin() + static_cast<std::ptrdiff_t>(page * rowsPerSlide);
        const auto last = rows.begin() + static_cast<std::ptrdiff_t>(
                                             std::min(rows.size(), (page + 1) * rowsPerSlide));
        slide.rows.assign(first, last);
        slide.scenarioName = scenarioLabel;
        slide.language = std::string(language);
        slides.push_back(std::move(slide));
    }
    return slides;
}

}  // namespace jevons::core::deck
