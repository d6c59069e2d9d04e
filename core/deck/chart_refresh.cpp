#include "core/deck/chart_refresh.h"

#include "core/deck/deck_error.h"
#include "core/deck/ooxml_edit.h"
#include "core/deck/workbook.h"
#include "core/deck/zip_package.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace jevons::core::deck {
namespace {

constexpr const char* kDataParts[] = {"c:tx", "c:cat", "c:val", "c:xVal", "c:yVal"};

std::optional<double> number(std::string_view text) {
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

bool sameNumber(double a, double b) {
    return a == b || std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

/// Whether two point texts say the same: equal, or equal numbers.
bool sameValue(std::string_view a, std::string_view b) {
    if (a == b) return true;
    const auto x = number(a);
    const auto y = number(b);
    return x && y && sameNumber(*x, *y);
}

std::string shortest(double v) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, ec == std::errc() ? end : buffer);
}

std::vector<pugi::xml_node> seriesOf(const pugi::xml_node& plotArea) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node plot : plotArea.children())
        for (pugi::xml_node ser : plot.children("c:ser")) out.push_back(ser);
    return out;
}

pugi::xml_node plotAreaOf(const pugi::xml_document& doc) {
    return doc.child("c:chartSpace").child("c:chart").child("c:plotArea");
}

pugi::xml_node dataRef(const pugi::xml_node& part) {
    for (const char* kind : {"c:numRef", "c:strRef"})
        if (pugi::xml_node ref = part.child(kind)) return ref;
    return {};
}

pugi::xml_node cacheOf(const pugi::xml_node& ref) {
    for (const char* kind : {"c:numCache", "c:strCache"})
        if (pugi::xml_node cache = ref.child(kind)) return cache;
    return {};
}

std::map<long long, std::string> points(const pugi::xml_node& cache) {
    std::map<long long, std::string> out;
    for (pugi::xml_node pt : cache.children("c:pt"))
        out[pt.attribute("idx").as_llong()] = pt.child("c:v").text().get();
    return out;
}

bool samePoints(const pugi::xml_node& a, const pugi::xml_node& b) {
    if (a.child("c:ptCount").attribute("val").as_llong(-1) !=
        b.child("c:ptCount").attribute("val").as_llong(-2))
        return false;
    const auto pa = points(a);
    const auto pb = points(b);
    return pa.size() == pb.size() &&
           std::equal(pa.begin(), pa.end(), pb.begin(), [](const auto& x, const auto& y) {
               return x.first == y.first && sameValue(x.second, y.second);
           });
}

// The user's cache takes the fresh point count and points; its format code and extensions stay.
void replacePoints(pugi::xml_node user, const pugi::xml_node& fresh) {
    std::vector<pugi::xml_node> drop;
    for (pugi::xml_node child : user.children())
        if (std::string_view(child.name()) == "c:ptCount" ||
            std::string_view(child.name()) == "c:pt")
            drop.push_back(child);
    for (pugi::xml_node n : drop) user.remove_child(n);
    const pugi::xml_node before = user.child("c:extLst");
    for (pugi::xml_node child : fresh.children()) {
        const std::string_view name = child.name();
        if (name != "c:ptCount" && name != "c:pt") continue;
        if (before)
            user.insert_copy_before(child, before);
        else
            user.append_copy(child);
    }
}

// One series part (c:tx, c:cat, c:val…): formula and cache follow `fresh`.
bool syncData(pugi::xml_node user, const pugi::xml_node& fresh) {
    const pugi::xml_node freshRef = dataRef(fresh);
    if (!freshRef) return false;
    pugi::xml_node userRef = dataRef(user);
    if (!userRef) return false;  // the user typed the data in: theirs to keep
    if (std::string_view(userRef.name()) != freshRef.name()) {
        // Another program stored the data as the other kind (years as numbers, say).
        if (samePoints(cacheOf(userRef), cacheOf(freshRef))) return false;
        user.insert_copy_before(freshRef, userRef);
        user.remove_child(userRef);
        return true;
    }
    bool changed = false;
    if (const pugi::xml_node f = freshRef.child("c:f")) {
        pugi::xml_node mine = userRef.child("c:f");
        if (!mine) mine = userRef.prepend_child("c:f");
        if (std::string_view(mine.text().get()) != f.text().get()) {
            mine.text().set(f.text().get());
            changed = true;
        }
    }
    const pugi::xml_node freshCache = cacheOf(freshRef);
    pugi::xml_node userCache = cacheOf(userRef);
    if (!freshCache) return changed;
    if (!userCache) {
        userRef.append_copy(freshCache);
        return true;
    }
    if (samePoints(userCache, freshCache)) return changed;
    replacePoints(userCache, freshCache);
    return true;
}

