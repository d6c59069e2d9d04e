#pragma once
// The open forecast: one core scenario, its Evaluator, the undo stack of edits, the active
// scenario. Views read from it and listen to its signals; they never evaluate anything themselves.
#include "app/common/display.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario.h"

#include <QList>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <string>

class QUndoStack;

namespace jevons::app {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    /// @brief Replace the document by `scenario` (compiled and validated first), clearing undo.
    /// Throws core::ScenarioError; then the document is left as it was.
    void load(core::Scenario scenario, const QString& filePath = {});
    /// @brief load() a new forecast (File → New): untitled and modified, so that closing asks
    /// first and Save asks for a name.
    void loadUntitled(core::Scenario scenario);
    /// @brief Open a scenario file. On failure returns false, puts the core's message
    /// ("file:line:col: path: detail") in `error` and leaves the document as it was.
    bool open(const QString& path, QString* error = nullptr);
    /// @brief Save atomically (core::writeFileAtomically). On failure returns false with the
    /// reason in `error` ("No space left on device (writing)"); the file on disk is then the old
    /// one, byte for byte.
    bool save(const QString& path, QString* error = nullptr);

    [[nodiscard]] bool isLoaded() const { return m_evaluator != nullptr; }
    /// @brief The definitions. Assumption values are the base case as edited; the overrides of
    /// the other scenarios include edits made while they were active. Contract: isLoaded().
    [[nodiscard]] const core::Scenario& scenario() const { return m_scenario; }
    /// @brief The live forecast (values of the active scenario as edited). Contract: isLoaded().
    [[nodiscard]] const core::Evaluator& evaluator() const { return *m_evaluator; }
    [[nodiscard]] const core::Model& model() const { return m_evaluator->model(); }
    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] QString activeScenario() const { return QString::fromStdString(m_active); }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undo; }
    [[nodiscard]] bool isModified() const;
    /// @brief "en" or "zh": the language labels are shown in.
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString& language);
    /// @brief How this document's values are shown (display units, percent decimals, the RMB
    /// exchange rate): every view of it formats through these (app/common/display.h).
    [[nodiscard]] const DisplayPreferences& displayPreferences() const { return m_display; }
    /// @brief Replace the display preferences, validated first (core::sanitized: an unknown unit
    /// falls back to the default). When they differ from the current ones, the undo texts are
    /// composed again and languageChanged is emitted once, so views rebuild as on a language
    /// switch; otherwise nothing happens.
    void setDisplayPreferences(const DisplayPreferences& preferences);

    /// @brief Assumption values of scenario `id` as edited in this document.
    [[nodiscard]] std::map<std::string, double> scenarioValues(const std::string& id) const;

    // Undoable edits. Each returns false (and emits editRejected) when the model refuses it.

    /// @brief Set an assumption (stored unit). Within an interactive session (a slider drag)
    /// consecutive edits of one assumption merge into one undo step.
    ///
    /// Ranges follow the value (issue 18; rule in core/uncertainty/range_follow.h): when the
    /// base case is active and the assumption has an unpinned range, the range moves with the
    /// value in the same undo step, whoever edits (spin box, slider, what-if slider, goal seek,
    /// anchor drag). Within a session the range is derived from the one the session started
    /// with, so a drag to the slider's end and back restores it. Edits while another scenario
    /// is active change only its override: the range is the assumption's, shared by every
    /// scenario, and stays.
    bool editAssumption(const QString& id, double value);
    void beginInteractiveEdit();
    void endInteractiveEdit();
    [[nodiscard]] bool inInteractiveEdit() const { return m_session != 0; }
    /// @brief Switch to scenario `id` (one undo step).
    bool switchScenario(const QString& id);
    /// @brief Store the current values as a new scenario (overrides = values differing from the
    /// base as last loaded or saved) and make it active. Returns false when the id is empty or
    /// taken.
    bool addScenario(const QString& id, const QString& label);
    /// @brief Give assumption `id` a distribution (stored unit), or none with std::nullopt (one
    /// undo step). The core checks it (SamplingPlan::make on the edited scenario: parameters,
    /// domain, correlations); when it refuses, returns false with its message in `error`, emits
    /// editRejected and leaves the document as it was.
    bool editDistribution(const QString& id, const std::optional<core::DistributionSpec>& spec,
                          QString* error = nullptr);
    /// @brief Move the series of anchor `anchorIndex` through `storedTarget` in the anchor's year
    /// by solving for the assumption the anchor drives. Returns false when it drives nothing.
    bool dragAnchor(int anchorIndex, double storedTarget);
    /// @brief Replace the definitions (assumptions, series, actuals, charts, ...) by `scenario`
    /// as one undo step called `text` (an accepted fit, imported actuals, a model-editor edit),
    /// keeping the file path and the active scenario (base if `scenario` no longer has it).
    /// `scenario` must be one the loader would accept written to a file (core::checkLoadable):
    /// when it is not, returns false with the core's "path: detail" in `error`, emits
    /// editRejected and changes nothing.
    bool replaceDefinitions(core::Scenario scenario, const QString& text, QString* error = nullptr);

    // Applied by undo commands; not undoable themselves.

    /// @brief Set an assumption in the evaluator and the active scenario. Throws
    /// core::ScenarioError (value refused; nothing changes).
    void applyAssumption(const std::string& id, double value);
    void applyScenario(const std::string& id);
    /// @brief Set the distribution of assumption `id` (already checked) and emit
    /// uncertaintyChanged. Contract: the assumption exists.
    void applyDistribution(const std::string& id,
                           const std::optional<core::DistributionSpec>& spec);
    void insertScenario(core::ScenarioDef def);
    void removeScenario(const std::string& id);
    /// Whether a scenario handed to applyDefinitions was already validated (core::validateModel
    /// or core::checkLoadable), as the undo stack's states and replaceDefinitions' are.
    enum class Checked { No, Yes };
    /// @brief Make `scenario` the definitions (validated unless `checked`, then compiled; throws
    /// core::ScenarioError or std::runtime_error, then nothing changes). Views rebuild
    /// (scenariosChanged, then documentReset); the undo stack is kept.
    void applyDefinitions(const core::Scenario& scenario, Checked checked = Checked::No);
    [[nodiscard]] int interactiveSession() const { return m_session; }

