#include "app/mainwindow.h"

#include "app/assumptions/assumptions_panel.h"
#include "app/calibration/calibration_actions.h"
#include "app/charts/chart_grid.h"
#include "app/desktop/new_forecast_dialog.h"
#include "app/document/document.h"
#include "app/document/undo_actions.h"
#include "app/editor/model_editor.h"
#include "app/export/export_actions.h"
#include "app/presentation/presenter_menus.h"
#include "app/scenarios/bridge_view.h"
#include "app/scenarios/differences_model.h"
#include "app/scenarios/scenario_bar.h"
#include "app/table/copyable_table_view.h"
#include "app/table/series_table_model.h"
#include "app/uncertainty/simulation_progress.h"
#include "app/uncertainty/uncertainty_dock.h"
#include "app/uncertainty/uncertainty_engine.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDate>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace jevons::app {
namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kFileFilter = QStringLiteral("Jevons forecasts (*.json);;All files (*)");
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new Document(this)),
      m_assumptions(new AssumptionsPanel(m_document)),
      m_charts(new ChartGrid(m_document)),
      m_chartScroll(new QScrollArea(this)),
      m_tableModel(new SeriesTableModel(m_document, this)),
      m_table(new CopyableTableView(SeriesTableModel::kCopyRole, SeriesTableModel::kValueRole)),
      m_differences(new DifferencesModel(m_document, &m_comparison, this)),
      m_differencesView(new CopyableTableView(SeriesTableModel::kCopyRole)),
      m_differenceYears(new QLineEdit),
      m_scenarioBar(new ScenarioBar(m_document)),
      m_language(new QComboBox) {
    setObjectName(QStringLiteral("mainWindow"));
    m_prompt = [](QWidget* parent) {
        return QMessageBox::warning(
            parent, tr("Unsaved changes"),
            tr("The forecast has unsaved changes. Save them before continuing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    m_messages = [this](const QString& title, const QString& text) {
        QMessageBox::warning(this, title, text);
    };

    // Centre: the charts.
    m_chartScroll->setWidget(m_charts);
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    m_chartScroll->setStyleSheet(QStringLiteral("QScrollArea { background: #F4F6F8; }"));
    m_charts->setStyleSheet(QStringLiteral("background: #F4F6F8;"));
    setCentralWidget(m_chartScroll);

    // Left: the assumptions.
    auto* assumptionsDock = new QDockWidget(tr("Assumptions"), this);
    assumptionsDock->setObjectName(QStringLiteral("assumptionsDock"));
    assumptionsDock->setWidget(m_assumptions);
    assumptionsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, assumptionsDock);

    // Bottom: data table and scenario differences.
    m_table->setModel(m_tableModel);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Years stretch but never below their widest value (CopyableTableView): a narrow window
    // scrolls instead of eliding.
    m_differencesView->setModel(m_differences);
    m_differencesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* differencesPage = new QWidget;
    auto* differencesLayout = new QVBoxLayout(differencesPage);
    differencesLayout->setContentsMargins(4, 4, 4, 4);
    auto* yearsRow = new QHBoxLayout;
    yearsRow->addWidget(new QLabel(tr("Years:")));
    m_differenceYears->setToolTip(tr("Years to compare, e.g. 2025, 2028, 2030"));
    yearsRow->addWidget(m_differenceYears, 1);
    differencesLayout->addLayout(yearsRow);
    differencesLayout->addWidget(m_differencesView, 1);
    connect(m_differenceYears, &QLineEdit::editingFinished, this, [this] {
        QList<int> years;
        static const QRegularExpression yearPattern(QStringLiteral("\\d{4}"));
        for (const auto& m : yearPattern.globalMatch(m_differenceYears->text()))
            years.append(m.captured().toInt());
        m_differences->setYears(years);
    });
    auto* tabs = new QTabWidget;
    tabs->addTab(m_table, tr("Data"));
    tabs->addTab(differencesPage, tr("Scenario differences"));
    auto* dataDock = new QDockWidget(tr("Tables"), this);
    dataDock->setObjectName(QStringLiteral("tablesDock"));
    dataDock->setWidget(tabs);
    dataDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                          QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, dataDock);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    resizeDocks({assumptionsDock}, {360}, Qt::Horizontal);
    resizeDocks({dataDock}, {170}, Qt::Vertical);

    createActions();
    installPresenterMenus(services());  // View (Present F5, Units, Language), Help (About)
    // Histogram and tornado (View → Uncertainty Charts), Edit → Goal Seek… (issue 5).
    UncertaintyDock::install(this, m_document);
    // The scenario bridge (issue 15): View → Scenario Bridge; compare mode brings it up.
    m_bridgeDock = BridgeView::install(this, m_document);
    // The model editor (issue 14): View → Model Editor (Ctrl+Alt+M).
    ModelEditor::install(this, m_document);
    // Uncertainty (issue 5): View → Show Uncertainty; bands follow every edit.
    m_uncertainty = new UncertaintyEngine(m_document, this);
    if (auto* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        view->addAction(m_uncertainty->toggleAction());
    }
    addAction(m_uncertainty->toggleAction());
    connect(m_uncertainty, &UncertaintyEngine::resultChanged, m_charts, &ChartGrid::setUncertainty);
    connect(m_uncertainty, &UncertaintyEngine::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    statusBar()->addPermanentWidget(new SimulationProgress(m_uncertainty, this));

    connect(m_document, &Document::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::documentReset, this, [this] {
        updateTitle();
        QList<int> years;
        std::set<int> unique;
        for (const auto& chart : m_document->scenario().charts)
            for (const auto& c : chart.cagr) unique.insert(c.to);
        for (int y : unique) years.append(y);
        if (years.isEmpty()) years.append(m_document->evaluator().years().last);
        setDifferenceYears(years);
    });
    connect(m_document, &Document::editRejected, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_document, &Document::activeScenarioChanged, this, &MainWindow::refreshComparison);
    connect(m_document, &Document::scenariosChanged, this, &MainWindow::refreshComparison);
    connect(m_document, &Document::languageChanged, this, &MainWindow::refreshComparison);
    connect(m_scenarioBar, &ScenarioBar::compareToggled, this, &MainWindow::setCompareMode);
    connect(m_scenarioBar, &ScenarioBar::saveAsScenarioRequested, this,
            &MainWindow::saveAsScenario);
    statusBar()->showMessage(tr("Ready"));
    updateTitle();
}

MainWindow::~MainWindow() {
    // Widgets may signal the document while they are destroyed (a spin box losing focus ends
    // its edit): take them down while the document is still alive.
    qDeleteAll(findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly));
    delete takeCentralWidget();
}

