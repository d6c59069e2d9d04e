#pragma once
// The fixed parts of a presentation package around the slides: content types, relationships,
// document properties, presentation, master, layout and theme.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::deck {

/// @brief One relationship of a part (`Target` relative to the part's folder).
struct Relationship {
    std::string id;    ///< "rId1"
    std::string type;  ///< full URI, see the k…Rel constants
    std::string target;
};

inline constexpr std::string_view kOfficeRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline const std::string kSlideRel = std::string(kOfficeRel) + "slide";
inline const std::string kSlideLayoutRel = std::string(kOfficeRel) + "slideLayout";
inline const std::string kChartRel = std::string(kOfficeRel) + "chart";
inline const std::string kPackageRel = std::string(kOfficeRel) + "package";
inline const std::string kImageRel = std::string(kOfficeRel) + "image";

/// @brief A part name and its content type, for an Override in [Content_Types].xml.
struct PartType {
    std::string name;  ///< "/ppt/slides/slide1.xml"
    std::string contentType;
};

inline constexpr std::string_view kSlideType =
    "application/vnd.openxmlformats-officedocument.presentationml.slide+xml";
inline constexpr std::string_view kChartType =
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

[[nodiscard]] std::string relationshipsXml(const std::vector<Relationship>& rels);
/// @brief Defaults for rels, xml, xlsx, png; an Override per part in `overrides`.
[[nodiscard]] std::string contentTypesXml(const std::vector<PartType>& overrides);
/// @brief _rels/.rels.
[[nodiscard]] std::string rootRelsXml();
/// @brief docProps/core.xml; `created` as "2025-02-09T10:00:00Z".
[[nodiscard]] std::string corePropertiesXml(const std::string& title, const std::string& author,
                                            const std::string& created);
/// @brief docProps/app.xml.
[[nodiscard]] std::string appPropertiesXml(std::size_t slideCount);
/// @brief ppt/presentation.xml: slides rId2.. rIdN+1 (rId1 = master); 16:9.
[[nodiscard]] std::string presentationXml(std::size_t slideCount);
/// @brief ppt/_rels/presentation.xml.rels matching presentationXml.
[[nodiscard]] std::string presentationRelsXml(std::size_t slideCount);
[[nodiscard]] std::string presPropsXml();
[[nodiscard]] std::string viewPropsXml();
[[nodiscard]] std::string tableStylesXml();
[[nodiscard]] std::string slideMasterXml();
[[nodiscard]] std::string slideMasterRelsXml();
[[nodiscard]] std::string slideLayoutXml();
[[nodiscard]] std::string slideLayoutRelsXml();
/// @brief ppt/theme/theme1.xml: Office colours; Calibri with Microsoft YaHei for East Asian text.
[[nodiscard]] std::string themeXml();

/// @brief The Override entries of every fixed part (not slides and charts).
[[nodiscard]] std::vector<PartType> fixedPartTypes();

}  // namespace jevons::core::deck
