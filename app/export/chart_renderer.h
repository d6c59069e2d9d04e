#pragma once
// Charts as pictures for slides: a fresh chart card (the dashboard's own chart builder) laid out
// off-screen at slide size, then painted into a PNG (1x/2x/3x of 1280x720), an SVG or a PDF page.
// Fonts and labels keep their point sizes relative to the slide, so a 3x PNG is sharp, not an
// upscaled screen grab. Needs a QApplication (the CLI creates one on the offscreen platform).
#include "app/uncertainty/uncertainty_result.h"
#include "core/deck/deck.h"
#include "core/scenario/scenario.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

namespace jevons::app {

class Document;

/// @brief A full 16:9 slide at 96 dpi (13.333 x 7.5 in).
inline constexpr QSize kSlidePictureSize{1280, 720};

enum class PictureFormat { Png, Svg, Pdf };

struct ChartPictureOptions {
    QSize size = kSlidePictureSize;  ///< layout size in logical pixels (96 per inch)
    int scale = 1;                   ///< PNG pixels per logical pixel: 1, 2 or 3
    bool transparent = false;        ///< no background (PNG, SVG); white otherwise
    bool title = true;               ///< the chart's title above the plot
    bool sourceLine = true;          ///< the source line under the plot
};

/// @brief Renders the charts of a document with its CURRENT values (the active scenario as
/// edited), in `language` ("en"/"zh"; empty = the document's). Takes a snapshot: later edits of
/// the document do not change what this renderer draws. With `uncertainty` (the simulation of
/// those values, e.g. UncertaintyEngine::current()) line charts carry their fan bands and every
/// CAGR arrow its P10–P90 range, as on screen; null = the charts without uncertainty.
class ChartRenderer {
public:
    explicit ChartRenderer(const Document& document, const QString& language = {},
                           UncertaintyResult uncertainty = {});
    ~ChartRenderer();
    ChartRenderer(const ChartRenderer&) = delete;
    ChartRenderer& operator=(const ChartRenderer&) = delete;

    /// @brief The chart `id`, or nullptr.
    [[nodiscard]] const core::ChartDef* chart(const QString& id) const;
    /// @brief Title of `chart` in the renderer's language.
    [[nodiscard]] QString title(const core::ChartDef& chart) const;

    /// @brief size * scale pixels (devicePixelRatio = scale), ARGB32 premultiplied.
    [[nodiscard]] QImage image(const core::ChartDef& chart,
                               const ChartPictureOptions& options = {}) const;
    [[nodiscard]] QByteArray png(const core::ChartDef& chart,
                                 const ChartPictureOptions& options = {}) const;
    /// @brief SVG 1.2 tiny, vector text; width and height in px of `options.size`.
    [[nodiscard]] QByteArray svg(const core::ChartDef& chart,
                                 const ChartPictureOptions& options = {}) const;
    /// @brief One PDF page of size/96 inches (16:9 at the default size), vector text.
    [[nodiscard]] QByteArray pdf(const core::ChartDef& chart,
                                 const ChartPictureOptions& options = {}) const;
    [[nodiscard]] QByteArray bytes(const core::ChartDef& chart, PictureFormat format,
                                   const ChartPictureOptions& options = {}) const;

private:
    std::unique_ptr<Document> m_snapshot;
    UncertaintyResult m_uncertainty;
};

/// @brief The size a picture slide of the deck gives a chart: the slide's content area below
/// the title band and above the source line (logical pixels at 96 per inch).
[[nodiscard]] QSize deckPictureSize();

/// @brief The core deck's picture renderer over `renderer`: PNG at 2x of deckPictureSize(),
/// white background, without title and source line (the slide carries them as text).
[[nodiscard]] core::deck::ChartPictureRenderer deckPictureRenderer(const ChartRenderer& renderer);

/// @brief "png", "svg" or "pdf"; the format for a file suffix, or nullopt-like false.
[[nodiscard]] QString pictureSuffix(PictureFormat format);
bool pictureFormatFromName(const QString& name, PictureFormat* format);

}  // namespace jevons::app
