#include "app/editor/model_editor.h"

#include "app/common/display.h"
#include "app/document/document.h"
#include "app/editor/item_forms.h"
#include "app/editor/model_map.h"
#include "app/editor/reference_forms.h"
#include "app/editor/scenario_grid.h"
#include "app/editor/series_form.h"
#include "core/edit/model_edit.h"
#include "core/scenario/scenario_error.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace jevons::app {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;

QString q(const std::string& s) { return QString::fromStdString(s); }

/// Move element `i` of `v` by `delta` places (clamped); false when it stays.
template <class T>
bool moveIn(std::vector<T>& v, std::size_t i, int delta) {
    const long to = long(i) + delta;
    if (i >= v.size() || to < 0 || to >= long(v.size())) return false;
    std::swap(v[i], v[std::size_t(to)]);
    return true;
}

template <class T>
std::size_t indexOf(const std::vector<T>& v, const std::string& id) {
    return std::size_t(std::find_if(v.begin(), v.end(), [&](const T& t) { return t.id == id; }) -
                       v.begin());
}

}  // namespace

ModelEditor::ModelEditor(Document* document, QWidget* parent)
    : QDockWidget(tr("Model"), parent),
      m_document(document),
      m_tree(new QTreeWidget),
      m_forms(new QStackedWidget),
      m_summary(new QLabel),
      m_assumptionForm(new AssumptionForm(document, this)),
      m_seriesForm(new SeriesForm(document, this)),
      m_chartForm(new ChartForm(document, this)),
      m_scenarioGrid(new ScenarioGrid(document, this)),
      m_forecastForm(new ForecastForm(document, this)),
      m_anchorForm(new AnchorForm(document, this)),
      m_sourceForm(new SourceForm(document, this)),
      m_problem(new QLabel),
      m_inline(new QPushButton(tr("Replace by value and delete"))) {
    setObjectName(QStringLiteral("modelEditorDock"));
    m_tree->setHeaderHidden(true);
    m_tree->setObjectName(QStringLiteral("modelTree"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_forms->addWidget(m_summary);
    m_forms->addWidget(m_assumptionForm);
    m_forms->addWidget(m_seriesForm);
    m_forms->addWidget(m_chartForm);
    m_forms->addWidget(m_scenarioGrid);
    m_forms->addWidget(m_forecastForm);
    m_forms->addWidget(m_anchorForm);
    m_forms->addWidget(m_sourceForm);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inline->hide();
    connect(m_inline, &QPushButton::clicked, this, &ModelEditor::inlineSelected);

    auto* bar = new QHBoxLayout;
    const auto button = [&](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, this, slot);
        bar->addWidget(b);
    };
    auto* add = new QToolButton;
    add->setText(tr("Add"));
    add->setToolTip(tr("Add an item (Insert in the tree adds one like the selected)"));
    add->setPopupMode(QToolButton::InstantPopup);
    add->setObjectName(QStringLiteral("addButton"));
    auto* addMenu = new QMenu(add);
    addMenu->addAction(tr("&Assumption"), this, &ModelEditor::addAssumption);
    addMenu->addAction(tr("&Series (a formula)"), this, &ModelEditor::addSeries);
    addMenu->addAction(tr("&Chart of the selected series"), this, &ModelEditor::addChart);
    addMenu->addAction(tr("&Published figure"), this, &ModelEditor::addAnchor);
    addMenu->addAction(tr("S&ource"), this, &ModelEditor::addSource);
    addMenu->addAction(tr("Sc&enario"), this, &ModelEditor::addScenario);
    add->setMenu(addMenu);
    bar->addWidget(add);
    button(tr("Duplicate"), tr("Duplicate the selected assumption or series"),
           &ModelEditor::duplicateSelected);
    button(tr("Delete"), tr("Delete the selected item (Del in the tree)"),
           &ModelEditor::deleteSelected);
    button(QStringLiteral("\u2191"), tr("Move up (Alt+Up)"), [this] { moveSelected(-1); });
    button(QStringLiteral("\u2193"), tr("Move down (Alt+Down)"), [this] { moveSelected(1); });
    bar->addStretch();

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_forms);
    // A combo box asks for the width of its longest item (a publisher's name, "Combo (columns
    // and lines)"); in a narrow dock the forms would then scroll sideways. They shrink instead,
    // and the open list still shows whole items.
    for (QComboBox* box : m_forms->findChildren<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
        box->setMinimumWidth(80);  // QComboBox keeps the minimum size hint it first worked out
    }
    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(scroll, 1);
    lowerLayout->addWidget(m_problem);
    lowerLayout->addWidget(m_inline);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_tree);
    split->addWidget(lower);
    split->setStretchFactor(1, 2);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setWidget(body);

    // Keys in the tree: Del deletes, Insert adds (an assumption, or a series under Series),
    // Alt+Up/Down reorder.
    const auto key = [&](QKeySequence seq, auto slot) {
        auto* a = new QAction(m_tree);
        a->setShortcut(seq);
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, slot);
        m_tree->addAction(a);
    };
    key(QKeySequence::Delete, &ModelEditor::deleteSelected);
    key(QKeySequence(Qt::Key_Insert), [this] {
        switch (selectedKind()) {
            case Kind::Series:
                return addSeries();
            case Kind::Chart:
                return addChart();
            case Kind::Anchor:
                return addAnchor();
            case Kind::Source:
                return addSource();
            case Kind::Scenario:
                return addScenario();
            default:
                return addAssumption();
        }
    });
    key(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelected(-1); });
    key(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelected(1); });

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        showProblem({});
        showSelected();
    });
    connect(document, &Document::documentReset, this, &ModelEditor::rebuild);
    connect(document, &Document::languageChanged, this, &ModelEditor::rebuild);
    connect(document, &Document::assumptionChanged, this, [this](const QString& id) {
        if (selectedKind() == Kind::Assumption && selectedId() == id) m_assumptionForm->load(id);
    });
    if (document->isLoaded()) rebuild();
}

