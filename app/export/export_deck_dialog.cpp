#include "app/export/export_deck_dialog.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/uncertainty/histogram_view.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace jevons::app {

ExportDeckDialog::ExportDeckDialog(const Document& document, QWidget* parent)
    : QDialog(parent),
      m_charts(new QListWidget),
      m_up(new QPushButton(tr("Move &Up"))),
      m_down(new QPushButton(tr("Move &Down"))),
      m_language(new QComboBox),
      m_native(new QRadioButton(tr("&Native charts (editable in PowerPoint)"))),
      m_pictures(new QRadioButton(tr("&Pictures (PNG)"))),
      m_export(nullptr),
      m_uncertainty(new QCheckBox(tr("&Uncertainty slides: fans, tornado and histogram"))),
      m_tornadoOutput(new QComboBox),
      m_tornadoYear(new QComboBox),
      m_histogramOutput(new QComboBox),
      m_histogramYear(new QComboBox),
      m_bridges(new QCheckBox(tr("Scenario &bridges: what moves base to each other scenario"))),
      m_bridgeOutput(new QComboBox),
      m_bridgeYear(new QComboBox),
      m_template(new QComboBox) {
    setWindowTitle(tr("Export Deck"));
    const QString language = document.language();
    for (const core::ChartDef& chart : document.scenario().charts) {
        auto* item = new QListWidgetItem(labelText(chart.title, language), m_charts);
        item->setData(Qt::UserRole, toQString(chart.id));
        item->setToolTip(toQString(chart.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_charts->setCurrentRow(0);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
    m_native->setChecked(true);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto* chartsRow = new QHBoxLayout;
    chartsRow->addWidget(m_charts, 1);
    chartsRow->addLayout(buttons);

    auto* kind = new QVBoxLayout;
    kind->addWidget(m_native);
    kind->addWidget(m_pictures);

    QString scenario = document.activeScenario();
    if (const core::ScenarioDef* def = document.scenario().findScenario(scenario.toStdString()))
        scenario = labelText(def->label, language);
    else if (scenario == QStringLiteral("base"))
        scenario = tr("Base");

    const bool ranges =
        std::any_of(document.scenario().assumptions.begin(), document.scenario().assumptions.end(),
                    [](const core::Assumption& a) { return a.distribution.has_value(); });
    m_uncertainty->setChecked(ranges);
    m_uncertainty->setEnabled(ranges);
    if (!ranges) m_uncertainty->setToolTip(tr("No assumption has a range"));
    const core::Scenario::Focus focus = document.scenario().focus();
    fillOutputCombo(m_tornadoOutput, document, toQString(focus.ref));
    fillYearCombo(m_tornadoYear, document, focus.chartEnd);
    fillOutputCombo(m_histogramOutput, document, toQString(focus.ref));
    fillYearCombo(m_histogramYear, document, focus.cagrEnd);
    auto* tornadoRow = new QHBoxLayout;
    tornadoRow->addWidget(m_tornadoOutput, 1);
    tornadoRow->addWidget(m_tornadoYear);
    auto* histogramRow = new QHBoxLayout;
    histogramRow->addWidget(m_histogramOutput, 1);
    histogramRow->addWidget(m_histogramYear);
    for (QWidget* w :
         {static_cast<QWidget*>(m_tornadoOutput), static_cast<QWidget*>(m_tornadoYear),
          static_cast<QWidget*>(m_histogramOutput), static_cast<QWidget*>(m_histogramYear)}) {
        w->setEnabled(ranges);
        connect(m_uncertainty, &QCheckBox::toggled, w, &QWidget::setEnabled);
    }

    for (const core::ScenarioDef& s : document.scenario().scenarios)
        if (s.id != "base") m_bridgeTargets << toQString(s.id);
    m_bridges->setEnabled(!m_bridgeTargets.isEmpty());
    if (m_bridgeTargets.isEmpty()) m_bridges->setToolTip(tr("The forecast has no other scenario"));
    fillOutputCombo(m_bridgeOutput, document, toQString(focus.ref));
    fillYearCombo(m_bridgeYear, document, focus.cagrEnd);
    auto* bridgeRow = new QHBoxLayout;
    bridgeRow->addWidget(m_bridgeOutput, 1);
    bridgeRow->addWidget(m_bridgeYear);
    for (QWidget* w :
         {static_cast<QWidget*>(m_bridgeOutput), static_cast<QWidget*>(m_bridgeYear)}) {
        w->setEnabled(false);
        connect(m_bridges, &QCheckBox::toggled, w, &QWidget::setEnabled);
    }

    m_template->addItem(tr("Jevons (built in, 16:9)"), QString());
    const QString remembered = QSettings().value(QString::fromLatin1(kTemplateKey)).toString();
    if (!remembered.isEmpty() && QFileInfo::exists(remembered)) chooseTemplate(remembered);
    auto* browse = new QPushButton(tr("C&hoose\u2026"));
    browse->setObjectName(QStringLiteral("chooseTemplateButton"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Choose a PowerPoint template"), QString(),
                                         tr("PowerPoint templates and decks (*.potx *.pptx)"));
        if (!path.isEmpty()) chooseTemplate(path);
    });
    auto* templateRow = new QHBoxLayout;
    templateRow->addWidget(m_template, 1);
    templateRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Scenario:"), new QLabel(scenario + QStringLiteral("  ") +
                                             tr("(current values, as on the dashboard)")));
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("&Template:"), templateRow);
    form->addRow(tr("Charts as:"), kind);
    form->addRow(QString(), m_uncertainty);
    form->addRow(tr("Tornado of:"), tornadoRow);
    form->addRow(tr("Histogram of:"), histogramRow);
    form->addRow(QString(), m_bridges);
    form->addRow(tr("Bridge of:"), bridgeRow);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_export = box->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Slides, in this order (one per checked chart, then the "
                      "assumptions and sources):")));
    layout->addLayout(chartsRow, 1);
    layout->addLayout(form);
    layout->addWidget(box);

    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    connect(m_charts, &QListWidget::currentRowChanged, this, &ExportDeckDialog::updateButtons);
    connect(m_charts, &QListWidget::itemChanged, this, &ExportDeckDialog::updateButtons);
    updateButtons();
    resize(560, 560);
}