bool setVal(pugi::xml_node element, const char* value) {
    pugi::xml_attribute a = element.attribute("val");
    if (a && sameValue(a.value(), value)) return false;
    if (!a) a = element.append_attribute("val");
    a.set_value(value);
    return true;
}

bool syncAxis(pugi::xml_node user, const pugi::xml_node& fresh) {
    bool changed = false;
    pugi::xml_node scaling = user.child("c:scaling");
    const pugi::xml_node freshScaling = fresh.child("c:scaling");
    if (scaling && freshScaling) {
        for (const char* bound : {"c:max", "c:min"}) {
            const pugi::xml_node f = freshScaling.child(bound);
            pugi::xml_node u = scaling.child(bound);
            if (f && u) {
                changed |= setVal(u, f.attribute("val").value());
            } else if (f) {  // schema order: logBase, orientation, max, min, extLst
                pugi::xml_node before =
                    std::string_view(bound) == "c:max" ? scaling.child("c:min") : pugi::xml_node();
                if (!before) before = scaling.child("c:extLst");
                if (before)
                    scaling.insert_copy_before(f, before);
                else
                    scaling.append_copy(f);
                changed = true;
            } else if (u) {
                scaling.remove_child(u);
                changed = true;
            }
        }
    }
    for (const char* property : {"c:majorUnit", "c:crossesAt"}) {
        const pugi::xml_node f = fresh.child(property);
        pugi::xml_node u = user.child(property);
        if (f && u) changed |= setVal(u, f.attribute("val").value());
    }
    return changed;
}

struct CellRef {
    std::size_t row = 0, column = 0;
};

std::optional<CellRef> parseCell(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '$') ++i;
    std::size_t column = 0;
    const std::size_t letters = i;
    while (i < text.size() && text[i] >= 'A' && text[i] <= 'Z')
        column = column * 26 + static_cast<std::size_t>(text[i++] - 'A' + 1);
    if (i == letters || column == 0) return std::nullopt;
    if (i < text.size() && text[i] == '$') ++i;
    std::size_t row = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), row);
    if (ec != std::errc() || end != text.data() + text.size() || row == 0) return std::nullopt;
    return CellRef{row - 1, column - 1};
}

struct Range {
    std::string sheet;
    CellRef first, last;
};

/// "Sheet1!$B$2:$B$9", "'My data'!$A$1" -> the sheet and its corners.
std::optional<Range> parseRange(std::string_view formula) {
    const std::size_t bang = formula.rfind('!');
    if (bang == std::string_view::npos) return std::nullopt;
    std::string sheet(formula.substr(0, bang));
    if (sheet.size() >= 2 && sheet.front() == '\'' && sheet.back() == '\'') {
        std::string unquoted;
        for (std::size_t k = 1; k + 1 < sheet.size(); ++k) {
            unquoted += sheet[k];
            if (sheet[k] == '\'' && sheet[k + 1] == '\'') ++k;
        }
        sheet = unquoted;
    }
    const std::string_view cells = formula.substr(bang + 1);
    const std::size_t colon = cells.find(':');
    const auto first = parseCell(cells.substr(0, colon));
    const auto last = colon == std::string_view::npos ? first : parseCell(cells.substr(colon + 1));
    if (!first || !last || last->row < first->row || last->column < first->column)
        return std::nullopt;
    if (first->row != last->row && first->column != last->column) return std::nullopt;
    return Range{sheet, *first, *last};
}

std::size_t columnOf(std::string_view ref) {
    std::size_t column = 0;
    for (char c : ref) {
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    }
    return column;
}

struct SheetText {
    std::vector<std::string> shared;  ///< the shared strings, by index
};

std::string inlineText(const pugi::xml_node& holder) {  // <si> or <is>: t, or r/t runs
    std::string out;
    for (pugi::xml_node node : holder.children()) {
        if (std::string_view(node.name()) == "t") out += node.text().get();
        if (std::string_view(node.name()) == "r") out += node.child("t").text().get();
    }
    return out;
}

