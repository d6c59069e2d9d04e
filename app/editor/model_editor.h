#pragma once
// The model editor (issue 14): a dock beside the dashboard with a tree of the forecast's
// assumptions (by group), series, charts, anchors, sources and scenarios, and a form for the
// selected item. Every change is one structural edit of the Document (replaceDefinitions, or
// editAssumption for a value), so it is one undo step, autosaved and saved in the file format;
// what the core refuses is shown under the form and changes nothing.
#include <QDockWidget>
#include <QPointer>

#include <map>

class QLabel;
class QLineEdit;
class QMainWindow;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace jevons::core {
struct Scenario;
}

namespace jevons::app {

class Document;
class AssumptionForm;
class SeriesForm;
class ChartForm;
class ScenarioGrid;
class ForecastForm;
class AnchorForm;
class SourceForm;

class ModelEditor : public QDockWidget {
    Q_OBJECT
public:
    /// @brief What a tree item stands for.
    enum class Kind { None, Assumption, Series, Chart, Anchor, Source, Scenario, Forecast };

    explicit ModelEditor(Document* document, QWidget* parent = nullptr);
    /// @brief Add the dock to `window` (hidden), with View → Model Editor (Ctrl+Alt+M), and the
    /// model map's dock (View → Model Map, Ctrl+Alt+K), which follows the editor's selection
    /// and selects in it on a click.
    static ModelEditor* install(QMainWindow* window, Document* document);

    /// @brief Select the item `id` of `kind` in the tree and show its form; false if absent.
    bool select(Kind kind, const QString& id);
    [[nodiscard]] Kind selectedKind() const;
    [[nodiscard]] QString selectedId() const;

    /// @brief The core's message of the last refused edit ("" after one that landed).
    [[nodiscard]] QString problem() const;

    // The toolbar's actions, for tests and shortcuts.
    void addAssumption();
    void addSeries();
    void addChart();
    /// @brief A published figure on the selected series (else the first), at the model's value
    /// five years in, to be edited into what the source says.
    void addAnchor();
    void addSource();
    /// @brief A scenario with no overrides yet (the grid then takes its values).
    void addScenario();
    void duplicateSelected();
    /// @brief Delete the selected item. A referenced assumption is refused with its referrers
    /// named, and "Replace by value" is offered (inlineSelected).
    void deleteSelected();
    /// @brief Replace every reference to the selected assumption by its value, then delete it.
    void inlineSelected();
    void moveSelected(int delta);

    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    [[nodiscard]] AssumptionForm* assumptionForm() const { return m_assumptionForm; }
    [[nodiscard]] SeriesForm* seriesForm() const { return m_seriesForm; }
    [[nodiscard]] ChartForm* chartForm() const { return m_chartForm; }
    [[nodiscard]] ScenarioGrid* scenarioGrid() const { return m_scenarioGrid; }
    [[nodiscard]] ForecastForm* forecastForm() const { return m_forecastForm; }
    [[nodiscard]] AnchorForm* anchorForm() const { return m_anchorForm; }
    [[nodiscard]] SourceForm* sourceForm() const { return m_sourceForm; }

    /// @brief Make `scenario` the definitions as one undo step `text`, then select (kind, id).
    /// On refusal shows the core's message and returns false; the document is unchanged.
    bool apply(const core::Scenario& scenario, const QString& text, Kind kind, const QString& id);
    /// @brief Rename assumption or series `from` to `to` (core::edit::renamed: every reference
    /// follows) as one undo step, then select it. True when it landed or nothing changed; on a
    /// refusal shows why and returns false.
    bool rename(Kind kind, const QString& from, const QString& to);
    /// @brief Show `message` under the form (empty clears it).
    void showProblem(const QString& message);

signals:
    /// @brief The tree's selection changed (Kind::None and "" for a heading or nothing).
    void selectionChanged(jevons::app::ModelEditor::Kind kind, const QString& id);

private:
    void rebuild();
    void showSelected();
    /// Writes the tree in place during rebuild(): the item at each position under a parent is
    /// reused (text and roles updated, its expanded state kept), a new position gets a new item
    /// (expanded as asked), and finish() removes the items no position took.
    class TreeSync {
    public:
        explicit TreeSync(QTreeWidget* tree) : m_tree(tree) {}
        QTreeWidgetItem* item(QTreeWidgetItem* parent, Kind kind, const QString& id,
                              const QString& text, bool expandNew = true);
        void finish();

    private:
        QTreeWidget* m_tree;
        std::map<QTreeWidgetItem*, int> m_next;  ///< next position under each parent (nullptr: top)
    };

    QPointer<Document> m_document;
    QTreeWidget* m_tree;
    QStackedWidget* m_forms;
    QLabel* m_summary;  ///< anchors, sources and scenarios: what they hold, read-only here
    AssumptionForm* m_assumptionForm;
    SeriesForm* m_seriesForm;
    ChartForm* m_chartForm;
    ScenarioGrid* m_scenarioGrid;
    ForecastForm* m_forecastForm;
    AnchorForm* m_anchorForm;
    SourceForm* m_sourceForm;
    QLabel* m_problem;
    QPushButton* m_inline;
    Kind m_pendingKind = Kind::None;
    QString m_pendingId;
};

}  // namespace jevons::app
