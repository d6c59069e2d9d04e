#include "app/export/chart_renderer.h"

#include "app/charts/chart_card.h"
#include "app/charts/chart_view.h"
#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/document/document.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QLabel>
#include <QLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace jevons::app {
namespace {

constexpr int kDpi = 96;

/// A chart card laid out off-screen at `size`, ready to paint.
class OffscreenCard {
public:
    OffscreenCard(Document& document, const core::ChartDef& chart,
                  const ChartPictureOptions& options, const UncertaintyResult& uncertainty)
        : m_card(&document, chart,
                 {ChartRun{QString(), &document.evaluator(), false, Qt::SolidLine}}) {
        m_card.setUncertainty(uncertainty);
        const QString background =
            options.transparent ? QStringLiteral("transparent") : QStringLiteral("white");
        m_card.setStyleSheet(
            QStringLiteral("#chartCard { background: %1; border: none; }").arg(background));
        m_card.layout()->setContentsMargins(0, 0, 0, 0);
        QChart* qchart = m_card.chart();
        qchart->setBackgroundBrush(options.transparent ? QBrush(Qt::transparent)
                                                       : QBrush(Qt::white));
        qchart->setBackgroundVisible(!options.transparent);
        // Qt 6.4 draws bar-set legend markers "from series" as empty squares: fill them.
        for (QLegendMarker* marker : qchart->legend()->markers())
            if (marker->type() == QLegendMarker::LegendMarkerTypeBar)
                marker->setShape(QLegend::MarkerShapeRectangle);
        m_card.view()->setBackgroundBrush(Qt::NoBrush);
        m_card.view()->setStyleSheet(QStringLiteral("background: transparent; border: none;"));
        m_card.view()->viewport()->setAutoFillBackground(false);
        m_card.view()->setMinimumHeight(0);
        QLabel* source = m_card.sourceLabel();
        source->setStyleSheet(
            QStringLiteral("color: #6C757D; background: transparent; border: "
                           "none;"));
        source->setContentsMargins(12, 2, 12, 6);
        source->setVisible(options.sourceLine);
        m_card.resize(options.size);
        // Never shown (no window, no platform warnings): a first render lays the widgets out and
        // delivers their pending resize events; the chart then lays itself out (posted events).
        QImage dry(1, 1, QImage::Format_ARGB32_Premultiplied);
        QPainter dryPainter(&dry);
        m_card.render(&dryPainter, QPoint(), QRegion(0, 0, 1, 1), QWidget::DrawChildren);
        dryPainter.end();
        settle();
        if (!options.title) {
            qchart->setTitle(QString());
            settle();
        }
    }

    void paint(QPainter* painter) {
        m_card.render(painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }

private:
    void settle() {
        // Layouts of widgets and of the chart's graphics widgets are posted events.
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::sendPostedEvents();
        }
    }

    ChartCard m_card;
};

}  // namespace

ChartRenderer::ChartRenderer(const Document& document, const QString& language,
                             UncertaintyResult uncertainty)
    : m_snapshot(std::make_unique<Document>()), m_uncertainty(std::move(uncertainty)) {
    m_snapshot->load(document.scenario());
    const std::string active = document.activeScenario().toStdString();
    if (active != "base") m_snapshot->applyScenario(active);
    // Exactly the live values, whatever the scenario definitions say.
    const auto current = document.evaluator().assumptionValues();
    const auto mine = m_snapshot->evaluator().assumptionValues();
    for (const auto& [id, value] : current) {
        const auto it = mine.find(id);
        if (it == mine.end() || it->second != value) m_snapshot->applyAssumption(id, value);
    }
    m_snapshot->setLanguage(language.isEmpty() ? document.language() : language);
}

ChartRenderer::~ChartRenderer() = default;

const core::ChartDef* ChartRenderer::chart(const QString& id) const {
    return m_snapshot->scenario().findChart(id.toStdString());
}

QString ChartRenderer::title(const core::ChartDef& chart) const {
    return labelText(chart.title, m_snapshot->language());
}