/// What a cell holds now, in WorkbookCell's terms.
bool cellHolds(const pugi::xml_node& c, const WorkbookCell& want, const SheetText& text) {
    const std::string_view type = c.attribute("t").value();
    const pugi::xml_node v = c.child("v");
    if (c.child("f")) return false;  // a formula: the forecast's value replaces it
    if (type == "inlineStr") return want.text && inlineText(c.child("is")) == *want.text;
    if (type == "s") {
        const auto k = static_cast<std::size_t>(v.text().as_ullong(~0ULL));
        return want.text && v && k < text.shared.size() && text.shared[k] == *want.text;
    }
    if (type == "str") return want.text && v && *want.text == v.text().get();
    if (!v) return !want.number && !want.text;
    const auto n = number(v.text().get());
    return want.number && n && sameNumber(*n, *want.number);
}

void setCell(pugi::xml_node c, const WorkbookCell& want) {
    for (const char* child : {"f", "v", "is"})
        while (pugi::xml_node n = c.child(child)) c.remove_child(n);
    c.remove_attribute("t");
    if (want.number) {
        c.append_child("v").text().set(shortest(*want.number).c_str());
    } else if (want.text) {
        c.append_attribute("t").set_value("inlineStr");
        pugi::xml_node t = c.append_child("is").append_child("t");
        t.text().set(want.text->c_str());
        if (!want.text->empty() && (want.text->front() == ' ' || want.text->back() == ' '))
            t.append_attribute("xml:space").set_value("preserve");
    }
}

pugi::xml_node rowFor(pugi::xml_node sheetData, std::size_t row) {
    const unsigned long long r = row + 1;
    for (pugi::xml_node node : sheetData.children("row")) {
        const unsigned long long at = node.attribute("r").as_ullong();
        if (at == r) return node;
        if (at > r) {
            pugi::xml_node made = sheetData.insert_child_before("row", node);
            made.append_attribute("r").set_value(r);
            return made;
        }
    }
    pugi::xml_node made = sheetData.append_child("row");
    made.append_attribute("r").set_value(r);
    return made;
}

pugi::xml_node cellFor(pugi::xml_node row, const WorkbookCell& want) {
    const std::string ref = columnLetters(want.column) + std::to_string(want.row + 1);
    for (pugi::xml_node c : row.children("c")) {
        const std::string_view at = c.attribute("r").value();
        if (at == ref) return c;
        if (columnOf(at) > want.column + 1) {
            pugi::xml_node made = row.insert_child_before("c", c);
            made.append_attribute("r").set_value(ref.c_str());
            return made;
        }
    }
    pugi::xml_node made = row.append_child("c");
    made.append_attribute("r").set_value(ref.c_str());
    return made;
}

}  // namespace

ChartRefresh refreshChart(pugi::xml_document& user, const pugi::xml_document& fresh) {
    ChartRefresh out;
    const pugi::xml_node userPlot = plotAreaOf(user);
    const pugi::xml_node freshPlot = plotAreaOf(fresh);
    const std::vector<pugi::xml_node> mine = seriesOf(userPlot);
    const std::vector<pugi::xml_node> theirs = seriesOf(freshPlot);
    if (mine.size() != theirs.size()) {
        out.mismatch = "the slide's chart has " + std::to_string(mine.size()) +
                       " series and the forecast's " + std::to_string(theirs.size());
        return out;
    }
    std::map<long long, pugi::xml_node> byIndex;
    for (pugi::xml_node ser : mine) byIndex[ser.child("c:idx").attribute("val").as_llong(-1)] = ser;
    std::vector<std::pair<pugi::xml_node, pugi::xml_node>> pairs;
    for (const pugi::xml_node& ser : theirs) {
        const auto it = byIndex.find(ser.child("c:idx").attribute("val").as_llong(-2));
        if (it == byIndex.end()) {
            out.mismatch = "the slide's chart lacks series " +
                           std::string(ser.child("c:idx").attribute("val").value());
            return out;
        }
        for (const char* part : {"c:cat", "c:val", "c:xVal", "c:yVal"})
            if (ser.child(part) && !it->second.child(part)) {
                out.mismatch = "a series of the slide's chart has no " + std::string(part + 2);
                return out;
            }
        pairs.emplace_back(it->second, ser);
    }
    for (auto& [u, f] : pairs)
        for (const char* part : kDataParts)
            if (f.child(part) && u.child(part))
                out.changed |= syncData(u.child(part), f.child(part));
    for (const char* kind : {"c:catAx", "c:valAx", "c:dateAx"}) {
        std::vector<pugi::xml_node> ua, fa;
        for (pugi::xml_node a : userPlot.children(kind)) ua.push_back(a);
        for (pugi::xml_node a : freshPlot.children(kind)) fa.push_back(a);
        if (ua.size() != fa.size()) continue;
        for (std::size_t k = 0; k < ua.size(); ++k) out.changed |= syncAxis(ua[k], fa[k]);
    }
    return out;
}

