#include "core/deck/deck_update.h"

#include "core/deck/chart_refresh.h"
#include "core/deck/chart_xml.h"
#include "core/deck/deck.h"
#include "core/deck/deck_error.h"
#include "core/deck/ooxml_edit.h"
#include "core/deck/slide_xml.h"
#include "core/deck/zip_package.h"
#include "core/eval/evaluator.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace jevons::core::deck {
namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

/// What a link asks the deck builder for, and the build's outcome.
struct FreshChart {
    std::optional<ChartPlan> plan;
    std::string gone;  ///< why there is no plan
};

// The options that make buildDeck draw the chart a link names (and a little more).
std::optional<DeckOptions> optionsFor(const Model& model, const ChartLink& link) {
    const Scenario& scenario = model.scenario();
    DeckOptions options;
    options.language = link.language;
    options.scenarioId = link.scenario;
    options.units = link.units;
    const std::string& id = link.chart;
    if (scenario.findChart(id)) {
        options.chartIds = {id};
        return options;
    }
    if (id.size() > 4 && id.compare(id.size() - 4, 4, "_fan") == 0 &&
        scenario.findChart(id.substr(0, id.size() - 4))) {
        options.chartIds = {id.substr(0, id.size() - 4)};
        options.uncertainty = UncertaintySlideOptions{};
        return options;
    }
    if (scenario.charts.empty()) return std::nullopt;
    if (startsWith(id, "tornado_") || startsWith(id, "histogram_")) {
        const bool tornado = startsWith(id, "tornado_");
        const std::string ref = id.substr(tornado ? 8 : 10);
        if (!model.resolve(ref)) return std::nullopt;
        options.chartIds = {scenario.charts.front().id};
        UncertaintySlideOptions u;
        (tornado ? u.tornadoOutput : u.histogramOutput) = ref;
        options.uncertainty = u;
        return options;
    }
    if (startsWith(id, "bridge:")) {  // bridge:FROM:TO:SERIES:YEAR
        std::vector<std::string> parts;
        std::istringstream in(id.substr(7));
        for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
        if (parts.size() != 4) return std::nullopt;
        int year = 0;
        try {
            year = std::stoi(parts[3]);
        } catch (const std::exception&) {
            return std::nullopt;
        }
        options.chartIds = {scenario.charts.front().id};
        options.bridges.push_back({parts[0], parts[1], parts[2], year});
        return options;
    }
    return std::nullopt;
}

FreshChart freshChart(const Model& model, const ChartLink& link, const DeckUpdateOptions& update) {
    const Scenario& scenario = model.scenario();
    if (link.scenario != "base" && !scenario.findScenario(link.scenario))
        return {std::nullopt, "the forecast has no scenario '" + link.scenario + "'"};
    std::optional<DeckOptions> options = optionsFor(model, link);
    if (!options) return {std::nullopt, "the forecast has no chart '" + link.chart + "'"};
    std::optional<std::map<std::string, double>> values;
    if (update.valuesOf) values = update.valuesOf(link.scenario);
    if (values)
        for (BridgeSlideRequest& b : options->bridges) {
            // The dashboard's edits of the bridge's ends.
            b.fromValues = update.valuesOf(b.from);
            b.toValues = update.valuesOf(b.to);
        }
    Deck deck;
    try {
        Evaluator evaluator(model, link.scenario);
        if (values) evaluator.setAssumptions(*values);
        deck = buildDeck(evaluator, *options);
    } catch (const DeckError& e) {
        return {std::nullopt, e.what()};
    } catch (const ScenarioError& e) {
        return {std::nullopt, e.what()};
    }
    const std::string wanted = linkName(link);
    for (Slide& slide : deck.slides)
        if (auto* plan = std::get_if<ChartPlan>(&slide); plan && plan->link == wanted)
            return {std::move(*plan), {}};
    return {std::nullopt, "the forecast no longer draws '" + link.chart + "'"};
}

std::vector<pugi::xml_node> linkedFrames(const pugi::xml_document& slide) {
    std::vector<pugi::xml_node> out;
    const pugi::xml_node tree = slide.child("p:sld").child("p:cSld").child("p:spTree");
    for (pugi::xpath_node frame : tree.select_nodes(".//p:graphicFrame"))  // in groups too
        if (parseLinkName(shapeName(frame.node()))) out.push_back(frame.node());
    return out;
}

