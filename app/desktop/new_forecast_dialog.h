#pragma once
// File → New: a gallery of the forecasts to start from (core/scenario/templates.h): Blank, the
// shipped templates with their one-line descriptions, and the default forecast. A template file
// that does not load is listed, greyed, with the loader's message as its tooltip.
#include "core/scenario/templates.h"

#include <QDialog>

#include <vector>

class QLabel;
class QListWidget;

namespace jevons::app {

class NewForecastDialog : public QDialog {
    Q_OBJECT
public:
    /// @param language "en" or "zh": the titles and descriptions shown.
    NewForecastDialog(std::vector<core::TemplateInfo> templates, const QString& language,
                      QWidget* parent = nullptr);

    /// @brief The chosen template's name ("blank", "market_share", "default").
    [[nodiscard]] QString selectedName() const;
    /// @brief Choose the template called `name`; false when there is none that can be used.
    bool select(const QString& name);
    [[nodiscard]] QListWidget* list() const { return m_list; }

private:
    std::vector<core::TemplateInfo> m_templates;
    QString m_language;
    QListWidget* m_list;
    QLabel* m_description;
};

/// @brief The templates the dashboard offers: forecasts/templates/ beside the default forecast.
[[nodiscard]] std::vector<core::TemplateInfo> shippedTemplates();

}  // namespace jevons::app