std::vector<WorkbookCell> workbookCells(const pugi::xml_document& chart) {
    std::vector<WorkbookCell> out;
    for (const pugi::xml_node& ser : seriesOf(plotAreaOf(chart))) {
        for (const char* part : kDataParts) {
            const pugi::xml_node ref = dataRef(ser.child(part));
            const auto range = parseRange(ref.child("c:f").text().get());
            if (!range) continue;
            const pugi::xml_node cache = cacheOf(ref);
            const bool numeric = std::string_view(ref.name()) == "c:numRef";
            const auto pts = points(cache);
            const bool down = range->first.column == range->last.column;
            const std::size_t n = down ? range->last.row - range->first.row + 1
                                       : range->last.column - range->first.column + 1;
            for (std::size_t k = 0; k < n; ++k) {
                WorkbookCell cell{range->sheet, range->first.row + (down ? k : 0),
                                  range->first.column + (down ? 0 : k)};
                if (const auto it = pts.find(static_cast<long long>(k)); it != pts.end()) {
                    if (numeric)
                        cell.number = number(it->second);
                    else
                        cell.text = it->second;
                }
                out.push_back(std::move(cell));
            }
        }
    }
    return out;
}

std::optional<std::string> refreshWorkbook(const std::string& xlsx,
                                           const std::vector<WorkbookCell>& cells,
                                           const std::string& what) {
    ZipPackage book(xlsx, what);
    const std::string workbookPart = "xl/workbook.xml";
    const auto workbook = parseXmlPart(book.read(workbookPart), what + ", part " + workbookPart);
    const std::map<std::string, std::string> rels = relationshipsOf(book, workbookPart);
    std::map<std::string, std::string> sheetParts;  // sheet name -> part
    for (pugi::xml_node s : workbook->child("workbook").child("sheets").children("sheet")) {
        const auto it = rels.find(s.attribute("r:id").value());
        if (it != rels.end()) sheetParts[s.attribute("name").value()] = it->second;
    }
    SheetText text;
    for (const auto& [id, target] : rels) {
        if (target.size() < 17 || target.substr(target.size() - 17) != "sharedStrings.xml" ||
            !book.has(target))
            continue;
        const auto strings = parseXmlPart(book.read(target), what + ", part " + target);
        for (pugi::xml_node si : strings->child("sst").children("si"))
            text.shared.push_back(inlineText(si));
    }
    std::map<std::string, std::vector<const WorkbookCell*>> bySheet;
    for (const WorkbookCell& cell : cells) bySheet[cell.sheet].push_back(&cell);
    bool changed = false;
    for (const auto& [sheet, list] : bySheet) {
        const auto part = sheetParts.find(sheet);
        if (part == sheetParts.end())
            throw DeckError(what + " has no sheet '" + sheet + "' (the chart's data names it)");
        const auto doc = parseXmlPart(book.read(part->second), what + ", part " + part->second);
        pugi::xml_node data = doc->child("worksheet").child("sheetData");
        if (!data) throw DeckError(what + ", part " + part->second + ": no sheetData");
        bool sheetChanged = false;
        for (const WorkbookCell* cell : list) {
            pugi::xml_node row = rowFor(data, cell->row);
            pugi::xml_node c = cellFor(row, *cell);
            if (cellHolds(c, *cell, text)) continue;
            row.remove_attribute("spans");  // a hint only; dropped rather than left wrong
            setCell(c, *cell);
            sheetChanged = true;
        }
        if (sheetChanged) {
            book.replace(part->second, xmlText(*doc));
            changed = true;
        }
    }
    if (!changed) return std::nullopt;
    return book.bytes();
}

}  // namespace jevons::core::deck