ModelEditor* ModelEditor::install(QMainWindow* window, Document* document) {
    auto* dock = new ModelEditor(document, window);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("modelEditorAction"));
    toggle->setText(tr("&Model Editor"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    if (auto* view = window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        view->addAction(toggle);
    window->addAction(toggle);

    auto* mapDock = new QDockWidget(tr("Model map"), window);
    mapDock->setObjectName(QStringLiteral("modelMapDock"));
    auto* map = new ModelMap(document, mapDock);
    mapDock->setWidget(map);
    window->addDockWidget(Qt::BottomDockWidgetArea, mapDock);
    mapDock->hide();
    QAction* mapToggle = mapDock->toggleViewAction();
    mapToggle->setObjectName(QStringLiteral("modelMapAction"));
    mapToggle->setText(tr("Model M&ap"));
    mapToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    if (auto* view = window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        view->addAction(mapToggle);
    window->addAction(mapToggle);
    const auto toMap = [](Kind k) {
        return k == Kind::Series  ? ModelMap::Kind::Series
               : k == Kind::Chart ? ModelMap::Kind::Chart
                                  : ModelMap::Kind::Assumption;
    };
    connect(dock, &ModelEditor::selectionChanged, map, [map, toMap](Kind kind, const QString& id) {
        const bool mapped = kind == Kind::Assumption || kind == Kind::Series || kind == Kind::Chart;
        map->highlight(toMap(kind), mapped ? id : QString());
    });
    connect(map, &ModelMap::nodeClicked, dock, [dock](ModelMap::Kind kind, const QString& id) {
        dock->show();
        dock->select(kind == ModelMap::Kind::Series  ? Kind::Series
                     : kind == ModelMap::Kind::Chart ? Kind::Chart
                                                     : Kind::Assumption,
                     id);
    });
    return dock;
}

QTreeWidgetItem* ModelEditor::TreeSync::item(QTreeWidgetItem* parent, Kind kind, const QString& id,
                                             const QString& text, bool expandNew) {
    const int at = m_next[parent]++;
    QTreeWidgetItem* item = nullptr;
    if (parent ? at < parent->childCount() : at < m_tree->topLevelItemCount()) {
        item = parent ? parent->child(at) : m_tree->topLevelItem(at);
    } else {
        item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setExpanded(expandNew);
    }
    if (item->text(0) != text) item->setText(0, text);
    if (item->data(0, kKindRole).toInt() != int(kind)) item->setData(0, kKindRole, int(kind));
    if (item->data(0, kIdRole).toString() != id) item->setData(0, kIdRole, id);
    return item;
}

void ModelEditor::TreeSync::finish() {
    const std::function<void(QTreeWidgetItem*)> trim = [&](QTreeWidgetItem* parent) {
        const int keep = m_next.count(parent) ? m_next.at(parent) : 0;
        if (parent) {
            while (parent->childCount() > keep) delete parent->takeChild(parent->childCount() - 1);
            for (int i = 0; i < parent->childCount(); ++i) trim(parent->child(i));
        } else {
            while (m_tree->topLevelItemCount() > keep)
                delete m_tree->takeTopLevelItem(m_tree->topLevelItemCount() - 1);
            for (int i = 0; i < m_tree->topLevelItemCount(); ++i) trim(m_tree->topLevelItem(i));
        }
    };
    trim(nullptr);
}

void ModelEditor::rebuild() {
    if (!m_document || !m_document->isLoaded()) return;
    Kind kind = m_pendingKind != Kind::None ? m_pendingKind : selectedKind();
    QString id = m_pendingKind != Kind::None ? m_pendingId : selectedId();
    m_pendingKind = Kind::None;
    const core::Scenario& s = m_document->scenario();
    const QString lang = m_document->language();
    const QSignalBlocker block(m_tree);
    // Updated in place: a structural edit changes a line or two of a tree of hundreds, and the
    // branches the analyst opened or closed stay so.
    TreeSync sync(m_tree);
    const auto top = [&](const QString& text, bool expanded = true) {
        return sync.item(nullptr, Kind::None, {}, text, expanded);
    };
    const auto named = [&](const std::string& id, const core::Label& label) -> QString {
        return q(id) + QStringLiteral(" \u2014 ") + labelText(label, lang);
    };
    sync.item(nullptr, Kind::Forecast, {}, tr("Forecast: %1").arg(labelText(s.title, lang)));
    QTreeWidgetItem* assumptions = top(tr("Assumptions"));
    std::vector<std::string> groupOrder;  // file order of first appearance
    for (const core::Assumption& a : s.assumptions)
        if (std::find(groupOrder.begin(), groupOrder.end(), a.group) == groupOrder.end())
            groupOrder.push_back(a.group);
    for (const std::string& name : groupOrder) {
        QTreeWidgetItem* group =
            sync.item(assumptions, Kind::None, q(name), q(s.groupTitle(name, lang.toStdString())));
        for (const core::Assumption& a : s.assumptions)
            if (a.group == name) sync.item(group, Kind::Assumption, q(a.id), named(a.id, a.label));
    }
    QTreeWidgetItem* series = top(tr("Series"));
    for (const core::SeriesDef& d : s.series)
        sync.item(series, Kind::Series, q(d.id), named(d.id, d.label));
    QTreeWidgetItem* charts = top(tr("Charts"));
    for (const core::ChartDef& c : s.charts)
        sync.item(charts, Kind::Chart, q(c.id), named(c.id, c.title));
    QTreeWidgetItem* anchors = top(tr("Published figures"), false);
    for (std::size_t i = 0; i < s.anchors.size(); ++i) {
        const core::Anchor& a = s.anchors[i];
        sync.item(anchors, Kind::Anchor, QString::number(i),
                  QStringLiteral("%1 %2: %3")
                      .arg(q(a.series))
                      .arg(a.year)
                      .arg(labelText(a.figure, lang)));
    }
    QTreeWidgetItem* sources = top(tr("Sources"), false);
    for (const core::Source& src : s.sources)
        sync.item(sources, Kind::Source, q(src.id), labelText(src.publisher, lang));
    QTreeWidgetItem* scenarios = top(tr("Scenarios"));
    for (const core::ScenarioDef& d : s.scenarios)
        sync.item(scenarios, Kind::Scenario, q(d.id), named(d.id, d.label));
    sync.finish();
    if (kind == Kind::None || !select(kind, id))
        m_forms->setCurrentWidget(m_summary), m_summary->clear();
}

bool ModelEditor::select(Kind kind, const QString& id) {
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kKindRole).toInt() == int(kind) &&
            (*it)->data(0, kIdRole).toString() == id) {
            m_tree->setCurrentItem(*it);
            showSelected();
            return true;
        }
    return false;
}

ModelEditor::Kind ModelEditor::selectedKind() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? Kind(item->data(0, kKindRole).toInt()) : Kind::None;
}