void ExportDeckDialog::chooseTemplate(const QString& path) {
    int index = m_template->findData(path);
    if (index < 0) {
        m_template->addItem(QFileInfo(path).fileName(), path);
        index = m_template->count() - 1;
        m_template->setItemData(index, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    }
    m_template->setCurrentIndex(index);
}

void ExportDeckDialog::moveCurrent(int step) {
    const int row = m_charts->currentRow();
    const int target = row + step;
    if (row < 0 || target < 0 || target >= m_charts->count()) return;
    QListWidgetItem* item = m_charts->takeItem(row);
    m_charts->insertItem(target, item);
    m_charts->setCurrentRow(target);
}

void ExportDeckDialog::updateButtons() {
    const int row = m_charts->currentRow();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_charts->count());
    bool any = false;
    for (int i = 0; i < m_charts->count(); ++i)
        any = any || m_charts->item(i)->checkState() == Qt::Checked;
    m_export->setEnabled(any);
}

DeckExportRequest ExportDeckDialog::request() const {
    DeckExportRequest r;
    for (int i = 0; i < m_charts->count(); ++i) {
        const QListWidgetItem* item = m_charts->item(i);
        if (item->checkState() == Qt::Checked) r.chartIds << item->data(Qt::UserRole).toString();
    }
    r.language = m_language->currentData().toString();
    r.pictures = m_pictures->isChecked();
    r.templatePath = m_template->currentData().toString();
    r.uncertainty = m_uncertainty->isEnabled() && m_uncertainty->isChecked();
    r.tornadoOutput = m_tornadoOutput->currentData().toString();
    r.tornadoYear = m_tornadoYear->currentData().toInt();
    r.histogramOutput = m_histogramOutput->currentData().toString();
    r.histogramYear = m_histogramYear->currentData().toInt();
    if (m_bridges->isEnabled() && m_bridges->isChecked())
        for (const QString& to : m_bridgeTargets)
            r.bridges.append({QStringLiteral("base"), to, m_bridgeOutput->currentData().toString(),
                              m_bridgeYear->currentData().toInt()});
    return r;
}

}  // namespace jevons::app