QImage ChartRenderer::image(const core::ChartDef& chart, const ChartPictureOptions& options) const {
    OffscreenCard card(*m_snapshot, chart, options, m_uncertainty);
    const int scale = std::max(1, options.scale);
    QImage image(options.size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    // Fonts resolve against 96 logical dpi; the PNG then says 96 * scale dpi, so that a 2x or 3x
    // picture is placed at the same physical size (13.33 x 7.5 in) as a 1x one.
    const auto dotsPerMeter = [](int dpi) { return static_cast<int>(std::lround(dpi / 0.0254)); };
    image.setDotsPerMeterX(dotsPerMeter(kDpi));
    image.setDotsPerMeterY(dotsPerMeter(kDpi));
    image.fill(options.transparent ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    card.paint(&painter);
    painter.end();
    image.setDotsPerMeterX(dotsPerMeter(kDpi * scale));
    image.setDotsPerMeterY(dotsPerMeter(kDpi * scale));
    return image;
}

QByteArray ChartRenderer::png(const core::ChartDef& chart,
                              const ChartPictureOptions& options) const {
    QImage picture = image(chart, options);
    picture.setText(QStringLiteral("Title"), title(chart));
    picture.setText(QStringLiteral("Software"), QStringLiteral("Jevons"));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    return out;
}

QByteArray ChartRenderer::svg(const core::ChartDef& chart,
                              const ChartPictureOptions& options) const {
    OffscreenCard card(*m_snapshot, chart, options, m_uncertainty);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(options.size);
    generator.setViewBox(QRect(QPoint(0, 0), options.size));
    generator.setResolution(kDpi);
    generator.setTitle(title(chart));
    generator.setDescription(QStringLiteral("Jevons chart '%1'").arg(toQString(chart.id)));
    QPainter painter(&generator);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    if (!options.transparent) painter.fillRect(QRect(QPoint(0, 0), options.size), Qt::white);
    card.paint(&painter);
    painter.end();
    // QSvgGenerator names only the first family of a font, also on Chinese runs: give viewers
    // the whole list, with the CJK fonts of Windows and macOS, so that nothing falls back to
    // a font without the glyphs.
    QStringList families;
    for (const QString& family : palette::fontFamilies())
        if (family != QStringLiteral("sans-serif"))
            families << QLatin1Char('\'') + family + QLatin1Char('\'');
    families << QStringLiteral("'Microsoft YaHei'") << QStringLiteral("'PingFang SC'")
             << QStringLiteral("sans-serif");
    const QByteArray list =
        QByteArray("font-family=\"") + families.join(QStringLiteral(", ")).toUtf8() + '"';
    for (const QString& family : palette::fontFamilies())
        out.replace(QByteArray(QByteArray("font-family=\"") + family.toUtf8() + '"'), list);
    return out;
}

QByteArray ChartRenderer::pdf(const core::ChartDef& chart,
                              const ChartPictureOptions& options) const {
    OffscreenCard card(*m_snapshot, chart, options, m_uncertainty);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(
        QPageSize(QSizeF(options.size) / kDpi, QPageSize::Inch, QString(), QPageSize::ExactMatch),
        QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(title(chart));
    writer.setCreator(QStringLiteral("Jevons"));
    QPainter painter(&writer);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // The page is size/96 inches at 96 dpi: one logical pixel per device unit.
    if (!options.transparent) painter.fillRect(QRect(QPoint(0, 0), options.size), Qt::white);
    card.paint(&painter);
    painter.end();
    return out;
}

QByteArray ChartRenderer::bytes(const core::ChartDef& chart, PictureFormat format,
                                const ChartPictureOptions& options) const {
    switch (format) {
        case PictureFormat::Svg:
            return svg(chart, options);
        case PictureFormat::Pdf:
            return pdf(chart, options);
        case PictureFormat::Png:
            break;
    }
    return png(chart, options);
}

QSize deckPictureSize() {
    // core/deck/slide_xml.cpp: the picture area is 12.43 x 5.05 in (0.45 in side margins, from
    // 1.3 in below the top to 6.35 in).
    return {static_cast<int>(std::lround(12.4333 * kDpi)),
            static_cast<int>(std::lround(5.05 * kDpi))};
}

core::deck::ChartPictureRenderer deckPictureRenderer(const ChartRenderer& renderer) {
    return [&renderer](const core::ChartDef& chart, const core::ChartPlan&) {
        ChartPictureOptions options;
        options.size = deckPictureSize();
        options.scale = 2;
        options.title = false;
        options.sourceLine = false;
        const QByteArray png = renderer.png(chart, options);
        return std::string(png.constData(), static_cast<std::size_t>(png.size()));
    };
}

QString pictureSuffix(PictureFormat format) {
    switch (format) {
        case PictureFormat::Svg:
            return QStringLiteral("svg");
        case PictureFormat::Pdf:
            return QStringLiteral("pdf");
        case PictureFormat::Png:
            break;
    }
    return QStringLiteral("png");
}

bool pictureFormatFromName(const QString& name, PictureFormat* format) {
    const QString n = name.toLower();
    PictureFormat f;
    if (n == QStringLiteral("png"))
        f = PictureFormat::Png;
    else if (n == QStringLiteral("svg"))
        f = PictureFormat::Svg;
    else if (n == QStringLiteral("pdf"))
        f = PictureFormat::Pdf;
    else
        return false;
    if (format) *format = f;
    return true;
}

}  // namespace jevons::app