QString ModelEditor::selectedId() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

QString ModelEditor::problem() const { return m_problem->text(); }

void ModelEditor::showProblem(const QString& message) {
    m_problem->setText(message);
    if (message.isEmpty()) m_inline->hide();
}

void ModelEditor::showSelected() {
    const QString id = selectedId();
    emit selectionChanged(selectedKind(), id);
    switch (selectedKind()) {
        case Kind::Assumption:
            m_assumptionForm->load(id);
            m_forms->setCurrentWidget(m_assumptionForm);
            return;
        case Kind::Series:
            m_seriesForm->load(id);
            m_forms->setCurrentWidget(m_seriesForm);
            return;
        case Kind::Chart:
            m_chartForm->load(id);
            m_forms->setCurrentWidget(m_chartForm);
            return;
        case Kind::Anchor:
            m_anchorForm->load(id.toInt());
            m_forms->setCurrentWidget(m_anchorForm);
            return;
        case Kind::Source:
            m_sourceForm->load(id);
            m_forms->setCurrentWidget(m_sourceForm);
            return;
        case Kind::Forecast:
            m_forecastForm->load();
            m_forms->setCurrentWidget(m_forecastForm);
            return;
        case Kind::Scenario:
            m_scenarioGrid->load(id);
            m_forms->setCurrentWidget(m_scenarioGrid);
            return;
        case Kind::None:
            m_summary->clear();
            break;
    }
    m_forms->setCurrentWidget(m_summary);
}

