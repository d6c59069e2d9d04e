#include "app/export/export_picture_dialog.h"

#include "app/common/display.h"
#include "app/document/document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace jevons::app {

ExportPictureDialog::ExportPictureDialog(const Document& document, const QString& chartId,
                                         QWidget* parent)
    : QDialog(parent),
      m_chart(new QComboBox),
      m_format(new QComboBox),
      m_size(new QComboBox),
      m_transparent(new QCheckBox(tr("&Transparent background"))) {
    setWindowTitle(tr("Export Chart Picture"));
    for (const core::ChartDef& chart : document.scenario().charts)
        m_chart->addItem(labelText(chart.title, document.language()), toQString(chart.id));
    m_chart->setCurrentIndex(std::max(0, m_chart->findData(chartId)));
    m_format->addItem(tr("PNG picture"), static_cast<int>(PictureFormat::Png));
    m_format->addItem(tr("SVG (vector)"), static_cast<int>(PictureFormat::Svg));
    m_format->addItem(tr("PDF page (vector)"), static_cast<int>(PictureFormat::Pdf));
    for (int scale = 1; scale <= 3; ++scale) {
        const QSize s = kSlidePictureSize * scale;
        m_size->addItem(
            tr("%1 \u00d7 %2 (%3\u00d7 slide)").arg(s.width()).arg(s.height()).arg(scale), scale);
    }
    m_size->setCurrentIndex(1);  // 2x: sharp on a projector and on a Retina screen

    auto* form = new QFormLayout;
    form->addRow(tr("Chart:"), m_chart);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Size:"), m_size);
    form->addRow(QString(), m_transparent);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Cancel);
    box->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(box);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportPictureDialog::updateControls);
    updateControls();
}

void ExportPictureDialog::updateControls() {
    const bool png = format() == PictureFormat::Png;
    m_size->setEnabled(png);
    m_transparent->setEnabled(format() != PictureFormat::Pdf);
}

QString ExportPictureDialog::chartId() const { return m_chart->currentData().toString(); }

PictureFormat ExportPictureDialog::format() const {
    return static_cast<PictureFormat>(m_format->currentData().toInt());
}

ChartPictureOptions ExportPictureDialog::options() const {
    ChartPictureOptions o;
    o.scale = format() == PictureFormat::Png ? m_size->currentData().toInt() : 1;
    o.transparent = m_transparent->isEnabled() && m_transparent->isChecked();
    return o;
}

}  // namespace jevons::app
