#include "app/cli/picture_export.h"

#include "app/cli/export_request.h"
#include "app/common/write_file.h"
#include "app/document/document.h"
#include "app/export/chart_renderer.h"
#include "app/export/deck_export.h"
#include "app/uncertainty/simulation.h"
#include "core/deck/deck_error.h"
#include "core/scenario/scenario_json.h"

#include <QApplication>

#include <memory>
#include <ostream>
#include <utility>

namespace jevons::app {

namespace {

/// A QApplication for painting; offscreen when there is no display to talk to.
std::unique_ptr<QApplication> makeApplication() {
    if (QApplication::instance()) return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "jevons-render";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

int run(const ExportRequest& r, std::ostream& out) {
    core::Scenario scenario = core::loadScenarioFile(r.file);
    checkExportIds(r, scenario);
    const std::unique_ptr<QApplication> application = makeApplication();

    Document document;
    document.load(std::move(scenario), QString::fromStdString(r.file));
    if (r.scenario != "base") document.applyScenario(r.scenario);
    document.setLanguage(QString::fromStdString(r.language));
    const QString output = QString::fromStdString(r.output);
    // With --uncertainty: the fan bands and CAGR ranges of the file's ranges, as the dashboard
    // shows them (none when no assumption has a range).
    UncertaintyResult bands;
    if (r.uncertainty) {
        const core::SamplingPlan plan = core::SamplingPlan::make(document.scenario());
        if (!plan.empty()) bands = simulateCurrentValues(document, plan);
    }

    if (r.what == "deck") {
        DeckExportRequest request;
        for (const auto& id : r.charts) request.chartIds << QString::fromStdString(id);
        request.language = document.language();
        request.pictures = true;
        request.uncertainty = r.uncertainty;
        request.tornadoOutput = QString::fromStdString(r.tornado);
        request.tornadoYear = r.tornadoYear;
        request.histogramOutput = QString::fromStdString(r.histogram);
        request.histogramYear = r.histogramYear;
        request.pictureBands = bands;
        request.templatePath = QString::fromStdString(r.templateFile);
        for (const ExportRequest::BridgeSpec& b : r.bridges)
            request.bridges.append({QStringLiteral("base"), QString::fromStdString(b.to),
                                    QString::fromStdString(b.series), b.year});
        exportDeck(document, request, output);
        out << "wrote " << r.output << "\n";
        return 0;
    }
    PictureFormat format = PictureFormat::Png;
    pictureFormatFromName(QString::fromStdString(r.what), &format);
    const ChartRenderer renderer(document, {}, bands);
    ChartPictureOptions options;
    options.scale = r.scale;
    options.transparent = r.transparent;
    const core::ChartDef* chart = renderer.chart(QString::fromStdString(r.charts.front()));
    QString error;
    if (!writeFile(output, renderer.bytes(*chart, format, options), &error))
        throw core::deck::DeckError(error.toStdString());
    out << "wrote " << r.output;
    if (format == PictureFormat::Png)
        out << " (" << kSlidePictureSize.width() * r.scale << "x"
            << kSlidePictureSize.height() * r.scale << ")";
    out << "\n";
    return 0;
}

}  // namespace

int runPictureExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return reportExportErrors(err, [&] { return run(parseExportRequest(args), out); });
}

}  // namespace jevons::app