bool ModelEditor::apply(const core::Scenario& scenario, const QString& text, Kind kind,
                        const QString& id) {
    m_pendingKind = kind;
    m_pendingId = id;
    QString error;  // "path: detail": the field, and no line of a file that was never written
    if (!m_document->replaceDefinitions(scenario, text, &error)) {
        m_pendingKind = Kind::None;
        showProblem(error);
        return false;
    }
    showProblem({});
    return true;
}

bool ModelEditor::rename(Kind kind, const QString& from, const QString& to) {
    if (to == from) return true;
    try {
        return apply(
            core::edit::renamed(m_document->scenario(), from.toStdString(), to.toStdString()),
            tr("Rename %1 to %2").arg(from, to), kind, to);
    } catch (const core::ScenarioError& e) {
        showProblem(QString::fromStdString(e.path() + ": " + e.detail()));
        return false;
    }
}

void ModelEditor::addAssumption() {
    core::Scenario s = m_document->scenario();
    core::Assumption a;
    a.id = core::edit::freshId(s, "new_assumption");
    a.label = {"New assumption", "新假设"};
    const core::Assumption* selected = s.findAssumption(selectedId().toStdString());
    a.group = selected ? selected->group
                       : (s.assumptions.empty() ? std::string("Assumptions")
                                                : s.assumptions.back().group);
    // In every unit's domain (a share, a rate, a money amount): the analyst sets the unit, then
    // the slider's range, then the value.
    a.value = 0.5;
    a.min = 0.0;
    a.max = 1.0;
    a.step = 0.01;
    // After the selected assumption, else at the end of its group.
    auto at = s.assumptions.end();
    if (selected)
        at = s.assumptions.begin() + std::ptrdiff_t(indexOf(s.assumptions, selected->id) + 1);
    const QString id = q(a.id);
    s.assumptions.insert(at, std::move(a));
    if (apply(s, tr("Add assumption %1").arg(id), Kind::Assumption, id))
        m_assumptionForm->idEdit->setFocus(), m_assumptionForm->idEdit->selectAll();
}