signals:
    /// @brief A new file was loaded: views rebuild.
    void documentReset();
    /// @brief Results of these series (indices into Scenario::series) changed.
    void resultsChanged(QList<int> seriesIndices);
    /// @brief An assumption's value changed (by edit, undo or scenario switch), stored unit.
    void assumptionChanged(const QString& id, double value);
    void activeScenarioChanged(const QString& id);
    void scenariosChanged();
    void editRejected(const QString& message);
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);
    /// @brief The language or the display preferences changed: views rebuild their texts and
    /// values.
    void languageChanged();
    /// @brief An assumption's distribution changed (edit, undo, redo): the sampling plan is stale.
    void uncertaintyChanged();

private:
    /// Compose every undo step's text again (language or display units changed).
    void refreshCommandTexts();

    /// Where the current interactive session started for one assumption (range follow).
    struct SessionOrigin {
        int session = 0;
        std::string id;
        double value = 0.0;
        std::optional<core::DistributionSpec> range;
    };

    core::Scenario m_scenario;
    std::map<std::string, double> m_savedBase;  ///< base values as last loaded or saved
    std::unique_ptr<core::Evaluator> m_evaluator;
    std::string m_active = "base";
    QString m_filePath;
    QString m_language = QStringLiteral("en");
    DisplayPreferences m_display;
    QUndoStack* m_undo;
    int m_session = 0;
    int m_sessionCounter = 0;
    SessionOrigin m_origin;
};

}  // namespace jevons::app