WindowServices MainWindow::services() { return {this, m_document, m_uncertainty, m_charts}; }

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New\u2026"), this, &MainWindow::newDialog);
    newAction->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAsAction = file->addAction(tr("Save &As\u2026"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    new ExportActions(services(),
                      file);  // File → Export (deck, pictures) and the cards' context menus
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    // "Undo: <label> 25.0% → 30.0%"; Ctrl+Z from whatever widget has focus (undo_actions.h).
    auto* undoActions = new UndoActions(m_document, this);
    QAction* undo = undoActions->undoAction();
    QAction* redo = undoActions->redoAction();
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Save as &Scenario\u2026"), this, &MainWindow::saveAsScenario);
    new CalibrationActions(services(), file, edit);  // Import/Paste actuals, Tools → Fit curve

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(open);
    bar->addAction(saveAction);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addWidget(m_scenarioBar);
    auto* spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh"));
    connect(m_language, &QComboBox::activated, this,
            [this](int i) { m_document->setLanguage(m_language->itemData(i).toString()); });
    connect(m_document, &Document::languageChanged, this, [this] {
        m_language->setCurrentIndex(std::max(0, m_language->findData(m_document->language())));
    });
    bar->addWidget(m_language);
}

void MainWindow::updateTitle() {
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(name + QStringLiteral("[*] \u2014 Jevons"));
    setWindowModified(m_document->isModified());
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified()) return true;
    switch (m_prompt(this)) {
        case QMessageBox::Save:
            return save();
        case QMessageBox::Discard:
            return true;
        default:
            return false;
    }
}

