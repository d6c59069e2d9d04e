#pragma once
// Editing the XML parts of an existing package in place (pugixml, a DOM that writes back what it
// read): parts parsed with every node kept, relationships resolved, a shape's name and text read
// and set without touching its formatting. Names are matched by their usual prefixes (p:, a:,
// c:, r:), which PowerPoint and LibreOffice both write. Internal to jevons_deck.
#include "core/deck/zip_package.h"

#include <pugixml.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jevons::core::deck {

/// @brief `bytes` parsed with comments, declarations and whitespace-only text kept. Throws
/// DeckError "deck.pptx, part ppt/slides/slide3.xml, line 4: <reason>".
[[nodiscard]] std::unique_ptr<pugi::xml_document> parseXmlPart(const std::string& bytes,
                                                               const std::string& where);
/// @brief The document as text, as parsed (no indentation added).
[[nodiscard]] std::string xmlText(const pugi::xml_document& doc);

/// @brief "ppt/slides/_rels/slide3.xml.rels" for "ppt/slides/slide3.xml".
[[nodiscard]] std::string relsPartOf(const std::string& part);
/// @brief The part a relationship of `part` points to: "../charts/chart1.xml" from
/// "ppt/slides/slide3.xml" is "ppt/charts/chart1.xml"; "/ppt/x.xml" is "ppt/x.xml".
[[nodiscard]] std::string resolveTarget(const std::string& part, const std::string& target);
/// @brief One internal relationship of a part: its id, its type's last segment ("slideLayout",
/// "chart", "theme") and its resolved target.
struct PartRelationship {
    std::string id;
    std::string type;
    std::string target;
};
/// @brief The internal relationships of `part` in the order of its .rels part; empty when it has
/// none. Throws DeckError when the .rels part is not XML.
[[nodiscard]] std::vector<PartRelationship> partRelationships(const ZipPackage& package,
                                                              const std::string& part);
/// @brief partRelationships as id -> resolved target.
[[nodiscard]] std::map<std::string, std::string> relationshipsOf(const ZipPackage& package,
                                                                 const std::string& part);

/// @brief The name of a slide shape (p:sp, p:graphicFrame, p:cxnSp, p:pic, p:grpSp): its
/// cNvPr's name attribute; empty for other nodes.
[[nodiscard]] std::string shapeName(const pugi::xml_node& shape);
/// @brief Sets the shape's name; returns whether it changed.
bool setShapeName(pugi::xml_node shape, const std::string& name);
/// @brief A shape's (or a table cell's, a:tc) text: its paragraphs' runs, joined by '\n'.
[[nodiscard]] std::string shapeText(const pugi::xml_node& shape);
/// @brief Sets a shape's text to `text` ('\n' between paragraphs) when it differs: the first
/// paragraph's first run keeps its properties and takes the text, the first paragraph is
/// repeated for more lines; returns whether anything changed. A shape without a text body or
/// run is left alone (false).
bool setShapeText(pugi::xml_node shape, const std::string& text);
/// @brief A shape's p:xfrm / a:xfrm (offset and extent), as four EMU numbers.
struct ShapeBox {
    long long x = 0, y = 0, w = 0, h = 0;
};
[[nodiscard]] std::optional<ShapeBox> shapeBox(const pugi::xml_node& shape);
/// @brief Sets the offset and extent of a shape that has them; returns whether they changed.
bool setShapeBox(pugi::xml_node shape, const ShapeBox& box);

}  // namespace jevons::core::deck