std::string chartRelId(const pugi::xml_node& frame) {
    return frame.child("a:graphic")
        .child("a:graphicData")
        .child("c:chart")
        .attribute("r:id")
        .value();
}

// The shapes of a slide by name (the first of each name).
std::map<std::string, pugi::xml_node> shapesByName(const pugi::xml_document& slide) {
    std::map<std::string, pugi::xml_node> out;
    const pugi::xml_node tree = slide.child("p:sld").child("p:cSld").child("p:spTree");
    for (pugi::xpath_node n : tree.select_nodes(".//p:sp | .//p:cxnSp | .//p:graphicFrame"))
        out.emplace(shapeName(n.node()), n.node());
    return out;
}

// Carries what the slide says around the chart (labels, marks, scenario, source) from the fresh
// slide into the user's, where the user's slide still has the shape of that name. Positions of
// published-range marks move with the chart frame as the user placed it.
bool refreshSlideText(const pugi::xml_document& fresh, pugi::xml_node userFrame,
                      const std::map<std::string, pugi::xml_node>& user) {
    bool changed = false;
    const std::map<std::string, pugi::xml_node> theirs = shapesByName(fresh);
    std::optional<ShapeBox> freshFrame;
    for (const auto& [name, node] : theirs)
        if (std::string_view(node.name()) == "p:graphicFrame") freshFrame = shapeBox(node);
    const std::optional<ShapeBox> frame = shapeBox(userFrame);
    for (const auto& [name, node] : theirs) {
        const auto mine = user.find(name);
        if (mine == user.end()) continue;
        if (startsWith(name, "CAGR ") && !startsWith(name, "CAGR arrow")) {
            changed |= setShapeText(mine->second, shapeText(node));
        } else if (name == "Anchors" || name == "Source" || name == "Scenario") {
            changed |= setShapeText(mine->second, shapeText(node));
        } else if (startsWith(name, "Published range ") && freshFrame && frame &&
                   freshFrame->w > 0 && freshFrame->h > 0) {
            const auto box = shapeBox(node);
            if (!box) continue;
            const double sx = static_cast<double>(frame->w) / static_cast<double>(freshFrame->w);
            const double sy = static_cast<double>(frame->h) / static_cast<double>(freshFrame->h);
            const auto at = [](long long origin, long long v, long long from, double scale) {
                return origin + std::llround(static_cast<double>(v - from) * scale);
            };
            const ShapeBox target{at(frame->x, box->x, freshFrame->x, sx),
                                  at(frame->y, box->y, freshFrame->y, sy),
                                  std::llround(static_cast<double>(box->w) * sx),
                                  std::llround(static_cast<double>(box->h) * sy)};
            // Within 0.01 pt is where it is: a template's placement and this scaling round
            // differently, and an update should not move a mark by one EMU.
            constexpr long long kSame = 127;
            const auto now = shapeBox(mine->second);
            if (now && std::llabs(now->x - target.x) <= kSame &&
                std::llabs(now->y - target.y) <= kSame && std::llabs(now->w - target.w) <= kSame &&
                std::llabs(now->h - target.h) <= kSame)
                continue;
            changed |= setShapeBox(mine->second, target);
        }
    }
    return changed;
}

// The "Assumptions & sources" slides the first link's scenario, language and units give.
std::vector<AssumptionsSlide> freshAssumptions(const Model& model, const ChartLink& link,
                                               const DeckUpdateOptions& update) {
    const Scenario& scenario = model.scenario();
    if (scenario.charts.empty() ||
        (link.scenario != "base" && !scenario.findScenario(link.scenario)))
        return {};
    DeckOptions options;
    options.chartIds = {scenario.charts.front().id};
    options.language = link.language;
    options.scenarioId = link.scenario;
    options.units = link.units;
    std::vector<AssumptionsSlide> out;
    try {
        Evaluator evaluator(model, link.scenario);
        if (update.valuesOf)
            if (auto values = update.valuesOf(link.scenario)) evaluator.setAssumptions(*values);
        for (Slide& slide : buildDeck(evaluator, options).slides)
            if (auto* table = std::get_if<AssumptionsSlide>(&slide)) out.push_back(*table);
    } catch (const std::exception&) {  // the charts report what is wrong with the forecast
        return {};
    }
    return out;
}