void ModelEditor::addSeries() {
    core::Scenario s = m_document->scenario();
    core::SeriesDef d;
    d.id = core::edit::freshId(s, "new_series");
    d.label = {"New series", "新序列"};
    d.kind = core::SeriesKind::Formula;
    d.expr = "1";
    const QString id = q(d.id);
    s.series.push_back(std::move(d));
    if (apply(s, tr("Add series %1").arg(id), Kind::Series, id))
        m_seriesForm->formula->setFocus(), m_seriesForm->formula->selectAll();
}

void ModelEditor::addChart() {
    core::Scenario s = m_document->scenario();
    const core::SeriesDef* d = s.findSeries(selectedId().toStdString());
    if (!d && !s.series.empty()) d = &s.series.front();
    if (!d) {
        showProblem(tr("Add a series first: a chart plots series."));
        return;
    }
    core::ChartDef c;
    c.id = "chart";
    for (int n = 2; s.findChart(c.id); ++n) c.id = "chart_" + std::to_string(n);
    c.title = d->label;
    c.series = {d->id};
    const QString id = q(c.id);
    s.charts.push_back(std::move(c));
    apply(s, tr("Add chart %1").arg(id), Kind::Chart, id);
}

void ModelEditor::addAnchor() {
    core::Scenario s = m_document->scenario();
    const core::SeriesDef* d = s.findSeries(selectedId().toStdString());
    if (!d && !s.series.empty()) d = &s.series.front();
    if (!d) {
        showProblem(tr("Add a series first: a published figure is shown against a series."));
        return;
    }
    core::Anchor a;
    a.series = d->id;
    a.year = std::min(s.years.first + 5, s.years.last);
    const double v = m_document->evaluator().value(d->id, a.year);
    a.value = std::isfinite(v) ? v : 0.0;
    a.figure = {"New published figure", ""};  // no Chinese until written: the English shows
    if (!s.sources.empty()) a.source = s.sources.front().id;
    s.anchors.push_back(std::move(a));
    const QString index = QString::number(s.anchors.size() - 1);
    if (apply(s, tr("Add a published figure"), Kind::Anchor, index))
        m_anchorForm->value->setFocus(), m_anchorForm->value->selectAll();
}

void ModelEditor::addSource() {
    core::Scenario s = m_document->scenario();
    core::Source src;
    src.id = "source";
    for (int n = 2; s.findSource(src.id); ++n) src.id = "source_" + std::to_string(n);
    src.title = {"New source", "新资料来源"};
    src.publisher = {"Publisher", "发布机构"};
    const QString id = q(src.id);
    s.sources.push_back(std::move(src));
    if (apply(s, tr("Add source %1").arg(id), Kind::Source, id))
        m_sourceForm->titleEn->setFocus(), m_sourceForm->titleEn->selectAll();
}

void ModelEditor::addScenario() {
    core::Scenario s = m_document->scenario();
    core::ScenarioDef d;
    d.id = "scenario";
    for (int n = 2; s.findScenario(d.id); ++n) d.id = "scenario_" + std::to_string(n);
    d.label = {"New scenario", "新情景"};
    const QString id = q(d.id);
    s.scenarios.push_back(std::move(d));
    apply(s, tr("Add scenario %1").arg(id), Kind::Scenario, id);
}

