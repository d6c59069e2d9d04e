#pragma once
// Line edits that know the forecast's names (issue 14): the formula field and the series
// parameters. A NameCompleter offers the names that start with the word under the cursor
// (assumptions, series and, in a formula, the functions) and replaces just that word; a
// formula's text is coloured by what each token is, an unknown name underlined in red.
#include <QList>
#include <QObject>
#include <QStringList>

class QCompleter;
class QLineEdit;
class QStringListModel;

namespace jevons::core {
struct Scenario;
}

namespace jevons::app {

/// @brief What a formula token is, for its colour.
enum class NameRole { Number, Function, Assumption, Series, Unknown, Operator };

/// @brief One coloured run of a formula: `start` and `length` in UTF-16 code units of the text.
struct FormulaRun {
    int start = 0;
    int length = 0;
    NameRole role = NameRole::Operator;
    bool operator==(const FormulaRun&) const = default;
};

/// @brief The runs of `text` as `scenario` reads its names ("x.output" is the series x).
/// Empty when the text does not tokenize (the parser's message says why).
[[nodiscard]] QList<FormulaRun> formulaRuns(const QString& text, const core::Scenario& scenario);

/// @brief Colour `edit`'s text by formulaRuns (as an input method colours its pre-edit text, the
/// one way QLineEdit shows formats); the text and cursor are not changed.
void highlightFormula(QLineEdit* edit, const core::Scenario& scenario);

/// @brief Completes the identifier under `edit`'s cursor from a list of names.
class NameCompleter : public QObject {
    Q_OBJECT
public:
    explicit NameCompleter(QLineEdit* edit);
    /// @brief The names offered (sorted for the popup).
    void setNames(QStringList names);
    [[nodiscard]] QCompleter* completer() const { return m_completer; }
    /// @brief The word being completed: the identifier characters before the cursor.
    [[nodiscard]] QString wordBeforeCursor() const;

private:
    void update();
    void insert(const QString& name);

    QLineEdit* m_edit;
    QStringListModel* m_model;
    QCompleter* m_completer;
};

/// @brief The names a formula may use: assumptions, series with their outputs, functions.
[[nodiscard]] QStringList formulaNames(const core::Scenario& scenario);
/// @brief The names a parameter may use: assumption ids.
[[nodiscard]] QStringList assumptionNames(const core::Scenario& scenario);

}  // namespace jevons::app