// The slide's "Assumptions" table brought up to date: each row whose label is an assumption's
// takes its current value; the scenario tag and the note under the table follow. Returns
// whether anything changed.
bool refreshAssumptionTable(pugi::xml_document& slide, const std::vector<AssumptionsSlide>& fresh) {
    const std::map<std::string, pugi::xml_node> shapes = shapesByName(slide);
    const auto table = shapes.find("Assumptions");
    if (fresh.empty() || table == shapes.end()) return false;
    std::map<std::string, std::string> values;
    for (const AssumptionsSlide& page : fresh)
        for (const AssumptionRow& row : page.rows) values.emplace(row.label, row.value);
    bool changed = false;
    for (pugi::xpath_node tr : table->second.select_nodes(".//a:tbl/a:tr")) {
        const pugi::xml_node label = tr.node().child("a:tc");
        const pugi::xml_node value = label.next_sibling("a:tc");
        const auto it = values.find(shapeText(label));
        if (value && it != values.end()) changed |= setShapeText(value, it->second);
    }
    const auto page = parseXmlPart(assumptionsSlideXml(fresh.front()), "slide");
    const std::map<std::string, pugi::xml_node> theirs = shapesByName(*page);
    for (const char* name : {"Scenario", "Source"}) {
        const auto mine = shapes.find(name);
        const auto other = theirs.find(name);
        if (mine != shapes.end() && other != theirs.end())
            changed |= setShapeText(mine->second, shapeText(other->second));
    }
    return changed;
}

std::vector<std::string> slidePartsInOrder(const ZipPackage& deck) {
    const std::string presentation = "ppt/presentation.xml";
    if (!deck.has(presentation))
        throw DeckError(deck.what() + " is not a presentation (it has no " + presentation + ")");
    const auto doc = parseXmlPart(deck.read(presentation), deck.what() + ", part " + presentation);
    const auto rels = relationshipsOf(deck, presentation);
    std::vector<std::string> out;
    for (pugi::xml_node id : doc->child("p:presentation").child("p:sldIdLst").children("p:sldId")) {
        const auto it = rels.find(id.attribute("r:id").value());
        if (it != rels.end() && deck.has(it->second)) out.push_back(it->second);
    }
    return out;
}

}  // namespace

