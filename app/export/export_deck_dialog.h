#pragma once
// File → Export deck…: which charts, in which order (checkable list with up/down buttons), the
// language, native charts or pictures, and the uncertainty slides (fans, tornado, histogram). The
// dialog only collects the request; ExportActions asks for the file and writes it through
// exportDeck().
#include "app/export/deck_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace jevons::app {

class Document;

class ExportDeckDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDeckDialog(const Document& document, QWidget* parent = nullptr);

    /// @brief The charts checked, top to bottom; language; native or pictures.
    [[nodiscard]] DeckExportRequest request() const;

    [[nodiscard]] QListWidget* chartList() const { return m_charts; }
    [[nodiscard]] QComboBox* languageBox() const { return m_language; }
    [[nodiscard]] QRadioButton* picturesButton() const { return m_pictures; }
    /// @brief "Uncertainty slides": fans, the tornado and the histogram (checked by default
    /// when an assumption has a range).
    [[nodiscard]] QCheckBox* uncertaintyBox() const { return m_uncertainty; }
    /// "Scenario bridges": one waterfall slide from base to each other scenario, of the output
    /// and year below it.
    [[nodiscard]] QCheckBox* bridgesBox() const { return m_bridges; }
    /// "Template": Jevons' own, or a firm's .potx/.pptx (the last one chosen is remembered,
    /// kTemplateKey, when a deck is exported with it).
    [[nodiscard]] QComboBox* templateBox() const { return m_template; }
    /// @brief Adds `path` to the template choices (once) and selects it.
    void chooseTemplate(const QString& path);
    static constexpr const char* kTemplateKey = "export/deckTemplate";
    /// @brief Move the current chart one place up (-1) or down (+1).
    void moveCurrent(int step);

private:
    void updateButtons();

    QListWidget* m_charts;
    QPushButton* m_up;
    QPushButton* m_down;
    QComboBox* m_language;
    QRadioButton* m_native;
    QRadioButton* m_pictures;
    QPushButton* m_export;
    QCheckBox* m_uncertainty;
    QComboBox* m_tornadoOutput;
    QComboBox* m_tornadoYear;
    QComboBox* m_histogramOutput;
    QComboBox* m_histogramYear;
    QCheckBox* m_bridges;
    QComboBox* m_bridgeOutput;
    QComboBox* m_bridgeYear;
    QComboBox* m_template;
    QStringList m_bridgeTargets;  ///< every scenario but base, in file order
};

}  // namespace jevons::app