void MainWindow::newDialog() {
    if (!maybeSave()) return;
    NewForecastDialog dialog(shippedTemplates(), m_document->language(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    newForecast(dialog.selectedName());
}

bool MainWindow::newForecast(const QString& templateName) {
    try {
        const auto templates = shippedTemplates();
        const int year = QDate::currentDate().year();
        m_document->loadUntitled(core::newForecast(templates, templateName.toStdString(), year));
    } catch (const std::exception& e) {
        m_messages(tr("Cannot create the forecast"), QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("New forecast: save it to give it a name"), 5000);
    return true;
}

void MainWindow::openDialog() {
    if (!maybeSave()) return;
    const QString start = m_document->filePath().isEmpty()
                              ? QString()
                              : QFileInfo(m_document->filePath()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open forecast"), start, kFileFilter);
    if (!path.isEmpty()) openFile(path);
}

bool MainWindow::openFile(const QString& path) {
    if (!maybeSave()) return false;
    QString error;
    if (!m_document->open(path, &error)) {
        m_messages(tr("Cannot open forecast"), error);
        statusBar()->showMessage(error, 15000);
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::saveTo(const QString& path) {
    QString error;
    if (!m_document->save(path, &error)) {
        const QString text = tr("Could not save %1: %2").arg(path, error);
        m_messages(tr("Save failed"), text);
        statusBar()->showMessage(text, 15000);
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty()) return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save forecast"),
                                                      m_document->filePath(), kFileFilter);
    if (path.isEmpty()) return false;
    return saveTo(path);
}

void MainWindow::saveAsScenario() {
    if (!m_document->isLoaded()) return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save as scenario"), tr("Name of the new scenario:"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty()) return;
    QString id = name.trimmed().toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("_"));
    if (id.isEmpty()) id = QStringLiteral("scenario");
    if (m_document->addScenario(id, name.trimmed()))
        statusBar()->showMessage(tr("Saved scenario %1").arg(name.trimmed()), 5000);
}

void MainWindow::refreshComparison() {
    m_comparison.rebuild(*m_document);
    m_differences->reset();
    if (m_compareMode) m_charts->setRuns(m_comparison.runs());
}

void MainWindow::setCompareMode(bool on) {
    m_compareMode = on;
    if (on && m_bridgeDock) {  // what moves one scenario to another, beside the lines
        m_bridgeDock->show();
        m_bridgeDock->raise();
    }
    m_comparison.rebuild(*m_document);
    m_charts->setRuns(on ? m_comparison.runs() : std::vector<ChartRun>{});
    m_differences->reset();
}

void MainWindow::setDifferenceYears(const QList<int>& years) {
    QStringList text;
    for (int y : years) text << QString::number(y);
    m_differenceYears->setText(text.join(QStringLiteral(", ")));
    m_comparison.rebuild(*m_document);
    m_differences->setYears(years);
}

void MainWindow::addRecentFile(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName() + QStringLiteral("  \u2014  ") + path,
                                this, [this, path] { openFile(path); });
    }
    if (recent.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

bool MainWindow::restoreSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    const bool restored = !geometry.isEmpty() && restoreGeometry(geometry);
    if (!restored) placeForFirstStart(screen());
    restoreState(settings.value(kStateKey).toByteArray());
    return restored;
}

QRect MainWindow::firstStartGeometry(const QRect& available) {
    const QSize size(available.width() * 9 / 10, available.height() * 9 / 10);
    return QRect(available.x() + (available.width() - size.width()) / 2,
                 available.y() + (available.height() - size.height()) / 2, size.width(),
                 size.height());
}

void MainWindow::placeForFirstStart(const QScreen* screen) {
    if (!screen) return;
    const QRect frame = firstStartGeometry(screen->availableGeometry());
    // The client area; the window manager adds its title bar and borders around it.
    setGeometry(frame);
    // Assumptions beside the charts: a quarter of the width, 330 px (a row's label, spin box
    // and range button) to 360 px, so a 1366×768 screen keeps two chart columns.
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("assumptionsDock")))
        resizeDocks({dock}, {std::clamp(frame.width() / 4, 330, 360)}, Qt::Horizontal);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) updateTitle();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

}  // namespace jevons::app