DeckUpdate updateDeckBytes(const Model& model, const std::string& bytes, const std::string& name,
                           const DeckUpdateOptions& options) {
    ZipPackage deck(bytes, name);
    DeckUpdate result;
    std::map<std::string, FreshChart> fresh;  // by link name
    const std::vector<std::string> slides = slidePartsInOrder(deck);
    for (std::size_t n = 0; n < slides.size(); ++n) {
        const std::string& slidePart = slides[n];
        const std::string where = name + ", part " + slidePart;
        const auto slide = parseXmlPart(deck.read(slidePart), where);
        const std::vector<pugi::xml_node> frames = linkedFrames(*slide);
        if (frames.empty()) continue;
        const auto rels = relationshipsOf(deck, slidePart);
        const auto shapes = shapesByName(*slide);
        bool slideChanged = false;
        for (pugi::xml_node frame : frames) {
            ChartUpdate update;
            update.slide = n + 1;
            update.link = *parseLinkName(shapeName(frame));
            if (options.scenario) update.link.scenario = *options.scenario;
            const std::string key = linkName(update.link);
            auto it = fresh.find(key);
            if (it == fresh.end())
                it = fresh.emplace(key, freshChart(model, update.link, options)).first;
            const auto chartPart = rels.find(chartRelId(frame));
            if (!it->second.plan) {
                update.status = ChartUpdateStatus::Gone;
                update.detail = it->second.gone;
            } else if (chartPart == rels.end() || !deck.has(chartPart->second)) {
                update.status = ChartUpdateStatus::Mismatch;
                update.detail = "the slide's chart part is missing";
            } else {
                const ChartPlan& plan = *it->second.plan;
                const std::string chartWhere = name + ", part " + chartPart->second;
                const auto userChart = parseXmlPart(deck.read(chartPart->second), chartWhere);
                const auto freshChartXml = parseXmlPart(chartXml(plan, "rId1"), "chart");
                const ChartRefresh refreshed = refreshChart(*userChart, *freshChartXml);
                bool changed = refreshed.changed;
                if (!refreshed.mismatch.empty()) {
                    update.status = ChartUpdateStatus::Mismatch;
                    update.detail = refreshed.mismatch + "; export it again";
                } else {
                    if (changed) deck.replace(chartPart->second, xmlText(*userChart));
                    // The embedded workbook, where the deck still has one.
                    const std::string rid = userChart->child("c:chartSpace")
                                                .child("c:externalData")
                                                .attribute("r:id")
                                                .value();
                    const auto chartRels = relationshipsOf(deck, chartPart->second);
                    const auto book = chartRels.find(rid);
                    if (!rid.empty() && book != chartRels.end() && deck.has(book->second)) {
                        if (auto updated = refreshWorkbook(deck.read(book->second),
                                                           workbookCells(*freshChartXml),
                                                           name + ", part " + book->second)) {
                            deck.replace(book->second, std::move(*updated));
                            changed = true;
                        }
                    } else {
                        update.detail = "the chart has no embedded workbook to update";
                    }
                    // The labels around the chart, when the slide holds this chart alone.
                    if (frames.size() == 1) {
                        const auto freshSlide = parseXmlPart(chartSlideXml(plan, "rId2"), "slide");
                        if (refreshSlideText(*freshSlide, frame, shapes)) {
                            slideChanged = true;
                            changed = true;
                        }
                    }
                    if (setShapeName(frame, key)) {  // --scenario: the link follows
                        slideChanged = true;
                        changed = true;
                    }
                    update.status =
                        changed ? ChartUpdateStatus::Updated : ChartUpdateStatus::Unchanged;
                }
            }
            result.charts.push_back(std::move(update));
        }
        if (slideChanged) deck.replace(slidePart, xmlText(*slide));
    }
    if (result.charts.empty())
        throw DeckError(name +
                        " holds no chart linked to a forecast: only the native charts of a deck "
                        "Jevons exported can be updated");
    // The assumptions tables, as the first linked chart's scenario, language and units show
    // them.
    const std::vector<AssumptionsSlide> tables =
        freshAssumptions(model, result.charts.front().link, options);
    for (std::size_t n = 0; n < slides.size() && !tables.empty(); ++n) {
        const std::string part = deck.read(slides[n]);
        if (part.find("name=\"Assumptions\"") == std::string::npos) continue;
        const auto slide = parseXmlPart(part, name + ", part " + slides[n]);
        if (!refreshAssumptionTable(*slide, tables)) continue;
        deck.replace(slides[n], xmlText(*slide));
        result.tables.push_back(n + 1);
    }
    result.changed = deck.modified();
    result.bytes = deck.bytes();
    return result;
}

DeckUpdate updateDeck(const Model& model, const std::string& path, const DeckUpdateOptions& options,
                      const WriteFault& fault) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DeckError("cannot read " + path + ": no such file or not readable");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw DeckError("cannot read " + path);
    DeckUpdate result = updateDeckBytes(model, bytes, path, options);
    if (!result.changed) return result;
    try {
        writeFileAtomically(path, result.bytes, fault);
    } catch (const AtomicWriteError& e) {
        throw DeckError(e.what());
    }
    return result;
}

std::string updateLine(const ChartUpdate& update) {
    std::string line = "slide " + std::to_string(update.slide) + ": " + update.link.chart + " (" +
                       update.link.scenario + "): ";
    switch (update.status) {
        case ChartUpdateStatus::Updated:
            line += "updated";
            break;
        case ChartUpdateStatus::Unchanged:
            line += "unchanged";
            break;
        case ChartUpdateStatus::Gone:
            line += "no longer in the forecast, left as it was";
            break;
        case ChartUpdateStatus::Mismatch:
            line += "left as it was";
            break;
    }
    if (!update.detail.empty()) line += " — " + update.detail;
    return line;
}

}  // namespace jevons::core::deck
