#pragma once
// File → Import actuals… and Edit → Paste actuals: previews the parsed table (the core parser's
// "line 4, column 2: ..." shown verbatim when it refuses the text), maps each column to a series
// (an existing one, a new one, or skipped), asks where the numbers come from, and applies them
// to the document as one undo step.
#include "core/calibration/actuals.h"
#include "core/calibration/import_actuals.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace jevons::app {

class Document;

class ImportActualsDialog : public QDialog {
    Q_OBJECT
public:
    /// @param text CSV text or cells pasted from a spreadsheet; @param origin the file name or
    /// "pasted data" (what the core calls the source of the table).
    ImportActualsDialog(Document* document, const QString& text, const QString& origin,
                        QWidget* parent = nullptr);

    /// @brief The parser's message when it refused the text (verbatim), else empty.
    [[nodiscard]] QString parseError() const { return m_error; }
    [[nodiscard]] bool isParsed() const { return m_actuals.has_value(); }
    [[nodiscard]] const core::Actuals& actuals() const { return *m_actuals; }
    [[nodiscard]] QTableWidget* preview() const { return m_preview; }

    /// @brief Column `column` becomes the actuals of existing series `seriesId`.
    void mapToSeries(int column, const QString& seriesId);
    /// @brief Column `column` becomes a new points series `id` in `unit` (with a line chart).
    void mapToNewSeries(int column, const QString& id, core::Unit unit);
    /// @brief Column `column` is not imported.
    void skipColumn(int column);
    void setSource(const QString& source);
    [[nodiscard]] std::vector<core::ActualsMapping> mapping() const;

    /// @brief Apply the mapping to the document as one undo step. On refusal returns false and
    /// shows the core's message in the dialog (and in `error`); the document is unchanged.
    bool apply(QString* error = nullptr);
    void accept() override;

private:
    struct ColumnRow {
        QComboBox* target = nullptr;  ///< 0 skip, 1 new series, 2.. existing series
        QLineEdit* newId = nullptr;
        QComboBox* unit = nullptr;
    };
    void updateState();

    Document* m_document;
    std::optional<core::Actuals> m_actuals;
    QString m_error;
    QTableWidget* m_preview = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_source = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<ColumnRow> m_rows;
    QStringList m_seriesIds;  ///< existing series, in the order of the target combo (from 2)
};

}  // namespace jevons::app
