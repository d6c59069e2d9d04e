#include "app/desktop/new_forecast_dialog.h"

#include "app/command_line.h"
#include "app/common/display.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace jevons::app {

std::vector<core::TemplateInfo> shippedTemplates() {
    const QString forecast = findDefaultForecast();
    const QString dir = forecast.isEmpty()
                            ? QString()
                            : QFileInfo(forecast).absolutePath() + QStringLiteral("/templates");
    return core::listTemplates(dir.toStdString(), forecast.toStdString());
}

NewForecastDialog::NewForecastDialog(std::vector<core::TemplateInfo> templates,
                                     const QString& language, QWidget* parent)
    : QDialog(parent),
      m_templates(std::move(templates)),
      m_language(language),
      m_list(new QListWidget),
      m_description(new QLabel) {
    setWindowTitle(tr("New forecast"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Start from:")));
    for (const core::TemplateInfo& t : m_templates) {
        auto* item = new QListWidgetItem(labelText(t.title, language), m_list);
        item->setData(Qt::UserRole, toQString(t.name));
        if (!t.problem.empty()) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(toQString(t.problem));
        } else {
            item->setToolTip(labelText(t.description, language));
        }
    }
    m_list->setMinimumWidth(m_list->sizeHintForColumn(0) + 40);
    layout->addWidget(m_list, 1);
    m_description->setWordWrap(true);
    m_description->setMinimumHeight(2 * fontMetrics().lineSpacing());
    layout->addWidget(m_description);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->flags() & Qt::ItemIsEnabled) accept();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this, buttons](int row) {
        const bool usable = row >= 0 && m_templates[static_cast<std::size_t>(row)].problem.empty();
        buttons->button(QDialogButtonBox::Ok)->setEnabled(usable);
        if (row < 0) {
            m_description->clear();
            return;
        }
        const core::TemplateInfo& t = m_templates[static_cast<std::size_t>(row)];
        m_description->setText(usable ? labelText(t.description, m_language)
                                      : toQString(t.problem));
    });
    m_list->setCurrentRow(0);
    m_list->setFocus();
}

QString NewForecastDialog::selectedName() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool NewForecastDialog::select(const QString& name) {
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == name &&
            (m_list->item(i)->flags() & Qt::ItemIsEnabled)) {
            m_list->setCurrentRow(i);
            return true;
        }
    return false;
}

}  // namespace jevons::app
