#pragma once
// File → Export → Chart Picture… (and a card's "Export Picture…"): which chart, PNG / SVG / PDF,
// PNG size (1x, 2x, 3x of 1280x720) and white or transparent background.
#include "app/export/chart_renderer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace jevons::app {

class Document;

class ExportPictureDialog : public QDialog {
    Q_OBJECT
public:
    ExportPictureDialog(const Document& document, const QString& chartId,
                        QWidget* parent = nullptr);

    [[nodiscard]] QString chartId() const;
    [[nodiscard]] PictureFormat format() const;
    [[nodiscard]] ChartPictureOptions options() const;

    [[nodiscard]] QComboBox* chartBox() const { return m_chart; }
    [[nodiscard]] QComboBox* formatBox() const { return m_format; }
    [[nodiscard]] QComboBox* sizeBox() const { return m_size; }
    [[nodiscard]] QCheckBox* transparentBox() const { return m_transparent; }

private:
    void updateControls();

    QComboBox* m_chart;
    QComboBox* m_format;
    QComboBox* m_size;
    QCheckBox* m_transparent;
};

}  // namespace jevons::app