void ModelEditor::duplicateSelected() {
    core::Scenario s = m_document->scenario();
    const std::string id = selectedId().toStdString();
    if (selectedKind() == Kind::Assumption) {
        core::Assumption a = *s.findAssumption(id);
        a.id = core::edit::freshId(s, id + "_copy");
        const QString copy = q(a.id);
        s.assumptions.insert(s.assumptions.begin() + std::ptrdiff_t(indexOf(s.assumptions, id) + 1),
                             a);
        apply(s, tr("Duplicate %1").arg(q(id)), Kind::Assumption, copy);
    } else if (selectedKind() == Kind::Series) {
        core::SeriesDef d = *s.findSeries(id);
        d.id = core::edit::freshId(s, id + "_copy");
        const QString copy = q(d.id);
        s.series.insert(s.series.begin() + std::ptrdiff_t(indexOf(s.series, id) + 1), d);
        apply(s, tr("Duplicate %1").arg(q(id)), Kind::Series, copy);
    }
}

void ModelEditor::deleteSelected() {
    const core::Scenario& s = m_document->scenario();
    const std::string id = selectedId().toStdString();
    try {
        switch (selectedKind()) {
            case Kind::Assumption:
                apply(core::edit::withoutAssumption(s, id), tr("Delete %1").arg(q(id)), Kind::None,
                      {});
                return;
            case Kind::Series:
                apply(core::edit::withoutSeries(s, id), tr("Delete %1").arg(q(id)), Kind::None, {});
                return;
            case Kind::Chart: {
                core::Scenario t = s;
                std::erase_if(t.charts, [&](const core::ChartDef& c) { return c.id == id; });
                apply(t, tr("Delete chart %1").arg(q(id)), Kind::None, {});
                return;
            }
            case Kind::Scenario: {
                core::Scenario t = s;
                std::erase_if(t.scenarios, [&](const core::ScenarioDef& d) { return d.id == id; });
                apply(t, tr("Delete scenario %1").arg(q(id)), Kind::None, {});
                return;
            }
            case Kind::Source:
                apply(core::edit::withoutSource(s, id), tr("Delete source %1").arg(q(id)),
                      Kind::None, {});
                return;
            case Kind::Anchor: {
                core::Scenario t = s;
                t.anchors.erase(t.anchors.begin() + selectedId().toInt());
                apply(t, tr("Delete a published figure"), Kind::None, {});
                return;
            }
            default:
                return;
        }
    } catch (const core::ScenarioError& e) {
        showProblem(QString::fromStdString(e.what()));
        m_inline->setVisible(selectedKind() == Kind::Assumption);
    }
}

void ModelEditor::inlineSelected() {
    if (selectedKind() != Kind::Assumption) return;
    const QString id = selectedId();
    try {
        apply(core::edit::inlined(m_document->scenario(), id.toStdString()),
              tr("Replace %1 by its value").arg(id), Kind::None, {});
    } catch (const core::ScenarioError& e) {
        showProblem(QString::fromStdString(e.what()));
    }
}

void ModelEditor::moveSelected(int delta) {
    core::Scenario s = m_document->scenario();
    const std::string id = selectedId().toStdString();
    bool moved = false;
    switch (selectedKind()) {
        case Kind::Assumption: {
            // Within its group: swap with the neighbour of the same group.
            const std::size_t i = indexOf(s.assumptions, id);
            long j = long(i) + delta;
            while (j >= 0 && j < long(s.assumptions.size()) &&
                   s.assumptions[std::size_t(j)].group != s.assumptions[i].group)
                j += delta;
            if (j >= 0 && j < long(s.assumptions.size()))
                std::swap(s.assumptions[i], s.assumptions[std::size_t(j)]), moved = true;
            break;
        }
        case Kind::Series:
            moved = moveIn(s.series, indexOf(s.series, id), delta);
            break;
        case Kind::Chart:
            moved = moveIn(s.charts, indexOf(s.charts, id), delta);
            break;
        default:
            break;
    }
    if (moved) apply(s, tr("Move %1").arg(q(id)), selectedKind(), q(id));
}

}  // namespace jevons::app
