#include "app/uncertainty/output_year_chart.h"

#include "app/charts/palette.h"
#include "app/document/document.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QVBoxLayout>

namespace jevons::app {

void layOutOutputYearChart(QWidget* owner, const OutputYearChartParts& parts) {
    parts.output->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    parts.chart->legend()->setAlignment(Qt::AlignBottom);
    parts.chart->legend()->setFont(palette::font(palette::kAxisPt - 1));
    parts.view->setChart(parts.chart);
    parts.view->setRenderHint(QPainter::Antialiasing);
    parts.caption->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->addWidget(parts.outputLabel);
    row->addWidget(parts.output, 1);
    row->addWidget(parts.yearLabel);
    row->addWidget(parts.year);
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(row);
    layout->addWidget(parts.view, 1);
    layout->addWidget(parts.caption);
}

void recomputeOnChanges(QWidget* owner, Document* document, const OutputYearChartParts& parts,
                        const std::function<void()>& rebuildChoices,
                        const std::function<void()>& recompute) {
    QObject::connect(parts.output, &QComboBox::currentIndexChanged, owner, recompute);
    QObject::connect(parts.year, &QComboBox::currentIndexChanged, owner, recompute);
    const auto rebuild = [rebuildChoices, recompute] {
        rebuildChoices();
        recompute();
    };
    QObject::connect(document, &Document::documentReset, owner, rebuild);
    QObject::connect(document, &Document::languageChanged, owner, rebuild);
    QObject::connect(document, &Document::resultsChanged, owner, recompute);
    QObject::connect(document, &Document::activeScenarioChanged, owner, recompute);
    QObject::connect(document, &Document::uncertaintyChanged, owner, recompute);
}

}  // namespace jevons::app
